"""RSS and Atom feeds of published articles: latest, and per film, critic and theme.

Item descriptions are Article.summary, which only ever quotes spoiler-free text. Readers take an
RSS <description> and an Atom <summary type="html"> as HTML, so the summary (plain text, which
may hold a contributor's "<img onerror=...>") goes in HTML-escaped: shown as text, never run.
"""

import re
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from taggit.models import Tag

from reviews.models import Article, Author, Film, public_themes

FEED_SIZE = 20
# Characters XML 1.0 cannot carry: one in a title or name made Django's feed writer raise (a 500).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The request a feed is being written for: one Feed instance serves every request (and thread).
_request: ContextVar[HttpRequest | None] = ContextVar("feed_request", default=None)


def _xml_safe(value: Any) -> Any:
    if isinstance(value, str):
        return XML_INVALID.sub("", value)
    if isinstance(value, list | tuple):
        return [_xml_safe(v) for v in value]
    return value


class LatestArticlesFeed(Feed):
    """The newest published articles of every kind."""

    def _get_dynamic_attr(self, attname: str, obj: Any, default: Any = None) -> Any:
        """Every text the feed writes passes here: drop what XML cannot hold."""
        return _xml_safe(super()._get_dynamic_attr(attname, obj, default))

    def title(self, obj=None) -> str:
        return f"{settings.FILMSITE_NAME}: latest writing"

    def description(self, obj=None) -> str:
        """The channel's description: HTML to RSS readers, so the plain text escaped."""
        return escape(self.description_text(obj))

    def description_text(self, obj=None) -> str:
        return "Reviews, plot synopses, endings explained and essays, without spoilers in the feed."

    def link(self, obj=None) -> str:
        return reverse("reviews:home")

    def articles(self, obj) -> QuerySet[Article]:
        return Article.objects.published()

    def items(self, obj=None) -> QuerySet[Article]:
        return self.articles(obj).for_feed()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return escape(item.summary)  # the spoiler gate, as text in HTML

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str | None:
        return item.author.name if item.author else None

    def get_feed(self, obj, request: HttpRequest):
        token = _request.set(request)
        try:
            return super().get_feed(obj, request)
        finally:
            _request.reset(token)

    def item_author_link(self, item: Article) -> str | None:
        """A full address, as the item's own link is: Django adds no domain to this one."""
        if not item.author:
            return None
        request = _request.get()
        url = item.author.get_absolute_url()
        if request is None:
            return url
        return add_domain(get_current_site(request).domain, url, request.is_secure())

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class FilmFeed(LatestArticlesFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Film:
        return get_object_or_404(Film, slug=slug)

    def title(self, obj: Film) -> str:
        return f"{settings.FILMSITE_NAME}: writing about {obj}"

    def description_text(self, obj: Film) -> str:
        return f"Reviews and analysis of {obj}, without spoilers in the feed."

    def link(self, obj: Film) -> str:
        return obj.get_absolute_url()

    def articles(self, obj: Film) -> QuerySet[Article]:
        return Article.objects.published().filter(films=obj)


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Author:
        return get_object_or_404(Author, slug=slug)

    def title(self, obj: Author) -> str:
        return f"{settings.FILMSITE_NAME}: {obj}"

    def description_text(self, obj: Author) -> str:
        return f"The latest writing by {obj}."

    def link(self, obj: Author) -> str:
        return obj.get_absolute_url()

    def articles(self, obj: Author) -> QuerySet[Article]:
        return Article.objects.published().filter(author=obj)


class TagFeed(LatestArticlesFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Tag:
        return get_object_or_404(public_themes(), slug=slug)

    def title(self, obj: Tag) -> str:
        return f"{settings.FILMSITE_NAME}: {obj}"

    def description_text(self, obj: Tag) -> str:
        return f"Writing on the theme of {obj}."

    def link(self, obj: Tag) -> str:
        return reverse("reviews:tag_detail", args=[obj.slug])

    def articles(self, obj: Tag) -> QuerySet[Article]:
        return Article.objects.published().filter(tags=obj)


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj=None) -> str:
        return self.description_text(obj)  # an Atom subtitle is text: no escaping


class LatestArticlesAtomFeed(AtomMixin, LatestArticlesFeed):
    pass


class FilmAtomFeed(AtomMixin, FilmFeed):
    pass


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeed):
    pass
