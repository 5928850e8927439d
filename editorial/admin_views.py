"""Admin views for articles: compare and restore revisions, keep autosaved drafts."""

import json

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.views.decorators.http import require_GET, require_POST
from reversion.models import Version

from editorial.forms import section_errors_in_words
from editorial.preview import (
    article_preview_response,
    preview_link_resolve,
    render_in_rollback,
)
from editorial.publication import share_note, unsaved_note
from editorial.revisions import (
    RestoreRefused,
    article_recover,
    article_versions,
    revision_restore,
    revision_restore_preview,
    snapshot,
    snapshot_diff,
)
from editorial.services import AutosaveRefused, autosave_discard, autosave_fetch, autosave_store
from reviews.models import Article


def _article_and_versions(request: HttpRequest, model_admin: ModelAdmin, object_id: str):
    article = model_admin.get_object(request, object_id)  # None, not a 500, for "abc"
    if article is None:
        raise Http404("No such article.")
    if not model_admin.has_view_or_change_permission(request, article):
        raise PermissionDenied
    return article, article_versions(article)


@require_GET
def revision_compare_view(
    request: HttpRequest, object_id: str, *, model_admin: ModelAdmin
) -> HttpResponse:
    """Differences between two revisions (?old=&new= version ids), section by section."""
    article, versions = _article_and_versions(request, model_admin, object_id)
    try:
        old = versions.get(pk=int(request.GET.get("old", "")))
        new = versions.get(pk=int(request.GET.get("new", "")))
    except (ValueError, versions.model.DoesNotExist) as exc:
        raise Http404("Choose two revisions of this article to compare.") from exc
    if old.revision.date_created > new.revision.date_created:
        old, new = new, old
    article_changes, section_changes = snapshot_diff(snapshot(old), snapshot(new))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "original": article,
        "title": f"Changes to “{article}”",
        "old": old,
        "new": new,
        "article_changes": article_changes,
        "section_changes": section_changes,
    }
    return TemplateResponse(request, "admin/reviews/article/revision_compare.html", context)


@require_POST
def revision_restore_view(
    request: HttpRequest, object_id: str, version_id: str, *, model_admin: ModelAdmin
) -> HttpResponse:
    """Bring back a revision's writing; status, publication, author and catalogue stay."""
    article, versions = _article_and_versions(request, model_admin, object_id)
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    version = get_object_or_404(versions, pk=version_id)
    history = reverse("admin:reviews_article_history", args=[article.pk])
    try:
        restored = revision_restore(article=article, version=version, by=request.user)
    except RestoreRefused as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(history)
    for note in restored.notes:
        messages.warning(request, note)
    if restored.revision is None:
        messages.info(request, "That version's writing is what the article has now: nothing to do.")
        return HttpResponseRedirect(history)
    messages.success(
        request,
        "Restored the writing of that version (status, publication time and author are "
        "unchanged). The restore is itself a revision you can undo.",
    )
    return HttpResponseRedirect(reverse("admin:reviews_article_change", args=[article.pk]))


@require_POST
def article_recover_view(
    request: HttpRequest, version_id: str, *, model_admin: ModelAdmin
) -> HttpResponse:
    """Bring a deleted article back: its own rows only, never the catalogue of its revision."""
    version = get_object_or_404(Version.objects.get_for_model(Article), pk=version_id)
    try:
        article = article_recover(version=version, by=request.user)
    except RestoreRefused as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("admin:reviews_article_recoverlist"))
    messages.success(request, f"Recovered “{article}”. Its status is the one it had then.")
    return HttpResponseRedirect(reverse("admin:reviews_article_change", args=[article.pk]))


