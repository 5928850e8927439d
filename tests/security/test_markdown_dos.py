"""Markdown in linear time (issue 8, point 5): a hostile body cannot tie up a worker.

Two defences: render_markdown is linear on any input (markdown-it-py, and our own linear
smartquotes rule), and a section body longer than FILMSITE_MAX_SECTION_CHARS is refused before
anything renders it. Linearity is shown by rendering each hostile shape at n and 4n characters:
a linear renderer takes about 4 times as long, a quadratic one 16 times; a deliberately
quadratic function beside them fails the same check.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from reviews.markdown import render_markdown
from reviews.models import Section
from tests import factories as f
from tests.helpers import GROWTH_LIMIT, article_form_data, growth

ROOT = Path(__file__).resolve().parents[2]

# name: (text of about n characters, n). Python-Markdown took over 60 s for 20 KB of "[" or "!["
# and 45 s for "[a](". Each n makes t(n) some 10-40 ms: long enough to time, short enough to
# repeat.
PATHOLOGICAL = {
    "[": (lambda n: "[" * n, 5_000),
    "![": (lambda n: "![" * (n // 2), 4_000),
    "[a](": (lambda n: "[a](" * (n // 4), 10_000),
    '[]( "': (lambda n: '[]( "' * (n // 5), 30_000),
    "](\\n[": (lambda n: "](\n[" * (n // 4), 15_000),
    "*_": (lambda n: "*_" * (n // 2), 10_000),
    "<": (lambda n: "<" * n, 30_000),
    "a <!A": (lambda n: "a <!A" * (n // 5), 60_000),
    "*": (lambda n: "*" * n, 250_000),
    "_": (lambda n: "_" * n, 250_000),
    "`": (lambda n: "`" * n, 250_000),
    '"': (lambda n: '"' * n, 30_000),
    "'": (lambda n: "'" * n, 30_000),
    "quote openers then closers": (lambda n: 'a "x ' * (n // 10) + "x' " * (n // 6), 100_000),
    "[a]: b reference lines": (lambda n: "[a]: b\n" * (n // 7), 30_000),
    "nested >": (lambda n: ">" * n + " x", 1_000_000),
    "nested - on one line": (lambda n: "- " * (n // 2) + "x", 60_000),
    # Each line one level deeper: n characters reach a depth of about sqrt(n).
    "nested lists by indent": (
        lambda n: "".join("  " * d + "- x\n" for d in range(int(n**0.5))),
        250_000,
    ),
    "words": (lambda n: "word " * (n // 5), 500_000),
}

# nh3's parser is quadratic on one long text node or attribute full of character references
# (1 MB of "&" took ~30 s): render_markdown cuts long text runs with empty comments and drops
# over-long link attributes before sanitising. Without those, the link title, autolink, code
# span and code block shapes grow 10-14 times from n to 4n; in a paragraph markdown-it's own
# linear cost hides nh3's at these sizes.
AMPERSANDS = {
    "text": (lambda n: "&" * n, 25_000),
    "numeric references": (lambda n: "&#" * (n // 2), 25_000),
    "link title": (lambda n: '[a](b "' + "&" * n + '")', 300_000),
    "autolink": (lambda n: "<http://example.org/" + "&" * n + ">", 80_000),
    "code span": (lambda n: "`" + "&" * n + "`", 100_000),
    "code block": (lambda n: "    " + "&" * n, 100_000),
}


def brackets_scanned_to_the_end(text: str) -> int:
    """Quadratic on purpose, like Python-Markdown: each "[" looks for its "]" to the end."""
    return sum(text.find("]", i) for i in range(len(text)))


def brackets_scanned_a_line_ahead(text: str) -> int:
    """The same scan, bounded: linear."""
    return sum(text.find("]", i, i + 80) for i in range(len(text)))


# The renderer touches no database: its CPU is spent once, on the SQLite run.
renderer_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="no database involved; runs in the SQLite pass"
)


@renderer_only
@pytest.mark.parametrize(("make", "n"), PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_markdown_renders_pathological_input_in_linear_time(make, n):
    assert growth(render_markdown, make, n) < GROWTH_LIMIT


@renderer_only
@pytest.mark.parametrize(("make", "n"), AMPERSANDS.values(), ids=AMPERSANDS.keys())
def test_markdown_renders_ampersands_in_linear_time(make, n):
    assert growth(render_markdown, make, n) < GROWTH_LIMIT


def test_the_linear_time_check_fails_a_quadratic_renderer():
    """Positive control: the same check catches a quadratic bracket scan, and passes the same
    scan bounded to a line."""
    brackets = lambda n: "[" * n  # noqa: E731
    assert growth(brackets_scanned_to_the_end, brackets, 50_000) > GROWTH_LIMIT
    assert growth(brackets_scanned_a_line_ahead, brackets, 50_000) < GROWTH_LIMIT


def render_in_subprocess(expression: str, timeout: int) -> subprocess.CompletedProcess:
    code = f"from reviews.markdown import render_markdown\nrender_markdown({expression})\n"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def test_cutting_long_text_runs_changes_nothing_readers_see():
    from reviews.markdown import TEXT_PIECE, _parser, sanitise

    body = ('Fish & chips <b>at</b> "the" pier, 5 > 3 & so on. ' * 400).strip()
    assert len(body) > 5 * TEXT_PIECE
    html = render_markdown(body)
    assert html == sanitise(_parser.render(body).rstrip("\n"))  # as if never cut
    assert "<!--" not in html and "&amp; so on" in html and "&lt;b&gt;" in html


def test_over_long_link_attributes_are_dropped_and_the_text_kept():
    from reviews.markdown import MAX_ATTRIBUTE

    title = "t" * (MAX_ATTRIBUTE + 1)
    html = render_markdown(f'[the pier](https://example.org/pier "{title}")')
    assert 'href="https://example.org/pier"' in html and "title=" not in html
    assert ">the pier</a>" in html
    short = render_markdown('[the pier](https://example.org/pier "A title")')
    assert 'title="A title"' in short


@renderer_only
@pytest.mark.parametrize("unit", ["&", "&#", "`&", '[a](b "&'])
def test_a_body_at_the_length_cap_renders_quickly_whatever_it_holds(unit, settings):
    cap = settings.FILMSITE_MAX_SECTION_CHARS
    assert render_in_subprocess(f"({unit!r} * {cap})[:{cap}]", timeout=60).returncode == 0


def test_unmatched_brackets_render_as_text():
    """The known hole: Python-Markdown took ~100 s for 20 KB of "["; here it is text."""
    assert render_markdown("[" * 20_000) == "<p>" + "[" * 20_000 + "</p>"


# --- the length cap -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_section_body_over_the_cap_is_refused_with_a_message(settings):
    settings.FILMSITE_MAX_SECTION_CHARS = 100
    section = Section(article=f.ArticleFactory(), order=1, body="x" * 101)
    with pytest.raises(ValidationError, match="100 characters at most") as error:
        section.full_clean()
    assert error.value.message_dict["body"] == [
        "Keep this text to 100 characters at most (it has 101): "
        "split a longer text into several sections."
    ]
    section.body = "x" * 100  # positive control: at the cap is fine
    section.full_clean()


@pytest.mark.django_db
def test_admin_refuses_an_over_long_section_and_keeps_the_saved_one(client, editor, settings):
    settings.FILMSITE_MAX_SECTION_CHARS = 1_000
    article = f.ArticleFactory()
    f.SectionFactory(article=article, order=1, body="Saved.")
    client.force_login(editor)
    url = reverse("admin:reviews_article_change", args=[article.pk])

    response = client.post(url, article_form_data(article, **{"sections-0-body": "y" * 1_001}))
    assert response.status_code == 200  # the form again, with the error
    assert "Keep this text to 1,000 characters at most (it has 1,001)" in response.content.decode()
    assert article.sections.get().body == "Saved."

    response = client.post(url, article_form_data(article, **{"sections-0-body": "y" * 1_000}))
    assert response.status_code == 302  # positive control: at the cap it saves, and renders
    assert article.sections.get().body_html == "<p>" + "y" * 1_000 + "</p>"
