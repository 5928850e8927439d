"""The reader pages show what the issue promises: films, articles, index, themes, feeds, SEO."""

import json
import re
from datetime import timedelta
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from reviews import sql
from reviews.models import Article
from tests import factories as f

pytestmark = pytest.mark.django_db


def html_of(client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])


# Home ------------------------------------------------------------------------------------------


def test_home_features_the_latest_review_and_the_latest_of_each_kind(client):
    now = timezone.now()
    f.ArticleFactory(title="Older review", published_at=now - timedelta(days=3))
    f.ArticleFactory(title="Newest review", published_at=now - timedelta(days=1))
    f.ArticleFactory(title="Old essay", kind="essay", published_at=now - timedelta(days=9))
    f.ArticleFactory(title="New essay", kind="essay", published_at=now - timedelta(days=2))
    f.ArticleFactory(title="A synopsis", kind="synopsis", published_at=now - timedelta(days=5))
    context = client.get(reverse("reviews:home")).context
    assert context["featured"].title == "Newest review"
    assert [a.title for a in context["by_kind"]] == ["A synopsis", "New essay"]


def test_home_archive_pages_list_older_articles_without_the_front_page(client):
    f.ArticleFactory.create_batch(25)
    response = client.get(reverse("reviews:home"), {"page": 2})  # an old link, still served
    assert len(response.context["page"]) == 5 and response.context["featured"] is None
    assert 'rel="prev" href="?before=' in response.content.decode()


# Film ------------------------------------------------------------------------------------------


def test_film_page_lists_directors_cast_with_characters_and_crew(client):
    film = f.FilmFactory(title="The Harbour")
    director = f.CreditFactory(film=film, person=f.PersonFactory(name="Teodoro Vaz")).person
    actor = f.ActorCreditFactory(
        film=film,
        person=f.PersonFactory(name="Leonor Bastos"),
        character=f.CharacterFactory(film=film, name="Inês Calado"),
    )
    f.CreditFactory(film=film, role="composer", person=f.PersonFactory(name="Anselmo Rebelo"))
    html = html_of(client, film.get_absolute_url())
    assert f'Directed by <a href="{director.get_absolute_url()}">Teodoro Vaz</a>' in html
    assert (
        f'<a href="{actor.person.get_absolute_url()}">Leonor Bastos</a> <span class="as">as '
        f'<a href="{actor.character.get_absolute_url()}">Inês Calado</a>'
    ) in html
    assert re.search(r"<dt>Composer</dt><dd><a href=\"/people/[^\"]+/\">Anselmo Rebelo</a>", html)


def test_film_page_groups_published_articles_by_kind(client):
    film = f.FilmFactory()
    f.ArticleFactory(title="An essay", kind="essay", films=[film])
    f.ArticleFactory(title="A review", films=[film])
    f.ArticleFactory(title="A draft", films=[film], status="draft", published_at=None)
    groups = client.get(film.get_absolute_url()).context["article_groups"]
    assert [(g.label, [a.title for a in g.items]) for g in groups] == [
        ("Review", ["A review"]),
        ("Theme essay", ["An essay"]),
    ]


def test_film_page_links_the_previous_and_next_film_in_its_series(client):
    series = f.FilmSeriesFactory()
    first = f.FilmFactory(title="Part one", series=series, series_order=1)
    second = f.FilmFactory(title="Part two", series=series, series_order=2)
    third = f.FilmFactory(title="Part three", series=series, series_order=3)
    html = html_of(client, second.get_absolute_url())
    assert f'rel="prev" href="{first.get_absolute_url()}"' in html
    assert f'rel="next" href="{third.get_absolute_url()}"' in html


def test_film_page_shows_where_to_watch_and_external_links(client):
    film = f.FilmFactory(imdb_url="https://www.imdb.com/title/tt0000001/")
    f.WatchOptionFactory(film=film, provider="Lantern", kind="rent")
    html = html_of(client, film.get_absolute_url())
    assert 'Lantern</a> <span class="watch-kind">Rent' in html
    assert 'href="https://www.imdb.com/title/tt0000001/"' in html


def test_film_page_links_its_feeds_and_describes_a_movie_in_json_ld(client):
    film = f.FilmFactory(title="The Harbour", year=1971, runtime_minutes=104)
    f.CreditFactory(film=film, person=f.PersonFactory(name="Teodoro Vaz"))
    f.ActorCreditFactory(film=film, person=f.PersonFactory(name="Leonor Bastos"))
    html = html_of(client, film.get_absolute_url())
    feed = reverse("reviews:film_feed", args=[film.slug])
    rss = 'type="application/rss+xml" title="filmsite: The Harbour (RSS)"'
    assert f'<link rel="alternate" {rss} href="{feed}">' in html
    data = json_ld(html)
    assert data["@type"] == "Movie" and data["duration"] == "PT104M"
    assert data["dateCreated"] == "1971"
    assert [p["name"] for p in data["director"]] == ["Teodoro Vaz"]
    assert [p["name"] for p in data["actor"]] == ["Leonor Bastos"]


