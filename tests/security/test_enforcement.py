"""Raw POSTs that skip the admin's widgets are held to the form's rules (issue 8, point 2)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from reviews.models import Article, Film, Image
from tests import factories as f
from tests.helpers import article_form_data
from tests.security.xss import audit

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_draft(contributor):
    article = f.ArticleFactory(
        title="Cora's draft", author=contributor.author, status="draft", published_at=None
    )
    f.SectionFactory(article=article, order=1, body="Calm water.")
    return article


def post_draft(client, article, **overrides):
    url = reverse("admin:reviews_article_change", args=[article.pk])
    return client.post(url, article_form_data(article, **overrides))


def test_the_unchanged_form_saves(client, contributor, own_draft):
    """The positive control: the same POST without a bad value is accepted."""
    client.force_login(contributor)
    assert post_draft(client, own_draft, verdict="Worth the ferry").status_code == 302
    own_draft.refresh_from_db()
    assert own_draft.verdict == "Worth the ferry"


@pytest.mark.parametrize(
    ("field", "value"),
    [("rating", "7"), ("rating", "4.3"), ("rating", "-1"), ("rating", "1e9"), ("kind", "shrine")],
)
def test_out_of_range_article_values_are_refused(client, contributor, own_draft, field, value):
    client.force_login(contributor)
    response = post_draft(client, own_draft, **{field: value, "verdict": "Changed"})
    assert response.status_code == 200  # the form again, with an error
    assert "errorlist" in response.content.decode()
    own_draft.refresh_from_db()
    assert own_draft.verdict != "Changed" and own_draft.kind == "review"


def test_a_section_kind_outside_the_choices_is_refused(client, contributor, own_draft):
    client.force_login(contributor)
    response = post_draft(client, own_draft, **{"sections-0-kind": "<script>", "verdict": "X"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert own_draft.sections.get().kind != "<script>"


def test_a_section_body_with_raw_html_is_stored_as_text_and_rendered_inert(
    client, contributor, own_draft
):
    client.force_login(contributor)
    body = '<iframe src="javascript:alert(1)"></iframe>[go](javascript:alert(1)) **kept**'
    assert post_draft(client, own_draft, **{"sections-0-body": body}).status_code == 302
    section = own_draft.sections.get()
    assert section.body == body  # what the contributor wrote is kept for editors
    assert "<strong>kept</strong>" in section.body_html
    found = audit(section.body_html)
    assert found.problems == [] and not found.tags & {"iframe", "script"}


def post_film(client, film, **fields):
    data = {"title": film.title, "slug": film.slug, "year": 2019, "runtime_minutes": 100}
    for prefix in ("characters", "credits", "watch_options"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    return client.post(reverse("admin:reviews_film_change", args=[film.pk]), data | fields)


def test_a_good_film_link_saves(client, editor):
    """The positive control for the refusals below."""
    film = f.FilmFactory(title="Linked")
    client.force_login(editor)
    good = "https://www.imdb.com/title/tt0000001/"
    assert post_film(client, film, imdb_url=good).status_code == 302
    film.refresh_from_db()
    assert film.imdb_url == good


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "javascript://www.imdb.com/%0aalert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "https://evil.example/imdb.com/title/tt1/",  # the wrong host
    ],
)
def test_film_links_must_be_https_on_their_own_site(client, editor, url):
    film = f.FilmFactory(title="Linked")
    client.force_login(editor)
    response = post_film(client, film, imdb_url=url)
    assert response.status_code == 200
    assert 'id="id_imdb_url_error"' in response.content.decode()
    film.refresh_from_db()
    assert film.imdb_url == ""


def test_watch_option_links_refuse_javascript(client, editor):
    film = f.FilmFactory(title="Watched")
    client.force_login(editor)
    response = post_film(
        client,
        film,
        **{
            "watch_options-TOTAL_FORMS": 1,
            "watch_options-0-provider": "Evil",
            "watch_options-0-kind": "stream",
            "watch_options-0-url": "javascript:alert(1)",
        },
    )
    assert response.status_code == 200
    assert not film.watch_options.exists()


def test_film_link_validators_hold_outside_the_admin_too():
    """Model validation, not the widget, is the gate: full_clean refuses the same values."""
    from django.core.exceptions import ValidationError

    film = f.FilmFactory()
    film.imdb_url = "javascript:alert(1)"
    with pytest.raises(ValidationError) as excinfo:
        film.full_clean()
    assert "imdb_url" in excinfo.value.message_dict
    film.imdb_url = "https://www.imdb.com/title/tt0000001/"
    film.full_clean()  # the positive control


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (30, 20), "teal").save(buffer, format="PNG")
    return SimpleUploadedFile("still.png", buffer.getvalue(), content_type="image/png")


def test_html_in_alt_text_is_kept_as_text_and_escaped_everywhere(client, admin_user):
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:reviews_image_add"),
        {"file": png(), "kind": "still", "alt_text": hostile, "caption": hostile},
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.alt_text == hostile
    article = f.ArticleFactory(lead_image=image)
    f.SectionFactory(article=article, order=1, image=image)
    for url in (
        reverse("admin:reviews_image_changelist"),
        reverse("admin:reviews_image_change", args=[image.pk]),
        article.get_absolute_url(),
    ):
        page = client.get(url).content.decode()
        found = audit(page)
        assert found.problems == [], url
        assert "alert(1)</script>" not in page and "&lt;script&gt;" in page, url


def test_a_contributor_cannot_create_films_by_raw_post(client, contributor):
    client.force_login(contributor)
    response = client.post(reverse("admin:reviews_film_add"), {"title": "Mine", "slug": "mine"})
    assert response.status_code == 403
    assert not Film.objects.filter(slug="mine").exists()


def test_a_hostile_slug_is_refused(client, contributor):
    film = f.FilmFactory()
    client.force_login(contributor)
    data = {
        "kind": "review",
        "title": "Slugged",
        "slug": '"><script>alert(1)</script>',
        "films": [film.pk],
        "status": "draft",
        "tags": "",
        "sections-TOTAL_FORMS": 0,
        "sections-INITIAL_FORMS": 0,
    }
    response = client.post(reverse("admin:reviews_article_add"), data)
    assert response.status_code == 200
    assert "valid “slug”" in response.content.decode() or "errorlist" in response.content.decode()
    assert not Article.objects.filter(title="Slugged").exists()
