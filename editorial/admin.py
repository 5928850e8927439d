from django import forms
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from editorial.article_admin import ArticleAdmin
from editorial.models import PreviewLink, Redirect, StatusChange
from editorial.preview import (
    DEFAULT_LINK_DAYS,
    MAX_LINK_DAYS,
    preview_link_create,
    preview_link_revoke,
    preview_link_url,
)
from filmsite.admin_utils import FastChangeList
from reviews.models import Article

# Reviews owns the Article model, editorial its admin (editorial/article_admin.py).
admin.site.register(Article, ArticleAdmin)


class RecordAdmin(FastChangeList):
    """A log that nobody edits: readable by those allowed to view it, and that is all."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(StatusChange)
class StatusChangeAdmin(RecordAdmin):
    """The publication's status log: read-only, it is a record."""

    list_display = ["changed_at", "article", "from_status", "to_status", "changed_by"]
    list_select_related = ["article", "changed_by"]
    list_filter = ["to_status"]
    search_fields = ["article__title"]
    date_hierarchy = None


@admin.register(Redirect)
class RedirectAdmin(FastChangeList):
    list_display = ["old_path", "content_type", "object_id", "created_at"]
    list_select_related = ["content_type"]
    search_fields = ["old_path"]
    readonly_fields = ["content_type", "object_id", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # recorded automatically when a slug changes


@admin.register(LogEntry)
class AuditLogAdmin(RecordAdmin):
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


class PreviewLinkForm(forms.ModelForm):
    days = forms.IntegerField(
        min_value=1,
        max_value=MAX_LINK_DAYS,
        initial=DEFAULT_LINK_DAYS,
        help_text=f"How long the link works: 1 to {MAX_LINK_DAYS} days.",
    )

    class Meta:
        model = PreviewLink
        fields = ["article", "note"]


@admin.register(PreviewLink)
class PreviewLinkAdmin(FastChangeList):
    """Share an unpublished article with someone who has no account; revoke it any time."""

    form = PreviewLinkForm
    list_display = ["article", "note", "created_by", "expires_at", "state", "link"]
    list_select_related = ["article", "created_by"]
    search_fields = ["article__title", "note"]
    autocomplete_fields = ["article"]
    actions = ["revoke"]

    def get_fields(self, request: HttpRequest, obj: PreviewLink | None = None):
        return ["article", "note", "days"] if obj is None else ["article", "note", "link", "state"]

    def get_readonly_fields(self, request: HttpRequest, obj: PreviewLink | None = None):
        return [] if obj is None else ["article", "link", "state"]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {"article": request.GET.get("article")}

    def save_model(self, request, obj, form, change) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        created = preview_link_create(
            article=obj.article, by=request.user, days=form.cleaned_data["days"], note=obj.note
        )
        obj.pk, obj.public_id, obj.expires_at = created.pk, created.public_id, created.expires_at
        obj._state.adding = False

    def response_add(self, request: HttpRequest, obj: PreviewLink, post_url_continue=None):
        if "_addanother" in request.POST or "_continue" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        # Back to the article: its form lists the share links as full addresses, with Copy.
        address = request.build_absolute_uri(preview_link_url(obj))
        self.message_user(request, f"Share link made: {address}")
        return HttpResponseRedirect(reverse("admin:reviews_article_change", args=[obj.article_id]))

    @admin.display(description="Link")
    def link(self, obj: PreviewLink) -> str:
        url = preview_link_url(obj)
        return format_html('<a href="{}" rel="noreferrer" target="_blank">{}</a>', url, url)

    @admin.display(description="State")
    def state(self, obj: PreviewLink) -> str:
        if obj.revoked_at:
            return "Revoked"
        return "Expired" if obj.expires_at <= timezone.now() else "Live"

    @admin.action(description="Revoke the selected links")
    def revoke(self, request: HttpRequest, queryset) -> None:
        for link in queryset:
            preview_link_revoke(link=link)
        self.message_user(request, f"Revoked {len(queryset)} link(s); they now show nothing.")
