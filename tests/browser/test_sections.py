"""In the article form a new section goes last, and sections move by drag or by button."""

import pytest
from django.contrib.auth import get_user_model

from tests import factories as f
from tests.browser.test_autosave import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article():
    article = f.ArticleFactory(title="Sections in order", status="draft", published_at=None)
    for order, heading in [(1, "Opening"), (2, "Middle"), (3, "Ending")]:
        f.SectionFactory(article=article, order=order, heading=heading, body=heading + ".")
    get_user_model().objects.create_superuser("ed", "ed@example.org", "pw-ed-12345")
    return article


def saved_headings(article) -> list[str]:
    return list(article.sections.order_by("order").values_list("heading", flat=True))


def test_add_move_and_drag_sections_then_save(page, article, output_dir):
    log_in(page)
    page.goto(f"/admin/reviews/article/{article.pk}/change/")
    assert page.locator("#sections-0 .section-position").inner_text() == "Section 1 of 3"
    assert page.locator("#sections-0 .section-up").is_disabled()

    page.click("#sections-group .add-row a")
    assert page.input_value("#id_sections-3-order") == "4"  # the next position, not 0
    page.fill("#id_sections-3-heading", "Postscript")
    page.fill("#id_sections-3-body", "Added last.")

    page.click("#sections-2 .section-up")  # Ending above Middle
    assert page.input_value("#id_sections-2-order") == "2"
    assert page.input_value("#id_sections-1-order") == "3"
    page.set_viewport_size({"width": 1280, "height": 4000})  # a drag doesn't scroll headless
    # Postscript dragged onto the top half of Middle's bar lands just before it.
    page.locator("#sections-3 .section-tools").drag_to(
        page.locator("#sections-1 .section-tools"), target_position={"x": 5, "y": 2}
    )
    assert page.locator("#sections-3 .section-position").inner_text() == "Section 3 of 4"
    page.screenshot(path=output_dir / "sections-reordered.png", full_page=True)
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert saved_headings(article) == ["Opening", "Ending", "Postscript", "Middle"]
    assert page.locator("#sections-3 .section-position").inner_text() == "Section 4 of 4"
