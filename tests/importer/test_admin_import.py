"""The admin's "Import text" page: preview (a dry run), confirm, errors, permissions, escaping."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from editorial.roles import CONTRIBUTOR, EDITOR
from reviews.models import Article, Film
from tests import factories as f
from tests.importer.helpers import SAMPLES

pytestmark = pytest.mark.django_db
URL = reverse("admin:reviews_article_import")
SALT_ROAD = (SAMPLES / "analysis_salt_road_ending.txt").read_text()


@pytest.fixture
def editor_client(client, make_user):
    client.force_login(make_user("eddie", EDITOR))
    return client


def preview(client: Client, **data) -> tuple[str, str]:
    """POST the form for a preview; returns the page and the key that confirms it."""
    response = client.post(URL, {"preview": "Preview", **data})
    assert response.status_code == 200
    page = response.content.decode()
    match = re.search(r'name="previewed" value="([0-9a-f]+)"', page)
    return page, match[1] if match else ""


# --- reaching the page --------------------------------------------------------------------------


def test_article_changelist_links_to_the_import_page(editor_client):
    page = editor_client.get(reverse("admin:reviews_article_changelist")).content.decode()

    assert f'href="{URL}"' in page and "Import text" in page


def test_changelist_has_no_import_link_without_add_permission(client, make_user):
    user = make_user("viewer")
    user.user_permissions.add(*Group.objects.get(name=CONTRIBUTOR).permissions.filter(
        codename="view_article"
    ))  # fmt: skip
    client.force_login(user)

    response = client.get(reverse("admin:reviews_article_changelist"))

    assert response.status_code == 200
    assert "Import text" not in response.content.decode()


def test_page_needs_the_add_article_permission(client, make_user):
    client.force_login(make_user("viewer"))
    assert client.get(URL).status_code == 403

    client.force_login(make_user("cora", CONTRIBUTOR))
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("is_staff", [False, None])
def test_anonymous_and_non_staff_are_sent_to_login(client, django_user_model, is_staff):
    if is_staff is False:
        client.force_login(django_user_model.objects.create_user("reader", password="pw"))

    response = client.get(URL)

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_form_is_csrf_protected(make_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("eddie", EDITOR))

    refused = client.post(URL, {"preview": "Preview", "text": SALT_ROAD})
    token = client.get(URL).cookies["csrftoken"].value
    allowed = client.post(
        URL, {"preview": "Preview", "text": SALT_ROAD, "csrfmiddlewaretoken": token}
    )

    assert refused.status_code == 403
    assert allowed.status_code == 200


# --- preview, then confirm ----------------------------------------------------------------------


def test_preview_shows_what_was_detected_and_saves_nothing(editor_client):
    page, key = preview(editor_client, text=SALT_ROAD)

    assert "The Salt Road (2019): new film" in page
    assert "110 min" in page and "Action, Crime, Drama" in page
    assert "Ines Vale" in page and "Ada" in page
    assert page.count('<span class="spoiler">spoiler</span>') == 5
    assert "Who is Ada?" in page and "Image to upload" in page
    assert "dropped 14 line(s) of web-page furniture" in page
    assert key and 'name="confirm"' in page
    assert not Article.objects.exists() and not Film.objects.exists()


def test_confirm_imports_a_draft_and_opens_it(editor_client):
    _, key = preview(editor_client, text=SALT_ROAD)

    response = editor_client.post(URL, {"confirm": "Import", "text": SALT_ROAD, "previewed": key})

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:reviews_article_change", args=[article.pk])
    assert (article.kind, article.status) == ("ending", "draft")
    assert article.source_text == SALT_ROAD
    assert article.sections.filter(is_spoiler=True).count() == 5


def test_confirm_with_publish(editor_client):
    options = {"text": SALT_ROAD, "publish": "on"}
    _, key = preview(editor_client, **options)

    editor_client.post(URL, {"confirm": "Import", "previewed": key, **options})

    assert Article.objects.get().is_live


def test_contributors_get_no_publish_option(client, make_user):
    f.FilmFactory(title="The Salt Road", year=2019)  # contributors add no films
    client.force_login(make_user("cora", CONTRIBUTOR))
    options = {"text": SALT_ROAD, "publish": "on"}
    page, key = preview(client, **options)

    client.post(URL, {"confirm": "Import", "previewed": key, **options})

    assert 'name="publish"' not in page
    assert Article.objects.get().status == "draft"


def test_confirm_after_the_text_changed_shows_a_new_preview(editor_client):
    _, key = preview(editor_client, text=SALT_ROAD)
    changed = SALT_ROAD.replace("Ada", "Adela")

    response = editor_client.post(URL, {"confirm": "Import", "text": changed, "previewed": key})

    assert response.status_code == 200
    assert "changed after the preview" in response.content.decode()
    assert "Adela" in response.content.decode()
    assert not Article.objects.exists()


def test_upload_is_previewed_then_confirmed_from_the_decoded_text(editor_client):
    data = SALT_ROAD.encode("cp1252", errors="replace")
    upload = SimpleUploadedFile("salt.txt", data, content_type="text/plain")

    response = editor_client.post(URL, {"preview": "Preview", "upload": upload})
    page = response.content.decode()
    key = re.search(r'name="previewed" value="([0-9a-f]+)"', page)[1]
    confirmed = editor_client.post(
        URL,
        {"confirm": "Import", "text": response.context["form"].initial["text"], "previewed": key},
    )

    assert "not UTF-8; decoded it as Windows-1252" in page
    assert "Who is Ada?" in page
    assert confirmed.status_code == 302
    assert Article.objects.get().title.startswith("The Salt Road (2019) Movie Ending Explained")


def test_reimport_of_an_edited_article_offers_no_import(editor_client):
    _, key = preview(editor_client, text=SALT_ROAD)
    editor_client.post(URL, {"confirm": "Import", "text": SALT_ROAD, "previewed": key})
    Article.objects.update(title="Edited by an editor")

    page, _ = preview(editor_client, text=SALT_ROAD)

    assert "edited since it was imported" in page
    assert 'name="confirm"' not in page


# --- errors keep what the editor typed -----------------------------------------------------------


def test_error_keeps_the_text_and_film_hint(editor_client):
    text = (SAMPLES / "essay_front_matter.md").read_text()

    page, key = preview(editor_client, text=text, film="Cold Harbour (2020)")

    assert "disagrees with the front matter film" in page
    assert "Why The Salt Road Belongs to Its Landscape" in page  # in the textarea
    assert 'value="Cold Harbour (2020)"' in page
    assert key == "" and not Article.objects.exists()


def test_text_without_film_is_an_error_until_a_hint_is_given(editor_client):
    text = (SAMPLES / "no_film.txt").read_text()

    refused, _ = preview(editor_client, text=text)
    accepted, _ = preview(editor_client, text=text, film="Harbour Lights (2014)")

    assert "no film detectable" in refused and "It rained all weekend" in refused
    assert "Harbour Lights (2014): new film" in accepted


def test_nothing_to_import_is_an_error(editor_client):
    page, _ = preview(editor_client, text="   ")

    assert "Paste a text or upload a file." in page


def test_binary_upload_is_an_error_on_the_upload(editor_client):
    upload = SimpleUploadedFile("still.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image/png")

    response = editor_client.post(URL, {"preview": "Preview", "upload": upload})

    assert response.context["form"].errors["upload"] == [
        "file looks binary (it contains NUL bytes), not text"
    ]


def test_text_over_the_limit_is_an_error(editor_client, settings):
    settings.FILMSITE_IMPORT_MAX_BYTES = 100

    page, _ = preview(editor_client, text=SALT_ROAD)

    assert "the importer reads at most 100" in page
    assert "Roads That Lead Home" in page  # the text is still there to shorten


# --- untrusted text is escaped ------------------------------------------------------------------


def test_everything_from_the_text_is_escaped(editor_client):
    text = (
        "The Salt Road (2019) review <script>alert('title')</script>\n\n"
        "The Salt Road (2019) opens <img src=x onerror=alert(1)> on the flats.\n\n"
        "Director Mara Okafor keeps it quiet.\n\nA fine film. 4/5\n"
    )

    page, key = preview(editor_client, text=text)

    assert key  # the preview rendered
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_a_contributor_is_told_why_a_new_film_is_refused(client, make_user):
    client.force_login(make_user("cora", CONTRIBUTOR))
    page, _ = preview(client, text=SALT_ROAD)
    assert "only editors add films" in page
    assert not Film.objects.exists() and not Article.objects.exists()