# Article ---------------------------------------------------------------------------------------


def test_rating_is_shown_as_stars_with_a_text_equivalent(client):
    article = f.ArticleFactory(rating=Decimal("3.5"))
    html = html_of(client, article.get_absolute_url())
    assert "Rating: 3.5 out of 5 stars" in html
    glyphs = re.search(r'<span class="stars-glyphs" aria-hidden="true">(.*?)</span></span>', html)
    assert re.findall(r"star-(full|half|empty)", glyphs[1]) == ["full"] * 3 + ["half", "empty"]


def test_article_page_shows_byline_date_reading_time_and_films(client):
    film = f.FilmFactory(title="The Harbour")
    article = f.ArticleFactory(films=[film], author=f.AuthorFactory(name="Ruth Adair"))
    f.SectionFactory(article=article, body=" ".join(["word"] * 460))
    html = html_of(client, article.get_absolute_url())
    assert re.search(r"By <a[^>]*>Ruth Adair</a>", html)
    assert f"{article.published_at:%-d %B %Y}</time>" in html
    assert "2 min read" in html
    assert f'<a href="{film.get_absolute_url()}">{film}</a>' in html


@pytest.mark.parametrize("sections,has_toc", [(3, False), (4, True)])
def test_long_articles_get_a_table_of_contents(client, sections, has_toc):
    article = f.ArticleFactory()
    f.SectionFactory.create_batch(sections, article=article)
    html = html_of(client, article.get_absolute_url())
    assert ('aria-labelledby="toc-heading"' in html) is has_toc


def test_sections_are_in_order_with_image_captions(client):
    article = f.ArticleFactory()
    f.SectionFactory(article=article, order=2, heading="Second")
    f.SectionFactory(article=article, order=1, heading="First", image=f.ImageFactory())
    html = html_of(client, article.get_absolute_url())
    body = html.split('class="article-body"', 1)[1]
    assert body.index("First") < body.index("Second")
    assert "<figcaption>A quiet moment on the pier" in body


def test_related_articles_prefer_shared_films_and_leave_out_drafts(client):
    film, other_film = f.FilmFactory(), f.FilmFactory()
    article = f.ArticleFactory(films=[film], tags=["sea"])
    same_tag = f.ArticleFactory(title="Same tag", films=[other_film], tags=["sea"])
    same_film = f.ArticleFactory(title="Same film", films=[film])
    person = f.PersonFactory()
    f.CreditFactory(film=film, person=person)
    f.CreditFactory(film=(third := f.FilmFactory()), person=person)
    same_person = f.ArticleFactory(title="Same director", films=[third])
    f.ArticleFactory(title="Draft", films=[film], status="draft", published_at=None)
    f.ArticleFactory(title="Unrelated", films=[other_film])
    related = client.get(article.get_absolute_url()).context["related"]
    assert list(related) == [same_film, same_tag, same_person]


def test_related_articles_add_up_films_tags_and_people(client):
    film, second_film = f.FilmFactory(), f.FilmFactory()
    article = f.ArticleFactory(films=[film, second_film], tags=["sea", "grief"])
    two_films = f.ArticleFactory(title="Two films", films=[film, second_film])  # 8
    film_and_tag = f.ArticleFactory(title="Film and tag", films=[film], tags=["sea"])  # 6
    two_tags = f.ArticleFactory(title="Two tags", tags=["sea", "grief"])  # 4
    people = f.PersonFactory.create_batch(3)
    for person in people:
        f.CreditFactory(film=film, person=person)
        f.CreditFactory(film=(elsewhere := f.FilmFactory()), person=person)
    three_people = f.ArticleFactory(title="Three people", films=[elsewhere])  # 1: one film
    for person in people:
        f.CreditFactory(film=(other := f.FilmFactory()), person=person)
        three_people.films.add(other)  # now 3 people shared through 4 films: 3
    assert list(Article.objects.published().related_to(article)) == [
        two_films,
        film_and_tag,
        two_tags,
        three_people,
    ]


def test_related_articles_read_a_bounded_number_of_links(client, monkeypatch):
    """A popular tag cannot make the page read every article that carries it."""
    monkeypatch.setattr(sql, "RELATED_PER_LINK", 2)
    article = f.ArticleFactory(tags=["sea"])
    older, newer, newest = f.ArticleFactory.create_batch(3, tags=["sea"])
    assert list(Article.objects.published().related_to(article)) == [newest, newer]
    monkeypatch.setattr(sql, "RELATED_PER_LINK", 3)
    assert len(Article.objects.published().related_to(article)) == 3


