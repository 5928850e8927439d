"""Hostile text from a contributor reaches readers and editors inert (issue 8, point 1).

Section bodies go through the admin as a contributor would post them; names, titles, alt texts
and captions are stored directly and every surface that shows them is checked: public pages,
feeds, JSON-LD and the admin's lists, history, revision diff and import preview.
"""

import json
import re
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from filmsite.textclean import CONTROL_CHARACTERS
from reviews.feeds import XML_INVALID
from reviews.markdown import ALLOWED_TAGS
from reviews.models import Article, Section
from tests import factories as f
from tests.helpers import article_form_data
from tests.security.xss import DOMPURIFY, FORBIDDEN_IN_BODY, OWASP, audit, load

pytestmark = pytest.mark.django_db

SECTIONS_PER_POST = 40  # ~6 fields a section: well under DATA_UPLOAD_MAX_NUMBER_FIELDS


def chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def typed(payload: str) -> str:
    """A payload as a form takes it: forms refuse control characters (issue 14, point 9), so
    they are removed, which leaves "java\x03script:" the more dangerous "javascript:"."""
    return CONTROL_CHARACTERS.sub("", payload)


def post_article(client, film, slug: str, bodies: list[str], headings: list[str]) -> Article:
    data = {
        "kind": "review",
        "title": f"Corpus {slug}",
        "slug": slug,
        "films": [film.pk],
        "status": "draft",
        "tags": "",
        "sections-TOTAL_FORMS": len(bodies),
        "sections-INITIAL_FORMS": 0,
    }
    for i, (body, heading) in enumerate(zip(bodies, headings, strict=True)):
        body, heading = typed(body), typed(heading)
        data |= {
            f"sections-{i}-order": i + 1,
            f"sections-{i}-kind": "other",
            f"sections-{i}-heading": heading[:200],
            f"sections-{i}-body": body,
        }
    response = client.post(reverse("admin:reviews_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Article.objects.get(slug=slug)


@pytest.mark.parametrize("corpus", [OWASP, DOMPURIFY], ids=["owasp", "dompurify"])
def test_section_bodies_from_a_contributor_reach_readers_inert(client, contributor, editor, corpus):
    payloads = load(corpus)
    film = f.FilmFactory()
    client.force_login(contributor)
    articles = []
    for n, batch in enumerate(chunks(payloads, SECTIONS_PER_POST)):
        # The payload raw, as a link target and as an image source, in one body.
        bodies = [f'{p}\n\n[x]({p})\n\n![x]({p})\n\nLink [y]({p} "{p}")' for p in batch]
        articles.append(post_article(client, film, f"corpus-{n}", bodies, batch))
    assert Section.objects.filter(article__in=articles).count() == len(payloads)

    Article.objects.filter(pk__in=[a.pk for a in articles]).update(
        status="published", published_at="2026-01-01T00:00:00Z"
    )
    control = audit(client.get(f.ArticleFactory(title="Control").get_absolute_url()).text)
    for article in articles:
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        page = audit(response.content.decode())
        assert page.problems == []
        assert page.tags <= control.tags | ALLOWED_TAGS, page.tags - control.tags
        for section in article.sections.all():
            body = audit(section.body_html)
            assert body.problems == [], section.body
            assert not body.tags & FORBIDDEN_IN_BODY, (section.body, body.tags)
            assert body.tags <= ALLOWED_TAGS
            assert body.attributes <= {"href", "title", "rel", "start"}, section.body
    # A positive control: the corpus did carry scripts and handlers in.
    raw = "\n".join(s.body for s in Section.objects.filter(article__in=articles))
    assert re.search(r"<script", raw, re.I) and re.search(r"\bon\w+\s*=", raw, re.I)
    assert any("href" in s.body_html for s in Section.objects.filter(article__in=articles))


@pytest.fixture
def hostile_catalogue():
    """One of each public object per OWASP payload: titles, names, alt texts, captions, tags."""
    payloads = load(OWASP)
    objects = []
    for i, p in enumerate(payloads):
        image = f.ImageFactory(
            alt_text=p[:250],
            caption=p[:300],
            credit=p[:200],
            file__filename=f'{i}"><svg onload=alert({i})>.png',
        )
        film = f.FilmFactory(title=p[:200], slug=f"film-{i}", logline=p[:300], poster=image)
        person = f.PersonFactory(name=p[:150], slug=f"person-{i}", bio=p)
        f.CreditFactory(film=film, person=person)
        author = f.AuthorFactory(name=p[:200], slug=f"critic-{i}")
        article = f.ArticleFactory(
            title=p[:200],
            slug=f"article-{i}",
            standfirst=p,
            verdict=p[:300],
            author=author,
            films=[film],
            lead_image=image,
            rating=4,
        )
        article.tags.add(f"theme {i} {p[:60]}")
        f.SectionFactory(article=article, order=1, heading=p[:200], image=image)
        objects.append((p, film, person, author, article))
    return objects


def assert_inert_html(response, control_tags: set[str]) -> None:
    assert response.status_code == 200, response.request["PATH_INFO"]
    page = audit(response.content.decode())
    assert page.problems == [], response.request["PATH_INFO"]
    assert page.tags <= control_tags, (response.request["PATH_INFO"], page.tags - control_tags)
    for block in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    ):
        json.loads(block)  # well-formed: nothing broke out of the string
        assert "<" not in block


def assert_well_formed_feed(response, expected_titles: list[str]) -> None:
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)
    names = {el.tag.rsplit("}", 1)[-1] for el in tree.iter()}
    assert not names & {"script", "iframe", "svg", "img", "object", "embed", "style", "a"}
    titles = {el.text for el in tree.iter() if el.tag.rsplit("}", 1)[-1] == "title"}
    for title in expected_titles:
        assert (
            XML_INVALID.sub("", title) in titles
        )  # escaped on the way out, the exact text on the way back


