"""What an import costs in queries, and that its shortcuts keep the guarantees of a plain save.

The importer validates every row without full_clean()'s queries, indexes the article for search
once per text and adds its rows to the revision once (issue #7). These tests pin the queries and
check the results against what the admin's per-save path produces.
"""

from dataclasses import replace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from editorial.models import Redirect
from editorial.revisions import article_versions, snapshot
from importer.parse.document import decode_and_parse
from importer.parse.records import ImportTextError, ParsedText
from importer.save import ImportResult, article_import
from people.models import Character, Credit, Person
from reviews.models import Article, Author, Country, Film, Genre, Language, Section
from sitesearch import api as search
from tests.helpers import article_form_data
from tests.importer.helpers import SAMPLES

pytestmark = pytest.mark.django_db
MAX_BYTES = 2 * 1024 * 1024

# Queries to import each sample into an empty site, however many sections it has: they are
# inserted in one query, and the people its credits name read in one. SQLite adds two for its
# FTS5 row.
# Two keep the article's tags beside its revision (editorial.revisions.revision_tags_record).
# One reads the site's films for importer/resolve.py (once per run for the command); the
# review's two mentions are then found there, not by a query each.
# Each includes the check that the article's slug is no live page's old address (redirects).
QUERIES = {"review_salt_road.txt": 50, "analysis_salt_road_ending.txt": 56}
FTS_QUERIES = 2 if connection.vendor == "sqlite" else 0
STATUS_LOG_QUERIES = 1  # the status log's row (the import's transaction holds it)


def parsed_sample(name: str, *, repeat: int = 1) -> tuple[str, ParsedText]:
    """The sample's text and parse, its sections repeated `repeat` times (new text each time)."""
    text, parsed = decode_and_parse((SAMPLES / name).read_bytes(), max_bytes=MAX_BYTES)
    sections = tuple(
        replace(section, body=f"{section.body}\n\nPart {copy}." if copy else section.body)
        for copy in range(repeat)
        for section in parsed.sections
    )
    return text, replace(parsed, sections=sections)


def warm_content_types() -> None:
    """A long import has these cached after its first text; the tests start cold (conftest)."""
    ContentType.objects.get_for_models(Article, Section, Film, Credit, Person, Character)


def indexed(article_id: int) -> dict:
    """The article's search document as each engine stores it."""
    document = dict(
        Article.objects.filter(pk=article_id).values("search_text", "search_vector").get()
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT title, standfirst, search_text FROM {search.FTS_TABLE} WHERE rowid = %s",
                [article_id],
            )
            document["fts"] = cursor.fetchall()
    return document


def admin_save(client: Client, article: Article, **changes) -> None:
    response = client.post(
        reverse("admin:reviews_article_change", args=[article.pk]),
        article_form_data(article, **changes),
    )
    assert response.status_code == 302, response.context and (
        response.context["adminform"].form.errors,
        [inline.formset.errors for inline in response.context["inline_admin_formsets"]],
    )


# --- queries ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", QUERIES)
@pytest.mark.parametrize("repeat", [1, 2])
def test_import_queries_are_pinned_whatever_the_number_of_sections(sample, repeat):
    text, parsed = parsed_sample(sample, repeat=repeat)
    warm_content_types()

    with CaptureQueriesContext(connection) as queries:
        result = article_import(parsed=parsed, source_text=text)

    # On PostgreSQL each new film, person, genre, critic, character or credit is inserted in a
    # savepoint (two queries), so that a concurrent import's row can win (_Import.save_new).
    catalogue = (Film, Person, Genre, Country, Language, Author, Character, Credit)
    new_rows = sum(m.objects.count() for m in catalogue)
    savepoints = 2 * new_rows if connection.vendor == "postgresql" else 0
    pinned = QUERIES[sample] + FTS_QUERIES + STATUS_LOG_QUERIES + savepoints
    assert len(queries) == pinned, "\n".join(q["sql"][:120] for q in queries.captured_queries)

    assert result.outcome == "imported"
    assert Section.objects.filter(article_id=result.article.pk).count() == len(parsed.sections)


# --- search index: once per text, the same document as the admin's per-save path --------------


