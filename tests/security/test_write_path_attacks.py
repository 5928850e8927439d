"""Attacks on the write path of issue #14 that its first tests did not try, each with a control."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from taggit.models import Tag

from editorial.models import Redirect
from editorial.revisions import article_versions
from importer.save import article_import_bytes
from reviews.models import Article
from tests import factories as f
from tests.helpers import article_form_data, rename, signed_in

pytestmark = pytest.mark.django_db

GLASS_ORCHARD = """---
title: The Glass Orchard
slug: {slug}
---
The Glass Orchard (2021) opens on an orchard that has stopped bearing fruit.

Uneven but worth seeing. 7/10
"""


def import_as(user, slug: str):
    f.FilmFactory(title="The Glass Orchard", year=2021)
    data = GLASS_ORCHARD.format(slug=slug).encode()
    return article_import_bytes(data=data, max_bytes=1_000_000, by=user)


def test_a_contributors_import_cannot_take_a_published_pages_old_address(
    renamed_review, contributor
):
    result = import_as(contributor, "old-name")
    assert result.article.slug == "old-name-2"
    assert any("old-name" in str(warning) for warning in result.warnings)
    response = Client().get("/articles/old-name/")
    assert response["Location"] == "/articles/new-name/"


def test_a_contributors_import_whose_title_is_an_old_address_gets_another(contributor, editor):
    review = f.ArticleFactory(title="Old", slug="the-glass-orchard")
    rename(signed_in(editor), review, "renamed")
    f.FilmFactory(title="The Glass Orchard", year=2021)
    data = GLASS_ORCHARD.replace("slug: {slug}\n", "").encode()
    result = article_import_bytes(data=data, max_bytes=1_000_000, by=contributor)
    assert result.article.slug == "the-glass-orchard-2"


def test_an_editors_import_may_take_an_old_address_the_control(renamed_review, editor):
    assert import_as(editor, "old-name").article.slug == "old-name"


def test_a_contributors_import_takes_a_free_slug_the_control(renamed_review, contributor):
    assert import_as(contributor, "free-name").article.slug == "free-name"


def autosave(client: Client, title: str):
    return client.post(
        reverse("admin:reviews_article_autosave"),
        json.dumps({"key": "article-new", "base_token": "\x00", "data": {"title": [title]}}),
        content_type="application/json",
    )


@pytest.mark.parametrize("title", ["a\x00b", "a\ud800b", "a\x0bb"])
def test_an_autosaved_draft_with_a_control_character_is_kept_not_a_500(contributor, title):
    """PostgreSQL's JSON holds no NUL nor lone surrogate: storing one was a server error."""
    client = signed_in(contributor)
    assert autosave(client, title).status_code == 200
    kept = client.get(reverse("admin:reviews_article_autosave"), {"key": "article-new"})
    assert kept.json()["draft"]["data"]["title"][0].startswith("a")


def test_an_autosaved_draft_keeps_its_text_the_control(contributor):
    client = signed_in(contributor)
    assert autosave(client, "Ürün 🎬 \u200f").status_code == 200
    kept = client.get(reverse("admin:reviews_article_autosave"), {"key": "article-new"})
    assert kept.json()["draft"]["data"]["title"] == ["Ürün 🎬 \u200f"]


@pytest.mark.parametrize("object_id", ["abc", "1.0", "99999999999999999999999", "-1", "0", "1/2"])
def test_the_admin_shortcut_answers_an_id_that_is_none_with_a_404(contributor, object_id):
    ct = ContentType.objects.get_for_model(Article)
    response = signed_in(contributor).get(f"/admin/r/{ct.pk}/{object_id}/")
    assert response.status_code == 404


