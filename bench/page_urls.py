"""Which URLs bench/pages.py measures, picked from the corpus by query, and their SQL counts.

Needs Django set up (bench.settings). Every pick is deterministic (ties broken by primary key),
so two corpora generated with the same seed give the same URLs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Count, Min, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from people.models import Character, Person
from reviews.models import Article, Author, Film, Genre
from sitesearch import api as search_engine

ARCHIVE_PAGE = 2000  # the home page's archive this deep, or its last page if it has fewer
PAGE_SIZE = 20
COMMON_WORDS = ["film", "story", "light", "love"]  # the first with the most matches wins


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    url: str


def _top(queryset, related: str):
    return queryset.annotate(n=Count(related)).order_by("-n", "pk").first()


def _article() -> str | None:
    article = _top(Article.objects.published(), "sections")
    return article and article.get_absolute_url()


def _film() -> str | None:
    film = _top(Film.objects.all(), "credits")
    return film and film.get_absolute_url()


def _person() -> str | None:
    person = _top(Person.objects.all(), "credits")
    return person and person.get_absolute_url()


def _character() -> str | None:
    character = _top(Character.objects.select_related("film"), "credits")
    return character and character.get_absolute_url()


def _critic() -> str | None:
    published = Q(articles__in=Article.objects.published())
    author = Author.objects.annotate(n=Count("articles", filter=published)).order_by("-n", "pk")
    author = author.first()
    return author and author.get_absolute_url()


def _theme() -> str | None:
    tag = _top(Tag.objects.all(), "taggit_taggeditem_items")
    return tag and reverse("reviews:tag_detail", args=[tag.slug])


def _film_index() -> str:
    genre = _top(Genre.objects.all(), "films")
    query = {"genre": genre.slug, "sort": "newest"} if genre else {"sort": "newest"}
    return f"{reverse('reviews:film_list')}?{urlencode(query)}"


def _archive() -> str:
    """A deep page of the home page's archive: its oldest year with keyset cursors, else ?page=."""
    articles = Article.objects.published()
    if importlib.util.find_spec("filmsite.pagination") or importlib.util.find_spec(
        "reviews.pagination"
    ):  # cursors: ?page=N past 50 is redirected
        first = articles.order_by().aggregate(first=Min("published_at"))["first"]
        if first is not None:
            return f"{reverse('reviews:home')}?year={timezone.localtime(first).year}"
    pages = max(1, -(-articles.count() // PAGE_SIZE))
    return f"{reverse('reviews:home')}?page={min(ARCHIVE_PAGE, pages)}"


def _sitemap_section() -> str:
    return reverse("sitemap_section", kwargs={"section": "articles"})


def common_word() -> str:
    counts = {word: search_engine.articles(word).count() for word in COMMON_WORDS}
    return max(COMMON_WORDS, key=lambda word: (counts[word], -COMMON_WORDS.index(word)))


def rare_word() -> str:
    """A word from a film title that few texts use: the rarest of the first few candidates that
    some text does use."""
    candidates: list[str] = []
    for title in Film.objects.order_by("pk").values_list("title", flat=True)[:200]:
        for word in search_engine.terms(title):
            if len(word) > 4 and word.lower() not in candidates:
                candidates.append(word.lower())
        if len(candidates) >= 8:
            break
    if not candidates:
        return "zyzzyva"
    counts = {word: search_engine.articles(word).count() for word in candidates}
    # No match at all is a stop word ("after") or a title word no text uses: not "rare".
    found = [word for word in candidates if counts[word]] or candidates
    return min(found, key=lambda word: (counts[word], found.index(word)))


def _search(word: Callable[[], str]) -> Callable[[], str]:
    return lambda: f"{reverse('sitesearch:search')}?{urlencode({'q': word()})}"


# key -> how to find its URL; bench/pages.py's PAGE_LABELS gives the table's order and labels.
FINDERS: dict[str, Callable[[], str | None]] = {
    "article": _article,
    "film": _film,
    "person": _person,
    "character": _character,
    "critic": _critic,
    "theme": _theme,
    "films": _film_index,
    "home": lambda: reverse("reviews:home"),
    "archive": _archive,
    "feed": lambda: reverse("reviews:feed"),
    "sitemap": lambda: reverse("sitemap"),
    "sitemap-section": _sitemap_section,
    "search-common": _search(common_word),
    "search-rare": _search(rare_word),
}
TRIVIAL = Page("trivial", "Trivial view (1 query)", "/bench/trivial/")


def pick(labels: dict[str, str]) -> list[Page]:
    """The pages asked for (key -> label), in that order; one the corpus lacks is left out.

    A URL the site redirects (an old link form, a renamed slug) is replaced by its target, so
    the load measures the page, not the redirect.
    """
    pages = []
    client = Client()
    for key, label in labels.items():
        if url := FINDERS[key]():
            response = client.get(url)
            if response.status_code in (301, 302) and response["Location"].startswith("/"):
                url = response["Location"]
            pages.append(Page(key, label, url))
    return pages


def count_queries(url: str) -> tuple[int, int, float]:
    """(status, SQL queries, ms spent in them) of a warm GET: the second of two, as a worker
    serves it under load."""
    client = Client()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
    return response.status_code, len(queries), sql_ms
