"""What makes a cached page out of date: writes to public content, and the clock.

Every save or delete of a model readers can see, and every change to their many-to-many links,
starts a new page-cache generation once it commits (``filmsite.cache``). Signals rather than
services, because public content is written by the admin, the importer, revision restores,
the demo loader, ``loaddata`` and the shell alike. Queryset ``delete()`` still sends these
signals (Django stops fast-deleting a model that has delete receivers); ``update()``,
``bulk_create()`` and raw SQL do not, so code writing public content that way calls
``filmsite.cache.invalidate_pages_on_commit()`` itself (``generate_corpus`` and ``restore``
do). Search-index writes change nothing a page shows beyond what the save that caused them
already invalidated.

The clock: an article scheduled for later goes live without a write, at the moment
``next_scheduled_publication()`` gives.
"""

from datetime import datetime
from typing import Any

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from filmsite.cache import invalidate_pages_on_commit, watch_publications


def public_models() -> list[type[Model]]:
    """Models whose rows appear on reader pages (films, people, articles, their links)."""
    from taggit.models import Tag, TaggedItem

    from editorial.models import Redirect
    from people.models import Character, Credit, Person
    from reviews.models import (
        Article,
        Author,
        Country,
        Film,
        FilmSeries,
        Genre,
        Image,
        Language,
        Section,
        WatchOption,
    )

    return [
        Article,
        Section,
        Film,
        FilmSeries,
        Genre,
        Country,
        Language,
        WatchOption,
        Image,
        Author,
        Person,
        Character,
        Credit,
        Tag,
        TaggedItem,
        Redirect,  # an old address's 301 (never cached itself, but a 200 may have been)
    ]


def public_links() -> list[type[Model]]:
    """The through models of public many-to-many fields (taggit's included)."""
    from taggit.models import TaggedItem

    from reviews.models import Article, Film

    return [
        Article.films.through,
        Film.genres.through,
        Film.countries.through,
        Film.languages.through,
        TaggedItem,
    ]


def next_scheduled_publication() -> datetime | None:
    """When the next article scheduled for later goes live (one indexed query)."""
    from editorial.services import articles_scheduled

    return articles_scheduled().values_list("published_at", flat=True).first()


def _content_changed(sender: type[Model], using: str | None = None, **kwargs: Any) -> None:
    invalidate_pages_on_commit(using)


def _links_changed(
    sender: type[Model], action: str, using: str | None = None, **kwargs: Any
) -> None:
    if action.startswith("post_"):
        invalidate_pages_on_commit(using)


def connect_signals() -> None:
    """Called once, from FilmsiteConfig.ready(). Fixture loads (raw saves) count as changes."""
    watch_publications(next_scheduled_publication)
    for model in public_models():
        label = model._meta.label_lower
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"pages_{label}_saved")
        post_delete.connect(_content_changed, sender=model, dispatch_uid=f"pages_{label}_deleted")
    for through in public_links():
        label = through._meta.label_lower
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"pages_{label}_linked")
