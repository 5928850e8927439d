from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.http import HttpRequest
from django.utils.html import format_html

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


@admin.register(LogEntry)
class AuditLogAdmin(FastChangeList):
    """Who changed what and when in the admin: articles, films, people and everything else."""

    list_display = ["action_time", "user", "content_type", "target", "action", "change_message"]
    list_select_related = ["user", "content_type"]
    list_filter = ["action_flag", "content_type"]
    search_fields = ["object_repr", "user__username"]
    ordering = ["-action_time"]

    @admin.display(description="Object")
    def target(self, entry: LogEntry) -> str:
        url = entry.get_admin_url()
        return (
            format_html('<a href="{}">{}</a>', url, entry.object_repr) if url else entry.object_repr
        )

    @admin.display(description="Action")
    def action(self, entry: LogEntry) -> str:
        return {1: "Added", 2: "Changed", 3: "Deleted"}.get(entry.action_flag, "")

    @admin.display(description="What changed")
    def change_message(self, entry: LogEntry) -> str:
        return entry.get_change_message()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
