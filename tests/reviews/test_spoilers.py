"""Spoiler text is on the article page, collapsed, and nowhere else a reader hasn't opted in.

The fixture's first section is a spoiler and the standfirst is empty, so any surface that naively
quotes "the start of the article" would leak it. Each test checks one surface and has a positive
control: the spoiler-free text or the article itself IS there.
"""

import json
import re

import pytest
from django.urls import reverse

from sitesearch import api as search
from tests import factories as f

pytestmark = pytest.mark.django_db

SPOILER = "Zanzibar"  # a word that appears only in spoiler sections and headings
SAFE = "lighthouse"  # a word that appears only in spoiler-free sections
SPOILER_DETAILS = re.compile(r'<details class="spoiler".*?</details>', re.DOTALL)


@pytest.fixture
def article():
    film = f.FilmFactory(title="The Harbour")
    article = f.ArticleFactory(
        title="The Harbour review", standfirst="", films=[film], tags=["tides"]
    )
    f.SectionFactory(
        article=article,
        order=1,
        is_spoiler=True,
        heading=f"Why {SPOILER} matters",
        body=f"The pilot was {SPOILER} all along, and she drowns in the last reel.",
    )
    f.SectionFactory(
        article=article,
        order=2,
        heading="Light and water",
        body=f"The {SAFE} keeper counts ships that never come.",
    )
    f.SectionFactory(
        article=article, order=3, is_spoiler=True, body=f"{SPOILER} returns in the coda."
    )
    return article


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def head(html: str) -> str:
    return html.split("</head>", 1)[0]


def test_spoiler_text_is_on_the_article_page_only_inside_closed_details(client, article):
    html = page(client, article.get_absolute_url())
    hidden = SPOILER_DETAILS.findall(html)
    assert len(hidden) == 2
    assert all("<details" in d and " open" not in d.split(">", 1)[0] for d in hidden)
    assert SPOILER in hidden[0] and SAFE in html  # positive controls
    assert SPOILER not in SPOILER_DETAILS.sub("", html)  # headings, TOC, meta: nothing outside


def test_spoiler_summary_warns_and_names_the_film(client, article):
    html = page(client, article.get_absolute_url())
    summary = SPOILER_DETAILS.findall(html)[0].split("</summary>")[0]
    assert "Spoilers" in summary and "<cite>The Harbour</cite>" in summary
    assert 'data-films="' + article.films.get().slug + '"' in summary


def test_title_tag_has_no_spoilers(client, article):
    title = re.search(r"<title>(.*?)</title>", page(client, article.get_absolute_url()), re.S)
    assert "The Harbour review" in title[1] and SPOILER not in title[1]


def test_meta_description_quotes_safe_text_only(client, article):
    html = page(client, article.get_absolute_url())
    description = re.search(r'<meta name="description" content="([^"]*)"', html)[1]
    assert SAFE in description and SPOILER not in description


def test_open_graph_and_twitter_tags_have_no_spoilers(client, article):
    html = page(client, article.get_absolute_url())
    social = re.findall(
        r'<meta (?:property|name)="(?:og|twitter|article):[^"]+" content="([^"]*)"', html
    )
    assert len(social) >= 8
    assert any(SAFE in content for content in social)
    assert not any(SPOILER in content for content in social)


def test_json_ld_has_no_spoilers(client, article):
    html = page(client, article.get_absolute_url())
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    data = json.loads(block)
    assert data["@type"] == "Review" and SAFE in data["description"]
    assert SPOILER not in block


@pytest.mark.parametrize(
    "name,arg",
    [
        ("reviews:feed", None),
        ("reviews:feed_atom", None),
        ("reviews:film_feed", "film"),
        ("reviews:film_feed_atom", "film"),
        ("reviews:author_feed", "author"),
        ("reviews:author_feed_atom", "author"),
        ("reviews:tag_feed", "tag"),
        ("reviews:tag_feed_atom", "tag"),
    ],
)
def test_feeds_have_no_spoilers(client, article, name, arg):
    args = {
        None: [],
        "film": [article.films.get().slug],
        "author": [article.author.slug],
        "tag": ["tides"],
    }[arg]
    body = page(client, reverse(name, args=args))
    assert "The Harbour review" in body and SAFE in body
    assert SPOILER not in body


def test_spoiler_text_is_never_indexed_for_search(article):
    assert list(search.articles(SAFE)) == [article]
    assert list(search.articles(SPOILER)) == []
    article.refresh_from_db()
    assert SAFE in article.search_text and SPOILER not in article.search_text


def test_search_results_page_snippets_have_no_spoilers(client, article):
    html = page(client, reverse("sitesearch:search") + f"?q={SAFE}")
    assert "The Harbour review" in html and f"<mark>{SAFE}</mark>" in html.lower()
    assert SPOILER not in html


def test_a_section_turned_into_a_spoiler_leaves_the_index(article):
    section = article.sections.get(order=2)
    section.is_spoiler = True
    section.save()
    assert list(search.articles(SAFE)) == []


def test_related_article_teasers_have_no_spoilers(client, article):
    other = f.ArticleFactory(title="Another look", films=list(article.films.all()))
    html = page(client, other.get_absolute_url())
    related = html.split('id="related-heading"', 1)[1]
    assert "The Harbour review" in related and SAFE in related
    assert SPOILER not in html


def test_film_page_excerpts_have_no_spoilers(client, article):
    html = page(client, article.films.get().get_absolute_url())
    assert "The Harbour review" in html and SAFE in html
    assert SPOILER not in html


@pytest.mark.parametrize("where", ["home", "author", "tag"])
def test_listing_cards_have_no_spoilers(client, article, where):
    url = {
        "home": reverse("reviews:home"),
        "author": article.author.get_absolute_url(),
        "tag": reverse("reviews:tag_detail", args=["tides"]),
    }[where]
    html = page(client, url)
    assert "The Harbour review" in html and SAFE in html
    assert SPOILER not in html


def test_sitemap_has_no_spoilers(client, article):
    index = page(client, reverse("sitemap"))
    sections = re.findall(r"<loc>https?://[^/]+(/sitemap-[a-z]+\.xml)</loc>", index)
    assert len(sections) == 8
    bodies = "".join(page(client, url) for url in sections)
    assert article.get_absolute_url() in bodies
    assert SPOILER not in index + bodies


def test_character_page_keeps_spoiler_analysis_collapsed(client, article):
    character = f.CharacterFactory(film=article.films.get(), name="Ada Lind")
    for section in article.sections.all():
        section.character = character
        section.save()
    html = page(client, character.get_absolute_url())
    assert SPOILER in "".join(SPOILER_DETAILS.findall(html)) and SAFE in html
    assert SPOILER not in SPOILER_DETAILS.sub("", html)


def test_seen_toggle_is_a_hidden_enhancement_that_needs_no_cookie(client, article):
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert '<div class="seen" hidden>' in html and 'aria-pressed="false"' in html
    assert "js/spoilers.js" in html and "<script>" not in html and " onclick=" not in html
    assert not response.cookies
