"""Old addresses follow only pages readers could see, one hop, never a draft (issue #14, 4)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from editorial.models import Redirect
from reviews.models import Article
from tests import factories as f
from tests.helpers import article_form_data, rename, signed_in

pytestmark = pytest.mark.django_db


def new_article_data(**overrides) -> dict:
    """What the admin's add form posts for a new draft without sections."""
    return {
        "kind": "review",
        "title": "A new review",
        "slug": "a-new-review",
        "standfirst": "",
        "films": [f.FilmFactory().pk],
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "rating": "",
        "verdict": "",
        "lead_image": "",
        "tags": "",
        "edit_token": "",
        "sections-TOTAL_FORMS": 0,
        "sections-INITIAL_FORMS": 0,
        "sections-MIN_NUM_FORMS": 0,
        "sections-MAX_NUM_FORMS": 1000,
    } | overrides


def test_a_contributors_draft_cannot_take_over_a_published_pages_old_address(
    renamed_review, contributor, editor
):
    # The draft got the freed slug somehow (an editor made it); its critic then renames it.
    draft = f.ArticleFactory(
        title="My draft", slug="old-name", author=contributor.author, status="draft"
    )
    draft.published_at = None
    draft.save()
    rename(signed_in(contributor), draft, "my-draft")

    response = Client().get("/articles/old-name/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/new-name/"  # still the published review
    assert Client().get(response["Location"]).status_code == 200
    assert not Redirect.objects.filter(object_id=draft.pk, old_path="/articles/old-name/")


def test_a_contributor_cannot_take_another_pages_old_address(renamed_review, contributor):
    client = signed_in(contributor)
    add = reverse("admin:reviews_article_add")
    response = client.post(add, new_article_data(title="Mine", slug="old-name"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "This address belonged to “The Salt Road” until" in body
    assert "; choose another." in body
    assert not Article.objects.filter(title="Mine").exists()
    # The control: any other address is theirs to take.
    response = client.post(add, new_article_data(title="Mine", slug="mine"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.filter(title="Mine", slug="mine").exists()


def test_an_editor_publishing_at_an_old_address_makes_it_that_pages(renamed_review, editor):
    draft = f.ArticleFactory(title="Another road", slug="old-name", status="draft")
    draft.published_at = None
    draft.save()
    # A draft answers nothing, so readers of the old address still reach the moved review.
    assert Client().get("/articles/old-name/")["Location"] == "/articles/new-name/"
    url = reverse("admin:reviews_article_change", args=[draft.pk])
    moment = timezone.now() - timedelta(minutes=1)
    data = article_form_data(
        draft,
        status="published",
        published_at_0=moment.strftime("%Y-%m-%d"),
        published_at_1=moment.strftime("%H:%M:%S"),
    )
    assert signed_in(editor).post(url, data).status_code == 302
    page = Client().get("/articles/old-name/")
    assert page.status_code == 200 and "Another road" in page.content.decode()
    assert not Redirect.objects.filter(old_path="/articles/old-name/").exists()


@pytest.mark.parametrize(
    ("status", "published_in"),
    [("draft", None), ("review", None), ("published", timedelta(days=2))],  # last: scheduled
)
def test_a_page_readers_never_saw_leaves_no_old_address(editor, status, published_in):
    published_at = timezone.now() + published_in if published_in else None
    article = f.ArticleFactory(slug="first-slug", status=status, published_at=published_at)
    rename(signed_in(editor), article, "second-slug")
    assert not Redirect.objects.exists()
    assert Client().get("/articles/first-slug/").status_code == 404


def test_a_live_pages_rename_still_redirects(editor):
    article = f.ArticleFactory(slug="first-slug")
    rename(signed_in(editor), article, "second-slug")
    response = Client().get("/articles/first-slug/?utm=x")
    assert response.status_code == 301
    assert response["Location"] == "/articles/second-slug/?utm=x"


def test_an_old_address_of_a_page_taken_offline_is_a_404(renamed_review, editor):
    assert Client().get("/articles/old-name/").status_code == 301  # the control
    renamed_review.status = "unpublished"
    renamed_review.save()
    assert renamed_review.slug == "new-name"
    response = Client().get("/articles/old-name/")
    assert response.status_code == 404  # not a 301 that tells where the unpublished page is
    assert "new-name" not in response.get("Location", "")


def test_moving_back_never_redirects_a_page_to_itself(editor):
    article = f.ArticleFactory(slug="first-slug")
    rename(signed_in(editor), article, "second-slug")
    rename(signed_in(editor), article, "third-slug")
    rename(signed_in(editor), article, "first-slug")
    assert Client().get("/articles/first-slug/").status_code == 200
    assert not Redirect.objects.filter(old_path="/articles/first-slug/").exists()
    for old in ("second-slug", "third-slug"):  # one hop each, straight to where it is now
        assert Client().get(f"/articles/{old}/")["Location"] == "/articles/first-slug/"
