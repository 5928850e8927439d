"""Restore brings back an article's writing and nothing else (issue #14, failures 1 to 3)."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from editorial.models import Redirect, StatusChange
from editorial.revisions import article_versions
from importer.save import article_import_bytes
from people.models import Credit
from reviews.models import Article, Film
from tests import factories as f
from tests.helpers import article_form_data, signed_in

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parents[1] / "importer" / "samples"


def save(client: Client, article: Article, **changes) -> None:
    response = client.post(
        reverse("admin:reviews_article_change", args=[article.pk]),
        article_form_data(article, **changes),
    )
    assert response.status_code == 302, response.content.decode()[:3000]


def published_at_fields(moment) -> dict:
    return {
        "published_at_0": moment.strftime("%Y-%m-%d"),
        "published_at_1": moment.strftime("%H:%M:%S"),
    }


def restore(client: Client, article: Article, version):
    url = reverse("admin:reviews_article_revision_restore", args=[article.pk, version.pk])
    return client.post(url, follow=True)


def version_titled(article: Article, title: str):
    return next(v for v in article_versions(article) if v.field_dict["title"] == title)


# --- 1. a contributor cannot publish by restoring ---------------------------------------------


@pytest.fixture
def sent_back(contributor, editor):
    """A critic's article, published by an editor, then sent back to review and reworked."""
    article = f.ArticleFactory(
        title="As written", author=contributor.author, status="draft", published_at=None
    )
    f.SectionFactory(article=article, order=1, body="The first telling.")
    save(signed_in(contributor), article, status="review")
    when = timezone.now() - timedelta(days=2)
    save(
        signed_in(editor),
        article,
        title="As published",
        status="published",
        **published_at_fields(when),
    )
    save(signed_in(editor), article, status="review")
    save(signed_in(contributor), article, title="As reworked")
    return article


def test_contributor_restoring_the_published_version_leaves_it_in_review(sent_back, contributor):
    published = next(
        v for v in article_versions(sent_back) if v.field_dict["status"] == "published"
    )
    assert published.field_dict["title"] == "As published"
    changes_before = StatusChange.objects.filter(article=sent_back).count()

    response = restore(signed_in(contributor), sent_back, published)

    assert response.status_code == 200
    sent_back.refresh_from_db()
    assert sent_back.title == "As published"  # the control: the writing came back
    assert sent_back.status == "review"
    assert StatusChange.objects.filter(article=sent_back).count() == changes_before
    assert StatusChange.objects.filter(article=sent_back).first().to_status == "review"
    assert Client().get(sent_back.get_absolute_url()).status_code == 404


def test_contributor_cannot_restore_their_article_once_published(sent_back, contributor, editor):
    save(signed_in(editor), sent_back, status="published")
    first = version_titled(sent_back, "As written")
    response = restore(signed_in(contributor), sent_back, first)
    assert response.status_code == 403
    sent_back.refresh_from_db()
    assert sent_back.title == "As reworked"
    # The control: an editor may, and the article stays published.
    restore(signed_in(editor), sent_back, first)
    sent_back.refresh_from_db()
    assert (sent_back.title, sent_back.status) == ("As written", "published")


# --- 2. the catalogue is left alone -----------------------------------------------------------


def test_restoring_an_imports_revision_leaves_films_people_and_credits_alone(editor):
    result = article_import_bytes(
        data=(SAMPLES / "review_salt_road.txt").read_bytes(), max_bytes=2**21, by=editor
    )
    article = Article.objects.get(slug=result.article.slug)
    imported_title = article.title
    imported = article_versions(article).get()
    assert imported.revision.version_set.filter(content_type__model="credit").exists()
    film = article.films.get()
    film.title, film.runtime_minutes = "The Salt Road (director's cut)", 181
    film.save()
    added = Credit.objects.create(film=film, person=f.PersonFactory(), role="director")
    save(signed_in(editor), article, title="A new headline")

    restore(signed_in(editor), article, imported)

    article.refresh_from_db()
    assert article.title == imported_title  # the control: the article's writing came back
    film = Film.objects.get(pk=film.pk)
    assert (film.title, film.runtime_minutes) == ("The Salt Road (director's cut)", 181)
    assert Credit.objects.filter(pk=added.pk).exists()
    assert list(article.films.all()) == [film]


