"""Full-text search over articles, films and people: the interface the rest of the site calls.

What the engines share lives here (the query's words, an article's document from the spoiler
gate, deferred indexing, results that Paginator can slice, snippets as HTML); what differs is a
backend per engine, in sitesearch/backends/. Only Article.search_text, which comes from the
spoiler gate, is ever indexed as body text, so no engine can quote a spoiler.
"""

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from people.models import Person
from reviews.models import Article, Film, Section, html_to_text
from sitesearch.backends import backend, backend_for
from sitesearch.backends.base import MARK_END, MARK_START
from sitesearch.backends.sqlite import FTS_TABLE as FTS_TABLE  # restore empties it

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
WORD = re.compile(r"\w+")


def clean_query(raw: str) -> str:
    """What we search for: trimmed, bounded, whitespace collapsed."""
    return " ".join(raw.split())[:MAX_QUERY_LENGTH]


def terms(query: str) -> list[str]:
    return WORD.findall(query)[:MAX_TERMS]


# Indexing ------------------------------------------------------------------------------------


def index_article(article_id: int) -> None:
    """Recompute an article's search document from its spoiler-free text, in this transaction."""
    article = Article.objects.filter(pk=article_id).only("id", "title", "standfirst").first()
    if article is None:
        unindex_article(article_id)
        return
    # The spoiler gate: spoiler sections never reach the index.
    backend().index_article(article, article.public_text())


def unindex_article(article_id: int) -> None:
    backend().unindex_article(article_id)


REBUILD_CHUNK = 1000


def rebuild() -> int:
    """Reindex every article (after a bulk import that bypassed save()); returns the count.

    Set-based, a chunk of articles at a time: two reads and one write per chunk instead of four
    queries per article, so 100,000 articles take seconds, not hours. Same text as index_article.
    """
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    backend().clear()
    for start in range(0, len(ids), REBUILD_CHUNK):
        chunk = ids[start : start + REBUILD_CHUNK]
        _reindex_range(chunk[0], chunk[-1])
    return len(ids)


def _reindex_range(first_id: int, last_id: int) -> None:
    """Rewrite the search documents of the articles with ids in [first_id, last_id]."""
    heads = list(
        Article.objects.filter(pk__gte=first_id, pk__lte=last_id)
        .order_by("pk")
        .values_list("pk", "title", "standfirst")
    )
    texts: dict[int, list[str]] = {pk: [] for pk, _, _ in heads}
    # The spoiler gate, as in Article.public_text(): only spoiler-free sections, in order.
    sections = (
        Section.objects.spoiler_free()
        .filter(article_id__gte=first_id, article_id__lte=last_id)
        .order_by("article_id", "order")
        .values_list("article_id", "body_html")
    )
    for article_id, body_html in sections:
        texts[article_id].append(html_to_text(body_html))
    if heads:
        backend().write_documents(
            [(pk, title, standfirst, " ".join(texts[pk])) for pk, title, standfirst in heads]
        )


# Articles saved inside deferred_indexing(), to reindex once when it ends; None outside it.
_deferred: ContextVar[set[int] | None] = ContextVar("search_deferred", default=None)


@contextmanager
def deferred_indexing() -> Iterator[None]:
    """Inside, saves only note which articles changed; each is reindexed once on a clean exit.

    For a write that saves an article and all its sections at once (an import): one reindex
    instead of one per save. Use it inside that write's transaction. Saves outside it (editors
    in the admin) still reindex on every save; after an exception nothing is reindexed, as the
    transaction it belongs to rolls back.
    """
    if _deferred.get() is not None:  # nested: the outermost block reindexes
        yield
        return
    pending: set[int] = set()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    for article_id in sorted(pending):
        index_article(article_id)


def article_changed(article_id: int) -> None:
    """Reindex now, or when the enclosing deferred_indexing() block ends."""
    pending = _deferred.get()
    if pending is None:
        index_article(article_id)
    else:
        pending.add(article_id)


def repair_trigram_triggers(using: str = "default", **kwargs) -> None:
    """After every migrate (post_migrate): recreate index triggers a table rebuild dropped."""
    backend_for(using).repair_triggers(using)


# Querying ------------------------------------------------------------------------------------


class ArticleResults(Sequence):
    """Ranked, bounded search results: what Paginator needs (count() and slices).

    The first count() or slice runs one query for the ranked ids; each slice then runs one
    query (plus for_listing's prefetches) for its articles, with snippets for those rows only.
    """

    def __init__(self, query: str) -> None:
        self.query = clean_query(query)
        self.words = terms(self.query)
        self._ids: list[int] | None = None

    @property
    def ids(self) -> list[int]:
        if self._ids is None:
            self._ids = backend().ranked_ids(self.query, self.words) if self.words else []
        return self._ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def is_truncated(self) -> bool:
        """Perhaps more articles match than were ranked: count() is then a lower bound."""
        return len(self.ids) >= backend().truncated_at

    def __getitem__(self, index):
        if isinstance(index, slice):
            return _page(self.query, self.words, self.ids[index])
        return _page(self.query, self.words, [self.ids[index]])[0]

    def __iter__(self) -> Iterator[Article]:
        return iter(self[:])


def articles(query: str) -> ArticleResults:
    """Published articles matching the query, best first, each with a `snippet` ("" if none)."""
    return ArticleResults(query)


def _page(query: str, words: list[str], ids: list[int]) -> list[Article]:
    """These articles, in this order, for listing, each with its snippet."""
    if not ids:
        return []
    rows = backend().with_snippets(Article.objects.filter(pk__in=ids).for_listing(), query, words)
    by_id = {article.pk: article for article in rows}
    page = [by_id[pk] for pk in ids if pk in by_id]
    for article in page:
        if MARK_START not in (article.snippet or ""):  # the text has no match to show
            article.snippet = ""
    return page


def films(query: str) -> QuerySet[Film]:
    """Films whose title or original title matches, forgiving typos on PostgreSQL."""
    query = clean_query(query)
    words = terms(query)
    return backend().films(query, words) if words else Film.objects.none()


def people(query: str) -> QuerySet[Person]:
    """People whose name matches, forgiving typos on PostgreSQL."""
    query = clean_query(query)
    words = terms(query)
    return backend().people(query, words) if words else Person.objects.none()


def render_snippet(snippet: str | None) -> SafeString:
    """A snippet as HTML: the text escaped, then the engine's match markers turned into <mark>."""
    html = escape(snippet or "")
    return mark_safe(html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
