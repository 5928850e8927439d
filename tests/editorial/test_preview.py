"""Previews show an article as readers will see it, and change nothing; share links are safe."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from editorial.models import PreviewLink, StatusChange
from editorial.preview import preview_link_create, preview_link_url
from editorial.revisions import article_versions
from reviews.models import Article, Section
from tests import factories as f
from tests.helpers import article_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = f.ArticleFactory(
        title="The harbour at night", standfirst="As saved.", status="draft", published_at=None
    )
    f.SectionFactory(article=article, order=1, heading="Opening", body="Saved opening.")
    return article


@pytest.fixture
def signed_in(editor):
    client = Client()
    client.force_login(editor)
    return client


def preview(client, article, **changes):
    return client.post(
        reverse("admin:reviews_article_preview", args=[article.pk]),
        article_form_data(article, **changes),
    )


def test_unsaved_changes_are_previewed_as_readers_will_see_them(signed_in, article):
    data = article_form_data(article, standfirst="Typed, not saved.")
    data |= {
        "sections-TOTAL_FORMS": 2,
        "sections-1-order": 2,
        "sections-1-kind": "ending",
        "sections-1-is_spoiler": "on",
        "sections-1-heading": "The last shot",
        "sections-1-body": "The keeper *was* the pilot.",
    }
    response = signed_in.post(reverse("admin:reviews_article_preview", args=[article.pk]), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Preview of your unsaved changes" in body
    assert "Typed, not saved." in body
    assert "The keeper <em>was</em> the pilot." in body  # rendered Markdown, spoiler included
    assert '<meta name="robots" content="noindex">' in body
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_previewing_changes_nothing(signed_in, article):
    before = article.updated_at
    preview(signed_in, article, standfirst="Typed, not saved.", title="Another title")
    article.refresh_from_db()
    assert (article.standfirst, article.title, article.updated_at) == (
        "As saved.",
        "The harbour at night",
        before,
    )
    assert Section.objects.filter(article=article).count() == 1
    assert not Version.objects.exists() and not StatusChange.objects.exists()


def test_a_new_article_can_be_previewed_before_it_exists(signed_in):
    film = f.FilmFactory()
    response = signed_in.post(
        reverse("admin:reviews_article_preview_new"),
        {
            "kind": "essay",
            "title": "Not yet written down",
            "slug": "not-yet",
            "films": [film.pk],
            "status": "draft",
            "tags": "memory",
            "sections-TOTAL_FORMS": 1,
            "sections-INITIAL_FORMS": 0,
            "sections-0-order": 1,
            "sections-0-kind": "intro",
            "sections-0-body": "A first paragraph.",
        },
    )
    assert response.status_code == 200
    assert "Not yet written down" in response.content.decode()
    assert not Article.objects.filter(slug="not-yet").exists()


def test_an_unsaveable_form_says_what_to_fix(signed_in, article):
    response = preview(signed_in, article, title="")
    assert response.status_code == 400
    assert "Fix these before previewing" in response.content.decode()


def test_preview_is_post_only_and_not_for_other_contributors(contributor, article):
    client = Client()
    client.force_login(contributor)
    url = reverse("admin:reviews_article_preview", args=[article.pk])
    assert client.get(url).status_code == 405
    assert client.post(url, article_form_data(article)).status_code in (403, 404)


def test_any_revision_can_be_previewed(signed_in, article):
    signed_in.post(
        reverse("admin:reviews_article_change", args=[article.pk]), article_form_data(article)
    )
    signed_in.post(
        reverse("admin:reviews_article_change", args=[article.pk]),
        article_form_data(article, title="Renamed later"),
    )
    oldest = list(article_versions(article))[-1]
    url = reverse("admin:reviews_article_revision_preview", args=[article.pk, oldest.pk])
    body = signed_in.get(url).content.decode()
    assert "Preview of the revision saved" in body and "The harbour at night" in body
    article.refresh_from_db()
    assert article.title == "Renamed later"


def test_share_link_shows_the_draft_to_someone_without_an_account(client, article, editor):
    link = preview_link_create(article=article, by=editor, note="fact-checker")
    response = client.get(preview_link_url(link))
    body = response.content.decode()
    assert response.status_code == 200
    assert "The harbour at night" in body and "Shared preview, not published" in body
    assert '<meta name="robots" content="noindex">' in body
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    assert client.get(article.get_absolute_url()).status_code == 404  # still unpublished


def test_a_tampered_link_shows_nothing(client, article, editor):
    url = preview_link_url(preview_link_create(article=article, by=editor))
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert client.get(url).status_code == 200
    forged = url.replace(token, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    assert client.get(forged).status_code == 404
    assert client.get("/preview/not-a-token/").status_code == 404


def test_an_expired_link_shows_nothing(client, article, editor):
    link = preview_link_create(article=article, by=editor)
    assert client.get(preview_link_url(link)).status_code == 200
    past = timezone.now() - timedelta(days=8)
    PreviewLink.objects.filter(pk=link.pk).update(
        created_at=past, expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(preview_link_url(link)).status_code == 404


def test_editor_creates_and_revokes_a_link_in_the_admin(signed_in, client, article):
    response = signed_in.post(
        reverse("admin:editorial_previewlink_add"),
        {"article": article.pk, "note": "legal read", "days": 3},
    )
    assert response.status_code == 302
    link = PreviewLink.objects.get()
    assert link.created_by.username == "eddie"
    assert timedelta(days=2, hours=23) < link.expires_at - timezone.now() <= timedelta(days=3)
    url = preview_link_url(link)
    assert client.get(url).status_code == 200
    signed_in.post(
        reverse("admin:editorial_previewlink_changelist"),
        {"action": "revoke", "_selected_action": [link.pk]},
    )
    assert client.get(url).status_code == 404


def test_contributors_cannot_make_share_links(contributor):
    client = Client()
    client.force_login(contributor)
    assert client.get(reverse("admin:editorial_previewlink_add")).status_code == 403
