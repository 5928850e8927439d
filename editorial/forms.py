"""The article form's editorial rules: who may set which status, and no silent overwrites."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.utils.formats import date_format
from django.utils.timezone import localtime
from reversion.models import Version

from editorial.services import allowed_statuses, can_publish, redirect_reserving
from reviews.models import Article


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
        self.conflict: Article | None = None
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
        if (
            cleaned.get("status") == Article.Status.PUBLISHED
            and not cleaned.get("published_at")
            and can_publish(self.user)
        ):
            self.add_error("published_at", "Give the moment readers may see it (now or later).")
        return cleaned

    def _refuse_stale_save(self) -> None:
        """Optimistic locking: refuse if someone saved since this form was loaded."""
        current = Article.objects.filter(pk=self.instance.pk)
        if connection.features.has_select_for_update:
            # Hold the article's row (only: author is an outer join) until this save commits.
            current = current.select_for_update(of=("self",))
        current = current.select_related("author").first()
        if current is None or self.data.get("edit_token") == current.updated_at.isoformat():
            return
        self.conflict = current
        # The editor now sees the other version; their next save is a deliberate one.
        self.data = self.data.copy()
        self.data["edit_token"] = current.updated_at.isoformat()
        last = Version.objects.get_for_object(current).select_related("revision__user").first()
        who = last.revision.user if last and last.revision.user else None
        raise forms.ValidationError(
            "%(who)s saved this article at %(when)s while you were editing. Nothing of yours "
            "was saved, and your text is still in this form. Their version is shown below: "
            "copy what you need, then save again.",
            code="stale",
            params={
                "who": (who.get_full_name() or who.get_username()) if who else "Someone else",
                "when": date_format(localtime(current.updated_at), "DATETIME_FORMAT"),
            },
        )
