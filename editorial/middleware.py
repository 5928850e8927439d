from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from editorial.models import Redirect
from editorial.services import page_is_public
from filmsite.links import page_url


class RedirectFallbackMiddleware:
    """On a 404, send the reader on to the page's current address if it used to live here."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        if "\x00" in request.path:  # no stored path has one, and PostgreSQL refuses to compare it
            return response
        redirect = (
            Redirect.objects.filter(old_path=request.path).select_related("content_type").first()
        )
        target = redirect and redirect.target
        # A page readers cannot see now (a draft, an unpublished or scheduled article) keeps its
        # 404, and its address a secret; a redirect to the path asked for would loop.
        if target is None or not page_is_public(target):
            return response
        url = page_url(target)
        if url == request.path:
            return response
        if request.META.get("QUERY_STRING"):
            url = f"{url}?{request.META['QUERY_STRING']}"
        return HttpResponsePermanentRedirect(url)
