"""PostgreSQL: a weighted tsvector on Article ranked by ts_rank, pg_trgm for films and people.

A stored SearchVector on Article (title A, standfirst B, spoiler-free text C) with a GIN index,
ranked by ts_rank, with ts_headline snippets; pg_trgm word similarity for typo-tolerant film
titles and names.
"""

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import F, QuerySet, Value
from django.db.models.functions import Greatest, Left

from people.models import Person
from reviews.models import Article, Film
from sitesearch.backends.base import MARK_END, MARK_START, Backend, Document

CONFIG = "english"
# ts_headline parses all the text it is given (about 1 ms per 2,000 characters on PostgreSQL),
# so snippets come from the opening of the spoiler-free text. No match there: no snippet, and
# the card shows the article's summary instead (on both engines).
SNIPPET_WINDOW = 1200


class PostgreSQLBackend(Backend):
    @property
    def truncated_at(self) -> int:
        return self.recent_matches

    def index_article(self, article: Article, text: str) -> None:
        Article.objects.filter(pk=article.pk).update(
            search_text=text,
            search_vector=(
                SearchVector("title", weight="A", config=CONFIG)
                + SearchVector("standfirst", weight="B", config=CONFIG)
                # UPDATE sees the old search_text, so the new text goes in as a value.
                + SearchVector(Value(text), weight="C", config=CONFIG)
            ),
        )

    def unindex_article(self, article_id: int) -> None:
        pass  # the vector is a column of the deleted row

    def clear(self) -> None:
        pass  # write_documents overwrites every vector

    def write_documents(self, documents: list[Document]) -> None:
        # The same weighted vector as index_article's SearchVector sum, for a whole chunk.
        rows = [(pk, text) for pk, _title, _standfirst, text in documents]
        values = ", ".join(["(%s, %s)"] * len(rows))
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE reviews_article AS a SET search_text = v.text, search_vector = "
                "setweight(to_tsvector(%s::regconfig, COALESCE(a.title, '')), 'A') || "
                "setweight(to_tsvector(%s::regconfig, COALESCE(a.standfirst, '')), 'B') || "
                "setweight(to_tsvector(%s::regconfig, v.text), 'C') "
                f"FROM (VALUES {values}) AS v(id, text) WHERE a.id = v.id",
                [CONFIG, CONFIG, CONFIG, *(value for row in rows for value in row)],
            )

    def ranked_ids(self, query: str, words: list[str]) -> list[int]:
        published = Article.objects.published()
        search_query = SearchQuery(query, search_type="websearch", config=CONFIG)
        recent = published.filter(search_vector=search_query).order_by("-published_at")
        # Served by the article_title_vector_gin expression index (migration 0010).
        titled = (
            published.annotate(title_vector=SearchVector("title", config=CONFIG))
            .filter(title_vector=search_query)
            .order_by("-published_at")
        )
        # A union, not an OR of two IN clauses, which PostgreSQL answers with a full scan.
        candidates = Article.objects.filter(
            pk__in=recent.values("pk")[: self.recent_matches].union(
                titled.values("pk")[: self.title_matches]
            )
        ).annotate(rank=SearchRank(F("search_vector"), search_query))
        ranked = candidates.order_by("-rank", "-published_at", "-pk")
        return list(ranked.values_list("pk", flat=True)[: self.max_results])

    def with_snippets(self, rows: QuerySet[Article], query: str, words: list[str]) -> QuerySet:
        search_query = SearchQuery(query, search_type="websearch", config=CONFIG)
        return rows.annotate(
            snippet=SearchHeadline(
                Left("search_text", SNIPPET_WINDOW),
                search_query,
                config=CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=32,
                min_words=16,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )

    def films(self, query: str, words: list[str]) -> QuerySet[Film]:
        """Forgiving typos: trigram word similarity to the title or the original title."""
        # A union of the two trigram index lookups: PostgreSQL answers an OR of the two
        # conditions with a scan of every film (340 ms at 20,000 films).
        by_title = Film.objects.filter(TrigramWordSimilar(F("title"), Value(query)))
        by_original = Film.objects.filter(TrigramWordSimilar(F("original_title"), Value(query)))
        matches = by_title.order_by().values("pk").union(by_original.order_by().values("pk"))
        return (
            Film.objects.for_listing()
            .filter(pk__in=matches)
            .annotate(
                similarity=Greatest(
                    TrigramWordSimilarity(query, "title"),
                    TrigramWordSimilarity(query, "original_title"),
                )
            )
            .order_by("-similarity", "title", "year")
        )

    def people(self, query: str, words: list[str]) -> QuerySet[Person]:
        """Forgiving typos: trigram word similarity to the name."""
        return (
            Person.objects.for_listing()
            .filter(TrigramWordSimilar(F("name"), Value(query)))
            .annotate(similarity=TrigramWordSimilarity(query, "name"))
            .order_by("-similarity", "sort_name")
        )

    def repair_triggers(self, using: str) -> None:
        pass  # PostgreSQL alters tables in place: its indexes need no repair
