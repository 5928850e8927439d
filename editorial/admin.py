from django.contrib import admin
from django.http import HttpRequest

from editorial.models import Redirect, StatusChange
from filmsite.admin_utils import FastChangeList


@admin.register(StatusChange)
class StatusChangeAdmin(FastChangeList):
    """The publication's status log: read-only, it is a record."""

    list_display = ["changed_at", "article", "from_status", "to_status", "changed_by"]
    list_select_related = ["article", "changed_by"]
    list_filter = ["to_status"]
    search_fields = ["article__title"]
    date_hierarchy = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Redirect)
class RedirectAdmin(FastChangeList):
    list_display = ["old_path", "content_type", "object_id", "created_at"]
    list_select_related = ["content_type"]
    search_fields = ["old_path"]
    readonly_fields = ["content_type", "object_id", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # recorded automatically when a slug changes
