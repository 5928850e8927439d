"""Every public page renders in a fixed number of queries, whatever the amount of related data.

Each page is rendered with 3 and with 30 of everything it lists (credits, articles, sections,
films, tags...) and must run exactly the same, pinned number of queries: no N+1 anywhere.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories as f

pytestmark = pytest.mark.django_db

SIZES = [3, 30]


def get(client, django_assert_num_queries, url: str, queries: int, **params):
    with django_assert_num_queries(queries):
        response = client.get(url, params)
    assert response.status_code == 200
    return response


def next_cursor(client, url: str, **params) -> str:
    """The cursor behind a list's "Older"/"Next" link, as a reader would follow it."""
    cursor = client.get(url, params).context["page"].next_cursor
    assert cursor
    return cursor


def articles_about(film, n: int, **kwargs) -> list:
    tags = [f"theme {i}" for i in range(n)]
    articles = []
    for i in range(n):
        article = f.ArticleFactory(films=[film], tags=tags[: i % 5 + 1], **kwargs)
        f.SectionFactory(article=article, is_spoiler=i % 2 == 0)
        articles.append(article)
    return articles


@pytest.mark.parametrize("n", SIZES)
def test_home(client, django_assert_num_queries, n):
    film = f.FilmFactory()
    articles_about(film, n, lead_image=f.ImageFactory())
    for kind in ["synopsis", "ending", "essay", "list"]:
        f.ArticleFactory(kind=kind, films=[film], tags=["x"])
    # Page, its 3 prefetches; newest of each kind (the featured review too), its 3; first year.
    response = get(client, django_assert_num_queries, reverse("reviews:home"), 5)
    assert response.context["featured"] is not None and len(response.context["by_kind"]) == 4


@pytest.mark.parametrize("n", SIZES)
def test_home_archive_page(client, django_assert_num_queries, n):
    articles_about(f.FilmFactory(), n + 20)
    get(client, django_assert_num_queries, reverse("reviews:home") + "?page=2", 3)


@pytest.mark.parametrize("n", SIZES)
def test_home_archive_by_cursor_both_ways(client, django_assert_num_queries, n):
    articles_about(f.FilmFactory(), n + 20)
    url = reverse("reviews:home")
    older = get(client, django_assert_num_queries, url, 3, after=next_cursor(client, url))
    page = older.context["page"]
    assert len(page) == min(n, 20) and page.has_previous and page.has_next == (n > 20)
    # Back to the newest 20: the front page again, with its featured review and latest kinds.
    newer = get(client, django_assert_num_queries, url, 5, before=page.previous_cursor)
    assert len(newer.context["page"]) == 20 and newer.context["page"].is_first


@pytest.mark.parametrize("n", SIZES)
def test_home_archive_year(client, django_assert_num_queries, n):
    last_year = timezone.now().year - 1
    for i in range(n):
        f.ArticleFactory(published_at=timezone.now().replace(year=last_year) - timedelta(days=i))
    f.ArticleFactory()  # this year's: not on last year's page
    url = reverse("reviews:home")
    response = get(client, django_assert_num_queries, url, 3, year=str(last_year))
    assert len(response.context["page"]) == min(n, 20)
    assert {a.published_at.year for a in response.context["page"]} == {last_year}


@pytest.mark.parametrize("n", SIZES)
def test_film_detail(client, django_assert_num_queries, n):
    series = f.FilmSeriesFactory()
    film = f.FilmFactory(series=series, series_order=2, genres=[f.GenreFactory() for _ in range(n)])
    f.FilmFactory(series=series, series_order=1)
    f.FilmFactory(series=series, series_order=3)
    film.tags.add(*[f"motif {i}" for i in range(n)])
    for _ in range(n):
        f.ActorCreditFactory(film=film)
        f.CreditFactory(film=film)
        f.WatchOptionFactory(film=film)
        film.countries.add(f.CountryFactory())
        film.languages.add(f.LanguageFactory())
    articles_about(film, n)
    response = get(client, django_assert_num_queries, film.get_absolute_url(), 10)
    assert len(response.context["cast"]) == n
    assert response.context["previous_film"] and response.context["next_film"]


@pytest.mark.parametrize("n", SIZES)
def test_article_detail(client, django_assert_num_queries, n):
    films = [f.FilmFactory(poster=f.ImageFactory()) for _ in range(n)]
    for film in films:
        f.CreditFactory(film=film)
    article = f.ArticleFactory(films=films, tags=[f"t{i}" for i in range(n)], standfirst="")
    for i in range(n):
        f.SectionFactory(article=article, is_spoiler=i % 2 == 1, image=f.ImageFactory())
    for film in films:
        f.ArticleFactory(films=[film], tags=["t0"])
    response = get(client, django_assert_num_queries, article.get_absolute_url(), 8)
    assert len(response.context["sections"]) == n and len(response.context["related"]) == min(n, 4)


