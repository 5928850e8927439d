"""Templates a person can read: short lines, and block tags that leave no blank lines behind."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, engines

MAX_LINE = 120
TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates"
TEMPLATES = sorted(path for path in TEMPLATE_DIR.rglob("*") if path.is_file())


def long_lines(text: str, limit: int = MAX_LINE) -> list[int]:
    """Numbers of the lines longer than `limit` characters."""
    return [number for number, line in enumerate(text.splitlines(), 1) if len(line) > limit]


def test_the_checker_catches_a_long_line():
    text = "<p>short</p>\n" + "<p>" + "x" * MAX_LINE + "</p>\n" + "x" * MAX_LINE + "\n"
    assert long_lines(text) == [2]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(TEMPLATE_DIR)))
def test_no_template_line_over_120_characters(path):
    assert long_lines(path.read_text()) == []


def test_templates_are_found():
    names = {path.name for path in TEMPLATES}
    assert {"base.html", "article_detail.html", "_macros.html", "change_form.html"} <= names


def test_reader_templates_trim_and_lstrip_block_tags():
    env = engines["jinja2"].env
    assert env.trim_blocks and env.lstrip_blocks
    source = "<ul>\n  {% for n in numbers %}\n  <li>{{ n }}</li>\n  {% endfor %}\n</ul>\n"
    html = env.from_string(source).render(numbers=[1, 2])
    assert html == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>"


def test_diff_include_adds_no_white_space():
    """A diff is shown with its white space (pre-wrap): the include may not add a line break."""
    segments = [("equal", "The "), ("del", "old"), ("ins", "new"), ("equal", " line\n")]
    template = Template('{% include "admin/includes/_diff.html" %}')
    html = template.render(Context({"segments": segments}))
    assert html == "The <del>old</del><ins>new</ins> line\n"
