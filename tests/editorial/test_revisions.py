"""Every admin save is a revision; editors compare any two, escaped, and restore in one click."""

import pytest
from django.test import Client
from django.urls import reverse

from editorial.revisions import article_versions
from reviews.models import Article
from tests import factories as f
from tests.helpers import article_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(editor):
    client = Client()
    client.force_login(editor)
    return client


def save(client, article, **changes):
    response = client.post(
        reverse("admin:reviews_article_change", args=[article.pk]),
        article_form_data(article, **changes),
    )
    assert response.status_code == 302, response.content.decode()[:3000]


@pytest.fixture
def revised(signed_in):
    """An article saved three times: the original, a rewrite, a rewrite with script in it."""
    article = f.ArticleFactory(title="First title", status="draft", published_at=None)
    f.SectionFactory(article=article, order=1, heading="Opening", body="The sea was calm.")
    save(signed_in, article)
    save(signed_in, article, title="Second title", **{"sections-0-body": "The sea was wild."})
    save(
        signed_in,
        article,
        **{"sections-0-body": "The sea was wild. <script>alert('x')</script>"},
    )
    return article


def test_each_save_is_a_revision_with_its_author(revised, editor):
    versions = list(article_versions(revised))
    assert len(versions) == 3
    assert all(v.revision.user == editor for v in versions)


def test_compare_shows_section_changes_word_by_word(signed_in, revised):
    newest, _, oldest = article_versions(revised)
    url = reverse("admin:reviews_article_revision_compare", args=[revised.pk])
    body = signed_in.get(url, {"old": oldest.pk, "new": newest.pk}).content.decode()
    assert "<del>First</del><ins>Second</ins> title" in body
    assert "<del>calm.</del>" in body and "<ins>wild." in body
    assert "Section 1 (changed)" in body


def test_compare_never_runs_an_editors_markup(signed_in, revised):
    newest, middle, _ = article_versions(revised)
    url = reverse("admin:reviews_article_revision_compare", args=[revised.pk])
    body = signed_in.get(url, {"old": middle.pk, "new": newest.pk}).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "<script>alert" not in body


def test_history_page_offers_compare_and_restore(signed_in, revised):
    url = reverse("admin:reviews_article_history", args=[revised.pk])
    body = signed_in.get(url).content.decode()
    assert "Compare selected revisions" in body
    assert body.count("Restore this version") == 2  # every revision but the current one


def test_restore_brings_back_article_and_sections_as_a_new_revision(signed_in, revised, editor):
    revised.sections.create(order=2, body="A section added later.")
    save(signed_in, revised)
    oldest = list(article_versions(revised))[-1]
    url = reverse("admin:reviews_article_revision_restore", args=[revised.pk, oldest.pk])
    response = signed_in.post(url)
    assert response.status_code == 302
    revised.refresh_from_db()
    assert revised.title == "First title"
    assert [s.body for s in revised.sections.all()] == ["The sea was calm."]
    latest = article_versions(revised).first().revision
    assert latest.user == editor
    assert latest.get_comment().startswith("Restored the writing of the version of")
    assert article_versions(revised).count() == 5


def test_restore_is_post_only(signed_in, revised):
    oldest = list(article_versions(revised))[-1]
    url = reverse("admin:reviews_article_revision_restore", args=[revised.pk, oldest.pk])
    assert signed_in.get(url).status_code == 405
    revised.refresh_from_db()
    assert revised.title == "Second title"


def test_contributor_cannot_see_or_restore_someone_elses_history(contributor, revised):
    client = Client()
    client.force_login(contributor)
    oldest = list(article_versions(revised))[-1]
    history = reverse("admin:reviews_article_revision_compare", args=[revised.pk])
    assert client.get(history, {"old": oldest.pk, "new": oldest.pk}).status_code == 404
    restore = reverse("admin:reviews_article_revision_restore", args=[revised.pk, oldest.pk])
    assert client.post(restore).status_code == 404
    revised.refresh_from_db()
    assert revised.title == "Second title"


def test_an_import_is_a_revision_by_the_importing_editor(editor):
    from pathlib import Path

    from importer.save import article_import_bytes

    sample = sorted((Path(__file__).parents[1] / "importer" / "samples").glob("*.txt"))[0]
    result = article_import_bytes(data=sample.read_bytes(), max_bytes=2**21, by=editor)
    article = Article.objects.get(slug=result.article.slug)
    revision = article_versions(article).get().revision
    assert revision.user == editor and revision.get_comment() == "Imported from a text."
    sections = revision.version_set.filter(content_type__model="section")
    assert sections.count() == article.sections.count() > 0
