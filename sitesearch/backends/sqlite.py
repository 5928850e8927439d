"""SQLite: an FTS5 table of articles ranked by bm25, trigram FTS5 tables for films and people.

The article index (reviews_article_fts, migration 0004) holds each article's title, standfirst
and spoiler-free text, written here on every save, and gives bm25 ranks and snippet()s. The
trigram indexes of film titles and people's names (migrations 0011 and 0012) find substrings
anywhere in a word and are kept in step by triggers, which repair_triggers recreates when a
migration's table rebuild has dropped them.
"""

import logging
from functools import cache

from django.db import connection, connections
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from people.models import Person
from reviews.models import Article, Film
from sitesearch.backends.base import Backend, Document

FTS_TABLE = "reviews_article_fts"
# SQLite's trigram FTS5 indexes: table -> (indexed table, columns).
TRIGRAM_TABLES = {
    "reviews_film_trigram": ("reviews_film", ("title", "original_title")),
    "people_person_trigram": ("people_person", ("name",)),
}
TRIGRAM = 3  # shorter words have no trigram: they filter the indexed matches with LIKE
# The best-scoring indexed matches (bm25) that the side lists then order by length.
SIDE_CANDIDATES = 200

logger = logging.getLogger(__name__)


class SQLiteBackend(Backend):
    @property
    def truncated_at(self) -> int:
        return self.max_results

    def index_article(self, article: Article, text: str) -> None:
        Article.objects.filter(pk=article.pk).update(search_text=text)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article.pk])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, standfirst, search_text) "
                "VALUES (%s, %s, %s, %s)",
                [article.pk, article.title, article.standfirst, text],
            )

    def unindex_article(self, article_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article_id])

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    def write_documents(self, documents: list[Document]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE reviews_article SET search_text = %s WHERE id = %s",
                [(text, pk) for pk, _title, _standfirst, text in documents],
            )
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, standfirst, search_text) "
                "VALUES (%s, %s, %s, %s)",
                documents,
            )

    def ranked_ids(self, query: str, words: list[str]) -> list[int]:
        """FTS5 walks the matches newest id first and scores the first max_results published ones.

        bm25: lower is better; weights title 10, standfirst 4, text 1. published() stays the one
        definition of what readers may see: its own WHERE clause, on a join, as an IN (subquery)
        would make FTS5 look the matches up one published article at a time.
        """
        published = Article.objects.published()
        visible, params = published.query.get_compiler(connection=connection).compile(
            published.query.where
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM (SELECT {FTS_TABLE}.rowid AS id, "
                f"bm25({FTS_TABLE}, 10.0, 4.0, 1.0) AS score FROM {FTS_TABLE} "
                f"JOIN reviews_article ON reviews_article.id = {FTS_TABLE}.rowid "
                f"WHERE {FTS_TABLE} MATCH %s AND {visible} "
                f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s) ORDER BY score, id DESC",
                [fts_match(words), *params, self.max_results],
            )
            return [row[0] for row in cursor.fetchall()]

    def with_snippets(self, rows: QuerySet[Article], query: str, words: list[str]) -> QuerySet:
        return rows.annotate(
            snippet=RawSQL(
                f"SELECT snippet({FTS_TABLE}, 2, char(2), char(3), ' … ', 24) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s AND rowid = reviews_article.id",
                [fts_match(words)],
            )
        )

    def films(self, query: str, words: list[str]) -> QuerySet[Film]:
        """Every word is in the title: the shortest such title is the closest to the query."""
        listing = substring_filter(
            Film.objects.for_listing(), "reviews_film_trigram", words, ("title", "original_title")
        )
        return listing.order_by(Length("title"), "title", "year")

    def people(self, query: str, words: list[str]) -> QuerySet[Person]:
        listing = substring_filter(
            Person.objects.for_listing(), "people_person_trigram", words, ("name",)
        )
        return listing.order_by(Length("name"), "sort_name")

    def repair_triggers(self, using: str) -> None:
        """Recreate the trigram index triggers a table rebuild dropped, then reindex.

        Django's SQLite schema editor rebuilds a table (copy, drop, rename) for many migrations,
        and dropping a table drops its triggers; this runs after every migrate (post_migrate).
        """
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
            existing = {row[0] for row in cursor.fetchall()}
            for table, (content, columns) in TRIGRAM_TABLES.items():
                triggers = {f"{table}_{action}" for action in ("insert", "delete", "update")}
                if table not in existing or triggers <= existing:
                    continue
                logger.warning(
                    "Recreating the triggers of %s (a migration rebuilt %s)", table, content
                )
                for trigger in triggers:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
                for sql in trigger_statements(table, content, columns):
                    cursor.execute(sql)


def fts_match(words: list[str]) -> str:
    """FTS5: every word must match (stemmed, as on PostgreSQL); quoting makes any input safe.

    Not as prefixes: a prefix query merges the lists of every word it starts, which made
    scoring and snippets of common words take seconds at 100,000 articles.
    """
    return " ".join('"{}"'.format(word.replace('"', '""')) for word in words)


@cache
def has_trigram_tokenizer() -> bool:
    """SQLite 3.34+ has FTS5's trigram tokenizer; without it side searches scan with LIKE."""
    if connection.Database.sqlite_version_info >= (3, 34, 0):
        return True
    logger.warning(
        "SQLite %s has no FTS5 trigram tokenizer: film and people search scan every row",
        connection.Database.sqlite_version,
    )
    return False


def substring_filter(
    listing: QuerySet, table: str, words: list[str], fields: tuple[str, ...]
) -> QuerySet:
    """Rows whose fields contain every word (in any of the fields), case-insensitively.

    Words of three or more characters are looked up in the trigram index (one phrase per word:
    a substring, anywhere in a word); the SIDE_CANDIDATES best of those are then filtered by any
    shorter word with LIKE. Without the tokenizer, or without a long enough word, LIKE scans.
    """
    long_words = [word for word in words if len(word) >= TRIGRAM]
    if long_words and has_trigram_tokenizer():
        listing = listing.filter(
            pk__in=RawSQL(
                f"SELECT rowid FROM {table} WHERE {table} MATCH %s ORDER BY rank LIMIT %s",
                [fts_match(long_words), SIDE_CANDIDATES],
            )
        )
        words = [word for word in words if len(word) < TRIGRAM]
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        listing = listing.filter(condition)
    return listing


def trigger_statements(table: str, content: str, columns: tuple[str, ...]) -> list[str]:
    """CREATE TRIGGER for inserts, deletes and updates of `columns`, then index every row.

    The same statements as the migrations' frozen copy in reviews/migrations/_trigram_fts.py,
    which stays there: a migration must create what it created the day it was written, while
    this recreates what the schema has today (a test checks that the two still agree).
    """
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert = f"INSERT INTO {table} (rowid, {names}) VALUES (new.id, {new});"
    delete = f"INSERT INTO {table} ({table}, rowid, {names}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE TRIGGER {table}_insert AFTER INSERT ON {content} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_delete AFTER DELETE ON {content} BEGIN {delete} END",
        f"CREATE TRIGGER {table}_update AFTER UPDATE OF {names} ON {content} "
        f"BEGIN {delete} {insert} END",
        f"INSERT INTO {table} ({table}) VALUES ('rebuild')",  # index the existing rows
    ]