# --- 3. a live article stays live ---------------------------------------------------------------


@pytest.fixture
def published_after_a_rename(editor):
    """Drafted as 'early-draft', renamed, then published as 'the-final-cut'."""
    article = f.ArticleFactory(
        title="Early draft", slug="early-draft", status="draft", published_at=None
    )
    f.SectionFactory(article=article, order=1, body="A rough first pass.")
    save(signed_in(editor), article)
    save(
        signed_in(editor),
        article,
        title="The final cut",
        slug="the-final-cut",
        status="published",
        **published_at_fields(timezone.now() - timedelta(days=3)),
        **{"sections-0-body": "The polished text."},
    )
    article.refresh_from_db()
    return article


def test_editor_restoring_an_early_revision_keeps_the_article_online(
    published_after_a_rename, editor
):
    article = published_after_a_rename
    first_published_at = article.published_at
    early = version_titled(article, "Early draft")
    assert early.field_dict["status"] == "draft" and early.field_dict["published_at"] is None

    restore(signed_in(editor), article, early)

    article.refresh_from_db()
    assert article.title == "Early draft"  # the control: the writing is the early one
    assert [s.body for s in article.sections.all()] == ["A rough first pass."]
    assert (article.status, article.published_at) == ("published", first_published_at)
    assert article.slug == "the-final-cut"
    page = Client().get(article.get_absolute_url())
    assert page.status_code == 200 and "A rough first pass." in page.content.decode()
    assert not Redirect.objects.filter(old_path=article.get_absolute_url()).exists()


def test_restore_is_a_new_revision_by_whoever_restored(published_after_a_rename, editor):
    article = published_after_a_rename
    count = article_versions(article).count()
    restore(signed_in(editor), article, version_titled(article, "Early draft"))
    latest = article_versions(article).first()
    assert article_versions(article).count() == count + 1
    assert latest.revision.user == editor
    assert latest.revision.get_comment().startswith("Restored the writing of the version of")


def test_restoring_the_current_writing_changes_nothing(published_after_a_rename, editor):
    article = published_after_a_rename
    count = article_versions(article).count()
    response = restore(signed_in(editor), article, article_versions(article).first())
    assert "nothing to do" in response.content.decode()
    assert article_versions(article).count() == count
    # The control: an older version does make a revision.
    restore(signed_in(editor), article, version_titled(article, "Early draft"))
    assert article_versions(article).count() == count + 1


def test_restore_brings_back_tags_films_and_the_lead_image(editor):
    poster, first_film = f.ImageFactory(), f.FilmFactory()
    article = f.ArticleFactory(
        title="Tagged", tags=["noir", "rain"], films=[first_film], lead_image=poster
    )
    save(signed_in(editor), article, lead_image=poster.pk)
    original = article_versions(article).first()
    second_film = f.FilmFactory()
    save(
        signed_in(editor),
        article,
        tags="sunshine",
        films=[second_film.pk],
        lead_image=f.ImageFactory().pk,
    )
    assert set(article.tags.names()) == {"sunshine"}

    restore(signed_in(editor), article, original)

    article.refresh_from_db()
    assert set(article.tags.names()) == {"noir", "rain"}
    assert list(article.films.all()) == [first_film]
    assert article.lead_image == poster
    assert Film.objects.filter(pk=second_film.pk).exists()  # unlinked, not deleted


# --- refusals lose nothing ----------------------------------------------------------------------