def test_related_articles_bound_the_newest_tag_links_across_tags(monkeypatch):
    """RELATED_PER_LINK tag links in all, the newest first, however many tags are shared."""
    monkeypatch.setattr(sql, "RELATED_PER_LINK", 2)
    article = f.ArticleFactory(tags=["sea", "grief"])
    older_sea = f.ArticleFactory(tags=["sea"])
    grief = f.ArticleFactory(tags=["grief"])
    newest_sea = f.ArticleFactory(tags=["sea"])
    assert set(Article.objects.published().related_to(article)) == {newest_sea, grief}
    monkeypatch.setattr(sql, "RELATED_PER_LINK", 3)
    assert set(Article.objects.published().related_to(article)) == {newest_sea, grief, older_sea}


def test_related_articles_count_only_the_first_billed_people(monkeypatch):
    """People billed after the first RELATED_PEOPLE on the article's films link nothing."""
    monkeypatch.setattr(sql, "RELATED_PEOPLE", 1)
    film = f.FilmFactory()
    article = f.ArticleFactory(films=[film])
    lead, extra = f.PersonFactory(), f.PersonFactory()
    f.ActorCreditFactory(film=film, person=lead, billing=0)
    f.ActorCreditFactory(film=film, person=extra, billing=1)
    with_lead = f.ArticleFactory(films=[f.ActorCreditFactory(person=lead).film])
    with_extra = f.ArticleFactory(films=[f.ActorCreditFactory(person=extra).film])
    assert list(Article.objects.published().related_to(article)) == [with_lead]
    monkeypatch.setattr(sql, "RELATED_PEOPLE", 2)
    assert set(Article.objects.published().related_to(article)) == {with_lead, with_extra}


def test_related_articles_take_each_persons_films_in_turn(monkeypatch):
    """A prolific actor's newer films cannot crowd the director's out of the bounded read."""
    monkeypatch.setattr(sql, "RELATED_PEOPLE_FILMS", 2)
    film = f.FilmFactory()
    article = f.ArticleFactory(films=[film])
    director, actor = f.PersonFactory(), f.PersonFactory()
    f.CreditFactory(film=film, person=director)
    f.ActorCreditFactory(film=film, person=actor, billing=0)
    by_director = f.ArticleFactory(films=[f.CreditFactory(person=director).film])
    with_actor = [f.ArticleFactory(films=[f.ActorCreditFactory(person=actor).film]) for _ in "abc"]
    # Each person's newest film first: the director's only one, then the actor's latest.
    related = set(Article.objects.published().related_to(article))
    assert related == {by_director, with_actor[-1]}


def test_article_description_quotes_its_first_spoiler_free_section(client):
    article = f.ArticleFactory(standfirst="")
    f.SectionFactory(article=article, order=3, body="Gulls over the quay.")
    f.SectionFactory(article=article, order=1, is_spoiler=True, body="The keeper dies.")
    f.SectionFactory(article=article, order=2, body="Fog rolls into the harbour.")
    html = html_of(client, article.get_absolute_url())
    description = re.search(r'<meta name="description" content="([^"]*)"', html)[1]
    assert "Fog rolls into the harbour." in description
    assert "Gulls" not in description and "keeper" not in description


def test_article_json_ld_is_a_review_with_rating_author_and_film(client):
    film = f.FilmFactory(title="The Harbour")
    f.CreditFactory(film=film, person=f.PersonFactory(name="Teodoro Vaz"))
    article = f.ArticleFactory(films=[film], rating=Decimal("4.5"), lead_image=f.ImageFactory())
    data = json_ld(html_of(client, article.get_absolute_url()))
    assert data["@type"] == "Review"
    assert (
        data["itemReviewed"]["@type"] == "Movie" and data["itemReviewed"]["name"] == "The Harbour"
    )
    assert data["itemReviewed"]["director"][0]["name"] == "Teodoro Vaz"
    assert data["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": "4.5",
        "bestRating": "5",
        "worstRating": "0.5",
    }
    assert data["author"]["name"] == article.author.name
    assert data["datePublished"] == article.published_at.isoformat()


def test_other_kinds_are_articles_about_movies_in_json_ld(client):
    article = f.ArticleFactory(kind="essay", films=[f.FilmFactory(title="The Harbour")])
    data = json_ld(html_of(client, article.get_absolute_url()))
    assert data["@type"] == "Article" and data["about"][0]["name"] == "The Harbour"


