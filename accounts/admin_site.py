"""The admin site, with two-factor sign-in for staff (django-otp underneath).

Staff who have set up an authenticator app must give its code at sign-in; where
FILMSITE_REQUIRE_2FA_FOR_SUPERUSERS is on, a superuser without one can do nothing in the admin
but set it up.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern, path, reverse

from accounts.forms import StaffAuthenticationForm
from accounts.services import must_enrol


class StaffAdminSite(admin.AdminSite):
    login_form = StaffAuthenticationForm
    login_template = "admin/accounts/login.html"

    def has_permission(self, request: HttpRequest) -> bool:
        from accounts.services import is_fully_signed_in

        return super().has_permission(request) and is_fully_signed_in(request)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.is_staff and not user.is_verified() and must_enrol(user):
            return HttpResponseRedirect(reverse("admin:two_factor"))
        response = super().login(request, extra_context)
        if request.method == "POST" and request.user.is_authenticated and must_enrol(request.user):
            return HttpResponseRedirect(reverse("admin:two_factor"))
        return response

    def get_urls(self) -> list[URLPattern]:
        from accounts.views import two_factor_view

        return [
            path("two-factor/", two_factor_view, {"site": self}, name="two_factor"),
            *super().get_urls(),
        ]