@pytest.mark.parametrize("n", SIZES)
def test_film_list(client, django_assert_num_queries, n):
    genre = f.GenreFactory(name="Noir")
    for i in range(n):
        poster = f.ImageFactory()
        film = f.FilmFactory(year=1950 + i, genres=[genre, f.GenreFactory()], poster=poster)
        f.ArticleFactory(films=[film])
    url = reverse("reviews:film_list") + "?genre=noir&reviewed=1&sort=newest"
    response = get(client, django_assert_num_queries, url, 6)
    assert response.context["film_count"] == n


# Every filter and every sort: films, their genres, the bounded count, genre menu, decade range;
# each filter's term (1 query) except "decade" and "reviewed", which need no lookup.
FILM_FILTERS = {
    "genre": ({"genre": "noir"}, 6),
    "country": ({"country": "france"}, 6),
    "language": ({"language": "french"}, 6),
    "theme": ({"theme": "sea"}, 6),
    "decade": ({"decade": "1950"}, 5),
    "reviewed": ({"reviewed": "1"}, 5),
    "all": ({"genre": "noir", "country": "france", "language": "french", "theme": "sea"}, 9),
}


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("sort", ["title", "newest", "oldest"])
@pytest.mark.parametrize("name", FILM_FILTERS)
def test_film_list_each_filter_and_sort_deep(client, django_assert_num_queries, name, sort, n):
    genre, country = f.GenreFactory(name="Noir"), f.CountryFactory(name="France")
    language = f.LanguageFactory(name="French")
    for i in range(n + 20):
        film = f.FilmFactory(year=1950 + i % 10, genres=[genre], tags=["sea"], poster=None)
        film.countries.add(country)
        film.languages.add(language)
        f.ArticleFactory(films=[film])
    params, queries = FILM_FILTERS[name]
    url = reverse("reviews:film_list")
    first = get(client, django_assert_num_queries, url, queries, sort=sort, **params)
    assert len(first.context["page"]) == 20 and first.context["film_count"] == n + 20
    cursor = first.context["page"].next_cursor
    deep = get(client, django_assert_num_queries, url, queries, sort=sort, after=cursor, **params)
    assert len(deep.context["page"]) == min(n, 20)
    seen = [film.pk for film in first.context["page"]] + [film.pk for film in deep.context["page"]]
    assert len(set(seen)) == 20 + min(n, 20)  # no film twice, none skipped


@pytest.mark.parametrize("n", SIZES)
def test_film_list_by_decade(client, django_assert_num_queries, n):
    for i in range(n):
        f.FilmFactory(year=1970 + i % 10, genres=[f.GenreFactory()])
    get(client, django_assert_num_queries, reverse("reviews:film_list") + "?decade=1970", 5)


@pytest.mark.parametrize("n", SIZES)
def test_series_detail(client, django_assert_num_queries, n):
    series = f.FilmSeriesFactory()
    for i in range(n):
        f.FilmFactory(series=series, series_order=i + 1, genres=[f.GenreFactory()])
    get(client, django_assert_num_queries, series.get_absolute_url(), 3)


@pytest.mark.parametrize("n", SIZES)
def test_author_detail(client, django_assert_num_queries, n):
    author = f.AuthorFactory(photo=f.ImageFactory())
    articles_about(f.FilmFactory(), n + 20, author=author)
    url = author.get_absolute_url()
    first = get(client, django_assert_num_queries, url, 3)  # a second GET would be a cache hit
    deep = get(client, django_assert_num_queries, url, 3, after=first.context["page"].next_cursor)
    assert len(deep.context["page"]) == min(n, 20)


@pytest.mark.parametrize("n", SIZES)
def test_tag_detail(client, django_assert_num_queries, n):
    for _ in range(n + 20):  # more films than the page shows, more articles than a page
        f.ArticleFactory(tags=["grief", "sea"])
        f.FilmFactory(tags=["grief"], genres=[f.GenreFactory()])
    url = reverse("reviews:tag_detail", args=["grief"])
    first = get(client, django_assert_num_queries, url, 5)  # a second GET would be a cache hit
    deep = get(client, django_assert_num_queries, url, 5, after=first.context["page"].next_cursor)
    assert len(deep.context["page"]) == min(n, 20)


