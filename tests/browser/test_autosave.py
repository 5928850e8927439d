"""A closed tab or a dropped connection loses at most a few seconds of an editor's typing."""

import time

import pytest
from django.contrib.auth import get_user_model

from editorial.models import AutosavedDraft
from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TYPED = "A standfirst typed in the admin and never saved."


@pytest.fixture
def article():
    article = f.ArticleFactory(title="Autosave subject", standfirst="As first written.")
    f.SectionFactory(article=article, order=1, body="The opening.")
    return article


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("ed", "ed@example.org", "pw-ed-12345")


def log_in(page) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", "ed")
    page.fill("#id_password", "pw-ed-12345")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def local_copy(article) -> str:
    """A JS expression: this article's copy in localStorage (the admin keeps its own keys)."""
    return f"localStorage.getItem('filmsite-autosave:article-{article.pk}')"


def wait_for_server_copy(user, key: str, timeout: float = 15.0) -> AutosavedDraft:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        draft = AutosavedDraft.objects.filter(user=user, key=key).first()
        if draft and draft.data.get("standfirst") == [TYPED]:
            return draft
        time.sleep(0.25)
    raise AssertionError("the draft never reached the server")


def test_typing_is_kept_and_offered_back_after_closing_the_tab(page, article, editor):
    log_in(page)
    change = f"/admin/reviews/article/{article.pk}/change/"
    page.goto(change)
    page.fill("#id_standfirst", TYPED)
    page.wait_for_function(f"() => {local_copy(article)} !== null")
    wait_for_server_copy(editor, f"article-{article.pk}")

    # The tab is closed without saving; the editor comes back in a new one.
    again = page.context.new_page()
    again.goto(change)
    assert again.input_value("#id_standfirst") == "As first written."
    again.wait_for_selector("#autosave-banner:not([hidden])")
    again.click("#autosave-restore")
    assert again.input_value("#id_standfirst") == TYPED

    # Saving for real keeps the text and forgets both copies.
    again.click("input[name=_continue]")
    again.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.standfirst == TYPED
    assert not AutosavedDraft.objects.exists()
    third = page.context.new_page()
    third.goto(change)
    third.wait_for_function(f"() => {local_copy(article)} === null")
    assert third.locator("#autosave-banner").is_hidden()


def test_server_copy_survives_a_lost_browser(page, browser, live_server, article, editor):
    log_in(page)
    change = f"/admin/reviews/article/{article.pk}/change/"
    page.goto(change)
    page.fill("#id_standfirst", TYPED)
    wait_for_server_copy(editor, f"article-{article.pk}")

    # Another machine: nothing in its localStorage, only the server's copy.
    elsewhere = browser.new_context(base_url=live_server.url).new_page()
    log_in(elsewhere)
    elsewhere.goto(change)
    elsewhere.wait_for_selector("#autosave-banner:not([hidden])")
    elsewhere.click("#autosave-restore")
    assert elsewhere.input_value("#id_standfirst") == TYPED
    elsewhere.context.close()


def test_discard_forgets_the_draft(page, article, editor):
    log_in(page)
    change = f"/admin/reviews/article/{article.pk}/change/"
    page.goto(change)
    page.fill("#id_standfirst", TYPED)
    wait_for_server_copy(editor, f"article-{article.pk}")
    again = page.context.new_page()
    again.goto(change)
    again.wait_for_selector("#autosave-banner:not([hidden])")
    again.click("#autosave-discard")
    again.wait_for_function(f"() => {local_copy(article)} === null")
    deadline = time.monotonic() + 10
    while AutosavedDraft.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not AutosavedDraft.objects.exists()
    assert again.input_value("#id_standfirst") == "As first written."


def test_a_failed_save_keeps_the_browser_copy_and_offers_it_back(page, article, editor):
    log_in(page)
    change = f"/admin/reviews/article/{article.pk}/change/"
    page.goto(change)
    page.fill("#id_standfirst", TYPED)
    page.wait_for_function(f"() => {local_copy(article)} !== null")

    # The save dies on the way: the server answers 500 (a reset connection or a locked
    # database looks the same to the browser: no confirmation comes back).
    def fail_the_save(route):
        if route.request.method == "POST":
            route.fulfill(status=500, body="Server Error (500)")
        else:
            route.continue_()

    page.route(f"**{change}", fail_the_save)
    page.click("input[name=_continue]")
    page.wait_for_selector("text=Server Error (500)")
    page.unroute(f"**{change}")
    article.refresh_from_db()
    assert article.standfirst == "As first written."
    kept = page.evaluate(f"() => JSON.parse({local_copy(article)})")
    assert kept["data"]["standfirst"] == [TYPED] and kept["submit_id"]

    again = page.context.new_page()
    again.goto(change)
    again.wait_for_selector("#autosave-banner:not([hidden])")
    assert "was not confirmed" in again.inner_text("#autosave-banner")
    again.click("#autosave-restore")
    assert again.input_value("#id_standfirst") == TYPED

    # The positive control: the same save, confirmed this time, drops the copy.
    again.click("input[name=_continue]")
    again.wait_for_selector(".messagelist .success")
    again.wait_for_function(f"() => {local_copy(article)} === null")
    article.refresh_from_db()
    assert article.standfirst == TYPED


def test_a_save_that_goes_back_to_the_list_drops_the_copy_there(page, article, editor):
    log_in(page)
    page.goto(f"/admin/reviews/article/{article.pk}/change/")
    page.fill("#id_standfirst", TYPED)
    page.wait_for_function(f"() => {local_copy(article)} !== null")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/reviews/article/")
    page.wait_for_function(f"() => {local_copy(article)} === null")
    article.refresh_from_db()
    assert article.standfirst == TYPED
