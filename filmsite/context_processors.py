from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, str]:
    """The publication's name, for the header and page titles."""
    return {"site_name": settings.FILMSITE_NAME}
