"""The editorial workflow's records: status changes, old addresses, drafts and preview links."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from filmsite.links import page_url
from reviews.models import Article, ArticleStatus


class StatusChange(models.Model):
    """Who moved an article from one status to another, and when."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=12, choices=ArticleStatus, blank=True)
    to_status = models.CharField(max_length=12, choices=ArticleStatus)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        get_latest_by = "changed_at"
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_status__in=ArticleStatus.values), name="status_change_to_valid"
            ),
            models.CheckConstraint(
                condition=Q(from_status__in=[*ArticleStatus.values, ""]),
                name="status_change_from_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article}: {self.from_status or 'new'} → {self.to_status}"


class Redirect(models.Model):
    """An old path of a page whose slug changed; readers are sent on to its current address."""

    # A character's address holds a film's and a character's slug, each up to 220 characters.
    old_path = models.CharField(max_length=600, unique=True)
    content_type = models.ForeignKey(ContentType, models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="redirect_target_idx")]

    def __str__(self) -> str:
        return self.old_path

    def clean(self) -> None:
        """An old path edited in the admin may not be the page's own address (a loop)."""
        target = self.target
        if target is not None and page_url(target) == self.old_path:
            raise ValidationError(
                {"old_path": "This is the page's own address now: a redirect from it would loop."}
            )


class RevisionTags(models.Model):
    """An article's tags in a revision: reversion keeps no taggit links, and restore needs them."""

    revision = models.ForeignKey("reversion.Revision", models.CASCADE, related_name="article_tags")
    article_id = models.PositiveBigIntegerField()
    names = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "article_id"], name="revision_tags_per_article"
            )
        ]

    def __str__(self) -> str:
        return f"Tags of article {self.article_id} in revision {self.revision_id}"


class AutosavedDraft(models.Model):
    """The last unsaved state of an article form, per user: restorable after a lost connection."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    key = models.CharField(max_length=40, help_text="'article-<id>', or 'article-new'.")
    base_token = models.CharField(
        max_length=40, blank=True, help_text="The saved version the draft was typed over."
    )
    data = models.JSONField(help_text="Form field names and values, as the browser had them.")
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="autosaved_draft_per_user_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.user})"


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self, *, now=None) -> "PreviewLinkQuerySet":
        from django.utils import timezone

        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class PreviewLink(models.Model):
    """A signed link that shows one unpublished article to someone without an account."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="preview_links")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    note = models.CharField(
        max_length=200, blank=True, help_text="Who it is for, e.g. 'fact-checker, legal read'."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="preview_link_expires_after_creation",
            )
        ]

    def __str__(self) -> str:
        return f"Preview of {self.article}" + (f" for {self.note}" if self.note else "")
