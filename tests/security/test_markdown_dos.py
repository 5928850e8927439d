"""Markdown in linear time (issue 8, point 5): a hostile body cannot tie up a worker.

Two defences: render_markdown is linear on any input (markdown-it-py, and our own linear
smartquotes rule), and a section body longer than FILMSITE_MAX_SECTION_CHARS is refused before
anything renders it. The renderer is called directly with megabytes, which the cap would refuse.
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
from tests.helpers import article_form_data

ROOT = Path(__file__).resolve().parents[2]
MB = 1_000_000

# name: (expression of about `n` characters, n). Python-Markdown took over 60 s for 20 KB of
# "[" or "![" and 45 s for "[a](": a quadratic renderer needs hours for 500 KB of any of these,
# markdown-it-py seconds. Shapes whose linear cost per character is high (link-like brackets:
# each "[" tries a link up to maxNesting deep) run at 500 KB to keep the suite short; the rest
# at 5 MB.
PATHOLOGICAL = {
    "[": ("'[' * n", MB // 2),
    "![": ("'![' * (n // 2)", MB // 2),
    "[a](": ("'[a](' * (n // 4)", MB // 2),
    '[]( "': ("'[]( \"' * (n // 5)", MB),
    "](\\n[": ("'](\\n[' * (n // 4)", MB // 2),
    "*_": ("'*_' * (n // 2)", MB // 2),
    "<": ("'<' * n", 5 * MB),
    "a <!A": ("'a <!A' * (n // 5)", 5 * MB),
    "*": ("'*' * n", 5 * MB),
    "_": ("'_' * n", 5 * MB),
    "`": ("'`' * n", 5 * MB),
    '"': ("'\"' * n", 5 * MB),
    "'": ('"\'" * n', 5 * MB),
    "quote openers then closers": ("'a \"x ' * (n // 10) + \"x' \" * (n // 6)", 5 * MB),
    "[a]: b reference lines": ("'[a]: b\\n' * (n // 7)", 5 * MB),
    "nested >": ("'>' * n + ' x'", 5 * MB),
    "nested - on one line": ("'- ' * (n // 2) + 'x'", 5 * MB),
    "nested lists by indent": ("''.join('  ' * d + '- x\\n' for d in range(2000))", 5 * MB),
    "words": ("'word ' * (n // 5)", 5 * MB),
}
# Seconds: the slowest case (500 KB of "![") takes about 6 s on an idle 2-core machine and
# ~65 s at a load average of 15; a quadratic renderer would need hours.
TIMEOUT = 300

# The renderer touches no database: its minutes of CPU are spent once, on the SQLite run.
renderer_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="no database involved; runs in the SQLite pass"
)


@renderer_only
@pytest.mark.parametrize(("expression", "n"), PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_markdown_renders_pathological_input_in_linear_time(expression, n):
    code = (
        "from reviews.markdown import render_markdown\n"
        f"n = {n}\ntext = {expression}\nassert len(text) >= n // 2, len(text)\n"
        "render_markdown(text)\nprint('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def render_in_subprocess(expression: str, timeout: int) -> subprocess.CompletedProcess:
    code = f"from reviews.markdown import render_markdown\nrender_markdown({expression})\n"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


# nh3's parser is quadratic on one long text node or attribute full of character references
# (1 MB of "&" took ~30 s): render_markdown cuts long text runs with empty comments and drops
# over-long link attributes before sanitising.
AMPERSANDS = {
    "text": "'&' * 5_000_000",
    "numeric references": "'&#' * 2_500_000",
    "link title": "'[a](b \"' + '&' * 5_000_000 + '\")'",
    "autolink": "'<http://example.org/' + '&' * 5_000_000 + '>'",
    "code span": "'`' + '&' * 5_000_000 + '`'",
    "code block": "'    ' + '&' * 5_000_000",
}


@renderer_only
@pytest.mark.parametrize("expression", AMPERSANDS.values(), ids=AMPERSANDS.keys())
def test_markdown_renders_megabytes_of_ampersands_in_linear_time(expression):
    result = render_in_subprocess(expression, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr[-2000:]


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


@renderer_only
def test_markdown_renders_unmatched_brackets_in_linear_time():
    """The known hole: Python-Markdown took ~100 s for 20 KB of "["; 200 KB now takes a second."""
    result = subprocess.run(
        [sys.executable, "-c", "from reviews.markdown import render_markdown as r\n"
         "print(r('[' * 200_000) == '<p>' + '[' * 200_000 + '</p>')"],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT,
    )  # fmt: skip
    assert result.stdout.strip() == "True", result.stderr[-2000:]


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
