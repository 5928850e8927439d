"""Edit conflicts are resolved, not overwritten: a stopped save shows each difference, and the
next save needs an explicit "keep mine" or "take theirs" for every one of them."""

import pytest
from django.test import Client
from django.urls import reverse

from reviews.models import Article
from tests import factories as f
from tests.helpers import article_form_data

pytestmark = pytest.mark.django_db


def change_url(article: Article) -> str:
    return reverse("admin:reviews_article_change", args=[article.pk])


@pytest.fixture
def article():
    article = f.ArticleFactory(
        title="The long tide", standfirst="As first written.", status="draft", published_at=None
    )
    f.SectionFactory(article=article, order=1, heading="Opening", body="Original words.")
    f.SectionFactory(article=article, order=2, heading="Ending", body="The sea wins.")
    return article


@pytest.fixture
def eddie(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def sam(make_user):
    client = Client()
    client.force_login(make_user("sam", "Editor", first_name="Sam", last_name="Okoro"))
    return client


@pytest.fixture
def stopped(eddie, sam, article):
    """Eddie and Sam open the same version; Eddie rewrites the opening and saves first; Sam,
    who changed the standfirst, is stopped. Returns Sam's form data and the stopped page."""
    eddies = article_form_data(article)
    sams = article_form_data(article)
    eddies["sections-0-body"] = "Eddie's rewrite of the opening."
    assert eddie.post(change_url(article), eddies).status_code == 302
    sams["standfirst"] = "Sam's new standfirst."
    response = sam.post(change_url(article), sams)
    assert response.status_code == 200
    return sams, response


def test_the_stopped_save_shows_each_difference_with_a_choice(stopped, article):
    sams, response = stopped
    body = response.content.decode()
    assert "Eddie Marsh saved this article at" in body and "Nothing of yours was saved" in body
    conflict = response.context["adminform"].form.conflict
    assert [d.label for d in conflict.differences] == ["Standfirst", "Section 1 (“Opening”)"]
    standfirst, section = conflict.differences
    assert ("del", "As") in standfirst.segments and ("ins", "Sam's") in standfirst.segments
    assert ("del", "Eddie's rewrite of the opening.") in [
        (op, text.strip()) for op, text in section.segments
    ] or any(op == "del" and "Eddie's" in text for op, text in section.segments)
    assert 'name="resolve-field-standfirst" value="mine"' in body
    assert f'name="resolve-section-{article.sections.get(order=1).pk}" value="theirs"' in body
    assert "Section 2" not in [d.label for d in conflict.differences]  # the same on both sides
    assert "Sam&#x27;s new standfirst." in body  # Sam's text is still in the form


def test_saving_again_without_choices_is_refused_and_keeps_their_change(stopped, sam, article):
    sams, response = stopped
    again = sams | {"conflict_token": response.context["adminform"].form.conflict.token}
    response = sam.post(change_url(article), again)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was saved: choose “keep mine” or “take theirs” for each difference" in body
    assert "Standfirst, Section 1 (“Opening”)" in body
    article.refresh_from_db()
    assert article.sections.get(order=1).body == "Eddie's rewrite of the opening."
    assert article.standfirst == "As first written."


def test_the_refused_form_posted_as_it_was_is_still_stopped(stopped, sam, article):
    """Before: the stopped page carried the new version's token, so Save reverted Eddie."""
    sams, _ = stopped
    response = sam.post(change_url(article), sams)
    assert response.status_code == 200
    assert article.sections.get(order=1).body == "Eddie's rewrite of the opening."


def test_take_theirs_for_a_section_and_keep_mine_for_a_field(stopped, sam, article):
    sams, response = stopped
    opening = article.sections.get(order=1)
    choices = {
        "conflict_token": response.context["adminform"].form.conflict.token,
        "resolve-field-standfirst": "mine",
        f"resolve-section-{opening.pk}": "theirs",
    }
    assert sam.post(change_url(article), sams | choices).status_code == 302
    article.refresh_from_db()
    assert article.standfirst == "Sam's new standfirst."  # kept: Sam chose his
    assert article.sections.get(order=1).body == "Eddie's rewrite of the opening."  # survives
    assert article.sections.get(order=2).body == "The sea wins."


def test_keep_mine_for_the_section_overwrites_their_change(stopped, sam, article):
    """The positive control: choosing to drop Eddie's change does drop it."""
    sams, response = stopped
    opening = article.sections.get(order=1)
    choices = {
        "conflict_token": response.context["adminform"].form.conflict.token,
        "resolve-field-standfirst": "theirs",
        f"resolve-section-{opening.pk}": "mine",
    }
    assert sam.post(change_url(article), sams | choices).status_code == 302
    article.refresh_from_db()
    assert article.sections.get(order=1).body == "Original words."
    assert article.standfirst == "As first written."  # Sam took Eddie's (unchanged) standfirst


def test_a_section_they_added_is_kept_unless_dropped(eddie, sam, article):
    sams = article_form_data(article)
    eddies = article_form_data(article) | {
        "sections-TOTAL_FORMS": 3,
        "sections-2-order": 3,
        "sections-2-kind": "other",
        "sections-2-heading": "Eddie's coda",
        "sections-2-body": "Added by Eddie.",
    }
    assert eddie.post(change_url(article), eddies).status_code == 302
    sams["title"] = "Sam's title"
    stopped = sam.post(change_url(article), sams)
    conflict = stopped.context["adminform"].form.conflict
    coda = article.sections.get(heading="Eddie's coda")
    labels = {d.key: (d.label, d.note) for d in conflict.differences}
    assert labels[f"section-{coda.pk}"] == (
        "The section “Eddie's coda”",
        "They added this section; your form does not have it.",
    )
    base = sams | {"conflict_token": conflict.token, "resolve-field-title": "mine"}
    assert (
        sam.post(change_url(article), base | {f"resolve-section-{coda.pk}": "theirs"}).status_code
        == 302
    )
    article.refresh_from_db()
    assert article.title == "Sam's title"
    assert list(article.sections.order_by("order").values_list("heading", flat=True)) == [
        "Opening", "Ending", "Eddie's coda"
    ]  # fmt: skip


def test_dropping_a_section_they_added(eddie, sam, article):
    sams = article_form_data(article)
    eddies = article_form_data(article) | {
        "sections-TOTAL_FORMS": 3,
        "sections-2-order": 3,
        "sections-2-kind": "other",
        "sections-2-heading": "Eddie's coda",
        "sections-2-body": "Added by Eddie.",
    }
    assert eddie.post(change_url(article), eddies).status_code == 302
    stopped = sam.post(change_url(article), sams | {"title": "Sam's title"})
    conflict = stopped.context["adminform"].form.conflict
    coda = article.sections.get(heading="Eddie's coda")
    choices = {
        "conflict_token": conflict.token,
        "resolve-field-title": "mine",
        f"resolve-section-{coda.pk}": "mine",
    }
    assert (
        sam.post(change_url(article), sams | {"title": "Sam's title"} | choices).status_code == 302
    )
    assert list(article.sections.order_by("order").values_list("heading", flat=True)) == [
        "Opening", "Ending"
    ]  # fmt: skip


def test_a_save_that_differs_in_nothing_they_changed_is_not_stopped(eddie, sam, article):
    """Someone saved without changing anything Sam's form differs in: no question to ask."""
    sams = article_form_data(article)
    assert eddie.post(change_url(article), article_form_data(article)).status_code == 302
    Article.objects.get(pk=article.pk).save()
    assert sam.post(change_url(article), sams).status_code == 302


@pytest.mark.parametrize(
    ("choice", "headings"), [("theirs", ["Opening"]), ("mine", ["Opening", "Ending"])]
)
def test_a_section_they_deleted_stays_deleted_unless_kept(eddie, sam, article, choice, headings):
    sams = article_form_data(article)
    assert eddie.post(change_url(article), sams | {"sections-1-DELETE": "on"}).status_code == 302
    stopped = sam.post(change_url(article), sams | {"title": "Sam's title"})
    conflict = stopped.context["adminform"].form.conflict
    ending = [d for d in conflict.differences if d.key.startswith("section-")]
    assert [(d.label, d.note) for d in ending] == [
        ("Section 2 (“Ending”)", "They deleted this section; you still have it.")
    ]
    choices = {
        "conflict_token": conflict.token,
        "resolve-field-title": "mine",
        ending[0].choice_name: choice,
    }
    response = sam.post(change_url(article), sams | {"title": "Sam's title"} | choices)
    assert response.status_code == 302
    assert list(article.sections.order_by("order").values_list("heading", flat=True)) == headings


def test_each_difference_says_who_changed_it(eddie, sam, article):
    """Where the version both opened is a known revision, the screen says which side changed
    what: "Keep mine" on a field only they changed would undo their work."""
    assert eddie.post(change_url(article), article_form_data(article)).status_code == 302
    eddies, sams = article_form_data(article), article_form_data(article)  # a revision both had
    eddies["sections-0-body"] = "Eddie's rewrite of the opening."
    assert eddie.post(change_url(article), eddies).status_code == 302
    sams["standfirst"] = "Sam's new standfirst."
    stopped = sam.post(change_url(article), sams)
    notes = {d.label: d.note for d in stopped.context["adminform"].form.conflict.differences}
    assert notes == {
        "Standfirst": "Only you changed this.",
        "Section 1 (“Opening”)": "They changed this since you opened the form; "
        "“Keep mine” undoes their change.",
    }
    assert "undoes their change" in stopped.content.decode()
