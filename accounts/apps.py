from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from accounts import signals

        signals.connect_signals()


class StaffAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with the staff site that asks for a second factor as its default."""

    default = False  # named in INSTALLED_APPS in place of django.contrib.admin
    default_site = "accounts.admin_site.StaffAdminSite"
