"""The anonymous page cache: hits cost nothing, and no write or clock tick leaves a page stale.

Most tests run inside the test's transaction, where a write is seen by the next request at
once (the "same connection" invalidation); `test_a_committed_edit_*` commits for real.
"""

import re
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from filmsite import cache as page_cache
from reviews.models import Article
from tests import factories as f

pytestmark = pytest.mark.django_db


@contextmanager
def templates_rendered():
    """The names of the templates rendered inside the block."""
    names: list[str] = []

    def record(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    try:
        yield names
    finally:
        template_rendered.disconnect(record)


def body(response) -> str:
    return response.content.decode()


@pytest.fixture
def article():
    film = f.FilmFactory(title="Tidewater")
    article = f.ArticleFactory(title="Salt in the wound", films=[film])
    f.SectionFactory(article=article, order=1, body="The harbour opens the film.")
    return article


def test_a_hit_runs_no_query_and_renders_no_template(client, article, django_assert_num_queries):
    url = article.get_absolute_url()
    with templates_rendered() as first:
        miss = client.get(url)
    assert miss.status_code == 200 and "reviews/article_detail.html" in first
    with django_assert_num_queries(0), templates_rendered() as second:
        hit = client.get(url)
    assert hit.status_code == 200 and second == []
    assert hit.content == miss.content
    assert hit["ETag"] == miss["ETag"]


def test_a_new_generation_looks_up_the_next_publication_once(client, django_assert_num_queries):
    page_cache.invalidate_pages()
    with django_assert_num_queries(1):  # robots.txt itself runs none
        client.get(reverse("robots_txt"))
    with django_assert_num_queries(0):  # another page, same generation: a miss, but no lookup
        client.get(reverse("robots_txt"), {"v": "2"})


def test_every_reader_page_is_stored(client, article, django_assert_num_queries):
    film = article.films.get()
    person = f.PersonFactory()
    character = f.CharacterFactory(film=film)
    f.ActorCreditFactory(film=film, person=person, character=character)
    article.tags.add("tides")
    urls = [
        reverse("reviews:home"),
        reverse("reviews:film_list"),
        film.get_absolute_url(),
        article.get_absolute_url(),
        article.author.get_absolute_url(),
        reverse("reviews:tag_detail", args=["tides"]),
        reverse("sitesearch:search") + "?q=salt",
        reverse("reviews:feed"),
        person.get_absolute_url(),
        character.get_absolute_url(),
        reverse("sitemap"),
        reverse("robots_txt"),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    with django_assert_num_queries(0):
        for url in urls:
            assert client.get(url).status_code == 200, url


def test_editing_an_article_changes_its_cached_page_at_once(client, article):
    url = article.get_absolute_url()
    assert "Salt in the wound" in body(client.get(url))
    article.title = "Salt and vinegar"
    article.save()
    assert "Salt and vinegar" in body(client.get(url))


def test_editing_a_section_changes_the_article_page(client, article):
    url = article.get_absolute_url()
    assert "The harbour opens the film." in body(client.get(url))
    section = article.sections.get()
    section.body = "The lighthouse opens the film."
    section.save()
    page = body(client.get(url))
    assert "The lighthouse opens the film." in page and "The harbour" not in page


def test_publishing_shows_the_article_at_once_and_404s_are_not_stored(client):
    draft = f.ArticleFactory(title="Fog warning", status=Article.Status.DRAFT)
    url = draft.get_absolute_url()
    assert client.get(url).status_code == 404
    with templates_rendered() as rendered:
        assert client.get(url).status_code == 404
    assert rendered, "a 404 is rendered again, not served from the cache"
    home = body(client.get(reverse("reviews:home")))
    assert "Fog warning" not in home
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert client.get(url).status_code == 200
    assert "Fog warning" in body(client.get(reverse("reviews:home")))


@pytest.mark.parametrize("how", ["unpublish", "delete"])
def test_unpublishing_or_deleting_hides_the_article_at_once(client, article, how):
    url, home = article.get_absolute_url(), reverse("reviews:home")
    assert client.get(url).status_code == 200 and "Salt in the wound" in body(client.get(home))
    if how == "delete":
        article.delete()
    else:
        article.status = Article.Status.UNPUBLISHED
        article.save()
    assert client.get(url).status_code == 404
    assert "Salt in the wound" not in body(client.get(home))


def test_adding_and_removing_a_credit_changes_film_and_person_pages(client):
    film = f.FilmFactory(title="Low Tide")
    person = f.PersonFactory(name="Ines Marlow")
    film_url, person_url = film.get_absolute_url(), person.get_absolute_url()
    assert "Ines Marlow" not in body(client.get(film_url))
    assert "Low Tide" not in body(client.get(person_url))
    credit = f.CreditFactory(film=film, person=person, role="director")
    assert "Ines Marlow" in body(client.get(film_url))
    assert "Low Tide" in body(client.get(person_url))
    credit.delete()
    assert "Ines Marlow" not in body(client.get(film_url))
    assert "Low Tide" not in body(client.get(person_url))


def test_renaming_a_character_changes_the_film_and_character_pages(client):
    film = f.FilmFactory()
    character = f.CharacterFactory(film=film, name="The Keeper")
    f.ActorCreditFactory(film=film, character=character)
    character_url = character.get_absolute_url()
    assert "The Keeper" in body(client.get(film.get_absolute_url()))
    assert "The Keeper" in body(client.get(character_url))
    character.name = "The Ferryman"
    character.save()
    assert "The Ferryman" in body(client.get(film.get_absolute_url()))
    assert "The Ferryman" in body(client.get(character_url))


def test_changing_tags_and_film_links_changes_the_pages(client, article):
    url = article.get_absolute_url()
    assert "undertow" not in body(client.get(url))
    article.tags.add("undertow")
    assert "undertow" in body(client.get(url))
    article.tags.remove("undertow")
    assert "undertow" not in body(client.get(url))
    other = f.FilmFactory(title="Breakwater")
    article.films.add(other)
    assert "Breakwater" in body(client.get(url))
    assert "Salt in the wound" in body(client.get(other.get_absolute_url()))


def test_a_scheduled_article_appears_when_due_without_any_write(client):
    f.ArticleFactory(title="Already out")
    due = timezone.now() + timedelta(seconds=1.5)
    f.ArticleFactory(title="Out in a moment", published_at=due)
    page_cache.invalidate_pages()  # as the save's commit would
    home = reverse("reviews:home")
    first = client.get(home)
    assert "Already out" in body(first) and "Out in a moment" not in body(first)
    assert client.get(home).content == first.content  # a hit until then...
    # ...which nobody (browser, CDN) may keep past the publication.
    max_age = re.search(r"s-maxage=(\d+)", first["Cache-Control"])
    assert max_age and int(max_age[1]) <= 2
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.05)
    assert "Out in a moment" in body(client.get(home))


def test_a_spoiler_stays_inside_closed_details_for_every_anonymous_reader(client, article):
    f.SectionFactory(article=article, order=2, is_spoiler=True, body="The keeper drowns.")
    url = article.get_absolute_url()
    first = client.get(url)
    client.cookies["seen"] = article.films.get().slug  # even a cookie that claims "seen"
    second = client.get(url)
    assert second.content == first.content
    page = body(second)
    assert page.count("The keeper drowns.") == 1
    details = re.search(r"<details([^>]*)>(.*?)</details>", page, re.S)
    assert details and "The keeper drowns." in details[2]
    assert "open" not in details[1]
    outside = page.replace(details[0], "")
    assert "The harbour opens the film." in outside and "drowns" not in outside


def test_staff_bypass_the_cache_and_never_fill_it(client, editor, article):
    url = article.get_absolute_url()
    client.force_login(editor)
    with templates_rendered() as staff_renders:
        client.get(url)
        client.get(url)
    assert staff_renders.count("reviews/article_detail.html") == 2
    client.logout()
    client.cookies.clear()
    with templates_rendered() as anonymous:
        client.get(url)
    assert "reviews/article_detail.html" in anonymous, "the staff view was not stored"


def test_a_draft_preview_for_staff_is_private(client, editor):
    draft = f.ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_pages_carry_cdn_headers_and_security_headers_on_hits(client, settings, article):
    settings.FILMSITE_BROWSER_MAX_AGE, settings.FILMSITE_CDN_MAX_AGE = 30, 120
    url = article.get_absolute_url()
    client.get(url)
    hit = client.get(url)
    directives = {d.strip() for d in hit["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=30", "s-maxage=120"}
    assert "Vary" not in hit  # the same page for every reader, so a CDN keeps one copy
    assert "frame-ancestors 'none'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY" and hit["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in hit["Permissions-Policy"]
    assert not hit.cookies


def test_if_none_match_gets_a_304_from_the_cache(client, article, django_assert_num_queries):
    url = article.get_absolute_url()
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304 and response.content == b""
    assert response["ETag"] == etag
    assert client.get(url, headers={"if-none-match": '"another"'}).status_code == 200


def test_if_modified_since_gets_a_304_once_the_generation_is_a_second_old(client, article):
    url = article.get_absolute_url()
    young = client.get(url)
    assert "Last-Modified" not in young  # a change in this same second could not be told apart
    time.sleep(1.05)
    last_modified = client.get(url)["Last-Modified"]
    response = client.get(url, headers={"if-modified-since": last_modified})
    assert response.status_code == 304
    earlier = http_date(time.time() - 3600)
    assert client.get(url, headers={"if-modified-since": earlier}).status_code == 200
    article.title = "Changed since"
    article.save()
    assert client.get(url, headers={"if-modified-since": last_modified}).status_code == 200


def test_head_is_served_from_the_get_entry(client, article, django_assert_num_queries):
    url = article.get_absolute_url()
    head_miss = client.head(url)
    assert head_miss.status_code == 200 and head_miss.content == b""
    with django_assert_num_queries(0):
        get = client.get(url)  # stored by the HEAD
        head = client.head(url)
    assert head.status_code == 200 and head.content == b""
    assert int(head["Content-Length"]) == len(get.content)
    assert head["ETag"] == get["ETag"]


def test_query_strings_are_separate_pages(client, django_assert_num_queries):
    f.ArticleFactory.create_batch(3)
    url = reverse("sitesearch:search")
    assert client.get(url, {"q": "nothing"}).content != client.get(url, {"q": ""}).content
    with django_assert_num_queries(0):
        client.get(url, {"q": "nothing"})
        client.get(url, {"q": ""})


def test_admin_and_healthz_are_never_cached(client, django_assert_num_queries):
    for _ in range(2):
        with django_assert_num_queries(1):
            assert client.get(reverse("healthz")).status_code == 200
    assert "public" not in client.get(reverse("admin:login")).get("Cache-Control", "")


def test_zero_seconds_turns_the_cache_off(client, settings, article):
    settings.FILMSITE_PAGE_CACHE_SECONDS = 0
    url = article.get_absolute_url()
    client.get(url)
    with templates_rendered() as rendered:
        response = client.get(url)
    assert "reviews/article_detail.html" in rendered
    assert "ETag" not in response and "Cache-Control" not in response


@pytest.mark.django_db(transaction=True)
def test_a_committed_edit_changes_the_page_for_the_next_reader(client, article):
    url = article.get_absolute_url()
    assert "Salt in the wound" in body(client.get(url))
    Article.objects.filter(pk=article.pk).update(title="Untouched by signals")
    assert "Salt in the wound" in body(client.get(url)), "a hit: update() sends no signal"
    article.refresh_from_db()
    article.title = "Committed title"
    article.save()  # autocommit: committed, and a new generation, before save() returns
    assert "Committed title" in body(client.get(url))
