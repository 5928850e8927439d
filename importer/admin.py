"""The admin's "Import text" page: paste or upload a critic's text, preview it, then confirm.

It extends editorial's article admin with the page (ArticleWithImportAdmin, at the end).

The preview is a dry run of the same service the import_texts command uses; confirming runs it
for real. Everything shown comes from an untrusted text, so the template only auto-escapes.
"""

from __future__ import annotations

import hashlib
from functools import partial
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.urls import URLPattern, path, reverse

from editorial.article_admin import ArticleAdmin
from editorial.services import can_publish
from importer.parse.document import decode_and_parse
from importer.parse.records import ImportTextError
from importer.save import ImportResult, article_import
from reviews.models import Article

TEMPLATE = "admin/reviews/article/import_text.html"
MAX_MESSAGES = 10
FILM_PICK = "film_pick"  # the preview's radio list of film candidates


class ImportTextForm(forms.Form):
    text = forms.CharField(
        label="Text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 90, "spellcheck": "false"}),
        help_text="Paste the critic's text: plain text or Markdown with front matter.",
    )
    upload = forms.FileField(
        label="Or upload a file",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.md,.markdown,text/plain"}),
    )
    film = forms.CharField(
        label="Film",
        required=False,
        max_length=250,
        help_text="Optional: \u201cTitle (Year)\u201d, when the text does not name its film.",
    )
    publish = forms.BooleanField(
        label="Publish now", required=False, help_text="Otherwise the article is a draft."
    )
    overwrite = forms.BooleanField(
        label="Replace an edited article",
        required=False,
        help_text="If this text was imported before and the article has been edited since, "
        "replace the edits. Otherwise the edited article is left as it is.",
    )
    previewed = forms.CharField(required=False, widget=forms.HiddenInput)
    # The film the last preview filed the text under; a different pick among the candidates
    # (the radio list the preview shows, field FILM_PICK) becomes the film hint.
    previewed_film = forms.CharField(required=False, max_length=250, widget=forms.HiddenInput)

    def __init__(self, *args: Any, max_bytes: int, may_publish: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes
        if not may_publish:
            del self.fields["publish"]  # only editors publish (editorial.publish_article)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        text, upload = cleaned.get("text") or "", cleaned.get("upload")
        if upload and text.strip():
            raise forms.ValidationError("Paste a text or upload a file, not both.")
        if upload:
            if upload.size > self.max_bytes:
                self.add_error("upload", self.too_large(upload.size))
                return cleaned
            cleaned["data"] = upload.read()
        elif text.strip():
            cleaned["data"] = text.encode("utf-8")
            if len(cleaned["data"]) > self.max_bytes:
                self.add_error("text", self.too_large(len(cleaned["data"])))
        else:
            raise forms.ValidationError("Paste a text or upload a file.")
        return cleaned

    def too_large(self, size: int) -> str:
        return (
            f"This text is {filesizeformat(size)}; the importer reads at most "
            f"{filesizeformat(self.max_bytes)}."
        )


def _film_label(title: str, year: int | None) -> str:
    """A film as a film hint reads it: "Title (Year)", or the bare title."""
    return f"{title} ({year})" if year else title


def _preview_key(fingerprint: str, data: dict[str, Any]) -> str:
    """Ties a confirmation to the exact text and options the editor saw in the preview."""
    options = f"{fingerprint}|{data['film']}|{data.get('publish')}|{data['overwrite']}"
    return hashlib.sha256(options.encode()).hexdigest()[:32]


def article_import_view(request: HttpRequest, *, model_admin: admin.ModelAdmin) -> HttpResponse:
    """GET: the form. POST "preview": a dry run shown on the page. POST "confirm": the import."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    limits = {
        "max_bytes": settings.FILMSITE_IMPORT_MAX_BYTES,
        "may_publish": can_publish(request.user),
    }
    max_bytes = limits["max_bytes"]
    result: ImportResult | None = None
    if request.method != "POST":
        form = ImportTextForm(**limits)
    else:
        form = ImportTextForm(request.POST, request.FILES, **limits)
        if form.is_valid():
            data = form.cleaned_data
            _take_film_pick(request, data)
            try:
                text, parsed = decode_and_parse(
                    data["data"], max_bytes=max_bytes, film_hint=data["film"] or None
                )
                options = {"publish": data.get("publish", False), "overwrite": data["overwrite"]}
                key = _preview_key(parsed.fingerprint, data)
                if "confirm" in request.POST and data["previewed"] == key:
                    result = article_import(
                        parsed=parsed, source_text=text, by=request.user, **options
                    )
                    return _confirmed(request, result, model_admin)
                result = article_import(
                    parsed=parsed, source_text=text, dry_run=True, by=request.user, **options
                )
            except ImportTextError as exc:
                where = f"Line {exc.line}: " if exc.line else ""
                form.add_error("upload" if data.get("upload") else "text", where + exc.message)
            else:
                form = _previewed_form(request, data, text=text, key=key, result=result, **limits)
    return _import_page(request, model_admin, form=form, result=result, max_bytes=max_bytes)


def _import_page(
    request: HttpRequest,
    model_admin: admin.ModelAdmin,
    *,
    form: ImportTextForm,
    result: ImportResult | None,
    max_bytes: int,
) -> HttpResponse:
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Import text",
        "form": form,
        "result": result,
        "film_pick": FILM_PICK,
        "max_bytes": max_bytes,
    }
    return render(request, TEMPLATE, context)


def _take_film_pick(request: HttpRequest, data: dict[str, Any]) -> None:
    """A film the editor picked among the preview's candidates replaces the film hint."""
    pick = request.POST.get(FILM_PICK, "").strip()[:250]
    if pick and pick != data["previewed_film"]:
        data["film"] = pick  # the editor picked another candidate: it is the hint now


def _previewed_form(
    request: HttpRequest,
    data: dict[str, Any],
    *,
    text: str,
    key: str,
    result: ImportResult,
    **limits: Any,
) -> ImportTextForm:
    """The form under a preview, ready to confirm exactly what the preview showed."""
    if "confirm" in request.POST:
        messages.warning(
            request,
            "The text or the options changed after the preview. Check the new "
            "preview, then import.",
        )
    # The preview hands the decoded text back, so an uploaded file need not be
    # chosen again to confirm it.
    chosen = _film_label(result.film.title, result.film.year) if result.film else ""
    return ImportTextForm(
        initial={
            **data,
            "text": text,
            "upload": None,
            "previewed": key,
            "previewed_film": chosen,
        },
        **limits,
    )


def _confirmed(
    request: HttpRequest, result: ImportResult, model_admin: admin.ModelAdmin
) -> HttpResponse:
    article = result.article
    if article.outcome == "skipped":
        messages.warning(request, f"\u201c{article.title}\u201d was not changed.")
    else:
        messages.success(
            request, f"\u201c{article.title}\u201d: {result.outcome} ({article.status})."
        )
    for warning in result.warnings[:MAX_MESSAGES]:
        messages.warning(request, str(warning))
    if len(result.warnings) > MAX_MESSAGES:
        messages.warning(request, f"… and {len(result.warnings) - MAX_MESSAGES} more warnings.")
    saved = model_admin.model.objects.get(pk=article.pk)
    if model_admin.has_change_permission(request, saved):
        return HttpResponseRedirect(reverse("admin:reviews_article_change", args=[article.pk]))
    return HttpResponseRedirect(reverse("admin:reviews_article_changelist"))


class ArticleWithImportAdmin(ArticleAdmin):
    """Editorial's article admin with the "Import text" page, which its changelist links to."""

    def get_urls(self) -> list[URLPattern]:
        page = self.admin_site.admin_view(partial(article_import_view, model_admin=self))
        return [path("import/", page, name="reviews_article_import"), *super().get_urls()]


# Editorial registered the article admin (editorial/admin.py, earlier in INSTALLED_APPS).
admin.site.unregister(Article)
admin.site.register(Article, ArticleWithImportAdmin)
