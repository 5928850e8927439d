"""The article form's editorial rules: who may set which status, and no silent overwrites."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from reversion.models import Version

from editorial.conflicts import (
    MINE,
    THEIRS,
    Conflict,
    Difference,
    article_differences,
    conflict_annotate,
    section_differences,
)
from editorial.services import allowed_statuses, can_publish, redirect_reserving
from reviews.models import Article, Section


class ArticleEditorialForm(forms.ModelForm):
    """Knows its user (set by ArticleAdmin.get_form) and the version the editor started from."""

    user: AbstractBaseUser  # set on the subclass the admin builds per request
    check_stale = True  # a preview shows the form as typed, whoever saved since
    database_busy = False  # set when the save was rolled back on a locked database

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "kind", "title", "slug", "standfirst", "author", "films", "status",
            "published_at", "rating", "verdict", "lead_image", "tags",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.conflict: Conflict | None = None
        if self.instance.pk:
            self.fields["edit_token"].initial = self.instance.updated_at.isoformat()
        if "status" in self.fields:
            # Offer only what this user may choose; clean_status() refuses the rest with a
            # reason, so a hand-made POST gets the same answer as the form.
            allowed = set(allowed_statuses(self.user)) | {self.instance.status}
            self.fields["status"].widget.choices = [
                choice for choice in self.fields["status"].choices if choice[0] in allowed
            ]

    def clean_slug(self) -> str:
        """A contributor may not take the old address of another page: its readers go there."""
        slug = self.cleaned_data["slug"]
        if slug == self.instance.slug or can_publish(self.user):
            return slug
        path = Article(slug=slug).get_absolute_url()
        redirect = redirect_reserving(path=path, page=self.instance)
        if redirect is not None:
            raise forms.ValidationError(
                "This address belonged to “%(title)s” until %(date)s; choose another.",
                code="slug_reserved",
                params={
                    "title": redirect.target,
                    "date": date_format(localtime(redirect.created_at), "DATE_FORMAT"),
                },
            )
        return slug

    def clean_status(self) -> str:
        status = self.cleaned_data["status"]
        if status != self.instance.status and status not in allowed_statuses(self.user):
            raise forms.ValidationError(
                "Only editors can publish, schedule or unpublish; submit it for review instead."
            )
        return status

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.database_busy:
            raise forms.ValidationError(
                "The database was busy; your changes were not saved. Try again.", code="busy"
            )
        if self.instance.pk and self.check_stale:
            self._refuse_stale_save()
        action = self.data.get(WORKFLOW_FIELD, "")
        if action:
            self._apply_workflow(action, cleaned)
        if (
            cleaned.get("status") == Article.Status.PUBLISHED
            and not cleaned.get("published_at")
            and "published_at" in self.fields
            and not self.has_error("published_at")
        ):
            cleaned["published_at"] = timezone.now()  # publishing without a time means now
        return cleaned

    def _apply_workflow(self, action: str, cleaned: dict) -> None:
        """The publication buttons: each sets the status (and for "Publish now", the time)."""
        if action not in WORKFLOW_STATUS:
            raise forms.ValidationError("Unknown publication action.", code="workflow")
        status = WORKFLOW_STATUS[action]
        if status != self.instance.status and status not in allowed_statuses(self.user):
            raise forms.ValidationError(
                "Only editors can publish, schedule or unpublish; submit it for review instead.",
                code="workflow",
            )
        cleaned["status"] = status
        if "published_at" not in self.fields:
            return
        now, moment = timezone.now(), cleaned.get("published_at")
        if action == "publish" and (moment is None or moment > now):
            cleaned["published_at"] = now  # a first publication date already past is kept
        elif action == "schedule" and (moment is None or moment <= now):
            self.add_error(
                "published_at",
                "To schedule, give a date and time in the future here; to publish at once, "
                "use “Publish now”.",
            )

    def _refuse_stale_save(self) -> None:
        """Optimistic locking: refuse if someone saved since this form was loaded, until the
        editor has chosen, for each difference, to keep their own text or take the other's."""
        current = self._current_held()
        if current is None:
            return
        token = current.updated_at.isoformat()
        if self.data.get("edit_token") == token:
            return
        differences = self._differences_from(current)
        if not differences:
            return  # the other save left nothing that differs from this form
        conflict_annotate(differences, current, self.data.get("edit_token", ""))
        unresolved = [d for d in differences if not d.choice]
        resolving = self.data.get("conflict_token") == token
        if resolving and not unresolved:
            return  # every difference has an explicit choice; "take theirs" is applied already
        self.conflict = self._conflict(current, token, differences)
        if resolving:
            raise forms.ValidationError(
                "Nothing was saved: choose “keep mine” or “take theirs” for each difference "
                "with the version saved meanwhile (%(missing)s), then save again.",
                code="unresolved",
                params={"missing": ", ".join(d.label for d in unresolved)},
            )
        raise forms.ValidationError(
            "%(who)s saved this article at %(when)s while you were editing. Nothing of yours "
            "was saved, and your text is still in this form. Below is each difference between "
            "their version and yours: choose “keep mine” or “take theirs” for every one, then "
            "save again.",
            code="stale",
            params={"who": self.conflict.who, "when": self.conflict.when},
        )

    def _current_held(self) -> Article | None:
        """The article as saved now; its row held until this save commits, where that exists."""
        current = Article.objects.filter(pk=self.instance.pk)
        if connection.features.has_select_for_update:
            # Hold the article's row (only: author is an outer join) until this save commits.
            current = current.select_for_update(of=("self",))
        return current.select_related("author").first()

    def _differences_from(self, current: Article) -> list[Difference]:
        """Each difference between the saved article and this form, with the editor's choice."""
        labels = {name: field.label or name for name, field in self.fields.items()}
        differences = article_differences(current, self.cleaned_data, labels)
        differences += section_differences(current, self.data)
        for difference in differences:
            if self.data.get(difference.choice_name) in (MINE, THEIRS):
                difference.choice = self.data[difference.choice_name]
        return differences

    def _conflict(self, current: Article, token: str, differences: list[Difference]) -> Conflict:
        """What the conflict screen says: who saved meanwhile, when, and each difference."""
        last = Version.objects.get_for_object(current).select_related("revision__user").first()
        who = last.revision.user if last and last.revision.user else None
        return Conflict(
            current=current,
            token=token,
            who=(who.get_full_name() or who.get_username()) if who else "Someone else",
            when=date_format(localtime(current.updated_at), "DATETIME_FORMAT"),
            differences=differences,
        )


