"""The article admin: the editors' workflow around an article and its sections.

Registered here, by editorial, not by reviews, which owns the Article model: everything this
admin adds (roles, autosave, previews, revisions, conflicts, publication) is editorial's, and
reviews imports nothing of editorial. The importer extends it with the "Import text" page
(importer/admin.py); its URLs keep the model's names (``admin:reviews_article_*``).
"""

from functools import partial

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponseNotAllowed
from django.urls import URLPattern, path, reverse
from reversion.admin import VersionAdmin

from editorial import presence
from editorial.admin_views import (
    article_preview_view,
    article_recover_view,
    autosave_view,
    revision_compare_view,
    revision_preview_view,
    revision_restore_view,
)
from editorial.conflicts import conflict_resolved_data
from editorial.forms import (
    WORKFLOW_FIELD,
    ArticleEditorialForm,
    SectionForm,
    SectionFormSet,
    section_errors_in_words,
    workflow_actions,
)
from editorial.models import PreviewLink
from editorial.preview import preview_link_url
from editorial.publication import publication_message, publication_state
from editorial.revisions import article_versions
from editorial.services import (
    article_status_record,
    articles_editable_by,
    author_for_user,
    autosave_discard,
    can_edit_article,
    can_publish,
)
from filmsite.admin_utils import FastChangeList, InputFilter, PrefetchedAutocompleteInline
from reviews.models import Article, Section


class SectionInline(PrefetchedAutocompleteInline, admin.StackedInline):
    """Sections in their order: a new one goes last, and editors drag them (sections.js)."""

    model = Section
    form = SectionForm
    formset = SectionFormSet
    extra = 0
    ordering = ["order"]
    fields = [
        ("order", "kind", "is_spoiler"),
        "heading",
        "body",
        ("character", "image"),
        "image_slot",
    ]
    autocomplete_fields = ["character", "image"]
    classes = ["sections"]


class FilmFilter(InputFilter):
    title = "film"
    parameter_name = "film"

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if not self.value():
            return queryset
        # A subquery, not a join: no duplicate rows when an article covers two matching films.
        covering = Article.films.through.objects.filter(film__title__icontains=self.value())
        return queryset.filter(pk__in=covering.values("article_id"))


class TagFilter(InputFilter):
    title = "tag"
    parameter_name = "tag"

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if not self.value():
            return queryset
        tagged = Article.tags.through.objects.filter(tag__name__iexact=self.value())
        return queryset.filter(pk__in=tagged.values("object_id"))


