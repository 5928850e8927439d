"""Cursor pagination: readers walk every list both ways, each item once, with no COUNT(*)."""

import base64
import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from filmsite.pagination import MAX_OFFSET_PAGE
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_request(settings):
    """These tests read responses' context, and walk back over pages already seen: render them
    all rather than serve repeats from the page cache (filmsite/cache.py)."""
    settings.FILMSITE_PAGE_CACHE_SECONDS = 0


NEXT_LINK = re.compile(r'<a rel="next" href="\?([^"]+)"')
PREV_LINK = re.compile(r'<a rel="prev" href="\?([^"]+)"')


def follow(client, url: str, pattern: re.Pattern, query: str = "") -> list[tuple[str, list]]:
    """(query, item pks) of each page met following one kind of link from `query` to the end."""
    pages = []
    while True:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200
        pages.append((query, [item.pk for item in response.context["page"]]))
        match = pattern.search(response.content.decode())
        if not match:
            return pages
        query = match[1].replace("&amp;", "&")


def pks(pages: list[tuple[str, list]]) -> list:
    return [pk for _, page in pages for pk in page]


@pytest.fixture
def archive():
    """45 published articles, newest first by date then pk; some share a publication moment."""
    now = timezone.now()
    moments = [now - timedelta(hours=i // 3) for i in range(45)]  # threes published together
    articles = [f.ArticleFactory(published_at=moment) for moment in moments]
    f.ArticleFactory(status="draft", published_at=None)
    f.ArticleFactory(published_at=now + timedelta(days=1))  # scheduled: never listed
    return sorted(articles, key=lambda a: (a.published_at, a.pk), reverse=True)


def test_older_links_walk_the_archive_once_newest_first(client, archive):
    pages = follow(client, reverse("reviews:home"), NEXT_LINK)
    assert [len(page) for _, page in pages] == [20, 20, 5]
    assert pks(pages) == [a.pk for a in archive]


def test_newer_links_walk_back_to_the_front_page(client, archive):
    url = reverse("reviews:home")
    forward = follow(client, url, NEXT_LINK)
    back = follow(client, url, PREV_LINK, forward[-1][0])
    assert [page for _, page in back] == [page for _, page in reversed(forward)]


def test_deep_archive_pages_run_no_count(client, archive):
    deepest = follow(client, reverse("reviews:home"), NEXT_LINK)[-1][0]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{reverse('reviews:home')}?{deepest}")
    assert len(response.context["page"]) == 5
    assert queries.captured_queries
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]


def test_pagination_is_a_labelled_nav(client, archive):
    html = client.get(reverse("reviews:home")).content.decode()
    assert '<nav class="pagination" aria-label="Pages">' in html
    assert NEXT_LINK.search(html) and not PREV_LINK.search(html)  # the front page: no "Newer"


@pytest.mark.parametrize("sort", ["title", "newest", "oldest"])
def test_film_index_walks_every_film_once_in_each_sort(client, sort):
    films = [
        f.FilmFactory(title=f"Film {i % 7}", year=1990 + i % 4, slug=f"film-{i}") for i in range(40)
    ]  # many share a title and year: the pk breaks their ties
    films += [f.FilmFactory(title="Undated", year=None, slug=f"undated-{i}") for i in range(3)]
    url = reverse("reviews:film_list")
    forward = follow(client, url, NEXT_LINK, f"sort={sort}")
    walked = pks(forward)
    assert sorted(walked) == sorted(film.pk for film in films)  # each once, none skipped
    undated = {film.pk for film in films if film.year is None}
    if sort != "title":  # films without a year come last in both year orders
        assert set(walked[-3:]) == undated
    back = follow(client, url, PREV_LINK, forward[-1][0])
    assert [page for _, page in back] == [page for _, page in reversed(forward)]


def test_film_index_keeps_its_filters_across_pages(client):
    genre = f.GenreFactory(name="Noir")
    noir = [f.FilmFactory(genres=[genre]) for _ in range(25)]
    f.FilmFactory(title="Not noir")
    pages = follow(client, reverse("reviews:film_list"), NEXT_LINK, "genre=noir&sort=newest")
    assert len(pages) == 2 and sorted(pks(pages)) == sorted(film.pk for film in noir)


def cursor_of(payload) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "params",
    [
        {"after": "not-a-cursor"},
        {"after": "%%%"},
        {"after": cursor_of({"a": 1})},
        {"after": cursor_of(["-published_at,-id", "a", "yesterday", 3])},  # not a date
        {"after": cursor_of(["-published_at,-id", "a", "2024-01-01T00:00:00+00:00", None])},
        {"after": cursor_of(["-published_at,-id", "a", "2024-01-01T00:00:00+00:00", [1]])},
        {"after": cursor_of(["title,year,id", "a", "Film", 1990, 3])},  # another list's cursor
        {"before": cursor_of(["-published_at,-id", "a", "2024-01-01T00:00:00+00:00", 3])},
        {"after": "A" * 5000},
        {"after": cursor_of(["-published_at,-id", "a", "2024-01-01T00:00:00+00:00", 10**30])},
        {"after": cursor_of(["-published_at,-id", "a", "9999-12-31T23:59:59-14:00", 3])},
        {"after": cursor_of(["-published_at,-id", "a", "2024-01-01T00:00:00+00:00", True])},
        {"year": "1066"},
        {"year": "soon"},
        {"year": "²⁰²⁰"},
        {"year": "9" * 5000},
    ],
)
def test_a_cursor_that_is_not_ours_is_a_404(client, archive, params):
    assert client.get(reverse("reviews:home"), params).status_code == 404


