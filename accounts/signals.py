"""At sign-in, remember in the session whether this user must give a second factor."""

from django.contrib.auth.signals import user_logged_in


def _remember(sender, request, user, **kwargs) -> None:
    from accounts.services import remember_second_factor

    if request is not None and hasattr(request, "session"):
        remember_second_factor(request, user)


def connect_signals() -> None:
    user_logged_in.connect(_remember, dispatch_uid="accounts_remember_second_factor")
