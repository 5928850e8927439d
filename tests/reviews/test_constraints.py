"""Every database constraint on films, articles and sections refuses what it guards."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from reviews.models import Article, Film, Image, Section, WatchOption
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    FilmFactory,
    FilmSeriesFactory,
    GenreFactory,
    ImageFactory,
    SectionFactory,
    WatchOptionFactory,
)
from tests.helpers import refused

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", [1869, 2101])
def test_film_year_out_of_range_refused(year):
    FilmFactory(year=1870, slug="earliest")  # the boundary itself is allowed
    refused(lambda: FilmFactory(year=year), "film_year_in_range")


@pytest.mark.parametrize("runtime", [0, 1501])
def test_film_runtime_out_of_range_refused(runtime):
    FilmFactory(runtime_minutes=1500, slug="longest")
    refused(lambda: FilmFactory(runtime_minutes=runtime), "film_runtime_in_range")


def test_film_series_order_needs_series():
    series = FilmSeriesFactory()
    FilmFactory(series=series, series_order=1)
    refused(lambda: FilmFactory(series=None, series_order=2), "film_series_order_with_series")
    refused(lambda: FilmFactory(series=series, series_order=None), "film_series_order_with_series")


def test_film_series_order_unique_within_series():
    series, other = FilmSeriesFactory(), FilmSeriesFactory()
    FilmFactory(series=series, series_order=1)
    FilmFactory(series=other, series_order=1)  # same position in another series is fine
    refused(lambda: FilmFactory(series=series, series_order=1))


def test_film_slug_unique():
    FilmFactory(slug="the-salt-road-2019")
    refused(lambda: FilmFactory(slug="the-salt-road-2019"))


def test_taxonomy_name_and_slug_unique():
    GenreFactory(name="Drama", slug="drama")
    from reviews.models import Genre

    refused(lambda: Genre.objects.create(name="Drama", slug="drama-2"))
    refused(lambda: Genre.objects.create(name="Drama two", slug="drama"))


def test_image_alt_text_required():
    ImageFactory(alt_text="A lighthouse at dusk")
    refused(lambda: ImageFactory(alt_text=""), "image_alt_text_required")


def test_image_kind_valid():
    ImageFactory(kind=Image.Kind.POSTER)
    refused(lambda: ImageFactory(kind="painting"), "image_kind_valid")


def test_watch_option_unique_and_kind_valid():
    option = WatchOptionFactory(provider="Harbourflix", kind=WatchOption.Kind.STREAM)
    WatchOptionFactory(film=option.film, provider="Harbourflix", kind=WatchOption.Kind.RENT)
    refused(lambda: WatchOptionFactory(film=option.film, provider="Harbourflix", kind="stream"))
    refused(lambda: WatchOptionFactory(kind="telepathy"), "watch_kind_valid")


def test_author_slug_unique():
    AuthorFactory(slug="ines-vale")
    refused(lambda: AuthorFactory(slug="ines-vale"))


def test_article_slug_unique():
    ArticleFactory(slug="salt-road-review")
    refused(lambda: ArticleFactory(slug="salt-road-review"))


@pytest.mark.parametrize("rating", ["0.5", "3.5", "5.0"])
def test_article_half_star_ratings_accepted(rating):
    article = ArticleFactory(rating=Decimal(rating))
    article.refresh_from_db()
    assert article.rating == Decimal(rating)


@pytest.mark.parametrize("rating", ["0.0", "3.3", "5.5", "-1.0"])
def test_article_rating_outside_half_stars_refused(rating):
    refused(lambda: ArticleFactory(rating=Decimal(rating)), "article_rating_half_stars")


def test_article_rating_only_on_reviews():
    ArticleFactory(kind=Article.Kind.REVIEW, rating=Decimal("4.0"))
    refused(
        lambda: ArticleFactory(kind=Article.Kind.ESSAY, rating=Decimal("4.0")),
        "article_rating_only_reviews",
    )


def test_article_kind_and_status_valid():
    ArticleFactory(kind=Article.Kind.LIST)
    refused(lambda: ArticleFactory(kind="rant"), "article_kind_valid")
    refused(lambda: ArticleFactory(status="lost"), "article_status_valid")


def test_published_article_needs_a_date():
    ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    refused(
        lambda: ArticleFactory(status=Article.Status.PUBLISHED, published_at=None),
        "article_published_has_date",
    )


def test_article_source_fingerprint_unique_but_blank_allowed_twice():
    ArticleFactory(source_fingerprint="")
    ArticleFactory(source_fingerprint="")
    ArticleFactory(source_fingerprint="a" * 64)
    refused(lambda: ArticleFactory(source_fingerprint="a" * 64))


def test_section_order_unique_per_article():
    section = SectionFactory(order=1)
    SectionFactory(order=1)  # another article may use the same position
    refused(lambda: SectionFactory(article=section.article, order=1))


def test_section_kind_valid():
    SectionFactory(kind=Section.Kind.ENDING)
    refused(lambda: SectionFactory(kind="gossip"), "section_kind_valid")


def test_full_clean_reports_constraints_as_form_errors():
    """Admin forms and services call full_clean(): the same rules come back as messages."""
    article = ArticleFactory.build(kind=Article.Kind.ESSAY, rating=Decimal("4.5"), author=None)
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean(exclude=["films"])
    assert "article_rating_only_reviews" in str(excinfo.value)


def test_film_year_validated_by_full_clean():
    film = Film(title="Too early", slug="too-early", year=1800)
    with pytest.raises(ValidationError, match="film_year_in_range"):
        film.full_clean()
