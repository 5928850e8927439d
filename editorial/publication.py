"""What an article's status means for readers, in words: for the article list, the form, the
message after a save and the preview banner, so they never say different things."""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime

from reviews.models import Article, ArticleStatus


def when(moment: datetime) -> str:
    """'8 December 2026, 09:00' in the site's time zone."""
    return date_format(localtime(moment), "j F Y, H:i")


def publication_state(article: Article, *, now: datetime | None = None) -> str:
    """'Published', 'Scheduled for 8 December 2026, 09:00', 'Draft', 'In review', 'Unpublished'."""
    now = now or timezone.now()
    if article.status == ArticleStatus.PUBLISHED and article.published_at:
        if article.published_at > now:
            return f"Scheduled for {when(article.published_at)}"
        return "Published"
    return ArticleStatus(article.status).label if article.status in ArticleStatus.values else ""


def is_readable(article: Article, *, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        article.status == ArticleStatus.PUBLISHED
        and article.published_at is not None
        and article.published_at <= now
    )


def publication_message(article: Article, *, address: str) -> str:
    """What a save did, said after it: who can read the article now, and from when."""
    state = publication_state(article)
    if article.status == ArticleStatus.PUBLISHED:
        if is_readable(article):
            return f"“{article}” is published: readers can see it now at {address}"
        return f"{state}: readers will see “{article}” at {address} from then."
    return {
        ArticleStatus.DRAFT: f"“{article}” is a draft: only you and the editors can see it.",
        ArticleStatus.REVIEW: f"“{article}” is submitted for review: an editor will publish it.",
        ArticleStatus.UNPUBLISHED: f"“{article}” is unpublished: readers no longer see it.",
    }.get(article.status, state)


def share_note(article: Article, *, until: datetime) -> str:
    """The banner over a share link's page: one statement of who can read the article."""
    valid = f"Link valid until {when(until)}."
    if is_readable(article):
        return f"Shared preview; the article is now published, so readers see it too. {valid}"
    if article.status == ArticleStatus.PUBLISHED and article.published_at:
        return f"Shared preview, not published: scheduled for {when(article.published_at)}. {valid}"
    return f"Shared preview, not published ({ArticleStatus(article.status).label.lower()}). {valid}"


def unsaved_note(article: Article) -> str:
    """The banner over a preview of the form as typed: nothing of it is public yet."""
    if is_readable(article):
        then = "readers would see it at once"
    elif article.status == ArticleStatus.PUBLISHED and article.published_at:
        then = f"it would go public on {when(article.published_at)}"
    else:
        then = f"it would stay private ({ArticleStatus(article.status).label.lower()})"
    return f"Preview of your unsaved changes: readers see none of them. Saved as typed, {then}."
