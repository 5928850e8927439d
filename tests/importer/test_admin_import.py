"""The admin's "Import text" page: preview (a dry run), confirm, errors, permissions, escaping."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

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

    assert "<td>The Salt Road (2019)</td>" in page and "no: a new film" in page
    assert "110 min" in page and "Action, Crime, Drama" in page
    assert "Ines Vale" in page and "Ada" in page
    assert page.count('<span class="spoiler">spoiler: only when they opt in</span>') == 5
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
    assert "<td>Harbour Lights (2014)</td>" in accepted and "no: a new film" in accepted


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


# --- the preview shows what will be public, and lets the editor pick the film (#13 point 8) ----

CORPUS = SAMPLES.parent / "corpus"
KITES = (CORPUS / "review_paper_kites_yearless.txt").read_text()
LULLABY = (CORPUS / "review_iron_lullaby_end_of_spoilers.txt").read_text()
KESTREL = (CORPUS / "letterboxd_kestrel_hill.txt").read_text()


def test_preview_shows_each_sections_full_text_and_marks_the_spoilers(editor_client):
    response = editor_client.post(URL, {"preview": "Preview", "text": LULLABY})
    page = response.content.decode()
    sections = response.context["result"].sections

    # The last words of the long first paragraph, not only its first twelve.
    assert "tries to decide what is real." in page
    spoiler_rows = re.findall(r'<tr class="spoiler-section">(.*?)</tr>', page, re.S)
    assert any("hunting itself" in row for row in spoiler_rows)
    assert not any("sonar room" in row for row in spoiler_rows)  # a public section's text
    assert page.count("spoiler: only when they opt in") == sum(s.spoiler for s in sections) >= 1
    assert page.count('<span class="public">public</span>') == sum(not s.spoiler for s in sections)
    assert not Article.objects.exists()


def test_preview_shows_the_standfirst_and_verdict_as_public(editor_client):
    text = (CORPUS / "review_summer_of_stones_spoiler_free.txt").read_text()
    page = preview(editor_client, text=text)[0]
    verdict = re.search(
        r"Verdict <span class=\"public\">\(public\)</span></th>\s*<td>(.*?)</td>", page
    )
    assert verdict and "small, wise and quietly funny" in verdict[1]
    assert "Standfirst <span" in page


def test_preview_lists_the_furniture_it_dropped_and_why(editor_client):
    response = editor_client.post(URL, {"preview": "Preview", "text": KESTREL})
    page = response.content.decode()
    dropped = response.context["result"].dropped
    assert {"Like review", "12 likes"} <= {d.text for d in dropped}
    table = page.split("Left out as page furniture", 1)[1].split("</table>", 1)[0]
    assert "<td>Like review</td>" in table and "<td>12 likes</td>" in table
    assert all(f"<td>{d.reason}</td>" in table for d in dropped)
    sections = page.split("<caption>Sections</caption>", 1)[1].split("</table>", 1)[0]
    assert "Like review" not in sections and "nothing but hands" in sections  # and the control


def test_preview_offers_the_film_candidates_with_their_evidence(editor_client):
    response = editor_client.post(URL, {"preview": "Preview", "text": KITES})
    page = response.content.decode()
    result = response.context["result"]
    assert result.candidates
    radios = re.findall(r'<input type="radio" name="film_pick" value="([^"]*)"[^>]*>', page)
    assert radios == [str(c) for c in result.candidates]
    checked = re.findall(r'<input type="radio" name="film_pick" value="([^"]*)"[^>]*checked>', page)
    assert checked == [str(c) for c in result.candidates if c.chosen]
    for evidence in (e for c in result.candidates for e in c.evidence):
        assert f"<li>{escape(evidence)}</li>" in page


def test_picking_another_candidate_files_the_text_under_it(editor_client):
    page, key = preview(editor_client, text=KITES)
    chosen = re.search(r'name="previewed_film" value="([^"]*)"', page)[1]
    assert chosen.startswith("Paper Kites")
    other = "Glass Harbour (2009)"

    # Picking a radio and pressing Preview again previews the text under the picked film...
    response = editor_client.post(
        URL,
        {"preview": "Preview", "text": KITES, "previewed_film": chosen, "film_pick": other},
    )
    result = response.context["result"]
    assert (result.film.title, result.film.year) == ("Glass Harbour", 2009)
    form = response.context["form"]
    assert form.initial["film"] == other and form.initial["previewed_film"] == other
    new_key = form.initial["previewed"]
    assert new_key != key

    # ...and confirming imports it there.
    editor_client.post(
        URL,
        {
            "confirm": "Import",
            "text": KITES,
            "film": other,
            "previewed": new_key,
            "previewed_film": other,
            "film_pick": other,
        },
    )
    article = Article.objects.get()
    assert [(f.title, f.year) for f in article.films.all()] == [("Glass Harbour", 2009)]


def test_leaving_the_chosen_candidate_keeps_a_typed_film_hint(editor_client):
    """The checked radio is sent with every post; only a changed pick overrides the Film box."""
    page, _ = preview(editor_client, text=KITES)
    chosen = re.search(r'name="previewed_film" value="([^"]*)"', page)[1]
    response = editor_client.post(
        URL,
        {
            "preview": "Preview",
            "text": KITES,
            "film": "Paper Kites (2021)",
            "previewed_film": chosen,
            "film_pick": chosen,
        },
    )
    film = response.context["result"].film
    assert (film.title, film.year) == ("Paper Kites", 2021)
    assert not Film.objects.exists()


def test_a_byline_naming_a_critic_on_the_site_sets_the_author(editor_client):
    critic = f.AuthorFactory(name="Ottoline Marr")
    page, key = preview(editor_client, text=KESTREL)
    editor_client.post(URL, {"confirm": "Import", "text": KESTREL, "previewed": key})
    assert Article.objects.get().author == critic


def test_a_byline_naming_nobody_on_the_site_makes_no_critic(editor_client):
    f.AuthorFactory(name="Someone Else")  # the control: a critic, but not this one
    page, key = preview(editor_client, text=KESTREL)
    assert "names no critic on the site" in page
    editor_client.post(URL, {"confirm": "Import", "text": KESTREL, "previewed": key})
    article = Article.objects.get()
    assert article.author is None
