"""Publishing says what it does: buttons that fit the role, 'now' when no time is given, and
'Scheduled for …' in the list, the form and the message."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.models import StatusChange
from editorial.preview import preview_link_create, preview_link_url
from editorial.publication import when
from reviews.models import Article
from tests import factories as f
from tests.helpers import article_form_data, signed_in

pytestmark = pytest.mark.django_db


def change_url(article: Article) -> str:
    return reverse("admin:reviews_article_change", args=[article.pk])


@pytest.fixture
def in_review():
    return f.ArticleFactory(title="Low tide", slug="low-tide", status="review", published_at=None)


def test_publish_now_without_a_time_publishes_at_once(editor, in_review):
    before = timezone.now()
    response = signed_in(editor).post(
        change_url(in_review), article_form_data(in_review, _workflow="publish"), follow=True
    )
    in_review.refresh_from_db()
    assert in_review.status == "published" and in_review.is_live
    assert before <= in_review.published_at <= timezone.now()
    change = StatusChange.objects.get(article=in_review)
    assert (change.from_status, change.to_status, change.changed_by) == (
        "review",
        "published",
        editor,
    )
    body = response.content.decode()
    assert (
        "“Low tide” is published: readers can see it now at http://testserver/articles/low-tide/"
        in body
    )
    assert response.redirect_chain[-1][0] == change_url(in_review)  # back to the form


def test_the_status_select_without_a_time_also_means_now(editor, in_review):
    response = signed_in(editor).post(
        change_url(in_review), article_form_data(in_review, status="published")
    )
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.is_live


def test_schedule_shows_scheduled_for_in_the_message_the_list_and_the_form(editor, in_review):
    later = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    client = signed_in(editor)
    data = article_form_data(
        in_review,
        _workflow="schedule",
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    response = client.post(change_url(in_review), data, follow=True)
    in_review.refresh_from_db()
    assert in_review.status == "published" and in_review.published_at == later
    assert not in_review.is_live
    scheduled = f"Scheduled for {when(later)}"
    body = response.content.decode()
    assert f"{scheduled}: readers will see “Low tide”" in body  # the message
    assert body.count(scheduled) >= 2  # and the form's status line
    listing = client.get(reverse("admin:reviews_article_changelist")).content.decode()
    assert scheduled in listing


def test_schedule_without_a_future_time_is_refused_in_words(editor, in_review):
    response = signed_in(editor).post(
        change_url(in_review), article_form_data(in_review, _workflow="schedule")
    )
    assert response.status_code == 200
    assert "To schedule, give a date and time in the future here" in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.status == "review" and in_review.published_at is None


def test_publish_now_keeps_a_first_publication_date_already_past(editor):
    first = timezone.now() - timedelta(days=30)
    article = f.ArticleFactory(status="unpublished", published_at=first)
    signed_in(editor).post(change_url(article), article_form_data(article, _workflow="publish"))
    article.refresh_from_db()
    assert article.status == "published"
    assert abs(article.published_at - first) < timedelta(seconds=1)


def test_unpublish(editor):
    article = f.ArticleFactory(title="Gone", status="published")
    response = signed_in(editor).post(
        change_url(article), article_form_data(article, _workflow="unpublish"), follow=True
    )
    article.refresh_from_db()
    assert article.status == "unpublished" and article.published_at is not None
    assert "“Gone” is unpublished: readers no longer see it." in response.content.decode()


def test_a_contributor_submits_for_review_but_cannot_publish(contributor):
    own = f.ArticleFactory(author=contributor.author, status="draft", published_at=None)
    client = signed_in(contributor)
    refused = client.post(change_url(own), article_form_data(own, _workflow="publish"))
    assert refused.status_code == 200
    assert "Only editors can publish" in refused.content.decode()
    own.refresh_from_db()
    assert own.status == "draft"
    response = client.post(change_url(own), article_form_data(own, _workflow="review"), follow=True)
    own.refresh_from_db()
    assert own.status == "review"
    assert StatusChange.objects.get(article=own).to_status == "review"
    assert "submitted for review: an editor will publish it" in response.content.decode()


def test_buttons_fit_the_role(contributor, editor):
    own = f.ArticleFactory(author=contributor.author, status="draft", published_at=None)
    theirs = signed_in(contributor).get(change_url(own)).content.decode()
    assert 'value="review">Submit for review</button>' in theirs
    assert 'value="draft">Save draft</button>' in theirs
    assert 'value="publish"' not in theirs and 'value="schedule"' not in theirs
    editors = signed_in(editor).get(change_url(own)).content.decode()
    assert 'value="publish">Publish now</button>' in editors
    assert 'value="schedule">Schedule</button>' in editors
    live = f.ArticleFactory(status="published")
    live_page = signed_in(editor).get(change_url(live)).content.decode()
    assert 'value="unpublish">Unpublish</button>' in live_page
    assert 'value="publish"' not in live_page


def test_share_links_are_full_addresses_with_a_copy_button(editor, in_review):
    link = preview_link_create(article=in_review, by=editor, note="fact-checker")
    body = signed_in(editor).get(change_url(in_review)).content.decode()
    assert f'id="share-link-{link.pk}" value="http://testserver/preview/' in body
    assert f'data-copy="share-link-{link.pk}">Copy</button>' in body


def test_a_scheduled_articles_share_link_says_when_without_contradicting_itself(client, editor):
    later = timezone.now() + timedelta(days=3)
    article = f.ArticleFactory(title="Soon", status="published", published_at=later)
    link = preview_link_create(article=article, by=editor)
    banner = _banner(client.get(preview_link_url(link)).content.decode())
    assert f"Shared preview, not published: scheduled for {when(later)}." in banner
    assert "Status: published" not in banner  # it used to say both


def test_a_share_link_to_a_live_article_says_it_is_public(client, editor):
    article = f.ArticleFactory(title="Out", status="published")
    link = preview_link_create(article=article, by=editor)
    banner = _banner(client.get(preview_link_url(link)).content.decode())
    assert "the article is now published" in banner and "not published" not in banner


def test_the_unsaved_changes_preview_says_what_saving_would_do(editor, in_review):
    url = reverse("admin:reviews_article_preview", args=[in_review.pk])
    data = article_form_data(in_review, status="draft")
    banner = _banner(signed_in(editor).post(url, data).content.decode())
    assert "Preview of your unsaved changes: readers see none of them." in banner
    assert "Saved as typed, it would stay private (draft)." in banner


def _banner(body: str) -> str:
    start = body.index('class="preview-banner"')
    return body[start : body.index("</p>", start)]


def test_making_a_share_link_returns_to_the_article_with_its_full_address(editor, in_review):
    client = signed_in(editor)
    response = client.post(
        reverse("admin:editorial_previewlink_add"),
        {"article": in_review.pk, "note": "legal read", "days": 7},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == change_url(in_review)
    body = response.content.decode()
    assert "Share link made: http://testserver/preview/" in body
    assert 'data-copy="share-link-' in body