def test_names_titles_and_captions_are_escaped_on_every_public_page(client, hostile_catalogue):
    control_article = f.ArticleFactory(title="Plain", lead_image=f.ImageFactory())
    f.SectionFactory(article=control_article, order=1, image=control_article.lead_image)
    f.CreditFactory(film=control_article.films.first())
    control_tags = audit(client.get(control_article.get_absolute_url()).text).tags
    control_tags |= audit(client.get(control_article.films.first().get_absolute_url()).text).tags
    control_tags |= audit(client.get(reverse("reviews:home")).text).tags
    control_tags |= audit(client.get(reverse("sitesearch:search") + "?q=plain").text).tags
    control_tags |= ALLOWED_TAGS  # what a rendered section may hold

    for p, film, person, author, article in hostile_catalogue:
        for url in (
            article.get_absolute_url(),
            film.get_absolute_url(),
            person.get_absolute_url(),
            author.get_absolute_url(),
            reverse("reviews:tag_detail", args=[article.tags.get().slug]),
        ):
            assert_inert_html(client.get(url), control_tags)
        page = audit(client.get(article.get_absolute_url()).content.decode())
        assert p[:200] in "".join(page.text)  # shown as text, exactly as written
        assert_well_formed_feed(
            client.get(reverse("reviews:author_feed", args=[author.slug])), [p[:200]]
        )
        assert_well_formed_feed(
            client.get(reverse("reviews:film_feed_atom", args=[film.slug])), [p[:200]]
        )
    for url in (reverse("reviews:home"), reverse("sitesearch:search") + "?q=alert"):
        assert_inert_html(client.get(url), control_tags)
    assert_well_formed_feed(client.get(reverse("reviews:feed")), [])
    assert_well_formed_feed(client.get(reverse("reviews:feed_atom")), [])
    sitemap = client.get(reverse("sitemap"))
    ElementTree.fromstring(sitemap.content)


def test_json_ld_carries_hostile_text_as_data(client, hostile_catalogue):
    for p, _film, _person, _author, article in hostile_catalogue[:40]:
        body = client.get(article.get_absolute_url()).content.decode()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
        data = [json.loads(block) for block in blocks]
        assert any(d.get("headline") == p[:200] for d in data)  # the text survives, as data


