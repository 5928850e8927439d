"""Sections order themselves: new ones go last, any reordering saves, errors name the section."""

import pytest
from django.test import Client
from django.urls import reverse

from reviews.models import Article
from tests import factories as f
from tests.helpers import article_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(editor):
    client = Client()
    client.force_login(editor)
    return client


def new_article_data(sections: list[dict]) -> dict:
    """The add form as the admin posts it; each "Add another Section" row starts at order 0."""
    data = {
        "kind": "essay",
        "title": "Three parts",
        "slug": "three-parts",
        "standfirst": "",
        "author": "",
        "films": [f.FilmFactory().pk],
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "rating": "",
        "verdict": "",
        "lead_image": "",
        "tags": "",
        "sections-TOTAL_FORMS": len(sections),
        "sections-INITIAL_FORMS": 0,
        "sections-MIN_NUM_FORMS": 0,
        "sections-MAX_NUM_FORMS": 1000,
    }
    for i, section in enumerate(sections):
        data |= {
            f"sections-{i}-id": "",
            f"sections-{i}-article": "",
            f"sections-{i}-order": 0,
            f"sections-{i}-kind": "other",
            f"sections-{i}-heading": "",
            f"sections-{i}-body": "",
            f"sections-{i}-character": "",
            f"sections-{i}-image": "",
            f"sections-{i}-image_slot": "",
        } | {f"sections-{i}-{name}": value for name, value in section.items()}
    return data


def headings(article: Article) -> list[tuple[int, str]]:
    return list(article.sections.order_by("order").values_list("order", "heading"))


def test_three_new_sections_at_order_zero_save_in_the_order_they_were_added(signed_in):
    data = new_article_data(
        [
            {"heading": "Opening", "body": "One."},
            {"heading": "The middle", "body": "Two."},
            {"heading": "The ending", "body": "Three."},
        ]
    )
    response = signed_in.post(reverse("admin:reviews_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="three-parts")
    assert headings(article) == [(1, "Opening"), (2, "The middle"), (3, "The ending")]


def test_a_blank_position_means_last(signed_in):
    data = new_article_data(
        [{"heading": "Added first, placed last", "body": "A.", "order": ""},
         {"heading": "Placed first", "body": "B.", "order": 1}]
    )  # fmt: skip
    assert signed_in.post(reverse("admin:reviews_article_add"), data).status_code == 302
    article = Article.objects.get(slug="three-parts")
    assert headings(article) == [(1, "Placed first"), (2, "Added first, placed last")]


@pytest.fixture
def article():
    article = f.ArticleFactory(title="Ordered", status="draft", published_at=None)
    for order, heading in [(1, "Opening"), (2, "Middle"), (3, "Ending")]:
        f.SectionFactory(article=article, order=order, heading=heading, body=heading + ".")
    return article


def change(client, article, **overrides):
    url = reverse("admin:reviews_article_change", args=[article.pk])
    return client.post(url, article_form_data(article, **overrides))


def test_dragging_the_ending_to_the_top_reorders_every_section(signed_in, article):
    response = change(
        signed_in,
        article,
        **{"sections-0-order": 2, "sections-1-order": 3, "sections-2-order": 1},
    )
    assert response.status_code == 302
    assert headings(article) == [(1, "Ending"), (2, "Opening"), (3, "Middle")]


def test_swapping_two_positions_by_hand_saves(signed_in, article):
    response = change(signed_in, article, **{"sections-0-order": 3, "sections-2-order": 1})
    assert response.status_code == 302
    assert headings(article) == [(1, "Ending"), (2, "Middle"), (3, "Opening")]


def test_deleting_a_section_closes_the_gap_and_a_new_one_goes_last(signed_in, article):
    data = article_form_data(article) | {
        "sections-1-DELETE": "on",
        "sections-TOTAL_FORMS": 4,
        "sections-3-order": 0,
        "sections-3-kind": "other",
        "sections-3-heading": "Postscript",
        "sections-3-body": "Later.",
    }
    data["sections-3-order"] = ""
    url = reverse("admin:reviews_article_change", args=[article.pk])
    assert signed_in.post(url, data).status_code == 302
    assert headings(article) == [(1, "Opening"), (2, "Ending"), (3, "Postscript")]


def test_an_unchanged_save_keeps_the_order(signed_in, article):
    """The control for the tests above: nothing moves unless asked."""
    assert change(signed_in, article).status_code == 302
    assert headings(article) == [(1, "Opening"), (2, "Middle"), (3, "Ending")]


def test_errors_name_the_section_and_field_in_the_form(signed_in, article):
    response = change(signed_in, article, **{"sections-2-body": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Section 3 (“Ending”): Body: This field is required." in body
    assert "Section 1 (“Opening”)" not in body  # only the section at fault is named
    assert "__all__" not in body


def test_the_preview_names_the_section_and_field_in_words(signed_in):
    data = new_article_data(
        [
            {"heading": "Opening", "body": "One."},
            {"heading": "The ending", "body": ""},
            {"heading": "", "body": "Three.", "kind": "nonsense"},
        ]
    )
    response = signed_in.post(reverse("admin:reviews_article_preview_new"), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Section 2 (“The ending”): Body: This field is required." in body
    assert "Section 3: Kind: Select a valid choice." in body
    assert "Section 1" not in body
    assert "__all__" not in body and "duplicate" not in body


def test_the_preview_of_three_new_sections_renders(signed_in):
    """The control: the same preview with the errors fixed shows the article."""
    data = new_article_data(
        [
            {"heading": "Opening", "body": "One."},
            {"heading": "The ending", "body": "Two."},
            {"heading": "Coda", "body": "Three."},
        ]
    )
    response = signed_in.post(reverse("admin:reviews_article_preview_new"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("Opening") < body.index("The ending") < body.index("Coda")
    assert not Article.objects.exists()  # a preview saves nothing
