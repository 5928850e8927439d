"""A person's page lists published writing about any of their films: each article once, newest
first, page after page by cursor, whatever the number of films or of articles about them."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories as f

pytestmark = pytest.mark.django_db

NEXT_LINK = re.compile(r'<a rel="next" href="\?([^"]+)"')
PREV_LINK = re.compile(r'<a rel="prev" href="\?([^"]+)"')


@pytest.fixture(autouse=True)
def _render_every_request(settings):
    """Pages are walked both ways: render each request rather than serve cached repeats."""
    settings.FILMSITE_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def prolific():
    """A person credited on 24 films in three roles, and the 45 live articles about their films
    newest first; some articles are about several of their films, some share a moment."""
    person = f.PersonFactory(name="Odete Rebelo")
    films = [f.FilmFactory(year=1960 + i % 30) for i in range(24)]
    for i, film in enumerate(films):
        f.CreditFactory(person=person, film=film, role=("director", "writer", "editor")[i % 3])
    f.CreditFactory(person=person, film=films[0], role="producer")  # two jobs on one film
    now = timezone.now()
    articles = []
    for i in range(45):
        about = [films[i % 24], films[(i + 5) % 24]] if i % 4 == 0 else [films[i % 24]]
        moment = now - timedelta(hours=i // 3)  # threes published together: the pk breaks ties
        articles.append(f.ArticleFactory(films=about, published_at=moment))
    someone_else = f.FilmFactory()
    f.ArticleFactory(title="About another film", films=[someone_else])
    f.ArticleFactory(title="Draft about theirs", films=films[:2], status="draft", published_at=None)
    tomorrow = now + timedelta(days=1)
    f.ArticleFactory(title="Scheduled about theirs", films=films[:1], published_at=tomorrow)
    live = sorted(articles, key=lambda a: (a.published_at, a.pk), reverse=True)
    return person, live


def follow(client, url: str, pattern: re.Pattern, query: str = "") -> tuple[list[list[int]], str]:
    """Pks of each page met following one kind of link from `query` to the end, and the last
    page's HTML."""
    pages = []
    while True:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200
        pages.append([article.pk for article in response.context["page"]])
        html = response.content.decode()
        match = pattern.search(html)
        if not match:
            return pages, html
        query = match[1].replace("&amp;", "&")


def test_older_links_walk_every_article_about_their_films_once_newest_first(client, prolific):
    person, live = prolific
    pages, _ = follow(client, person.get_absolute_url(), NEXT_LINK)
    assert [len(page) for page in pages] == [20, 20, 5]
    assert [pk for page in pages for pk in page] == [article.pk for article in live]


def test_newer_links_walk_back_over_the_same_pages(client, prolific):
    person, _ = prolific
    url = person.get_absolute_url()
    forward, last_html = follow(client, url, NEXT_LINK)
    query = PREV_LINK.search(last_html)[1].replace("&amp;", "&")
    backward, _ = follow(client, url, PREV_LINK, query)
    assert len(forward) == 3 and backward == forward[-2::-1]


def test_page_two_by_cursor_is_the_next_twenty(client, prolific):
    person, live = prolific
    url = person.get_absolute_url()
    cursor = client.get(url).context["page"].next_cursor
    page = client.get(url, {"after": cursor}).context["page"]
    assert [article.pk for article in page] == [article.pk for article in live[20:40]]
    assert page.has_previous and page.has_next


def test_an_old_page_link_lists_the_same_twenty(client, prolific):
    person, live = prolific
    page = client.get(person.get_absolute_url(), {"page": 2}).context["page"]
    assert [article.pk for article in page] == [article.pk for article in live[20:40]]


def test_unpublished_and_unrelated_articles_stay_off_every_page(client, prolific):
    person, _ = prolific
    html = "".join(
        client.get(person.get_absolute_url(), {"page": n}).content.decode() for n in (1, 2, 3)
    )
    assert "A review worth reading" in html
    for title in ("About another film", "Draft about theirs", "Scheduled about theirs"):
        assert title not in html


def test_a_person_without_credits_lists_nothing_and_reads_no_articles(
    client, django_assert_num_queries
):
    person = f.PersonFactory()
    f.ArticleFactory(title="About some film")
    with django_assert_num_queries(2):  # the person, their (no) credits
        response = client.get(person.get_absolute_url())
    assert response.status_code == 200 and len(response.context["page"]) == 0
    html = response.content.decode()
    assert "Nothing published about their films yet." in html and "About some film" not in html
