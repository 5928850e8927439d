"""No silent overwrites, who-else-is-here, redirects for renamed pages, and the schedule."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from editorial.models import Redirect
from reviews.models import Article
from tests import factories as f
from tests.helpers import article_form_data

pytestmark = pytest.mark.django_db


def change_url(article: Article) -> str:
    return reverse("admin:reviews_article_change", args=[article.pk])


@pytest.fixture
def article():
    article = f.ArticleFactory(title="The long tide", status="draft", published_at=None)
    f.SectionFactory(article=article, order=1, heading="Opening", body="Original words.")
    return article


def test_second_save_is_refused_and_keeps_the_second_editors_text(editor, make_user, article):
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(make_user("sam", "Editor", first_name="Sam", last_name="Okoro"))
    first_form = article_form_data(article)
    second_form = article_form_data(article)  # both opened the same version

    first_form["sections-0-body"] = "Eddie's rewrite of the opening."
    assert first.post(change_url(article), first_form).status_code == 302

    second_form["sections-0-body"] = "Sam's different rewrite."
    second_form["standfirst"] = "Sam's new standfirst."
    response = second.post(change_url(article), second_form)
    body = response.content.decode()
    assert response.status_code == 200
    assert "saved this article at" in body and "Nothing of yours was saved" in body
    assert "Sam&#x27;s different rewrite." in body  # their text is still in the form
    assert "Sam&#x27;s new standfirst." in body
    assert "<del>Eddie&#x27;s</del>" in body  # the other version is shown, as a diff
    assert article.sections.get().body == "Eddie's rewrite of the opening."


def test_saving_again_after_choosing_goes_through(editor, article):
    client = Client()
    client.force_login(editor)
    stale = article_form_data(article)
    other = Article.objects.get(pk=article.pk)
    other.title = "Theirs"
    other.save()  # someone else saved meanwhile
    refused = client.post(change_url(article), stale | {"title": "Mine"})
    token = refused.context["adminform"].form.conflict.token
    again = stale | {"title": "Mine", "conflict_token": token, "resolve-field-title": "mine"}
    assert client.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.title == "Mine"


def test_a_fresh_form_saves_without_complaint(editor, article):
    client = Client()
    client.force_login(editor)
    response = client.post(change_url(article), article_form_data(article, title="Renamed"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Renamed"


def test_edit_form_says_who_else_has_it_open(editor, make_user, article):
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(make_user("sam", "Editor", first_name="Sam", last_name="Okoro"))
    alone = first.get(change_url(article)).content.decode()
    assert "Also editing this article" not in alone
    together = second.get(change_url(article)).content.decode()
    assert "Also editing this article right now: Eddie Marsh" in together


def test_changing_a_slug_redirects_the_old_address_permanently(client, article):
    article.status, article.published_at = "published", timezone.now()
    article.save()
    old_url = article.get_absolute_url()
    article.slug = "the-longer-tide"
    article.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/articles/the-longer-tide/"
    assert client.get(response["Location"]).status_code == 200


def test_redirect_chains_collapse_and_a_reused_address_stops_redirecting(client):
    film = f.FilmFactory(slug="first-name")
    for slug in ("second-name", "third-name"):
        film.slug = slug
        film.save()
    assert client.get("/films/first-name/")["Location"] == "/films/third-name/"
    assert client.get("/films/second-name/")["Location"] == "/films/third-name/"
    film.slug = "first-name"
    film.save()
    assert client.get("/films/first-name/").status_code == 200
    assert not Redirect.objects.filter(old_path="/films/first-name/").exists()


def test_renaming_a_film_redirects_its_characters_too(client):
    character = f.CharacterFactory(slug="ada")
    old = character.get_absolute_url()
    film = character.film
    film.slug = "renamed-film"
    film.save()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == "/films/renamed-film/characters/ada/"


def test_unknown_paths_still_404(client):
    assert client.get("/films/never-existed/").status_code == 404


def test_scheduled_articles_go_live_on_time_without_a_job(client, capsys):
    soon = f.ArticleFactory(
        title="Out in an hour", published_at=timezone.now() + timedelta(hours=1)
    )
    f.ArticleFactory(title="Out next week", published_at=timezone.now() + timedelta(days=7))
    f.ArticleFactory(title="Already out")
    call_command("scheduled_articles")
    out = capsys.readouterr().out
    assert out.index("Out in an hour") < out.index("Out next week")
    assert "Already out" not in out
    assert client.get(soon.get_absolute_url()).status_code == 404
    Article.objects.filter(pk=soon.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert client.get(soon.get_absolute_url()).status_code == 200


def test_an_untouched_form_from_a_browser_changes_nothing(editor, article):
    """Browsers send textareas with CRLF; stored text keeps LF and no change is logged."""
    from django.contrib.admin.models import LogEntry

    section = article.sections.get()
    section.body = "First paragraph.\n\nSecond paragraph."
    section.save()
    client = Client()
    client.force_login(editor)
    data = article_form_data(article)
    data["sections-0-body"] = data["sections-0-body"].replace("\n", "\r\n")
    assert client.post(change_url(article), data).status_code == 302
    section.refresh_from_db()
    assert section.body == "First paragraph.\n\nSecond paragraph."
    assert "Body" not in LogEntry.objects.get().get_change_message()


@pytest.mark.parametrize("stored", ["4.0", "0.5", "5.0"])
def test_the_change_form_shows_the_stored_rating_selected(editor, stored):
    """A rating the form doesn't show as selected would be cleared by an untouched save."""
    from decimal import Decimal

    review = f.ArticleFactory(kind="review", rating=Decimal(stored))
    review.refresh_from_db()  # the rating as the database gives it back
    client = Client()
    client.force_login(editor)
    html = client.get(change_url(review)).content.decode()
    assert f'<option value="{stored}" selected>' in html