def test_a_well_formed_cursor_lists_what_is_older(client, archive):
    moment = archive[10].published_at.isoformat()
    cursor = cursor_of(["-published_at,-id", "a", moment, archive[10].pk])
    page = client.get(reverse("reviews:home"), {"after": cursor}).context["page"]
    assert [a.pk for a in page] == [a.pk for a in archive[11:31]]


@pytest.mark.parametrize("sort", ["title", "newest"])
def test_a_film_cursor_from_another_sort_is_a_404(client, sort):
    f.FilmFactory.create_batch(25)
    url = reverse("reviews:film_list")
    other = "oldest" if sort != "oldest" else "title"
    cursor = client.get(url, {"sort": other}).context["page"].next_cursor
    assert client.get(url, {"sort": other, "after": cursor}).status_code == 200  # control
    assert client.get(url, {"sort": sort, "after": cursor}).status_code == 404


def test_old_page_links_are_served_while_shallow(client, archive):
    page = client.get(reverse("reviews:home"), {"page": 3}).context["page"]
    assert [a.pk for a in page] == [a.pk for a in archive[40:]]


@pytest.mark.parametrize("page", ["0", "last", "-1", "²"])
def test_a_page_that_is_not_a_page_number_redirects_to_the_first_page_with_filters(client, page):
    genre = f.GenreFactory(name="Noir")
    response = client.get(reverse("reviews:film_list"), {"genre": "noir", "page": page})
    assert response.status_code == 301
    assert response["Location"] == f"{reverse('reviews:film_list')}?genre=noir"
    assert client.get(response["Location"]).status_code == 200 and genre


@pytest.mark.parametrize("page", [str(MAX_OFFSET_PAGE + 1), "2000", "9" * 5000])
def test_a_page_number_past_the_end_and_past_reach_is_a_404(client, page):
    f.FilmFactory(title="Only one")
    response = client.get(reverse("reviews:film_list"), {"page": page})
    assert response.status_code == 404


def test_a_deep_page_of_a_long_list_redirects_to_the_first_page(client, monkeypatch):
    """Past the pages served by OFFSET, on a list that long: keyset links go on from page 1."""
    monkeypatch.setattr("filmsite.pagination.MAX_OFFSET_PAGE", 1)
    monkeypatch.setattr("reviews.views.PAGE_SIZE", 2)
    url = reverse("reviews:film_list")
    f.FilmFactory.create_batch(2)
    assert client.get(url, {"page": "2"}).status_code == 404  # two films end on page 1
    f.FilmFactory()
    response = client.get(url, {"page": "2"})  # a third film: the list goes past page 1
    assert (response.status_code, response["Location"]) == (301, url)


@pytest.mark.parametrize("decade", ["²⁰", "9" * 5000])
def test_film_index_ignores_a_decade_that_is_not_a_number(client, decade):
    f.FilmFactory(title="Kept")
    response = client.get(reverse("reviews:film_list"), {"decade": decade})
    assert response.status_code == 200 and response.context["film_count"] == 1


def test_year_list_jumps_into_the_archive(client):
    this_year = timezone.now().year
    old = f.ArticleFactory(published_at=timezone.now().replace(year=this_year - 3, month=6))
    older = f.ArticleFactory(published_at=timezone.now().replace(year=this_year - 4, month=6))
    new = f.ArticleFactory()
    html = client.get(reverse("reviews:home")).content.decode()
    years = re.findall(r'href="/\?year=(\d+)"', html)
    assert years == [str(y) for y in range(this_year - 1, this_year - 5, -1)]
    page = client.get(reverse("reviews:home"), {"year": this_year - 3}).context["page"]
    assert [a.pk for a in page] == [old.pk, older.pk] and new.pk not in [a.pk for a in page]