def autosave_view(request: HttpRequest, *, model_admin: ModelAdmin) -> HttpResponse:
    """GET ?key= returns this user's draft; POST {key, base_token, data | discard} keeps it."""
    if request.method == "GET":
        key = request.GET.get("key", "")
        try:
            draft = autosave_fetch(user=request.user, key=key)
        except AutosaveRefused as exc:
            return JsonResponse({"error": str(exc)}, status=403)
        return JsonResponse({"draft": draft and _draft_json(draft)})
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        payload = json.loads(request.body or b"{}")
        key = str(payload.get("key", ""))
        if payload.get("discard"):
            autosave_fetch(user=request.user, key=key)  # checks the user may touch it
            autosave_discard(user=request.user, key=key)
            return JsonResponse({"draft": None})
        draft = autosave_store(
            user=request.user,
            key=key,
            base_token=str(payload.get("base_token", "")),
            data=payload.get("data"),
        )
    except (ValueError, AttributeError) as exc:  # JSON errors and AutosaveRefused alike
        status = 403 if isinstance(exc, AutosaveRefused) else 400
        return JsonResponse({"error": str(exc) or "Not a JSON draft."}, status=status)
    return JsonResponse({"draft": _draft_json(draft)})


def _draft_json(draft) -> dict:
    return {
        "key": draft.key,
        "base_token": draft.base_token,
        "data": draft.data,
        "saved_at": draft.saved_at.isoformat(),
    }


@require_POST
def article_preview_view(
    request: HttpRequest, object_id: str | None = None, *, model_admin: ModelAdmin
) -> HttpResponse:
    """The article form as typed, shown as readers would see it, without saving anything."""
    obj = model_admin.get_object(request, object_id) if object_id else None
    if object_id and obj is None:
        raise Http404("No such article.")
    allowed = (
        model_admin.has_change_permission(request, obj)
        if obj
        else model_admin.has_add_permission(request)
    )
    if not allowed:
        raise PermissionDenied
    change = obj is not None
    form_class = model_admin.get_form(request, obj, change=change)
    form_class.check_stale = False
    form = form_class(request.POST, request.FILES, instance=obj)
    valid = form.is_valid()
    article = model_admin.save_form(request, form, change=change) if valid else form.instance
    formsets, _ = model_admin._create_formsets(request, article, change=change)
    if not (valid and all(formset.is_valid() for formset in formsets)):
        return _preview_errors(request, model_admin, form, formsets)

    def write() -> int:
        article.save()
        model_admin.save_related(request, form, formsets, change=change)
        return article.pk

    return render_in_rollback(write, request, note=unsaved_note(article))


def _preview_errors(
    request: HttpRequest, model_admin: ModelAdmin, form, formsets
) -> TemplateResponse:
    """What stops the preview, each problem in words, the form's first and then the sections'."""
    errors = [
        f"{form.fields[name].label if name in form.fields else 'Article'}: {message}"
        for name, messages_ in form.errors.items()
        for message in messages_
    ]
    for formset in formsets:
        errors += section_errors_in_words(formset)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Fix these before previewing",
        "errors": errors,
    }
    return TemplateResponse(
        request, "admin/reviews/article/preview_errors.html", context, status=400
    )


@require_GET
def revision_preview_view(
    request: HttpRequest, object_id: str, version_id: str, *, model_admin: ModelAdmin
) -> HttpResponse:
    article, versions = _article_and_versions(request, model_admin, object_id)
    version = get_object_or_404(versions, pk=version_id)

    def write() -> int:
        # What Restore would make of the article: that revision's writing, today's status.
        return revision_restore_preview(article=article, version=version)

    when = date_format(localtime(version.revision.date_created), "DATETIME_FORMAT")
    try:
        note = f"Preview of the revision saved {when}, as Restore would bring it back"
        return render_in_rollback(write, request, note=note)
    except RestoreRefused as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("admin:reviews_article_history", args=[article.pk]))


@require_GET
def preview_link_view(request: HttpRequest, token: str) -> HttpResponse:
    """What an outside reader (a fact-checker) sees through a share link: no account needed."""
    link = preview_link_resolve(token)
    if link is None:
        raise Http404("This preview link is invalid, expired or revoked.")
    note = share_note(link.article, until=link.expires_at)
    response = article_preview_response(request, link.article_id, note=note)
    response["Referrer-Policy"] = "no-referrer"  # the token must not leak to linked sites
    return response
