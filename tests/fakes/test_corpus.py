"""generate_corpus: a deterministic, realistic archive that respects every constraint."""

import contextlib
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count, F, Max, Min

from people.models import Character, Credit, Person
from reviews.markdown import render_markdown
from reviews.models import Article, Film, Section
from sitesearch import api as search
from tests import factories as f

pytestmark = pytest.mark.django_db

ARTICLES = 60


def generate(seed: int = 7, *extra: str) -> None:
    call_command(
        "generate_corpus", "--articles", str(ARTICLES), "--seed", str(seed), *extra, verbosity=0
    )


@pytest.fixture
def corpus() -> None:
    generate()


def snapshot() -> list[tuple[str, str]]:
    return list(Article.objects.order_by("pk").values_list("title", "slug"))


def test_counts_follow_the_issues_proportions(corpus):
    films, people, credits = Film.objects.count(), Person.objects.count(), Credit.objects.count()
    assert Article.objects.count() == ARTICLES
    assert films == ARTICLES // 5  # 20,000 films for 100,000 articles
    assert people == max(40, ARTICLES)
    assert 4 * ARTICLES <= credits <= 6 * ARTICLES  # about 500,000 for 100,000 articles
    assert Film.objects.filter(series__isnull=False).exists() or films < 50
    assert set(Article.objects.values_list("kind", flat=True)) == set(Article.Kind.values)


class RolledBack(Exception):
    pass


def generated_then_rolled_back(seed: int) -> list[tuple[str, str]]:
    """Titles and slugs a seed generates on this database, leaving the database as it was."""
    with contextlib.suppress(RolledBack), transaction.atomic():
        generate(seed)
        titles_and_slugs = snapshot()
        raise RolledBack
    return titles_and_slugs


def test_same_seed_same_corpus_and_another_seed_differs():
    first = generated_then_rolled_back(3)
    assert Article.objects.count() == 0 and len(first) == ARTICLES
    assert generated_then_rolled_back(3) == first
    other = generated_then_rolled_back(4)
    assert {title for title, _ in other}.isdisjoint({title for title, _ in first})


def test_a_database_with_articles_is_refused_without_append():
    f.ArticleFactory(title="Already here")
    with pytest.raises(CommandError, match="already has 1 articles.*--append"):
        generate()
    assert Article.objects.count() == 1
    generate(7, "--append")
    assert Article.objects.count() == 1 + ARTICLES


def test_sections_three_to_twelve_a_third_spoilers_html_rendered(corpus):
    per_article = Article.objects.annotate(n=Count("sections")).aggregate(Min("n"), Max("n"))
    assert per_article["n__min"] >= 3 and per_article["n__max"] <= 12
    sections = list(Section.objects.all())
    share = sum(s.is_spoiler for s in sections) / len(sections)
    assert 0.25 <= share <= 0.42
    assert not Section.objects.filter(order=0, is_spoiler=True).exists()
    # Cached per paragraph, but exactly what saving each section would have stored.
    assert all(s.body_html == render_markdown(s.body) for s in sections)
    assert len({s.body for s in sections}) > len(sections) * 0.9  # varied, not one text repeated


def test_slugs_unique_and_every_actor_plays_a_character_of_the_same_film(corpus):
    slugs = list(Article.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == len(slugs)
    actors = Credit.objects.filter(role=Credit.Role.ACTOR)
    assert actors.exists()
    assert not actors.filter(character__isnull=True).exists()
    assert not actors.exclude(character__film=F("film")).exists()
    assert not Credit.objects.exclude(role="actor").filter(character__isnull=False).exists()
    assert Character.objects.count() == actors.count()
    assert Film.objects.exclude(credits__role=Credit.Role.DIRECTOR).count() == 0


def test_reviews_alone_have_ratings_and_published_draft_mix_is_plausible(corpus):
    assert not Article.objects.exclude(kind="review").filter(rating__isnull=False).exists()
    assert not Article.objects.filter(kind="review", rating__isnull=True).exists()
    statuses = Counter(Article.objects.values_list("status", flat=True))
    assert statuses["published"] >= ARTICLES * 0.6
    assert statuses["published"] < ARTICLES
    assert 0 < Article.objects.published().count() <= statuses["published"]
    assert not Article.objects.filter(status="published", published_at__isnull=True).exists()


def test_search_finds_a_generated_article_by_a_title_word(corpus):
    article = Article.objects.published().order_by("pk").first()
    word = max(search.terms(article.title), key=len)
    assert article in list(search.articles(word))
    assert list(search.articles("zzqxjv")) == []


def test_rebuild_writes_what_saving_an_article_would(corpus):
    article = Article.objects.order_by("pk").first()
    rebuilt = Article.objects.values_list("search_text", "search_vector").get(pk=article.pk)
    search.index_article(article.pk)
    indexed = Article.objects.values_list("search_text", "search_vector").get(pk=article.pk)
    assert rebuilt == indexed
    assert rebuilt[0] == article.public_text() != ""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM reviews_article_fts")
            assert cursor.fetchone()[0] == ARTICLES
