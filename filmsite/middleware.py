"""Response headers Django has no setting for: Content-Security-Policy and Permissions-Policy.

The policies themselves live in settings (CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY); this
only serialises them, once, and adds them to every response that does not set its own.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def serialise_csp(policy: dict[str, list[str]]) -> str:
    """{"default-src": ["'self'"]} -> "default-src 'self'"."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


def serialise_permissions_policy(policy: dict[str, list[str]]) -> str:
    """{"camera": []} -> "camera=()"; {"fullscreen": ["self"]} -> "fullscreen=(self)"."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in policy.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.headers = {
            "Content-Security-Policy": serialise_csp(settings.CONTENT_SECURITY_POLICY),
            "Permissions-Policy": serialise_permissions_policy(settings.PERMISSIONS_POLICY),
        }

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for header, value in self.headers.items():
            response.headers.setdefault(header, value)
        return response
