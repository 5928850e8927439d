"""Two editors on one article: the second save is stopped, shows the differences, and saves
only once each has a choice; the first editor's change survives unless dropped on purpose."""

import pytest
from django.contrib.auth import get_user_model

from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article():
    article = f.ArticleFactory(
        title="Two hands", standfirst="As first written.", status="draft", published_at=None
    )
    f.SectionFactory(article=article, order=1, heading="Opening", body="Original words.")
    for name in ("ed", "sam"):
        get_user_model().objects.create_superuser(name, f"{name}@example.org", f"pw-{name}-12345")
    return article


def signed_in(browser, live_server, name: str):
    page = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = page.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", f"pw-{name}-12345")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def test_the_second_save_is_stopped_and_resolved_by_choice(
    browser, live_server, settings, article, output_dir
):
    settings.ROOT_URLCONF = "tests.browser.urls"
    ed, sam = signed_in(browser, live_server, "ed"), signed_in(browser, live_server, "sam")
    change = f"/admin/reviews/article/{article.pk}/change/"
    ed.goto(change)
    sam.goto(change)

    ed.fill("#id_sections-0-body", "Ed's rewrite of the opening.")
    ed.click("input[name=_continue]")
    ed.wait_for_selector(".messagelist .success")

    sam.fill("#id_standfirst", "Sam's standfirst.")
    sam.click("input[name=_continue]")
    sam.wait_for_selector("#conflict-heading")
    assert "ed saved this article at" in sam.inner_text("#conflict-heading")
    assert sam.inner_text(".conflict del").startswith("Ed's") or "Ed's" in sam.inner_text(
        ".conflict"
    )
    assert sam.input_value("#id_standfirst") == "Sam's standfirst."  # nothing typed is lost
    sam.screenshot(path=output_dir / "conflict.png", full_page=True)

    # Save again at once: the browser asks for the choices first; nothing is sent.
    sam.click("input[name=_continue]")
    # Whether the script held the submit or the server refused it again (a slow machine may
    # submit before the script is ready), the conflict screen stands and Ed's change survives.
    sam.wait_for_selector("#conflict-heading", state="visible")
    assert article.sections.get().body == "Ed's rewrite of the opening."

    section = article.sections.get()
    sam.check("input[name=resolve-field-standfirst][value=mine]")
    sam.check(f"input[name=resolve-section-{section.pk}][value=theirs]")
    sam.click("input[name=_continue]")
    sam.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.standfirst == "Sam's standfirst."
    assert article.sections.get().body == "Ed's rewrite of the opening."  # Ed's change survives
    assert sam.input_value("#id_sections-0-body") == "Ed's rewrite of the opening."
    ed.context.close()
    sam.context.close()
