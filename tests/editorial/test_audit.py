"""Editors see who changed what and when; films and people keep revisions like articles."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from reviews.models import Film
from tests import factories as f
from tests.test_admin import ESTIMATE_QUERY

pytestmark = pytest.mark.django_db

AUDIT = reverse("admin:admin_logentry_changelist")


def film_form(film, **changes) -> dict:
    data = {
        "title": film.title,
        "slug": film.slug,
        "year": film.year,
        "tags": "",
        **{f"{prefix}-{key}": 0 for prefix in ("characters", "credits", "watch_options")
           for key in ("TOTAL_FORMS", "INITIAL_FORMS")},
    }  # fmt: skip
    return data | changes


def test_editing_a_film_is_audited_and_versioned(editor):
    film = f.FilmFactory(title="The Quiet Pier")
    client = Client()
    client.force_login(editor)
    url = reverse("admin:reviews_film_change", args=[film.pk])
    response = client.post(url, film_form(film, title="The Quiet Pier (restored cut)"))
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LogEntry.objects.get(content_type=ContentType.objects.get_for_model(Film))
    assert (entry.user, entry.action_flag) == (editor, CHANGE)
    assert Version.objects.get_for_object(film).get().revision.user == editor
    body = client.get(AUDIT).content.decode()
    assert "The Quiet Pier (restored cut)" in body and "Changed" in body and "Title" in body


def test_contributors_cannot_read_the_audit_log(contributor):
    client = Client()
    client.force_login(contributor)
    assert client.get(AUDIT).status_code == 403


@pytest.mark.parametrize("n", [2, 20])
def test_audit_log_renders_in_constant_queries(
    admin_client, admin_user, django_assert_num_queries, n
):
    for film in f.FilmFactory.create_batch(n):
        LogEntry.objects.log_actions(
            user_id=admin_user.pk,
            queryset=[film],
            action_flag=CHANGE,
            change_message="Changed title.",
            single_object=True,
        )
    ContentType.objects.clear_cache()
    with django_assert_num_queries(5 + ESTIMATE_QUERY):
        response = admin_client.get(AUDIT)
    assert response.status_code == 200
    assert response.content.decode().count("Changed title.") == n
