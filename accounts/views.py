"""The admin page where a staff member turns two-factor sign-in on or off."""

from __future__ import annotations

from base64 import b32encode

import segno
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import match_token, user_has_device

from accounts import services

TEMPLATE = "admin/accounts/two_factor.html"


@never_cache
@require_http_methods(["GET", "POST"])
@staff_member_required
def two_factor_view(request: HttpRequest, *, site: admin.AdminSite) -> HttpResponse:
    user = request.user
    confirmed = user_has_device(user)
    if confirmed and not user.is_verified():
        # Signed in before the app was set up elsewhere: the code is needed before any change.
        return HttpResponseRedirect(f"{reverse('admin:login')}?next={request.path}")
    context = {
        **site.each_context(request),
        "must_enrol": services.must_enrol(user),
        "device_confirmed": confirmed,
        "can_turn_off": not (user.is_superuser and services.must_enrol_setting()),
    }
    action = request.POST.get("action") if request.method == "POST" else None
    token = "".join(request.POST.get("token", "").split()).lower()
    if action == "confirm" and not confirmed:
        codes = services.app_device_confirm(request, services.app_device_unconfirmed(user), token)
        if codes is not None:
            return render(request, TEMPLATE, {**context, "backup_codes": codes})
        context["error"] = (
            "That code is not right. Wait a few seconds, then enter the six digits the app "
            "shows at that moment."
        )
    elif action in {"backup_codes", "turn_off"} and confirmed:
        response = _confirmed_device_action(request, action, token, context)
        if response is not None:
            return response
    elif action is not None:
        context["error"] = "That action is not available now; the page has been reloaded."
    _add_device_state(user, context)
    status = 400 if context.get("error") else 200
    return render(request, TEMPLATE, context, status=status)


def _confirmed_device_action(
    request: HttpRequest, action: str, token: str, context: dict
) -> HttpResponse | None:
    """New backup codes, or two-factor turned off, once the app's code is right.

    None: the page is shown again, with the error put in `context`.
    """
    user = request.user
    if match_token(user, token) is None:
        context["error"] = "That code is not right. Enter the one the app shows now."
    elif action == "backup_codes":
        return render(
            request, TEMPLATE, {**context, "backup_codes": services.backup_codes_renew(user)}
        )
    elif context["can_turn_off"]:
        services.second_factor_remove(user)
        request.session[services.SESSION_KEY] = services.OPTIONAL
        messages.success(
            request, "Two-factor sign-in is off. Signing in asks for your password only."
        )
        return HttpResponseRedirect(reverse("admin:two_factor"))
    else:
        context["error"] = "Superusers cannot turn two-factor sign-in off on this site."
    return None


def _add_device_state(user, context: dict) -> None:
    """The app's secret and QR code while it is unconfirmed; after, the backup codes left."""
    if not context["device_confirmed"]:
        device = services.app_device_unconfirmed(user)
        key = b32encode(device.bin_key).decode()
        context["secret"] = " ".join(key[i : i + 4] for i in range(0, len(key), 4))
        # segno's inline SVG holds no script, so the strict CSP still applies.
        svg = segno.make(device.config_url, error="m").svg_inline(
            scale=4, title="QR code for your app"
        )
        context["qr_svg"] = mark_safe(svg)
    else:
        context["backup_codes_left"] = services.backup_codes_left(user)
