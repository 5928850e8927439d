"""Editorial writes: status transitions with who and when, and redirects for renamed pages."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify

from editorial.models import Redirect, StatusChange
from reviews.models import Article, ArticleStatus, Author

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


def allowed_statuses(user: User) -> tuple[str, ...]:
    return tuple(ArticleStatus.values) if can_publish(user) else CONTRIBUTOR_STATUSES


def articles_editable_by(user: User, articles: QuerySet[Article]) -> QuerySet[Article]:
    return articles if can_publish(user) else articles.filter(author__user=user)


def articles_scheduled(*, now=None) -> QuerySet[Article]:
    """Published articles dated in the future, soonest first: they go live on their own."""
    return Article.objects.filter(
        status=ArticleStatus.PUBLISHED, published_at__gt=now or timezone.now()
    ).order_by("published_at")


@transaction.atomic
def article_status_record(*, article: Article, from_status: str, by: User) -> StatusChange | None:
    """Check that `by` may make the article's status change, and record who made it and when."""
    if article.status == from_status:
        return None
    if article.status not in allowed_statuses(by) or from_status not in (
        *allowed_statuses(by),
        "",
    ):
        raise PermissionDenied("Only editors can publish, schedule or unpublish articles.")
    return StatusChange.objects.create(
        article=article,
        from_status=from_status,
        to_status=article.status,
        changed_by=by if by.is_authenticated else None,
    )


@transaction.atomic
def redirect_record(*, old_path: str, target: models.Model) -> Redirect:
    """Point old_path at target; a path that is live again stops redirecting."""
    content_type = ContentType.objects.get_for_model(target)
    Redirect.objects.filter(old_path=target.get_absolute_url()).delete()
    redirect, _ = Redirect.objects.update_or_create(
        old_path=old_path, defaults={"content_type": content_type, "object_id": target.pk}
    )
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