def test_hostile_text_is_escaped_in_the_admin(client, admin_user, hostile_catalogue, editor):
    client.force_login(admin_user)
    admin_control = set()
    plain = f.ArticleFactory(title="Plain admin")
    for url in (
        reverse("admin:reviews_article_changelist"),
        reverse("admin:reviews_article_change", args=[plain.pk]),
        reverse("admin:reviews_film_changelist"),
    ):
        admin_control |= audit(client.get(url).text).tags
    urls = [
        reverse(f"admin:{name}_changelist") + "?all="
        for name in (
            "reviews_article",
            "reviews_film",
            "reviews_author",
            "reviews_image",
            "people_person",
            "admin_logentry",
        )
    ]
    for url in urls:
        response = client.get(url.replace("?all=", ""))
        assert_inert_html(response, admin_control | {"img"})
    for _p, film, person, _author, article in hostile_catalogue[:10]:
        for url in (
            reverse("admin:reviews_article_change", args=[article.pk]),
            reverse("admin:reviews_film_change", args=[film.pk]),
            reverse("admin:people_person_change", args=[person.pk]),
            reverse("admin:reviews_article_history", args=[article.pk]),
        ):
            assert_inert_html(client.get(url), admin_control | {"img"})


def test_revision_history_and_diff_show_a_contributors_payloads_inert(client, contributor, editor):
    """Two saves by a contributor, then an editor reads the history and the diff."""
    payloads = load(OWASP)
    film = f.FilmFactory()
    client.force_login(contributor)
    from reversion.models import Version

    for n, batch in enumerate(chunks([typed(p) for p in payloads], SECTIONS_PER_POST)):
        article = post_article(
            client, film, f"diff-{n}", ["Plain first draft."] * len(batch), batch
        )
        data = article_form_data(article, title=batch[0][:200])
        for i, p in enumerate(batch):
            data[f"sections-{i}-body"] = f"{p}\n\n[x]({p})"
        response = client.post(reverse("admin:reviews_article_change", args=[article.pk]), data)
        assert response.status_code == 302, response.content.decode()[:2000]
        versions = Version.objects.get_for_object(article).order_by("pk")
        assert versions.count() == 2
        client.force_login(editor)
        control = audit(
            client.get(reverse("admin:reviews_article_change", args=[article.pk])).text
        ).tags
        history = client.get(reverse("admin:reviews_article_history", args=[article.pk]))
        assert_inert_html(history, control | {"table", "thead", "tbody", "tr", "th", "td"})
        diff = client.get(
            reverse("admin:reviews_article_revision_compare", args=[article.pk]),
            {"old": versions[0].pk, "new": versions[1].pk},
        )
        page = audit(diff.content.decode())
        assert diff.status_code == 200 and page.problems == []
        table = {"table", "tbody", "thead", "tr", "td", "th", "style"}  # the template's own
        injected = page.tags - control - ALLOWED_TAGS - table
        assert not injected, injected
        assert len(re.findall(r"<style", diff.content.decode(), re.I)) == 1
        assert batch[0][:200] in "".join(page.text) or "<" not in batch[0]
        client.force_login(contributor)


def import_text(title: str, author: str, body: str) -> str:
    return (
        "---\n"
        f"title: {json.dumps(title[:180])}\n"
        "film: The Salt Road (2019)\n"
        f"author: {json.dumps(author[:100])}\n"
        f"standfirst: {json.dumps(body)}\n"
        f"tags: [{json.dumps(author[:60])}]\n"
        "---\n\n"
        f"{body}\n\n[x]({body})\n"
    )


def test_import_preview_shows_hostile_front_matter_inert(client, editor):
    payloads = load(OWASP)
    client.force_login(editor)
    url = reverse("admin:reviews_article_import")
    plain = client.post(url, {"preview": "Preview", "text": import_text("A", "B", "Plain.")})
    control = audit(plain.content.decode()).tags | ALLOWED_TAGS
    for p in payloads:
        response = client.post(url, {"preview": "Preview", "text": import_text(p, p, p)})
        assert response.status_code == 200
        page = audit(response.content.decode())
        assert page.problems == [], p
        assert page.tags <= control, (p, page.tags - control)
