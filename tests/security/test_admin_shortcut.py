"""The admin's "View on site" (/admin/r/<type>/<id>/) leads only where the user may look (#14)."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from editorial.roles import CONTRIBUTOR
from reviews.models import Article
from tests import factories as f
from tests.helpers import signed_in

pytestmark = pytest.mark.django_db


def shortcut(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


@pytest.fixture
def rival(make_user):
    user = make_user("rhea", CONTRIBUTOR, first_name="Rhea", last_name="Stone")
    return f.AuthorFactory(name="Rhea Stone", user=user)


@pytest.fixture
def rivals_draft(rival):
    return f.ArticleFactory(
        title="Rhea's secret draft", slug="rheas-secret", author=rival, status="draft",
        published_at=None,
    )  # fmt: skip


@pytest.fixture
def scheduled():
    return f.ArticleFactory(
        title="Out next week", slug="out-next-week",
        published_at=timezone.now() + timedelta(days=7),
    )  # fmt: skip


@pytest.mark.parametrize("article", ["rivals_draft", "scheduled"])
def test_a_contributor_is_not_shown_where_someone_elses_unpublished_article_lives(
    request, contributor, article
):
    article = request.getfixturevalue(article)
    response = signed_in(contributor).get(shortcut(article))
    assert response.status_code == 404
    assert article.slug not in response.get("Location", "")


@pytest.mark.parametrize("article", ["rivals_draft", "scheduled"])
def test_an_editor_may_still_follow_the_shortcut_to_any_article(request, editor, article):
    article = request.getfixturevalue(article)
    response = signed_in(editor).get(shortcut(article))
    assert response.status_code == 302
    assert response["Location"].endswith(article.get_absolute_url())


def test_a_contributor_follows_it_to_their_own_draft_and_to_live_pages(contributor):
    own = f.ArticleFactory(author=contributor.author, status="draft", published_at=None)
    live = f.ArticleFactory()
    film = f.FilmFactory()
    client = signed_in(contributor)
    for obj in (own, live, film):
        response = client.get(shortcut(obj))
        assert response.status_code == 302, obj
        assert response["Location"].endswith(obj.get_absolute_url())


def test_the_shortcut_still_needs_a_staff_sign_in(rivals_draft):
    response = Client().get(shortcut(rivals_draft))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert rivals_draft.slug not in response["Location"]


def test_an_unknown_type_or_id_is_a_404(editor):
    client = signed_in(editor)
    article_type = ContentType.objects.get_for_model(Article)
    assert client.get(f"/admin/r/{article_type.pk}/999999/").status_code == 404
    assert client.get(f"/admin/r/{article_type.pk}/not-a-number/").status_code == 404
    assert client.get("/admin/r/999999/1/").status_code == 404
    live = f.ArticleFactory()
    assert client.get(f"/admin/r/{article_type.pk}/{live.pk}/").status_code == 302  # control
