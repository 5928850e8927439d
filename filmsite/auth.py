"""Authentication backends: django-axes' login throttle, per address and per account."""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone

ACCOUNT_LOCKED_MESSAGE = (
    "Too many failed sign-ins for this account from several addresses. "
    "Sign-in for it is paused for {minutes} minutes."
)


def account_failures(username: str) -> int:
    """Failed sign-ins for one username from every address within the cool-off time."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    total = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return total or 0


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuse a locked-out username+IP, and an account guessed at from many addresses.

    Logins without a request (shell, commands) have no IP and are not throttled. Axes locks a
    username+address pair after AXES_FAILURE_LIMIT failures; a guesser spread over many
    addresses is stopped by the account's total, FILMSITE_ACCOUNT_FAILURE_LIMIT, set higher so
    that one noisy address cannot lock an editor out.
    """

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password=None, **kwargs
    ) -> None:
        if request is None:
            return None
        if username and account_failures(username) >= settings.FILMSITE_ACCOUNT_FAILURE_LIMIT:
            minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
            kwargs.get("response_context", {})["error"] = ACCOUNT_LOCKED_MESSAGE.format(
                minutes=minutes
            )
            request.axes_locked_out = True
            raise AxesBackendPermissionDenied("Too many failures for this account")
        return super().authenticate(request, username, password, **kwargs)