WORKFLOW_FIELD = "_workflow"
WORKFLOW_STATUS = {
    "draft": Article.Status.DRAFT,
    "review": Article.Status.REVIEW,
    "publish": Article.Status.PUBLISHED,
    "schedule": Article.Status.PUBLISHED,
    "unpublish": Article.Status.UNPUBLISHED,
}


def workflow_actions(user: AbstractBaseUser, article: Article | None) -> list[tuple[str, str]]:
    """The publication buttons that fit this user and the article's status: (action, label)."""
    status = article.status if article and article.pk else ""
    if not can_publish(user):
        if status == Article.Status.REVIEW:
            return [("draft", "Back to draft")]
        return [("draft", "Save draft"), ("review", "Submit for review")]
    if status != Article.Status.PUBLISHED:
        return [("publish", "Publish now"), ("schedule", "Schedule")]
    if article.published_at and article.published_at > timezone.now():
        return [("publish", "Publish now"), ("schedule", "Reschedule"), ("unpublish", "Unpublish")]
    return [("unpublish", "Unpublish")]  # live: the plain Save keeps it published


class SectionForm(forms.ModelForm):
    """One section of the article form; its position is settled by SectionFormSet.save()."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "order" in self.fields:
            # Blank means "after the others": a section added without scripts still saves.
            self.fields["order"].required = False
            self.fields["order"].help_text = "Position in the article; drag to reorder."

    def _get_validation_exclusions(self) -> set[str]:
        # Positions are renumbered 1, 2, 3… on save, so two sections typed at the same position
        # (or a swap of two) is an order to follow, not a clash with the stored rows.
        return super()._get_validation_exclusions() | {"order"}


class SectionFormSet(BaseInlineFormSet):
    """Sections in the order the editor put them, renumbered 1, 2, 3… on every save."""

    def _kept_forms(self) -> list[forms.ModelForm]:
        return [
            form
            for form in self.forms
            if hasattr(form, "cleaned_data")
            and not self._should_delete_form(form)
            and (form.instance.pk or form.has_changed())
        ]

    def positions(self) -> list[tuple[forms.ModelForm | Section, int]]:
        """Each kept form, and each stored section no form mentions, with its final position."""
        mentioned = {form.instance.pk for form in self.forms if form.instance.pk}
        kept = self._kept_forms()
        entries = [(form.cleaned_data.get("order"), 0, i, form) for i, form in enumerate(kept)]
        if self.instance.pk:
            stored = self.instance.sections.exclude(pk__in=mentioned).order_by("order")
            entries += [(section.order, 1, i, section) for i, section in enumerate(stored)]
        entries.sort(key=lambda e: (e[0] is None, e[0] or 0, e[1], e[2]))
        return [(entry[3], position) for position, entry in enumerate(entries, start=1)]

    def save(self, commit: bool = True) -> list[Section]:
        if not commit:
            return super().save(commit)
        placed = self.positions()
        for item, position in placed:
            (item.instance if isinstance(item, forms.BaseForm) else item).order = position
        stored = dict(Section.objects.filter(article=self.instance).values_list("pk", "order"))
        final = {_pk(item): position for item, position in placed}
        moving = [pk for pk, order in stored.items() if final.get(pk) != order]
        # Out of the way first (the unique constraint is checked row by row), then into place.
        for n, pk in enumerate(moving):
            Section.objects.filter(pk=pk).update(order=TEMPORARY_ORDER + n)
        saved = super().save(commit)
        current = dict(Section.objects.filter(article=self.instance).values_list("pk", "order"))
        for item, position in placed:
            section = item.instance if isinstance(item, forms.BaseForm) else item
            if current.get(section.pk) != position:
                section.order = position
                section.save(update_fields=["order"])  # recorded in the revision, unlike update()
        return saved


TEMPORARY_ORDER = 30_000  # above any real position, within PositiveSmallIntegerField


def _pk(item) -> int | None:
    return item.instance.pk if isinstance(item, forms.BaseForm) else item.pk


def section_label(form: forms.BaseForm, position: int) -> str:
    """'Section 2 (“The ending”)': how an editor finds a section on the page."""
    heading = (form.data.get(form.add_prefix("heading"), "") or "").strip()
    return f"Section {position} (“{heading}”)" if heading else f"Section {position}"


def section_errors_in_words(formset: BaseInlineFormSet) -> list[str]:
    """Every error of the sections formset as a sentence naming the section and the field."""
    lines = [f"Sections: {error}" for error in formset.non_form_errors()]
    shown = [form for form in formset.forms if not formset._should_delete_form(form)]

    def typed_order(item: tuple[int, forms.BaseForm]) -> tuple[bool, int, int]:
        i, form = item  # as the page shows them: by the position typed or dragged, then as sent
        raw = str(form.data.get(form.add_prefix("order"), "")).strip()
        return (not raw.isdigit(), int(raw) if raw.isdigit() else 0, i)

    ranked = [form for _, form in sorted(enumerate(shown), key=typed_order)]
    for position, form in enumerate(ranked, start=1):
        for name, errors in form.errors.items():
            field = form.fields.get(name)
            where = f"{field.label or name.capitalize()}: " if field and name != "__all__" else ""
            lines += [f"{section_label(form, position)}: {where}{error}" for error in errors]
    return lines
