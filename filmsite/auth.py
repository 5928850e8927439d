"""Authentication backends: django-axes' login throttle, for logins that come over HTTP."""

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuse a locked-out username+IP; logins without a request (shell, commands) have no IP."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password=None, **kwargs
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