def test_json_ld_cannot_be_broken_out_of(client):
    article = f.ArticleFactory(title="</script><script>alert(1)</script>", kind="essay")
    html = html_of(client, article.get_absolute_url())
    assert "<script>alert(1)" not in html
    assert json_ld(html)["headline"] == "</script><script>alert(1)</script>"


def test_article_has_open_graph_twitter_and_canonical_tags(client):
    article = f.ArticleFactory(title="The Harbour review", lead_image=f.ImageFactory())
    html = html_of(client, article.get_absolute_url(), utm_source="x")
    url = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="The Harbour review">' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


# Film index, themes, critics -------------------------------------------------------------------


def test_film_index_filters_by_decade_and_review_and_sorts(client):
    reviewed = f.FilmFactory(title="Reviewed seventies", year=1975)
    f.ArticleFactory(films=[reviewed])
    f.FilmFactory(title="Unreviewed seventies", year=1979)
    f.FilmFactory(title="Eighties", year=1984)
    page = client.get(reverse("reviews:film_list"), {"decade": "1970", "sort": "newest"})
    assert [film.title for film in page.context["page"]] == [
        "Unreviewed seventies",
        "Reviewed seventies",
    ]
    page = client.get(reverse("reviews:film_list"), {"decade": "1970", "reviewed": "1"})
    assert [film.title for film in page.context["page"]] == ["Reviewed seventies"]


def test_film_index_filters_by_theme_and_keeps_filters_when_paginating(client):
    for i in range(25):
        f.FilmFactory(title=f"Sea film {i:02}", tags=["sea"])
    f.FilmFactory(title="Dry film")
    html = html_of(client, reverse("reviews:film_list"), theme="sea")
    assert "Dry film" not in html and "25 films" in html
    assert 'href="?theme=sea&amp;after=' in html


def test_unknown_filter_value_is_a_404(client):
    assert client.get(reverse("reviews:film_list"), {"genre": "nope"}).status_code == 404


@pytest.mark.parametrize("kind", ["author", "tag"])
def test_critic_and_theme_pages_link_their_feeds(client, kind):
    article = f.ArticleFactory(tags=["sea"])
    url, feed = {
        "author": (
            article.author.get_absolute_url(),
            reverse("reviews:author_feed_atom", args=[article.author.slug]),
        ),
        "tag": (
            reverse("reviews:tag_detail", args=["sea"]),
            reverse("reviews:tag_feed_atom", args=["sea"]),
        ),
    }[kind]
    html = html_of(client, url)
    assert 'type="application/atom+xml" title="filmsite: ' in html and f'href="{feed}"' in html
    assert article.title in html


# Feeds, sitemap, robots, errors ----------------------------------------------------------------


def test_rss_feed_lists_live_articles_with_author_and_categories(client):
    f.ArticleFactory(title="Out today", tags=["sea"])
    f.ArticleFactory(title="Out tomorrow", published_at=timezone.now() + timedelta(days=1))
    response = client.get(reverse("reviews:feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ElementTree.fromstring(response.content).findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["Out today"]
    assert items[0].findtext("category") == "sea"


def test_atom_feed_per_film_lists_only_that_films_articles(client):
    film = f.FilmFactory()
    f.ArticleFactory(title="About it", films=[film])
    f.ArticleFactory(title="About another")
    response = client.get(reverse("reviews:film_feed_atom", args=[film.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ElementTree.fromstring(response.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert [e.findtext("{http://www.w3.org/2005/Atom}title") for e in entries] == ["About it"]


def test_feed_for_unknown_film_is_404(client):
    assert client.get(reverse("reviews:film_feed", args=["nope"])).status_code == 404


def test_sitemap_lists_every_kind_of_public_page_and_no_drafts(client):
    character = f.CharacterFactory()
    film = character.film
    film.tags.add("sea")
    article = f.ArticleFactory(films=[film], tags=["salt"])
    draft = f.ArticleFactory(status="draft", published_at=None, tags=["secret"])
    person = f.PersonFactory()
    series = f.FilmSeriesFactory()
    index = html_of(client, reverse("sitemap"))
    urls = re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", index)
    body = "".join(html_of(client, url) for url in urls)
    for obj in (film, article, person, character, article.author, series):
        assert f"<loc>http://testserver{obj.get_absolute_url()}</loc>" in body
    for theme in ("sea", "salt"):
        assert f"<loc>http://testserver{reverse('reviews:tag_detail', args=[theme])}</loc>" in body
    assert draft.get_absolute_url() not in body
    assert reverse("reviews:tag_detail", args=["secret"]) not in body


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body


def test_server_error_page_stands_alone():
    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html and "<main" in html
