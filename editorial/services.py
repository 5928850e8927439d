"""Editorial writes: status transitions, redirects for renamed pages, autosaved drafts."""

import json
import re

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from editorial.models import AutosavedDraft, Redirect, StatusChange
from filmsite.links import page_url
from filmsite.textclean import clean_data, clean_text
from reviews.models import Article, ArticleStatus, Author, public_themes

User = AbstractBaseUser | AnonymousUser
PUBLISH_PERMISSION = "editorial.publish_article"

# What a contributor may do: write drafts, send them for review, withdraw them.
CONTRIBUTOR_STATUSES = (ArticleStatus.DRAFT, ArticleStatus.REVIEW)


def can_publish(user: User) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def can_edit_article(user: User, article: Article) -> bool:
    """Editors edit everything; contributors their own articles until an editor publishes."""
    if can_publish(user):
        return True
    own = article.author_id is not None and article.author.user_id == user.pk
    return own and article.status in CONTRIBUTOR_STATUSES


def can_preview_article(user: User, article: Article) -> bool:
    """Who sees an unpublished article's page: editors, and the critic who wrote it."""
    if not user.is_staff:
        return False
    own = article.author_id is not None and article.author.user_id == user.pk
    return own or can_publish(user)


def allowed_statuses(user: User) -> tuple[str, ...]:
    return tuple(ArticleStatus.values) if can_publish(user) else CONTRIBUTOR_STATUSES


def articles_editable_by(user: User, articles: QuerySet[Article]) -> QuerySet[Article]:
    return articles if can_publish(user) else articles.filter(author__user=user)


def articles_scheduled(*, now=None) -> QuerySet[Article]:
    """Published articles dated in the future, soonest first: they go live on their own."""
    return Article.objects.filter(
        status=ArticleStatus.PUBLISHED, published_at__gt=now or timezone.now()
    ).order_by("published_at")


def article_status_record(
    *, article: Article, from_status: str, by: User | None
) -> StatusChange | None:
    """Check that `by` may make the article's status change, and record who made it and when.

    `by` is None for the import_texts command, which runs with the database's own rights.
    One INSERT after the check, so it needs no transaction (or savepoint) of its own: callers
    save the article and its status change in theirs.
    """
    if article.status == from_status:
        return None
    # "" is where a new article comes from.
    allowed = (*allowed_statuses(by), "") if by is not None else ("", *ArticleStatus.values)
    if article.status not in allowed or from_status not in allowed:
        raise PermissionDenied("Only editors can publish, schedule or unpublish articles.")
    return StatusChange.objects.create(
        article=article,
        from_status=from_status,
        to_status=article.status,
        changed_by=by if by is not None and by.is_authenticated else None,
    )


def page_is_public(page: models.Model) -> bool:
    """Whether readers can open the page now: articles once live, themes that a published
    article or a film carries, the catalogue always."""
    if isinstance(page, Article):
        return page.is_live
    if isinstance(page, Tag):
        return public_themes().filter(pk=page.pk).exists()
    return True


@transaction.atomic
def redirect_record(*, old_path: str, target: models.Model) -> Redirect | None:
    """Send readers of old_path on to target's address, where a public page moved from.

    One hop only: a redirect names its target page, not a path, so it follows the page through
    later renames. A path that is the target's own address again is refused (it would loop) and
    stops redirecting.
    """
    new_path = page_url(target)
    Redirect.objects.filter(old_path=new_path).delete()
    if old_path == new_path:
        return None
    content_type = ContentType.objects.get_for_model(target)
    redirect, _ = Redirect.objects.update_or_create(
        old_path=old_path, defaults={"content_type": content_type, "object_id": target.pk}
    )
    return redirect


def redirect_release(*, page: models.Model) -> None:
    """A public page answers at its address: no redirect may send its readers elsewhere."""
    if page_is_public(page):
        Redirect.objects.filter(old_path=page_url(page)).delete()


def redirect_reserving(*, path: str, page: models.Model | None = None) -> Redirect | None:
    """The redirect that keeps `path` for another page's readers, if any (None for page's own)."""
    redirect = Redirect.objects.filter(old_path=path).select_related("content_type").first()
    if redirect is None:
        return None
    target = redirect.target
    if target is None:  # the page it led to is gone: the address is free
        return None
    if page is not None and page.pk and type(target) is type(page) and target.pk == page.pk:
        return None
    return redirect


@transaction.atomic
def author_for_user(user: AbstractBaseUser) -> Author:
    """The critic profile a login writes under, created from the user's name the first time."""
    author = Author.objects.filter(user=user).first()
    if author:
        return author
    name = user.get_full_name() or user.get_username()
    base = slugify(name) or f"critic-{user.pk}"
    slug, n = base, 1
    while Author.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Author.objects.create(name=name, slug=slug, user=user)


AUTOSAVE_KEY = re.compile(r"^article-(?:new|[1-9][0-9]{0,18})$")
AUTOSAVE_MAX_BYTES = 1024 * 1024


class AutosaveRefused(ValueError):
    """A draft that is malformed, too large, or for an article the user may not edit."""


def _autosave_article(user: User, key: str) -> Article | None:
    if not AUTOSAVE_KEY.match(key):
        raise AutosaveRefused("Unknown draft key.")
    if key == "article-new":
        if not user.has_perm("reviews.add_article"):
            raise AutosaveRefused("You cannot write articles.")
        return None
    article = Article.objects.filter(pk=int(key.removeprefix("article-"))).first()
    if article is None or not can_edit_article(user, article):
        raise AutosaveRefused("You cannot edit this article.")
    return article


def autosave_store(*, user: User, key: str, base_token: str, data: object) -> AutosavedDraft:
    """Keep the latest unsaved state of an article form for this user."""
    _autosave_article(user, key)
    if not isinstance(data, dict) or not all(
        isinstance(name, str)
        and isinstance(values, list)
        and all(isinstance(value, str) for value in values)
        for name, values in data.items()
    ):
        raise AutosaveRefused("A draft is a mapping of field names to lists of strings.")
    if len(json.dumps(data)) > AUTOSAVE_MAX_BYTES:
        raise AutosaveRefused("This draft is too large to keep on the server.")
    # What no field accepts, out: PostgreSQL's JSON refuses a NUL or a lone surrogate (a 500).
    data = clean_data(data)
    draft, _ = AutosavedDraft.objects.update_or_create(
        user=user, key=key, defaults={"data": data, "base_token": clean_text(base_token[:40])}
    )
    return draft


def autosave_fetch(*, user: User, key: str) -> AutosavedDraft | None:
    _autosave_article(user, key)
    return AutosavedDraft.objects.filter(user=user, key=key).first()


def autosave_discard(*, user: User, key: str) -> None:
    """Forget the draft: restored, thrown away, or saved for real."""
    AutosavedDraft.objects.filter(user=user, key=key).delete()
