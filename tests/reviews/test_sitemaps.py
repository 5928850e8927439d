"""The sitemap index lists every file of every section; files hold at most `limit` URLs each."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from filmsite.sitemaps import SITEMAP_LIMIT, SITEMAP_PROTOCOL_MAX
from filmsite.urls import SITEMAPS
from reviews.models import Article
from reviews.sitemaps import ArticleSitemap
from tests import factories as f

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>http://testserver([^<]+)</loc>")


def locs(client, url: str, **params) -> list[str]:
    response = client.get(url, params)
    assert response.status_code == 200
    return LOC.findall(response.content.decode())


@pytest.fixture
def small_files(monkeypatch):
    """Article files of 3 URLs, so 7 published articles need 3 of them."""
    monkeypatch.setattr(ArticleSitemap, "limit", 3)
    published = f.ArticleFactory.create_batch(7)
    hidden = [
        f.ArticleFactory(status=Article.Status.DRAFT, published_at=None),
        f.ArticleFactory(published_at=timezone.now() + timedelta(days=1)),  # scheduled
    ]
    return published, hidden


@pytest.mark.parametrize("name", SITEMAPS)
def test_every_section_splits_within_the_protocol_limit(name):
    assert SITEMAPS[name].limit == SITEMAP_LIMIT <= SITEMAP_PROTOCOL_MAX == 50_000


def test_index_lists_every_article_file(client, small_files):
    article_files = [url for url in locs(client, reverse("sitemap")) if "articles" in url]
    assert article_files == [
        "/sitemap-articles.xml",
        "/sitemap-articles.xml?p=2",
        "/sitemap-articles.xml?p=3",
    ]


def test_article_files_together_hold_every_published_article_once(client, small_files):
    published, hidden = small_files
    url = reverse("sitemap_section", args=["articles"])
    files = [locs(client, url, p=page) for page in (1, 2, 3)]
    assert [len(urls) for urls in files] == [3, 3, 1]
    listed = [loc for urls in files for loc in urls]
    assert sorted(listed) == sorted(a.get_absolute_url() for a in published)
    assert not {a.get_absolute_url() for a in hidden} & set(listed)


def test_a_file_past_the_last_is_a_404(client, small_files):
    url = reverse("sitemap_section", args=["articles"])
    assert client.get(url, {"p": 4}).status_code == 404
    assert client.get(url, {"p": "x"}).status_code == 404


@pytest.mark.parametrize("n", [7, 30])
def test_index_queries_do_not_grow_with_files(client, django_assert_num_queries, monkeypatch, n):
    monkeypatch.setattr(ArticleSitemap, "limit", 3)
    f.ArticleFactory.create_batch(n)
    # Per section: MAX(updated_at) where it has dates (articles, films, people) and one COUNT
    # (all but the fixed pages): 3 + 7.
    with django_assert_num_queries(10):
        urls = locs(client, reverse("sitemap"))
    assert len([url for url in urls if "articles" in url]) == -(-n // 3)


@pytest.mark.parametrize("page", [1, 3])
def test_an_article_file_is_a_count_and_a_slice(
    client, django_assert_num_queries, small_files, page
):
    url = reverse("sitemap_section", args=["articles"])
    with django_assert_num_queries(2):
        urls = locs(client, url, p=page)
    assert urls


def test_themes_section_lists_themes_of_films_and_of_live_articles_only(client):
    film = f.FilmFactory()
    film.tags.add("salt")
    f.ArticleFactory(tags=["tides"])
    f.ArticleFactory(tags=["fog"], status=Article.Status.DRAFT, published_at=None)
    f.ArticleFactory(tags=["ash"], published_at=timezone.now() + timedelta(days=1))
    listed = locs(client, reverse("sitemap_section", args=["themes"]))
    assert sorted(listed) == [
        reverse("reviews:tag_detail", args=["salt"]),
        reverse("reviews:tag_detail", args=["tides"]),
    ]
