"""Search finds articles, films and people on both engines, ranked, with highlighted snippets."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.urls import reverse

from people.models import Person
from reviews.models import Article, Film
from sitesearch import api as search
from sitesearch.backends import backend, sqlite
from tests import factories as f

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (tsvector, GIN, pg_trgm)"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="tests SQLite's FTS5 table")


def test_title_matches_rank_above_standfirst_above_body():
    body = f.ArticleFactory(title="Third", standfirst="Nothing here.")
    f.SectionFactory(article=body, body="A long paragraph that mentions a lighthouse once.")
    standfirst = f.ArticleFactory(title="Second", standfirst="A lighthouse on the cover.")
    title = f.ArticleFactory(title="The lighthouse", standfirst="Nothing here either.")
    assert list(search.articles("lighthouse")) == [title, standfirst, body]


def test_every_word_must_match_and_stems_match():
    both = f.ArticleFactory(title="Ferries and harbours")
    f.ArticleFactory(title="Ferries only")
    assert list(search.articles("ferry harbour")) == [both]


def test_only_published_articles_are_found():
    live = f.ArticleFactory(title="Salt and light")
    f.ArticleFactory(title="Salt in draft", status="draft", published_at=None)
    assert list(search.articles("salt")) == [live]


def test_editing_a_title_updates_the_index():
    article = f.ArticleFactory(title="Before")
    article.title = "After the storm"
    article.save()
    assert list(search.articles("storm")) == [article]
    assert list(search.articles("before")) == []


def test_deleting_a_section_updates_the_index():
    section = f.SectionFactory(body="The orchard burns.")
    assert list(search.articles("orchard")) == [section.article]
    section.delete()
    assert list(search.articles("orchard")) == []


def test_snippet_highlights_matches_and_escapes_the_text():
    article = f.ArticleFactory(title="Ledger")
    f.SectionFactory(article=article, body="Fish & chips <b>and</b> a lighthouse at dusk.")
    snippet = search.render_snippet(search.articles("lighthouse")[0].snippet)
    assert "<mark>lighthouse</mark>" in snippet.lower()
    assert "&amp;" in snippet and "<b>" not in snippet


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "*", "a:b", "lighthouse)(", "' OR 1=1 --"])
def test_hostile_queries_do_not_error(client, query):
    f.ArticleFactory(title="Lighthouse")
    assert client.get(reverse("sitesearch:search"), {"q": query}).status_code == 200


def test_films_and_people_are_found_by_name():
    film = f.FilmFactory(title="The Salt Year", original_title="O Ano do Sal")
    person = f.PersonFactory(name="Leonor Bastos")
    f.FilmFactory(title="Overwinter")
    assert list(search.films("salt year")) == [film]
    assert list(search.films("ano do sal")) == [film]
    assert list(search.people("bastos")) == [person]


def test_search_page_shows_films_people_and_articles(client):
    f.FilmFactory(title="Harbour Lights")
    f.PersonFactory(name="Ana Harbour")
    f.ArticleFactory(title="On the harbour")
    html = client.get(reverse("sitesearch:search"), {"q": "harbour"}).content.decode()
    assert "Harbour Lights" in html and "Ana Harbour" in html and "On the harbour" in html
    assert '<meta name="robots" content="noindex">' in html


def test_every_page_has_the_search_field_in_its_header(client):
    html = client.get(reverse("reviews:film_list")).content.decode()
    header = html.split("</header>", 1)[0]
    assert 'role="search"' in header and 'name="q"' in header


@postgres_only
def test_postgres_film_and_person_search_forgives_typos():
    film = f.FilmFactory(title="Overwinter")
    person = f.PersonFactory(name="Leonor Bastos")
    assert list(search.films("overwintre")) == [film]
    assert list(search.people("leonor bastoss")) == [person]


@postgres_only
def test_postgres_article_search_can_use_the_gin_index():
    f.ArticleFactory.create_batch(3)
    matching = Article.objects.filter(search_vector=SearchQuery("lighthouse", config="english"))
    sql, params = matching.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a 3-row table is otherwise scanned
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_search_vector_gin" in plan


@postgres_only
def test_postgres_vector_is_weighted_title_a_standfirst_b_text_c():
    article = f.ArticleFactory(title="Lighthouse", standfirst="Ferry")
    f.SectionFactory(article=article, body="Orchard")
    article.refresh_from_db()
    assert article.search_vector == "'ferri':2B 'lighthous':1A 'orchard':3C"


@sqlite_only
def test_sqlite_fts_table_holds_only_spoiler_free_text():
    article = f.ArticleFactory(title="Ledger")
    f.SectionFactory(article=article, body="Visible orchard.")
    f.SectionFactory(article=article, body="Hidden zanzibar.", is_spoiler=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_text FROM reviews_article_fts WHERE rowid = %s", [article.pk])
        (text,) = cursor.fetchone()
    assert "orchard" in text and "zanzibar" not in text


def test_results_are_bounded_and_the_page_says_so(client, monkeypatch):
    engine = backend()
    monkeypatch.setattr(engine, "recent_matches", 3)
    monkeypatch.setattr(engine, "title_matches", 2)
    monkeypatch.setattr(engine, "max_results", 5)
    for i in range(7):
        f.ArticleFactory(title=f"Harbour notes {i}")
    results = search.articles("harbour")
    assert 3 <= results.count() <= 5 and results.is_truncated
    html = client.get(reverse("sitesearch:search"), {"q": "harbour"}).content.decode()
    assert f"At least {results.count()} articles match" in html


def test_few_results_are_counted_exactly(client):
    for i in range(2):
        f.ArticleFactory(title=f"Harbour notes {i}")
    results = search.articles("harbour")
    assert results.count() == 2 and not results.is_truncated
    assert "At least" not in client.get(reverse("sitesearch:search"), {"q": "harbour"}).text


def test_no_snippet_when_only_the_title_matches():
    titled = f.ArticleFactory(title="Lighthouse", standfirst="Nothing here.")
    f.SectionFactory(article=titled, body="A quiet film about the sea.")
    body = f.ArticleFactory(title="Elsewhere", standfirst="Nothing here.")
    f.SectionFactory(article=body, body="A lighthouse at dusk.")
    snippets = {a.pk: a.snippet for a in search.articles("lighthouse")}
    assert snippets[titled.pk] == "" and "\x02lighthouse\x03" in snippets[body.pk].lower()


@postgres_only
def test_postgres_title_matches_can_use_the_title_index():
    f.ArticleFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM reviews_article WHERE "
            "to_tsvector('english'::regconfig, COALESCE(title, '')) @@ "
            "websearch_to_tsquery('english'::regconfig, 'lighthouse')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_title_vector_gin" in plan


@sqlite_only
def test_sqlite_side_search_finds_substrings_inside_words():
    film = f.FilmFactory(title="Overwinter", original_title="Invernada")
    person = f.PersonFactory(name="Leonor Bastos")
    f.FilmFactory(title="Harbour Lights")
    f.PersonFactory(name="Ana Harbour")
    assert list(search.films("verwint")) == [film]
    assert list(search.films("nada")) == [film]
    assert list(search.people("onor asto")) == [person]
    assert list(search.people("onor harbour")) == []


@sqlite_only
def test_sqlite_side_search_orders_the_closest_name_first():
    longer = f.PersonFactory(name="Harbourne Whitlock-Smythe")
    exact = f.PersonFactory(name="Harbourne")
    assert list(search.people("harbourne")) == [exact, longer]


@sqlite_only
def test_sqlite_side_search_words_shorter_than_a_trigram_still_filter():
    ed = f.PersonFactory(name="Ed Harbour")
    f.PersonFactory(name="Al Harbour")
    assert list(search.people("ed harbour")) == [ed]
    assert len(search.people("harbour")) == 2


@sqlite_only
def test_sqlite_trigram_indexes_follow_bulk_create_update_and_delete():
    [person] = Person.objects.bulk_create(
        [Person(name="Ximena Quarrel", slug="ximena-quarrel", sort_name="Quarrel, Ximena")]
    )
    [film] = Film.objects.bulk_create([Film(title="Quarrel Street", slug="quarrel-street")])
    assert list(search.people("quarrel")) == [person] and list(search.films("quarrel")) == [film]

    Person.objects.filter(pk=person.pk).update(name="Ximena Lantern")
    Film.objects.filter(pk=film.pk).update(title="Lantern Street", original_title="Rua Quieta")
    assert list(search.people("lantern")) == [person] and list(search.films("quieta")) == [film]
    assert list(search.people("quarrel")) == [] and list(search.films("quarrel")) == []

    Person.objects.filter(pk=person.pk).delete()
    Film.objects.filter(pk=film.pk).delete()
    assert list(search.people("lantern")) == [] and list(search.films("lantern")) == []


@sqlite_only
def test_sqlite_triggers_dropped_by_a_table_rebuild_are_recreated_after_migrate():
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER people_person_trigram_insert")
    f.PersonFactory(name="Ottoline Marsh")  # missed by the index while the trigger is gone
    assert list(search.people("ottoline")) == []
    search.repair_trigram_triggers()
    assert [p.name for p in search.people("ottoline")] == ["Ottoline Marsh"]
    f.PersonFactory(name="Ottoline Reed")
    assert len(search.people("ottoline")) == 2


@sqlite_only
def test_sqlite_repair_recreates_the_triggers_the_migrations_made():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        migrated = dict(cursor.fetchall())
    for table, (content, columns) in sqlite.TRIGRAM_TABLES.items():
        statements = sqlite.trigger_statements(table, content, columns)
        triggers = {f"{table}_{action}" for action in ("insert", "delete", "update")}
        assert triggers <= set(migrated)
        assert sorted(migrated[name] for name in triggers) == sorted(statements[:3])


@sqlite_only
def test_sqlite_without_the_trigram_tokenizer_side_search_scans(monkeypatch):
    monkeypatch.setattr(sqlite, "has_trigram_tokenizer", lambda: False)
    film = f.FilmFactory(title="Overwinter")
    person = f.PersonFactory(name="Leonor Bastos")
    assert list(search.films("verwint")) == [film] and list(search.people("onor")) == [person]
    assert list(search.films("harbour")) == []


@postgres_only
def test_postgres_film_search_looks_up_each_title_index_on_its_own():
    # An OR of the two trigram conditions is one scan node testing both, which at 20,000 films
    # PostgreSQL planned as a scan of every film (340 ms). Each condition in its own branch of
    # a union can be an index lookup. At test sizes the planner would rather scan the table
    # (enable_seqscan off) or walk the btree on title, so the test checks the plan's shape: a
    # union whose branches each test one condition, and a trigram index serving a branch.
    film = f.FilmFactory(title="A River in Winter")
    f.FilmFactory.create_batch(2)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = search.films("A River in Winter")[:8].query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = [row[0] for row in cursor.fetchall()]
    assert any("Append" in line for line in plan), plan
    assert any("(title)::text %>" in line for line in plan), plan
    assert any("(original_title)::text %>" in line for line in plan), plan
    assert not [line for line in plan if "%>" in line and " OR " in line], plan
    assert any("Index Scan on film_original_title_trgm" in line for line in plan), plan
    assert list(search.films("A River in Winter")) == [film]
