"""A theme is public only once a published article (or a film) carries it (issue 14, point 12).

A tag that only drafts, articles in review or scheduled articles carry has no page, no feed, no
sitemap entry and no film filter: neither its words nor whether it exists reach a reader.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.models import Article, public_themes
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_request(settings):
    settings.FILMSITE_PAGE_CACHE_SECONDS = 0


def theme_urls(slug: str) -> list[str]:
    return [
        reverse("reviews:tag_detail", args=[slug]),
        reverse("reviews:tag_feed", args=[slug]),
        reverse("reviews:tag_feed_atom", args=[slug]),
        reverse("reviews:film_list") + f"?theme={slug}",
    ]


def sitemap_themes(client) -> str:
    response = client.get(reverse("sitemap_section", args=["themes"]))
    return response.content.decode() if response.status_code == 200 else ""


def unpublished_articles() -> list[Article]:
    later = timezone.now() + timedelta(days=2)
    return [
        f.ArticleFactory(status="draft", published_at=None, tags=["secret draft"]),
        f.ArticleFactory(status="review", published_at=None, tags=["secret review"]),
        f.ArticleFactory(status="published", published_at=later, tags=["secret scheduled"]),
        # An article sent back to review keeps its date, but readers cannot see it.
        f.ArticleFactory(
            status="review",
            published_at=timezone.now() - timedelta(days=1),
            tags=["secret unpublished"],
        ),
    ]


def test_themes_of_unpublished_articles_are_not_public(client):
    f.ArticleFactory(tags=["harbours"])  # the control
    unpublished_articles()
    for url in theme_urls("harbours"):
        assert client.get(url).status_code == 200, url
    assert "/themes/harbours/" in sitemap_themes(client)
    for slug in ("secret-draft", "secret-review", "secret-scheduled", "secret-unpublished"):
        for url in theme_urls(slug):
            response = client.get(url)
            assert response.status_code == 404, url
            # The same answer as for a theme that never existed: not even its existence shows.
            never = client.get(url.replace(slug, "never-was")).content.decode()
            assert response.content.decode() == never.replace("never-was", slug), url
            assert slug.replace("-", " ") not in response.content.decode(), url
        assert f"/themes/{slug}/" not in sitemap_themes(client)
    assert set(public_themes().values_list("slug", flat=True)) == {"harbours"}


def test_a_theme_becomes_public_when_its_article_is_published_and_private_again_after(client):
    article = f.ArticleFactory(status="draft", published_at=None, tags=["tides"])
    url = reverse("reviews:tag_detail", args=["tides"])
    assert client.get(url).status_code == 404

    Article.objects.filter(pk=article.pk).update(
        status="published", published_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.get(url)
    assert response.status_code == 200 and article.title in response.content.decode()
    assert "/themes/tides/" in sitemap_themes(client)

    Article.objects.filter(pk=article.pk).update(status="review")
    assert client.get(url).status_code == 404
    assert "/themes/tides/" not in sitemap_themes(client)


def test_a_theme_shared_by_a_draft_and_a_published_article_lists_only_the_published(client):
    published = f.ArticleFactory(title="Out in the open", tags=["fog"])
    draft = f.ArticleFactory(
        title="Still a secret", status="draft", published_at=None, tags=["fog"]
    )
    for url in theme_urls("fog")[:3]:
        body = client.get(url).content.decode()
        assert published.title in body and draft.title not in body, url


def test_a_films_theme_is_public(client):
    """Films are public as soon as they exist, and their pages link their themes."""
    film = f.FilmFactory(title="Lighthouse", tags=["lighthouses"])
    assert 'href="/themes/lighthouses/"' in client.get(film.get_absolute_url()).content.decode()
    response = client.get(reverse("reviews:tag_detail", args=["lighthouses"]))
    assert response.status_code == 200 and "Lighthouse" in response.content.decode()
    assert "/themes/lighthouses/" in sitemap_themes(client)


def test_an_unpublished_articles_page_shows_no_link_a_reader_could_follow_to_its_theme(client):
    draft = f.ArticleFactory(status="draft", published_at=None, tags=["hidden"])
    published = f.ArticleFactory(tags=["shown"])
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "/themes/shown/" in client.get(published.get_absolute_url()).content.decode()
