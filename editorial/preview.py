"""Previews of articles as readers will see them: unsaved changes, old revisions, share links.

A preview of something not in the database (the form being edited, an old revision) is
rendered by writing it inside a transaction that is always rolled back, so readers' own
template and queries show it exactly, tags, films and rendered Markdown included.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from editorial.models import PreviewLink
from reviews.models import Article
from reviews.views import render_article_page

SALT = "filmsite.editorial.preview-link"
DEFAULT_LINK_DAYS = 7
MAX_LINK_DAYS = 30


class _Rollback(Exception):
    pass


@contextmanager
def rolled_back() -> Iterator[None]:
    """Run the block in a transaction that is undone whatever happens inside it."""
    try:
        with transaction.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass


def article_preview_response(request: HttpRequest, article_id: int, *, note: str) -> HttpResponse:
    """The reader's article page for the article as the database has it now, marked a preview."""
    article = Article.objects.for_detail().get(pk=article_id)
    response = render_article_page(request, article, is_preview=True, preview_note=note)
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response


def render_in_rollback(
    write: Callable[[], int], request: HttpRequest, *, note: str
) -> HttpResponse:
    """Apply `write` (which returns the article's id), render the preview, undo everything."""
    with rolled_back():  # rendered inside: the template's queries see the previewed state
        response = article_preview_response(request, write(), note=note)
    return response


def preview_link_create(
    *, article: Article, by: AbstractBaseUser, days: int = DEFAULT_LINK_DAYS, note: str = ""
) -> PreviewLink:
    days = max(1, min(days, MAX_LINK_DAYS))
    return PreviewLink.objects.create(
        article=article,
        created_by=by,
        note=note,
        expires_at=timezone.now() + timedelta(days=days),
    )


def preview_link_revoke(*, link: PreviewLink) -> None:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])


def preview_link_url(link: PreviewLink) -> str:
    """The link's path: its id, signed with the site's secret so it cannot be made up."""
    token = signing.dumps(str(link.public_id), salt=SALT, compress=True)
    return reverse("editorial:preview_link", args=[token])


def preview_link_resolve(token: str) -> PreviewLink | None:
    """The live link a token names: correctly signed, not revoked, not expired."""
    try:
        public_id = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return PreviewLink.objects.usable().filter(public_id=public_id).first()
