"""The permission matrix of anonymous readers, contributors, editors and superusers in the admin."""

import pytest
from django.urls import reverse

from editorial.models import StatusChange
from reviews.models import Article
from tests import factories as f
from tests.helpers import article_form_data

pytestmark = pytest.mark.django_db


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def own_draft(contributor):
    article = f.ArticleFactory(
        title="Cora draft on tides", author=contributor.author, status="draft", published_at=None
    )
    f.SectionFactory(article=article, order=1)
    return article


@pytest.fixture
def others_draft():
    return f.ArticleFactory(title="Another critic draft", status="draft", published_at=None)


# (who, what, expected status code). "own" and "other" are articles; the rest catalogue pages.
MATRIX = [
    ("anonymous", "own", 302),
    ("anonymous", "film", 302),
    ("contributor", "own", 200),
    ("contributor", "other", 302),  # not in their queryset: the admin says it doesn't exist
    ("contributor", "film", 200),  # read-only view, for linking films
    ("contributor", "person", 200),
    ("contributor", "group", 403),
    ("contributor", "user", 403),
    ("editor", "own", 200),
    ("editor", "other", 200),
    ("editor", "film", 200),
    ("editor", "person", 200),
    ("editor", "user", 403),
    ("superuser", "other", 200),
    ("superuser", "user", 200),
]


@pytest.mark.parametrize(("who", "what", "expected"), MATRIX)
def test_admin_permission_matrix(
    client, who, what, expected, contributor, editor, admin_user, own_draft, others_draft
):
    users = {"contributor": contributor, "editor": editor, "superuser": admin_user}
    if who in users:
        client.force_login(users[who])
    from django.contrib.auth.models import Group

    targets = {
        "own": own_draft,
        "other": others_draft,
        "film": own_draft.films.first(),
        "person": f.PersonFactory(),
        "group": Group.objects.first(),
        "user": contributor,
    }
    response = client.get(change_url(targets[what]))
    assert response.status_code == expected


def test_contributor_sees_only_their_own_articles(client, contributor, own_draft, others_draft):
    client.force_login(contributor)
    body = client.get(reverse("admin:reviews_article_changelist")).content.decode()
    assert own_draft.title in body
    assert others_draft.title not in body


def test_contributor_cannot_change_a_film(client, contributor):
    film = f.FilmFactory(title="Read only")
    client.force_login(contributor)
    page = client.get(change_url(film)).content.decode()
    assert 'name="title"' not in page  # shown, not editable
    response = client.post(change_url(film), {"title": "Vandalised"})
    assert response.status_code == 403
    film.refresh_from_db()
    assert film.title == "Read only"


def test_contributor_can_write_a_new_article_as_themselves(client, contributor):
    film = f.FilmFactory()
    client.force_login(contributor)
    response = client.post(
        reverse("admin:reviews_article_add"),
        {
            "kind": "review",
            "title": "First impressions",
            "slug": "first-impressions",
            "films": [film.pk],
            "status": "draft",
            "tags": "",
            "sections-TOTAL_FORMS": 1,
            "sections-INITIAL_FORMS": 0,
            "sections-0-order": 1,
            "sections-0-kind": "intro",
            "sections-0-body": "It opens on a ferry.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="first-impressions")
    assert article.author == contributor.author
    assert article.sections.get().body == "It opens on a ferry."


def test_contributor_submits_for_review_and_it_is_recorded(client, contributor, own_draft):
    client.force_login(contributor)
    response = client.post(change_url(own_draft), article_form_data(own_draft, status="review"))
    assert response.status_code == 302
    own_draft.refresh_from_db()
    assert own_draft.status == "review"
    change = StatusChange.objects.get(article=own_draft)
    assert (change.from_status, change.to_status, change.changed_by) == (
        "draft",
        "review",
        contributor,
    )


def test_contributor_cannot_publish_even_with_a_raw_post(client, contributor, own_draft):
    client.force_login(contributor)
    data = article_form_data(
        own_draft, status="published", published_at_0="2026-01-01", published_at_1="10:00:00"
    )
    response = client.post(change_url(own_draft), data)
    assert response.status_code == 200  # the form comes back with an error
    assert "Only editors can publish" in response.content.decode()
    own_draft.refresh_from_db()
    assert own_draft.status == "draft" and own_draft.published_at is None
    assert not StatusChange.objects.exists()


def test_contributor_cannot_grant_themselves_staff_or_groups(client, contributor):
    client.force_login(contributor)
    response = client.post(
        reverse("admin:auth_user_change", args=[contributor.pk]),
        {"username": "cora", "is_superuser": "on", "groups": []},
    )
    assert response.status_code == 403
    contributor.refresh_from_db()
    assert not contributor.is_superuser and contributor.groups.count() == 1


def test_published_article_is_out_of_the_contributors_hands(client, contributor):
    article = f.ArticleFactory(author=contributor.author)
    client.force_login(contributor)
    response = client.post(change_url(article), article_form_data(article, title="Changed"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title != "Changed"


def test_editor_publishes_a_submitted_article(client, editor, contributor):
    article = f.ArticleFactory(
        author=contributor.author, status="review", published_at=None, title="Up for review"
    )
    client.force_login(editor)
    data = article_form_data(
        article, status="published", published_at_0="2026-01-02", published_at_1="09:00:00"
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "published" and article.is_live
    change = StatusChange.objects.get(article=article)
    assert (change.from_status, change.to_status, change.changed_by) == (
        "review",
        "published",
        editor,
    )


def test_an_editor_publishing_without_a_time_publishes_now(client, editor):
    article = f.ArticleFactory(status="review", published_at=None)
    client.force_login(editor)
    response = client.post(change_url(article), article_form_data(article, status="published"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_live  # more in tests/editorial/test_publishing.py


def _changelists():
    from django.contrib import admin

    return sorted(
        (f"{model._meta.app_label}.{model._meta.model_name}", model)
        for model in admin.site._registry
    )


@pytest.mark.parametrize("role", ["anonymous", "contributor", "editor", "superuser"])
def test_every_admin_list_answers_each_role_as_its_permissions_say(
    client, role, contributor, editor, admin_user
):
    """The whole matrix: every registered model's list, for every role."""
    user = {"contributor": contributor, "editor": editor, "superuser": admin_user}.get(role)
    if user:
        client.force_login(user)
    seen = {}
    for label, model in _changelists():
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        seen[label] = client.get(url).status_code
        if user is None:
            expected = 302  # to the login page
        else:
            may = any(
                user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
                for action in ("view", "change")
            )
            expected = 200 if may else 403
        assert seen[label] == expected, (role, label)
    if role == "contributor":  # a sanity check on the matrix itself
        assert seen["reviews.article"] == 200 and seen["auth.user"] == 403
        assert seen["editorial.previewlink"] == 403 and seen["admin.logentry"] == 403
    if role == "editor":
        assert seen["editorial.previewlink"] == 200 and seen["auth.group"] == 403
