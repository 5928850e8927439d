"""rerender_sections: stored section HTML caught up with the renderer, search index included."""

from io import StringIO

import pytest
from django.core.management import call_command

from reviews.markdown import render_markdown
from reviews.models import Section
from sitesearch import api as search
from tests import factories as f

pytestmark = pytest.mark.django_db


def rerender(*args: str) -> str:
    out = StringIO()
    call_command("rerender_sections", *args, verbosity=0, stdout=out)
    return out.getvalue()


def stale_article(body: str, old_html: str):
    """An article whose section HTML (and search document) is what an older renderer stored."""
    section = f.SectionFactory(body=body)
    Section.objects.filter(pk=section.pk).update(body_html=old_html)
    search.rebuild()
    return section


def test_stale_html_is_re_rendered_and_search_follows():
    section = stale_article("# Lighthouse keepers", "Lighthouse keepers\nmoorland")
    assert list(search.articles("moorland")) == [section.article]

    assert rerender() == "1 of 1 section(s) re-rendered.\nSearch index rebuilt for 1 article(s).\n"

    section.refresh_from_db()
    assert section.body_html == "<h2>Lighthouse keepers</h2>"
    assert list(search.articles("moorland")) == []
    assert list(search.articles("lighthouse")) == [section.article]


def test_a_second_run_writes_nothing(django_assert_num_queries):
    stale_article("*Fog* again", "<p>old</p>")
    rerender()
    with django_assert_num_queries(3):  # count, one batch, the empty batch that ends the loop
        assert rerender() == "0 of 1 section(s) re-rendered.\n"


def test_dry_run_counts_without_writing():
    section = stale_article("*Fog*", "<p>old</p>")
    assert rerender("--dry-run") == "1 of 1 section(s) would change.\n"
    section.refresh_from_db()
    assert section.body_html == "<p>old</p>"


def test_small_batches_reach_every_section():
    article = f.ArticleFactory()
    for order in range(1, 6):
        f.SectionFactory(article=article, order=order, body=f"Part *{order}*")
    Section.objects.update(body_html="")
    assert rerender("--batch-size", "2").startswith("5 of 5 section(s) re-rendered.")
    assert [s.body_html for s in article.sections.all()] == [
        render_markdown(f"Part *{order}*") for order in range(1, 6)
    ]
