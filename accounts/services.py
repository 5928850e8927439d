"""Two-factor sign-in for staff: who must give a code, enrolment, backup codes.

django-otp keeps the devices (an authenticator app as a TOTPDevice, backup codes as a
StaticDevice) and marks a session verified once a code is accepted; this module holds the
house rules around it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

# What the session remembers from sign-in, so the admin does not look devices up per request.
SESSION_KEY = "accounts_second_factor"
REQUIRED, OPTIONAL = "required", "optional"
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10


def must_enrol_setting() -> bool:
    return settings.FILMSITE_REQUIRE_2FA_FOR_SUPERUSERS


def must_enrol(user: AbstractBaseUser) -> bool:
    """A superuser without an authenticator app, where the setting requires one."""
    return must_enrol_setting() and user.is_superuser and not user_has_device(user)


def second_factor(user: AbstractBaseUser) -> str:
    """REQUIRED when the user has a confirmed device or must enrol, else OPTIONAL."""
    return REQUIRED if user_has_device(user) or must_enrol(user) else OPTIONAL


def remember_second_factor(request: HttpRequest, user: AbstractBaseUser) -> str:
    state = second_factor(user)
    request.session[SESSION_KEY] = state
    return state


def is_fully_signed_in(request: HttpRequest) -> bool:
    """Password, and a code where one is required. Fails closed for a session from before 2FA."""
    user = request.user
    if not user.is_authenticated:
        return False
    if user.is_verified():
        return True
    state = request.session.get(SESSION_KEY) or remember_second_factor(request, user)
    return state == OPTIONAL


def app_device_unconfirmed(user: AbstractBaseUser) -> TOTPDevice:
    """The authenticator app being set up: one unconfirmed device per user, made on first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def app_device_confirm(request: HttpRequest, device: TOTPDevice, token: str) -> list[str] | None:
    """Check a first code from the app; on success, turn 2FA on and return fresh backup codes."""
    if not device.verify_token(token.replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    request.session[SESSION_KEY] = REQUIRED
    return backup_codes_renew(device.user)


@transaction.atomic
def backup_codes_renew(user: AbstractBaseUser) -> list[str]:
    """Replace the user's backup codes; each works once. Shown to the user once, never again."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def second_factor_remove(user: AbstractBaseUser) -> None:
    """Turn two-factor sign-in off for a user: their app and backup codes are forgotten."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