@pytest.mark.parametrize("n", SIZES)
def test_search(client, django_assert_num_queries, n):
    for i in range(n):
        film = f.FilmFactory(title=f"Harbour Lights {i}", genres=[f.GenreFactory()])
        f.PersonFactory(name=f"Harbour Master {i}")
        f.ArticleFactory(title=f"On the harbour {i}", films=[film], tags=["sea"])
    url = reverse("sitesearch:search") + "?q=harbour"
    response = get(client, django_assert_num_queries, url, 6)  # same on PostgreSQL and SQLite
    assert response.context["page"].paginator.count == n


@pytest.mark.parametrize("n", SIZES)
def test_person_detail(client, django_assert_num_queries, n):
    person = f.PersonFactory(photo=f.ImageFactory())
    for _ in range(n):
        film = f.FilmFactory()
        f.ActorCreditFactory(person=person, film=film)
        f.CreditFactory(person=person, film=film, role="writer")
        f.ArticleFactory(films=[film], tags=["x"])
    response = get(client, django_assert_num_queries, person.get_absolute_url(), 4)
    assert sum(len(group.items) for group in response.context["filmography"]) == 2 * n


@pytest.mark.parametrize("n", SIZES)
def test_person_detail_deep_articles(client, django_assert_num_queries, n):
    person = f.PersonFactory()
    films = [f.FilmFactory() for _ in range(3)]
    for film in films:
        f.CreditFactory(person=person, film=film)
    for _ in range(n + 20):
        f.ArticleFactory(films=films, tags=["x"])  # about all three: listed once
    url = person.get_absolute_url()
    deep = get(client, django_assert_num_queries, url, 4, after=next_cursor(client, url))
    assert len(deep.context["page"]) == min(n, 20)


@pytest.mark.parametrize("n", SIZES)
def test_film_detail_deep_articles(client, django_assert_num_queries, n):
    film = f.FilmFactory()
    articles_about(film, n + 20)
    url = film.get_absolute_url()
    # 12 less the series neighbours' query: this film is in no series.
    deep = get(client, django_assert_num_queries, url, 9, after=next_cursor(client, url))
    assert len(deep.context["page"]) == min(n, 20)


@pytest.mark.parametrize("n", SIZES)
def test_character_detail(client, django_assert_num_queries, n):
    character = f.CharacterFactory()
    for _ in range(n):
        f.ActorCreditFactory(film=character.film, character=character)
        article = f.ArticleFactory(films=[character.film])
        f.SectionFactory(article=article, character=character, is_spoiler=True)
        f.SectionFactory(article=article, character=character, image=f.ImageFactory())
    get(client, django_assert_num_queries, character.get_absolute_url(), 3)


FEEDS = {
    "reviews:feed": lambda film, author: [],
    "reviews:feed_atom": lambda film, author: [],
    "reviews:film_feed": lambda film, author: [film.slug],
    "reviews:film_feed_atom": lambda film, author: [film.slug],
    "reviews:author_feed": lambda film, author: [author.slug],
    "reviews:author_feed_atom": lambda film, author: [author.slug],
    "reviews:tag_feed": lambda film, author: ["sea"],
    "reviews:tag_feed_atom": lambda film, author: ["sea"],
}


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("name", FEEDS)
def test_feeds(client, django_assert_num_queries, name, n):
    film, author = f.FilmFactory(), f.AuthorFactory()
    for _ in range(n):
        article = f.ArticleFactory(films=[film], author=author, tags=["sea", "salt"], standfirst="")
        f.SectionFactory(article=article)
    queries = 3 if name in ("reviews:feed", "reviews:feed_atom") else 4
    get(client, django_assert_num_queries, reverse(name, args=FEEDS[name](film, author)), queries)


@pytest.mark.parametrize("n", SIZES)
def test_sitemap_index(client, django_assert_num_queries, n):
    f.ArticleFactory.create_batch(n)
    get(client, django_assert_num_queries, reverse("sitemap"), 10)


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize(
    "section", ["pages", "articles", "films", "series", "people", "characters", "critics", "themes"]
)
def test_sitemap_sections(client, django_assert_num_queries, section, n):
    for _ in range(n):
        film = f.FilmFactory(series=f.FilmSeriesFactory(), series_order=1, tags=["sea"])
        f.ActorCreditFactory(film=film)
        f.ArticleFactory(films=[film], tags=["salt"])
    url = reverse("sitemap_section", args=[section])
    get(client, django_assert_num_queries, url, 0 if section == "pages" else 2)


def test_robots_txt_runs_no_queries(client, django_assert_num_queries):
    get(client, django_assert_num_queries, reverse("robots_txt"), 0)