@pytest.mark.parametrize("model", ["person", "character", "film", "author", "filmseries"])
def test_the_admin_shortcut_leads_to_catalogue_pages(contributor, model):
    obj = {
        "person": f.PersonFactory,
        "character": f.CharacterFactory,
        "film": f.FilmFactory,
        "author": f.AuthorFactory,
        "filmseries": f.FilmSeriesFactory,
    }[model]()
    ct = ContentType.objects.get_for_model(obj)
    response = signed_in(contributor).get(f"/admin/r/{ct.pk}/{obj.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith(obj.get_absolute_url())


def test_the_admin_shortcut_leads_to_a_live_article_the_control(contributor):
    article = f.ArticleFactory(title="Live", slug="live")
    ct = ContentType.objects.get_for_model(Article)
    response = signed_in(contributor).get(f"/admin/r/{ct.pk}/{article.pk}/")
    assert response["Location"].endswith("/articles/live/")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/films/",
        "/critics/{a}/",
        "/themes/{t}/",
        "/people/{p}/",
        "/films/{fi}/",
        "/search/?q=salt",
    ],
)
@pytest.mark.parametrize(
    "page",
    ["2", "0", "-1", "abc", "1e3", str(10**30), "", "1&page=2", "2&after=xx", "1&before=", "%00"],
)
def test_no_listing_answers_a_page_query_with_a_server_error(path, page):
    """Past the end is a 404; what is no page number goes back to page one."""
    article = f.ArticleFactory(title="The Salt Road")
    article.tags.add("salt")
    person = f.PersonFactory()
    film = article.films.first() or f.FilmFactory()
    url = path.format(a=article.author.slug, t="salt", p=person.slug, fi=film.slug)
    sep = "&" if "?" in url else "?"
    response = Client().get(f"{url}{sep}page={page}")
    assert response.status_code in (200, 301, 302, 404)
    if page in ("2", str(10**30)):
        assert response.status_code in (301, 302, 404)


@pytest.mark.parametrize("param", ["theme", "genre", "country", "language"])
def test_a_film_filter_that_is_no_slug_is_a_404_not_a_500(param):
    """A NUL in ?theme= reached the query: PostgreSQL refuses it, a server error."""
    assert Client().get("/films/", {param: "a\x00b"}).status_code == 404


def test_a_film_filter_by_a_public_theme_still_answers_the_control():
    f.FilmFactory(title="Salt").tags.add("salt")
    response = Client().get("/films/", {"theme": "salt"})
    assert response.status_code == 200
    assert b"Salt" in response.content


def test_three_renames_and_a_move_back_redirect_in_one_hop(editor):
    review = f.ArticleFactory(title="The Salt Road", slug="a")
    client = signed_in(editor)
    rename(client, review, "b")
    rename(client, review, "c")
    rename(client, review, "d")
    for old in "abc":
        response = Client().get(f"/articles/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/articles/d/")
    rename(client, review, "a")
    assert Client().get("/articles/a/").status_code == 200
    for old in "bcd":
        assert Client().get(f"/articles/{old}/")["Location"] == "/articles/a/"


def test_a_restore_reaches_page_and_search_and_stops_a_form_opened_before(editor):
    article = f.ArticleFactory(title="Before", slug="live")
    f.SectionFactory(article=article, order=1, body="Zebracorn appears.")
    client = signed_in(editor)
    rename(client, article, "live")  # a first revision, as the form saves it
    data = article_form_data(article, title="After")
    data["sections-0-body"] = "Unicornzebra now."
    response = client.post(reverse("admin:reviews_article_change", args=[article.pk]), data)
    assert response.status_code == 302
    assert b"After" in Client().get("/articles/live/").content
    old = next(v for v in article_versions(article) if v.field_dict["title"] == "Before")
    stale = article_form_data(article, title="Stale edit")
    url = reverse("admin:reviews_article_revision_restore", args=[article.pk, old.pk])
    client.post(url)
    page = Client().get("/articles/live/").content
    assert b"Before" in page and b"Zebracorn" in page
    assert b"Zebracorn" in Client().get("/search/", {"q": "Zebracorn"}).content
    # a form opened before the restore is stopped, not saved over it
    client.post(reverse("admin:reviews_article_change", args=[article.pk]), stale)
    article.refresh_from_db()
    assert article.title == "Before"


@pytest.mark.parametrize("tags", ["a\x0bb", "x\x00y", "ok, bad\x1fname"])
def test_a_tag_with_a_control_character_is_not_stored(editor, tags):
    article = f.ArticleFactory(title="T", slug="t")
    response = signed_in(editor).post(
        reverse("admin:reviews_article_change", args=[article.pk]),
        article_form_data(article, tags=tags),
    )
    assert response.status_code == 200  # the form, with the reason
    assert not any(
        "\x0b" in n or "\x00" in n or "\x1f" in n
        for n in Tag.objects.values_list("name", flat=True)
    )


def test_a_clean_tag_is_stored_the_control(editor):
    article = f.ArticleFactory(title="T", slug="t")
    response = signed_in(editor).post(
        reverse("admin:reviews_article_change", args=[article.pk]),
        article_form_data(article, tags="salt, sea"),
    )
    assert response.status_code == 302
    assert sorted(article.tags.names()) == ["salt", "sea"]


