"""The admin's sign-in form: password, then the authenticator app's code where one is set up."""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django_otp import devices_for_user, match_token, user_has_device


def _throttled(user) -> bool:
    """Whether django-otp's back-off after wrong codes is holding every device of the user."""
    return all(not device.verify_is_allowed()[0] for device in devices_for_user(user))


class StaffAuthenticationForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label="Code from your authenticator app",
        required=False,
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        help_text="Only if you have turned on two-factor sign-in. A backup code works too.",
    )

    def clean(self) -> dict:
        cleaned = super().clean()  # the password; raises if it is wrong or the user is not staff
        user = self.get_user()
        if user is None or not user_has_device(user):
            return cleaned
        token = "".join(cleaned.get("otp_token", "").split()).lower()
        device = match_token(user, token) if token else None
        if device is None and token and _throttled(user):
            raise forms.ValidationError(
                "Too many wrong codes in a row: wait a few seconds, then enter the code "
                "the app shows at that moment.",
                code="otp_throttled",
            )
        if device is None:
            # A right password with a wrong code counts against the throttle like a wrong password.
            user_login_failed.send(
                sender=__name__,
                credentials={"username": cleaned.get("username")},
                request=self.request,
            )
            message = (
                "Enter the code your authenticator app shows now, or one of your backup codes."
                if not token
                else "That code is not right, or has expired. Enter the one the app shows now."
            )
            raise forms.ValidationError(message, code="otp_invalid")
        user.otp_device = device  # django_otp marks the session verified at login
        return cleaned
