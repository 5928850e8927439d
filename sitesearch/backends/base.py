"""What every search engine's backend does, and the limits and markers they share."""

from abc import ABC, abstractmethod

from django.db.models import QuerySet

from people.models import Person
from reviews.models import Article, Film

# Snippets mark matches with control characters, so the text can be escaped before <mark> goes in.
MARK_START, MARK_END = "\x02", "\x03"

# An article's search document: id, title, standfirst and spoiler-free text.
Document = tuple[int, str, str, str]


class Backend(ABC):
    """One engine's index of articles and its lookups of films and people.

    Results are bounded, on both engines: ranking every match of a word found in most articles
    reads every one of their search documents, which takes seconds at 100,000 articles.
    PostgreSQL ranks the recent_matches most recent matches plus the title_matches most recent
    title matches (so a film's own review is found even when its title is made of common
    words); SQLite's FTS5 ranks every match in C and keeps the best max_results. Only the page's
    rows get snippets.
    """

    recent_matches = 300
    title_matches = 200
    max_results = recent_matches + title_matches

    @property
    @abstractmethod
    def truncated_at(self) -> int:
        """With this many ranked ids, more articles may match than were ranked."""

    @abstractmethod
    def index_article(self, article: Article, text: str) -> None:
        """Write this article's search document, whose spoiler-free text is `text`."""

    @abstractmethod
    def unindex_article(self, article_id: int) -> None:
        """Forget a deleted article."""

    @abstractmethod
    def clear(self) -> None:
        """Before a rebuild: forget every article."""

    @abstractmethod
    def write_documents(self, documents: list[Document]) -> None:
        """Rewrite the search documents of these articles, in a few queries (a rebuild's chunk)."""

    @abstractmethod
    def ranked_ids(self, query: str, words: list[str]) -> list[int]:
        """Published articles matching every word, best first: at most max_results ids."""

    @abstractmethod
    def with_snippets(self, rows: QuerySet[Article], query: str, words: list[str]) -> QuerySet:
        """These rows, each annotated with a `snippet` marked with MARK_START and MARK_END."""

    @abstractmethod
    def films(self, query: str, words: list[str]) -> QuerySet[Film]:
        """Films whose title or original title matches, closest first."""

    @abstractmethod
    def people(self, query: str, words: list[str]) -> QuerySet[Person]:
        """People whose name matches, closest first."""

    @abstractmethod
    def repair_triggers(self, using: str) -> None:
        """After a migration: recreate whatever a table rebuild dropped from the index."""