@pytest.fixture
def one_of_each():
    """One published article about a film with a director, on a theme: every list has one page."""
    film = f.FilmFactory(title="Salt Road")
    director = f.CreditFactory(film=film).person
    article = f.ArticleFactory(title="Salt Road reviewed", films=[film], tags=["salt"])
    return {"film": film, "person": director, "article": article}


def paginated_urls(objects) -> list[str]:
    """Every reader list that pages (reviews/urls.py, people/urls.py) and the sitemap files."""
    return [
        reverse("reviews:home"),
        reverse("reviews:film_list"),
        reverse("reviews:film_detail", args=[objects["film"].slug]),
        reverse("reviews:author_detail", args=[objects["article"].author.slug]),
        reverse("reviews:tag_detail", args=["salt"]),
        reverse("people:person_detail", args=[objects["person"].slug]),
        reverse("sitesearch:search") + "?q=salt",
    ]


def with_page(url: str, page) -> str:
    return f"{url}{'&' if '?' in url else '?'}page={page}"


def test_every_paginated_page_exists_on_page_one(client, one_of_each):
    for url in paginated_urls(one_of_each):
        for address in (url, with_page(url, 1)):
            response = client.get(address)
            assert response.status_code == 200, address
            assert len(response.context["page"]) >= 1, address


def test_every_paginated_page_past_its_end_is_a_404(client, one_of_each):
    for url in paginated_urls(one_of_each):
        assert client.get(with_page(url, 1)).status_code == 200, url  # control
        for page in (2, 3, MAX_OFFSET_PAGE):
            assert client.get(with_page(url, page)).status_code == 404, (url, page)


def test_every_paginated_page_past_reach_and_past_its_end_is_a_404(client, one_of_each):
    for url in paginated_urls(one_of_each):
        for page in (MAX_OFFSET_PAGE + 1, 2000, 10**30):
            assert client.get(with_page(url, page)).status_code == 404, (url, page)


@pytest.mark.parametrize("page", ["0", "-1", "abc", "", "1.5", "%00"])
def test_every_paginated_page_sends_a_page_that_is_not_a_number_to_page_one(
    client, one_of_each, page
):
    for url in paginated_urls(one_of_each):
        response = client.get(with_page(url, page))
        if page == "":  # an empty ?page= is no page number at all: the first page
            assert response.status_code in (200, 301), url
            continue
        assert response.status_code == 301, (url, page)
        first = client.get(response["Location"])
        assert first.status_code == 200 and len(first.context["page"]) >= 1, url
        assert "page=" not in response["Location"]
        if "?q=" in url:
            assert "q=salt" in response["Location"]  # the search is kept


def test_a_second_page_is_served_and_the_third_is_a_404(client):
    articles = f.ArticleFactory.create_batch(21, tags=["salt"])
    for url in (reverse("reviews:home"), reverse("reviews:tag_detail", args=["salt"])):
        assert [a.pk for a in client.get(url, {"page": 2}).context["page"]] == [articles[0].pk]
        assert client.get(url, {"page": 3}).status_code == 404


def test_cursors_at_either_end_of_a_list_are_404s(client, one_of_each):
    url = reverse("reviews:home")
    f.ArticleFactory.create_batch(20)
    first = client.get(url).context["page"]
    last_query = NEXT_LINK.search(client.get(url).content.decode())[1].replace("&amp;", "&")
    last = client.get(f"{url}?{last_query}")
    assert last.status_code == 200 and len(last.context["page"]) == 1  # control
    article = last.context["page"][0]
    beyond = cursor_of(["-published_at,-id", "a", article.published_at.isoformat(), article.pk])
    assert client.get(url, {"after": beyond}).status_code == 404
    newest = first[0]
    before = cursor_of(["-published_at,-id", "b", newest.published_at.isoformat(), newest.pk])
    assert client.get(url, {"before": before}).status_code == 404


def test_a_year_before_the_archive_began_is_a_404(client, one_of_each):
    this_year = timezone.now().year
    assert client.get(reverse("reviews:home"), {"year": this_year - 1}).status_code == 404
    f.ArticleFactory(published_at=timezone.now().replace(year=this_year - 2))
    assert client.get(reverse("reviews:home"), {"year": this_year - 1}).status_code == 200


@pytest.mark.parametrize("section", ["articles", "films", "people", "critics", "themes"])
def test_sitemap_files_past_their_end_are_404s(client, one_of_each, section):
    url = reverse("sitemap_section", args=[section])
    assert client.get(url).status_code == 200  # control
    assert client.get(url, {"p": 1}).status_code == 200
    for p in ("2", "0", "-1", "abc", str(10**30)):
        assert client.get(url, {"p": p}).status_code == 404, p
