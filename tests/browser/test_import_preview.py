"""The admin's import preview in a browser: what will be public, and picking the film (#13)."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from reviews.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CORPUS = Path(__file__).resolve().parents[1] / "importer" / "corpus"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("ed", "ed@example.org", "pw-ed-12345")


def log_in(page) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", "ed")
    page.fill("#id_password", "pw-ed-12345")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def test_the_editor_sees_the_public_text_and_files_the_text_under_the_picked_film(
    page, editor, output_dir
):
    log_in(page)
    page.goto("/admin/reviews/article/import/")
    page.fill("#id_text", (CORPUS / "review_iron_lullaby_end_of_spoilers.txt").read_text())
    page.click("input[name=preview]")
    spoiler_rows = page.locator("tr.spoiler-section")
    assert spoiler_rows.count() >= 1
    assert "hunting itself" in spoiler_rows.first.inner_text()
    page.screenshot(path=str(output_dir / "import-preview-spoilers.png"), full_page=True)

    page.fill("#id_text", (CORPUS / "review_paper_kites_yearless.txt").read_text())
    page.click("input[name=preview]")
    assert page.locator("input[name=film_pick]:checked").get_attribute("value") == "Paper Kites"
    page.screenshot(path=str(output_dir / "import-preview-candidates.png"), full_page=True)

    # The editor decides the text is about another film and previews it there.
    page.check("input[name=film_pick][value='Glass Harbour (2009)']")
    page.click("input[name=preview]")
    assert page.input_value("#id_film") == "Glass Harbour (2009)"
    assert page.locator("input[name=film_pick]:checked").count() <= 1
    page.click("input[name=confirm]")
    page.wait_for_url("**/change/")

    article = Article.objects.get()
    assert [(f.title, f.year) for f in article.films.all()] == [("Glass Harbour", 2009)]
