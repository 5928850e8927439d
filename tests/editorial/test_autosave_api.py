"""The autosave endpoint keeps one draft per user and article, and only where they may edit."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from editorial.models import AutosavedDraft
from tests import factories as f

pytestmark = pytest.mark.django_db
URL = reverse("admin:reviews_article_autosave")


def post(client, **payload):
    return client.post(URL, json.dumps(payload), content_type="application/json")


@pytest.fixture
def signed_in(contributor):
    client = Client()
    client.force_login(contributor)
    return client


@pytest.fixture
def own(contributor):
    return f.ArticleFactory(author=contributor.author, status="draft", published_at=None)


def test_draft_is_stored_and_returned_to_its_author_only(signed_in, own, editor):
    data = {"standfirst": ["Half a thought"], "sections-0-body": ["More"]}
    assert post(signed_in, key=f"article-{own.pk}", base_token="t1", data=data).status_code == 200
    assert post(signed_in, key=f"article-{own.pk}", base_token="t1", data=data).status_code == 200
    assert AutosavedDraft.objects.count() == 1  # updated in place
    reply = signed_in.get(URL, {"key": f"article-{own.pk}"}).json()
    assert reply["draft"]["data"] == data and reply["draft"]["base_token"] == "t1"
    other = Client()
    other.force_login(editor)
    assert other.get(URL, {"key": f"article-{own.pk}"}).json() == {"draft": None}


def test_new_article_drafts_have_their_own_key(signed_in):
    assert post(signed_in, key="article-new", data={"title": ["Untitled"]}).status_code == 200
    assert AutosavedDraft.objects.get().key == "article-new"


def test_someone_elses_article_is_refused(signed_in):
    theirs = f.ArticleFactory(status="draft", published_at=None)
    response = post(signed_in, key=f"article-{theirs.pk}", data={"title": ["Mine now"]})
    assert response.status_code == 403
    assert not AutosavedDraft.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [
        {"key": "../../etc", "data": {}},
        {"key": "article-new", "data": ["not", "a", "mapping"]},
        {"key": "article-new", "data": {"title": "not a list"}},
        {"key": "article-new", "data": {"title": [1, 2]}},
        {"key": "article-new", "data": {"body": ["x" * (1024 * 1024 + 1)]}},
    ],
    ids=["bad-key", "list", "string-value", "number-values", "too-large"],
)
def test_malformed_or_oversized_drafts_are_refused(signed_in, payload):
    response = post(signed_in, **payload)
    assert response.status_code == 403
    assert "error" in response.json()
    assert not AutosavedDraft.objects.exists()


def test_not_json_is_a_400(signed_in):
    response = signed_in.post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400


def test_discard_forgets_it(signed_in, own):
    post(signed_in, key=f"article-{own.pk}", data={"title": ["T"]})
    assert post(signed_in, key=f"article-{own.pk}", discard=True).json() == {"draft": None}
    assert not AutosavedDraft.objects.exists()


def test_anonymous_is_sent_to_login(client):
    assert client.get(URL, {"key": "article-new"}).status_code == 302