@pytest.mark.parametrize("year", ["abc", "0", "-1", "99999", str(10**30), "1e3", "\x00"])
def test_a_year_that_is_none_is_no_server_error(year):
    f.ArticleFactory(title="T", slug="t")
    assert Client().get("/", {"year": year}).status_code in (200, 301, 302, 404)


def test_a_film_with_long_slugs_can_be_renamed_and_its_characters_follow():
    """A character's address holds two slugs of up to 220 characters: 460 in all."""
    film = f.FilmFactory(title="Long", slug="f" * 220)
    character = f.CharacterFactory(film=film, slug="c" * 220)
    old = character.get_absolute_url()
    film.slug = "g" * 220
    film.save()
    response = Client().get(old)
    assert (response.status_code, response["Location"]) == (301, character.get_absolute_url())


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", "{id}/history/compare/?old=1&new=2"),
        ("get", "{id}/history/1/preview/"),
        ("post", "{id}/history/1/restore/"),
    ],
)
def test_a_history_address_with_no_article_id_is_a_404_not_a_500(editor, method, path):
    response = getattr(signed_in(editor), method)("/admin/reviews/article/" + path.format(id="abc"))
    assert response.status_code == 404


def test_a_history_address_with_an_article_id_answers_the_control(editor):
    article = f.ArticleFactory(title="T", slug="t")
    rename(signed_in(editor), article, "t2")
    versions = list(article_versions(article))
    url = f"/admin/reviews/article/{article.pk}/history/compare/"
    response = signed_in(editor).get(url, {"old": versions[-1].pk, "new": versions[0].pk})
    assert response.status_code == 200


def test_a_public_themes_new_slug_keeps_its_old_address():
    """A theme page readers could see moves when an editor renames its slug in the tag admin."""
    f.ArticleFactory(title="T", slug="t").tags.add("salt")
    tag = Tag.objects.get(name="salt")
    tag.slug = "salt-and-sea"
    tag.save()
    response = Client().get("/themes/salt/")
    assert (response.status_code, response["Location"]) == (301, "/themes/salt-and-sea/")
    assert Client().get("/themes/salt-and-sea/").status_code == 200


def test_a_draft_only_themes_rename_leaves_no_old_address_the_control():
    draft = f.ArticleFactory(title="D", slug="d", status="draft", published_at=None)
    draft.tags.add("secret")
    tag = Tag.objects.get(name="secret")
    tag.slug = "secret-2"
    tag.save()
    assert Client().get("/themes/secret/").status_code == 404
    assert not Redirect.objects.exists()


@pytest.mark.parametrize(
    "path", ["/articles/old-name", "/articles/old%2Dname/", "/articles/old-name/?x=1"]
)
def test_variants_of_an_old_address_reach_the_renamed_page(renamed_review, path):
    response = Client().get(path, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/articles/new-name/")


def test_head_of_an_old_address_redirects_too(renamed_review):
    response = Client().head("/articles/old-name/")
    assert (response.status_code, response["Location"]) == (301, "/articles/new-name/")


def test_an_old_address_in_capitals_is_no_redirect_the_control(renamed_review):
    assert Client().get("/articles/OLD-NAME/").status_code == 404


def test_an_atom_feeds_critic_link_is_a_full_address():
    """Django adds the domain to an item's link but not to its author's <uri>."""
    f.ArticleFactory(title="T", slug="t", author=f.AuthorFactory(name="Ada", slug="ada"))
    body = Client().get("/feed/atom/").content.decode()
    assert "<uri>http://testserver/critics/ada/</uri>" in body
    assert "<link>http://testserver/articles/t/</link>" in Client().get("/feed/").content.decode()


def redirect_edit(editor, redirect: Redirect, old_path: str):
    url = reverse("admin:editorial_redirect_change", args=[redirect.pk])
    return signed_in(editor).post(url, {"old_path": old_path})


def test_an_editor_cannot_turn_an_old_address_into_a_loop(renamed_review, editor):
    redirect = Redirect.objects.get(old_path="/articles/old-name/")
    response = redirect_edit(editor, redirect, "/articles/new-name/")
    assert response.status_code == 200
    assert "would loop" in response.content.decode()
    redirect.refresh_from_db()
    assert redirect.old_path == "/articles/old-name/"


def test_an_editor_may_correct_an_old_address_the_control(renamed_review, editor):
    redirect = Redirect.objects.get(old_path="/articles/old-name/")
    assert redirect_edit(editor, redirect, "/articles/older-name/").status_code == 302
    assert Client().get("/articles/older-name/")["Location"] == "/articles/new-name/"