def test_a_revision_that_no_longer_validates_is_refused_in_words(published_after_a_rename, editor):
    article = published_after_a_rename
    early = version_titled(article, "Early draft")
    intact = early.serialized_data
    early.serialized_data = intact.replace('"Early draft"', '""')
    early.save()

    response = restore(signed_in(editor), article, early)

    body = response.content.decode()
    assert "That version cannot be restored as it is." in body and "Title:" in body
    article.refresh_from_db()
    assert article.title == "The final cut"
    assert [s.body for s in article.sections.all()] == ["The polished text."]
    # The control: the same revision, intact, restores.
    early.serialized_data = intact
    early.save()
    restore(signed_in(editor), article, early)
    article.refresh_from_db()
    assert article.title == "Early draft"


def test_the_revision_page_is_for_reading_and_its_save_reverts_nothing(editor):
    result = article_import_bytes(
        data=(SAMPLES / "review_salt_road.txt").read_bytes(), max_bytes=2**21, by=editor
    )
    article = Article.objects.get(slug=result.article.slug)
    imported = article_versions(article).get()
    film = article.films.get()
    film.title = "Renamed since"
    film.save()
    url = reverse("admin:reviews_article_revision", args=[article.pk, imported.pk])
    page = signed_in(editor).get(url)
    assert page.status_code == 200 and "Restore this version" in page.content.decode()
    assert signed_in(editor).post(url, article_form_data(article)).status_code == 405
    assert Film.objects.get(pk=film.pk).title == "Renamed since"


# --- recovering a deleted article -----------------------------------------------------------------


def test_recovering_a_deleted_import_brings_back_the_article_not_the_old_catalogue(editor):
    result = article_import_bytes(
        data=(SAMPLES / "review_salt_road.txt").read_bytes(), max_bytes=2**21, by=editor
    )
    article = Article.objects.get(slug=result.article.slug)
    title, sections = article.title, [s.body for s in article.sections.all()]
    film = article.films.get()
    film.title = "Renamed since"
    film.save()
    added = Credit.objects.create(film=film, person=f.PersonFactory(), role="director")
    version, pk = article_versions(article).get(), article.pk
    article.delete()
    client = signed_in(editor)
    url = reverse("admin:reviews_article_recover", args=[version.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Recover this article" in page.content.decode()
    assert Film.objects.get(pk=film.pk).title == "Renamed since"  # looking reverts nothing

    response = client.post(url)

    assert response.status_code == 302
    recovered = Article.objects.get(pk=pk)
    assert recovered.title == title  # the control: the article is back, sections and all
    assert [s.body for s in recovered.sections.all()] == sections
    assert list(recovered.films.all()) == [film]
    assert Film.objects.get(pk=film.pk).title == "Renamed since"
    assert Credit.objects.filter(pk=added.pk).exists()
    assert article_versions(recovered).first().revision.user == editor


def test_only_editors_recover_and_a_taken_address_is_refused(editor, contributor):
    article = f.ArticleFactory(title="Gone", slug="gone")
    save(signed_in(editor), article)
    version = article_versions(article).get()
    article.delete()
    f.ArticleFactory(title="Newcomer", slug="gone")
    url = reverse("admin:reviews_article_recover", args=[version.pk])
    assert signed_in(contributor).post(url).status_code == 403
    response = signed_in(editor).post(url, follow=True)
    assert "now belongs to another article" in response.content.decode()
    assert not Article.objects.filter(title="Gone").exists()
    Article.objects.filter(slug="gone").delete()  # the control: once the address is free
    signed_in(editor).post(url)
    assert Article.objects.filter(title="Gone", slug="gone").exists()


def test_history_offers_restore_only_to_whoever_may_edit(sent_back, contributor, editor):
    url = reverse("admin:reviews_article_history", args=[sent_back.pk])
    assert "Restore this version" in signed_in(contributor).get(url).content.decode()
    save(signed_in(editor), sent_back, status="published")
    body = signed_in(contributor).get(url).content.decode()
    assert "Restore this version" not in body
    assert "You cannot edit this article now" in body
    assert "Restore this version" in signed_in(editor).get(url).content.decode()  # the control
