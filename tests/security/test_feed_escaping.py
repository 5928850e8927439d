"""Feeds carry a contributor's text as text: no feed reader that renders HTML runs it (issue 14).

An RSS <description> and an Atom <summary type="html"> are HTML to a feed reader. Each test
parses the feed as XML, then each description as HTML, as a reader would, and audits that HTML.
"""

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from reviews import feeds
from reviews.feeds import XML_INVALID
from tests import factories as f
from tests.security.xss import DOMPURIFY, OWASP, audit, load

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["reviews:feed", "reviews:feed_atom"]


@pytest.fixture(autouse=True)
def _whole_corpus_in_one_feed(monkeypatch, settings):
    monkeypatch.setattr(feeds, "FEED_SIZE", 1000)
    settings.FILMSITE_PAGE_CACHE_SECONDS = 0


def html_fields(response) -> list[str]:
    """The text of every element a feed reader renders as HTML."""
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)
    rss = [el.text or "" for el in tree.iter("description")]
    atom = [el.text or "" for el in tree.iter(f"{ATOM}summary") if el.get("type") == "html"]
    return rss + atom


def assert_inert(html: str) -> str:
    """What a reader's HTML parser builds from `html` holds no element at all: only text."""
    page = audit(html)
    assert page.problems == [], html
    assert "script" not in page.tags, html
    assert not any(name.startswith("on") for name in page.attributes), html
    assert page.tags == set(), (html, page.tags)
    return "".join(page.text)


def shown(text: str) -> str:
    """What the feed can carry of `text`: XML 1.0 has no place for some control characters."""
    return " ".join(XML_INVALID.sub("", text).split())


@pytest.mark.parametrize("corpus", [OWASP, DOMPURIFY], ids=["owasp", "dompurify"])
def test_standfirsts_reach_feed_readers_as_text(client, corpus):
    payloads = load(corpus)
    film = f.FilmFactory()
    for payload in payloads:
        f.ArticleFactory(standfirst=payload, films=[film])

    for name in FEEDS:
        fields = html_fields(client.get(reverse(name)))

        texts = {shown(assert_inert(html)) for html in fields}
        for payload in payloads:  # the control: each is there, exactly as written, as text
            assert shown(payload) in texts, (name, payload)


@pytest.mark.parametrize("corpus", [OWASP, DOMPURIFY], ids=["owasp", "dompurify"])
def test_section_openings_reach_feed_readers_as_text(client, corpus):
    film = f.FilmFactory()
    payloads = load(corpus)
    for payload in payloads:
        article = f.ArticleFactory(standfirst="", films=[film])
        f.SectionFactory(article=article, order=1, kind="analysis", body=payload)

    for name in FEEDS:
        fields = html_fields(client.get(reverse(name)))

        assert len(fields) >= len(payloads)  # every item has its opening
        for html in fields:
            assert_inert(html)


def test_the_img_onerror_of_the_issue_is_text_in_both_feeds(client):
    hostile = '<img src=x onerror="alert(document.domain)"> and <script>alert(1)</script>'
    f.ArticleFactory(standfirst=hostile)
    f.ArticleFactory(standfirst="Plain & simple, <3")
    for name in FEEDS:
        body = client.get(reverse(name)).content.decode()
        assert "<img" not in body and "&lt;img" not in body  # escaped twice: text in HTML
        texts = [assert_inert(html) for html in html_fields(client.get(reverse(name)))]
        assert hostile in texts and "Plain & simple, <3" in texts


@pytest.mark.parametrize("corpus", [OWASP, DOMPURIFY], ids=["owasp", "dompurify"])
def test_names_in_a_channel_description_are_text(client, corpus):
    payloads = load(corpus)[:60]
    for i, payload in enumerate(payloads):
        film = f.FilmFactory(title=payload[:200], slug=f"film-{i}")
        author = f.AuthorFactory(name=payload[:100], slug=f"critic-{i}")
        article = f.ArticleFactory(films=[film], author=author, tags=[f"{i} {payload[:80]}"])
        urls = [
            reverse("reviews:film_feed", args=[film.slug]),
            reverse("reviews:author_feed", args=[author.slug]),
            reverse("reviews:tag_feed", args=[article.tags.get().slug]),
        ]
        for url in urls:
            fields = html_fields(client.get(url))
            texts = [assert_inert(html) for html in fields]
            assert any(shown(payload[:80]) in shown(t) for t in texts), (url, payload)