@pytest.mark.parametrize("sample", QUERIES)
def test_imported_article_is_indexed_as_an_admin_save_indexes_it(admin_client, sample):
    text, parsed = parsed_sample(sample)
    article = Article.objects.get(pk=article_import(parsed=parsed, source_text=text).article.pk)
    imported = indexed(article.pk)
    # Forget the document, so that only the admin's save can write it again.
    Article.objects.filter(pk=article.pk).update(search_text="", search_vector=None)
    search.unindex_article(article.pk)
    assert indexed(article.pk)["search_text"] == ""

    admin_save(admin_client, article)

    assert indexed(article.pk) == imported
    assert imported["search_text"].startswith(parsed.sections[0].body.split(".")[0])


def test_editors_section_save_still_reindexes_at_once(admin_client):
    text, parsed = parsed_sample("review_salt_road.txt")
    article = Article.objects.get(pk=article_import(parsed=parsed, source_text=text).article.pk)
    assert "zeppelin" not in indexed(article.pk)["search_text"]

    admin_save(admin_client, article, **{"sections-0-body": "A zeppelin drifts over the salt."})

    assert "zeppelin" in indexed(article.pk)["search_text"]
    section = article.sections.get(order=2)
    section.body = "An armadillo crosses the road."
    section.save()
    assert "armadillo" in indexed(article.pk)["search_text"]


def test_a_text_that_fails_leaves_no_search_document():
    text, parsed = parsed_sample("review_salt_road.txt")
    article_import(parsed=parsed, source_text=text)
    before = list(Article.objects.values_list("pk", "search_text"))
    other_text, other = parsed_sample("analysis_night_ferry_themes.txt")
    broken = replace(other.sections[-1], body="")  # the database needs a body: fails last

    with pytest.raises(ImportTextError, match="body"):
        article_import(parsed=replace(other, sections=(*other.sections, broken)), source_text=text)

    assert list(Article.objects.values_list("pk", "search_text")) == before


# --- validation without queries: the database's constraints still speak clearly ------------


def test_a_row_the_database_refuses_is_a_clear_error_and_saves_nothing():
    text, parsed = parsed_sample("review_salt_road.txt")
    assert parsed.film is not None
    too_old = replace(parsed, film=replace(parsed.film, year=1850))  # before film_year_in_range

    with pytest.raises(ImportTextError, match=r"cannot save film .*film_year_in_range"):
        article_import(parsed=too_old, source_text=text)

    assert not Film.objects.exists() and not Article.objects.exists()
    assert not Person.objects.exists()
    result = article_import(parsed=parsed, source_text=text)  # the same text, a valid year
    assert result.outcome == "imported" and Film.objects.get().year == 2019


# --- one revision per import, with every row it wrote -------------------------------------------


def test_an_import_is_one_revision_with_every_row_it_wrote():
    text, parsed = parsed_sample("analysis_salt_road_ending.txt")

    result: ImportResult = article_import(parsed=parsed, source_text=text)

    article = Article.objects.get(pk=result.article.pk)
    (version,) = article_versions(article)
    revision = version.revision
    assert revision.comment == "Imported from a text."
    film = Film.objects.get()
    expected = {
        (Article, article.pk),
        (Film, film.pk),
        *((Section, pk) for pk in article.sections.values_list("pk", flat=True)),
        *((Credit, pk) for pk in film.credits.values_list("pk", flat=True)),
        *((Character, pk) for pk in film.characters.values_list("pk", flat=True)),
        *((Person, pk) for pk in Person.objects.values_list("pk", flat=True)),
    }
    assert {
        (v.content_type.model_class(), int(v.object_id)) for v in revision.version_set.all()
    } == expected
    assert Version.objects.count() == len(expected)
    # The editors' history reads the sections of that revision, as they were saved.
    sections = snapshot(version).sections
    assert [sections[order]["body"] for order in sorted(sections)] == list(
        article.sections.values_list("body", flat=True)
    )


# --- the redirect recorder: no lookup for new rows, still a redirect for a changed slug --------


def test_slug_changes_after_an_import_are_still_redirected():
    text, parsed = parsed_sample("review_salt_road.txt")
    # Published: a draft's old address is not kept (no reader had it; editorial/signals.py).
    result = article_import(parsed=parsed, source_text=text, publish=True)
    article = Article.objects.get(pk=result.article.pk)
    film = Film.objects.get()
    assert not Redirect.objects.exists()  # creating rows records nothing
    old_article, old_film = article.get_absolute_url(), film.get_absolute_url()

    article.slug = "salt-road-review"
    article.save()
    film.slug = "salt-road"
    film.save()

    targets = {r.old_path: r.target for r in Redirect.objects.all()}
    assert targets[old_article] == article
    assert targets[old_film] == film