class ArticleAdmin(VersionAdmin, FastChangeList):
    """Articles with their sections; contributors see and edit only their own drafts."""

    form = ArticleEditorialForm

    class Media:
        js = ["editorial/autosave.js", "editorial/sections.js", "editorial/copy.js"]
        css = {"all": ["editorial/admin.css"]}

    list_display = [
        "title",
        "kind",
        "publication",
        "author",
        "published_at",
        "rating",
        "spoiler_sections",
    ]
    list_select_related = ["author"]
    list_filter = ["status", "kind", "author", FilmFilter, TagFilter]
    search_fields = ["title", "standfirst"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["films", "author", "lead_image"]
    inlines = [SectionInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "standfirst", "author", "films"]}),
        ("Publication", {"fields": ["for_readers", "status", "published_at", "edit_token"]}),
        ("Review", {"fields": ["rating", "verdict"]}),
        ("Presentation", {"fields": ["lead_image", "tags"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        articles = (
            super()
            .get_queryset(request)
            .annotate(
                spoiler_count=Count("sections", filter=Q(sections__is_spoiler=True)),
                section_count=Count("sections"),
            )
        )
        return articles_editable_by(request.user, articles)

    @admin.display(description="Spoiler sections", ordering="spoiler_count")
    def spoiler_sections(self, article: Article) -> str:
        return f"{article.spoiler_count} of {article.section_count}"

    # Links to the "Import text" page (importer/admin.py).
    change_list_template = "admin/reviews/article/change_list.html"

    # History with "compare" and "restore" (editorial/admin_views.py).
    object_history_template = "admin/reviews/article/object_history.html"

    def history_view(self, request: HttpRequest, object_id: str, extra_context=None):
        article = self.get_object(request, object_id)
        actions = [
            {
                "revision": version.revision,
                "version_id": version.pk,
                "url": reverse(
                    "admin:reviews_article_revision", args=[version.object_id, version.pk]
                ),
            }
            for version in (article_versions(article) if article else [])
        ]
        may_restore = article is not None and self.has_change_permission(request, article)
        context = {"action_list": actions, "may_restore": may_restore}
        return super().history_view(request, object_id, {**context, **(extra_context or {})})

    def get_urls(self) -> list[URLPattern]:
        def view(function):
            return self.admin_site.admin_view(partial(function, model_admin=self))

        return [
            path("autosave/", view(autosave_view), name="reviews_article_autosave"),
            path("preview/", view(article_preview_view), name="reviews_article_preview_new"),
            # Before "<path:object_id>/preview/", which would swallow "1/history/5/preview/".
            path(
                "<path:object_id>/history/<int:version_id>/preview/",
                view(revision_preview_view),
                name="reviews_article_revision_preview",
            ),
            path(
                "<path:object_id>/preview/",
                view(article_preview_view),
                name="reviews_article_preview",
            ),
            path(
                "<path:object_id>/history/compare/",
                view(revision_compare_view),
                name="reviews_article_revision_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(revision_restore_view),
                name="reviews_article_revision_restore",
            ),
            *super().get_urls(),
        ]

    # django-reversion reverts a revision first and asks the change form second, keeping the
    # revert when the form answers with a redirect; for an article outside the user's queryset
    # the form's "doesn't exist" redirect would have kept a contributor's revert of another
    # critic's article. So: only articles this user may see, and writes only where they may edit.
    def revision_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context=None
    ):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such article.")
        if request.method != "GET":
            # Saving here reverted every row in the revision (an import's films and credits) and
            # the status: History's "Restore" brings back the writing only (editorial/revisions).
            return HttpResponseNotAllowed(["GET"])
        return super().revision_view(request, object_id, version_id, extra_context)

    # A deleted article's revisions name no owner we could check, and recovering one (perhaps
    # published) puts it back online: that is the editors' decision.
    def recover_view(self, request: HttpRequest, version_id: str, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        if request.method != "GET":  # reversion's save reverted the catalogue in the revision too
            return article_recover_view(request, version_id, model_admin=self)
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request: HttpRequest, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied  # the list names other critics' deleted articles
        return super().recoverlist_view(request, extra_context)

    def get_form(self, request: HttpRequest, obj: Article | None = None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        busy = getattr(request, "database_busy", False)
        return type(form.__name__, (form,), {"user": request.user, "database_busy": busy})

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None):
        if can_publish(request.user):
            return ["for_readers"]
        return ["for_readers", "author", "published_at"]  # contributors write; editors decide

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_edit_article(request.user, obj))

    def has_delete_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or can_edit_article(request.user, obj))

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        if not change and obj.author_id is None and not can_publish(request.user):
            obj.author = author_for_user(request.user)
        from_status = form.initial.get("status", "") if change else ""
        obj.from_status = from_status  # for the message after the save (response_change)
        super().save_model(request, obj, form, change)
        article_status_record(article=obj, from_status=from_status, by=request.user)
        presence.editing_left(article_id=obj.pk, user_id=request.user.pk)
        # Saved for real: the autosaved copy has done its job.
        autosave_discard(user=request.user, key=f"article-{obj.pk}" if change else "article-new")

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        if request.method == "GET" and object_id.isdigit():
            name = request.user.get_full_name() or request.user.get_username()
            others = presence.editing_seen(
                article_id=int(object_id), user_id=request.user.pk, name=name
            )
            if others:
                messages.warning(
                    request,
                    f"Also editing this article right now: {', '.join(others)}. "
                    "If they save first, your save will be stopped so nothing is overwritten.",
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["conflict"] = getattr(context["adminform"].form, "conflict", None)
        context["workflow_actions"] = workflow_actions(request.user, obj)
        if obj and obj.pk and request.user.has_perm("editorial.view_previewlink"):
            context["share_links"] = [
                (link, request.build_absolute_uri(preview_link_url(link)))
                for link in PreviewLink.objects.usable().filter(article=obj)
            ]
        context["section_errors"] = [
            line
            for inline in context.get("inline_admin_formsets", [])
            if isinstance(inline.formset, SectionFormSet) and inline.formset.is_bound
            for line in section_errors_in_words(inline.formset)
        ]
        context["autosave_confirmed"] = request.session.pop(AUTOSAVE_CONFIRMED, None)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changelist_view(self, request: HttpRequest, extra_context=None):
        confirmed = request.session.pop(AUTOSAVE_CONFIRMED, None)
        return super().changelist_view(
            request, {"autosave_confirmed": confirmed, **(extra_context or {})}
        )

    # The browser keeps its copy of the form until the page after the save names the submit it
    # sent (static/editorial/autosave.js): only a save that went through says so.
    def _confirm_autosave(self, request: HttpRequest, obj: Article, key: str) -> None:
        submit_id = request.POST.get("autosave_submit_id", "")[:64]
        if submit_id:
            request.session[AUTOSAVE_CONFIRMED] = {"key": key, "submit": submit_id}

    @admin.display(description="Status", ordering="status")
    def publication(self, article: Article) -> str:
        return publication_state(article)

    @admin.display(description="For readers")
    def for_readers(self, article: Article) -> str:
        if not article.pk:
            return "Not saved yet"
        if article.is_live:
            return "Published: readers can see it."
        yet = "" if article.status == Article.Status.UNPUBLISHED else " yet"
        return f"{publication_state(article)}: readers cannot see it{yet}."

    def _say_what_publishing_did(self, request: HttpRequest, obj: Article) -> None:
        if WORKFLOW_FIELD in request.POST or getattr(obj, "from_status", "") != obj.status:
            address = request.build_absolute_uri(obj.get_absolute_url())
            messages.info(request, publication_message(obj, address=address))
        if WORKFLOW_FIELD in request.POST:  # a publication button: back to the form
            request.POST = request.POST.copy()
            request.POST["_continue"] = "1"

    def response_add(self, request: HttpRequest, obj: Article, post_url_continue=None):
        self._confirm_autosave(request, obj, "article-new")
        self._say_what_publishing_did(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request: HttpRequest, obj: Article):
        self._confirm_autosave(request, obj, f"article-{obj.pk}")
        self._say_what_publishing_did(request, obj)
        return super().response_change(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id and request.POST.get("conflict_token"):
            # Choices made on the edit-conflict screen: "take theirs" puts the saved version's
            # text into the form before anything validates (editorial/conflicts.py).
            current = self.get_object(request, unquote(object_id))
            token = current.updated_at.isoformat() if current else None
            if token == request.POST["conflict_token"] and self.has_change_permission(
                request, current
            ):
                request.POST = conflict_resolved_data(current, request.POST)
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OperationalError as exc:
            if request.method != "POST" or not _database_busy(exc):
                raise
        # Everything was rolled back. Show the form again as the user sent it, saying why,
        # outside a transaction: on SQLite, IMMEDIATE would wait for the same lock again.
        request.session.pop(AUTOSAVE_CONFIRMED, None)
        request.database_busy = True
        return self._changeform_view(request, object_id, form_url, extra_context)


AUTOSAVE_CONFIRMED = "filmsite.autosave_confirmed"


def _database_busy(exc: OperationalError) -> bool:
    """SQLite's "database is locked" after its busy timeout; PostgreSQL's lock timeout."""
    message = str(exc).lower()
    return "database is locked" in message or "lock timeout" in message
