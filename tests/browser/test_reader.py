"""In a real browser: spoilers start hidden, open by click and keyboard, and "I've seen this
film" persists across pages until undone. Also saves screenshots of an article and a film page."""

from importlib import import_module

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from people.models import Person
from reviews.models import Article, Film
from tests import factories as f

# No serialized_rollback: it reloads content types that the previous transactional test's
# flush has already recreated (a unique-constraint clash). The demo fixture below remakes the
# rows data migrations made instead.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECRET = "The pilot was the stowaway all along."


@pytest.fixture
def two_articles():
    """A film with two articles, each with one spoiler section, and a second, unseen film."""
    film = f.FilmFactory(title="The Harbour")
    review = f.ArticleFactory(title="The Harbour review", films=[film])
    f.SectionFactory(article=review, order=1, heading="Opening", body="The lighthouse keeper.")
    f.SectionFactory(article=review, order=2, is_spoiler=True, heading="Ending", body=SECRET)
    essay = f.ArticleFactory(title="The Harbour, explained", kind="essay", films=[film])
    f.SectionFactory(article=essay, order=1, is_spoiler=True, body="Another secret.")
    other = f.ArticleFactory(title="Another film's review", films=[f.FilmFactory()])
    f.SectionFactory(article=other, order=1, is_spoiler=True, body="A third secret.")
    return film, review, essay, other


def spoiler(page):
    return page.locator("details.spoiler").first


def test_spoilers_are_hidden_at_load(page, two_articles):
    _, review, _, _ = two_articles
    page.goto(review.get_absolute_url())
    assert page.get_by_text("The lighthouse keeper.").is_visible()  # positive control
    assert not page.get_by_text(SECRET).is_visible()
    assert spoiler(page).get_attribute("open") is None


def test_click_reveals_and_hides_a_spoiler(page, two_articles):
    _, review, _, _ = two_articles
    page.goto(review.get_absolute_url())
    summary = spoiler(page).locator("summary")
    summary.click()
    assert page.get_by_text(SECRET).is_visible()
    summary.click()
    assert not page.get_by_text(SECRET).is_visible()


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_keyboard_reveals_a_spoiler(page, two_articles, key):
    _, review, _, _ = two_articles
    page.goto(review.get_absolute_url())
    summary = spoiler(page).locator("summary")
    summary.focus()
    assert summary.evaluate("el => el === document.activeElement")
    page.keyboard.press(key)
    assert page.get_by_text(SECRET).is_visible()


def test_seen_this_film_opens_its_spoilers_everywhere_and_can_be_undone(page, two_articles):
    film, review, essay, other = two_articles
    page.goto(film.get_absolute_url())
    toggle = page.get_by_role("button", name="I've seen The Harbour")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"

    page.goto(review.get_absolute_url())  # a new page load: remembered by the browser
    assert page.get_by_text(SECRET).is_visible()
    page.goto(essay.get_absolute_url())
    assert page.get_by_text("Another secret.").is_visible()
    page.goto(other.get_absolute_url())  # other films' spoilers stay closed
    assert not page.get_by_text("A third secret.").is_visible()

    page.goto(review.get_absolute_url())
    undo = page.get_by_role("button", name="I've seen The Harbour")
    assert undo.get_attribute("aria-pressed") == "true"
    undo.click()
    assert not page.get_by_text(SECRET).is_visible()
    page.reload()
    assert not page.get_by_text(SECRET).is_visible()
    assert undo.get_attribute("aria-pressed") == "false"


def test_pages_work_without_javascript(browser, live_server, two_articles):
    _, review, _, _ = two_articles
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(review.get_absolute_url())
    assert not page.get_by_role("button", name="I've seen The Harbour").is_visible()
    page.locator("details.spoiler summary").first.click()
    assert page.get_by_text(SECRET).is_visible()
    context.close()


@pytest.fixture
def demo():
    """The demo content. Its logins need the editorial groups a data migration makes, and the
    flush after any transactional test deletes them, so they are made again the same way."""
    if not Group.objects.filter(name="Editor").exists():
        migration = ("editorial", "0002_editorial_groups")
        state = MigrationLoader(connection).project_state(migration, at_end=True)
        groups = import_module("editorial.migrations.0002_editorial_groups")
        with connection.schema_editor() as schema_editor:
            groups.create_groups(state.apps, schema_editor)
    call_command("load_demo", password="browser-test-demo")


def test_demo_reader_journey_and_screenshots(page, demo, output_dir):
    """home -> film -> review -> person -> another film -> theme -> search, and back."""
    review = Article.objects.get(slug="the-salt-year-review")
    film = Film.objects.get(title="The Salt Year")
    director = Person.objects.get(name="Teodoro Vaz")

    page.goto("/")
    page.locator(f'a[href="{film.get_absolute_url()}"]').first.click()
    assert page.locator("h1").inner_text().startswith("The Salt Year")
    page.screenshot(path=output_dir / "film-page.png", full_page=True)

    page.get_by_role("link", name=review.title).first.click()
    assert page.locator("h1").inner_text() == review.title
    page.locator("img[loading=lazy]").evaluate_all("imgs => imgs.forEach(i => i.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=output_dir / "article-page.png", full_page=True)

    page.locator(".aside-director").get_by_role("link", name=director.name).click()
    assert page.locator("h1").inner_text() == director.name
    page.get_by_role("link", name="Low Water").first.click()
    assert page.locator("h1").inner_text().startswith("Low Water")
    page.locator(".film-aside .tag", has_text="revolution").click()
    assert page.locator("h1").inner_text() == "Revolution"

    page.get_by_label("Search films, people and articles").first.fill("salt")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=salt")
    assert page.get_by_role("link", name=review.title).count() == 1
    page.go_back()
    assert page.locator("h1").inner_text() == "Revolution"

    mobile = page.context.browser.new_page(viewport={"width": 390, "height": 844})
    mobile.goto(page.url.split("/themes/")[0] + review.get_absolute_url())
    mobile.screenshot(path=output_dir / "article-page-mobile.png", full_page=True)
    mobile.close()
