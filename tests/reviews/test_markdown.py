"""render_markdown: CommonMark with typographic punctuation, sanitised to the allowlist."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reviews.markdown import render_markdown, sanitise


def test_typographic_quotes_dashes_and_ellipsis():
    html = render_markdown("\"Quoted\" -- it's 'fine'... then---nothing")
    assert html == "<p>“Quoted” – it’s ‘fine’… then—nothing</p>"


def test_code_keeps_straight_quotes():
    assert render_markdown('Type `"x" -- y`') == '<p>Type <code>"x" -- y</code></p>'


def test_ordered_list_keeps_its_start_number():
    html = render_markdown("3. third\n4. fourth")
    assert html == '<ol start="3">\n<li>third</li>\n<li>fourth</li>\n</ol>'
    assert "start" not in render_markdown("1. first\n2. second")


def test_emphasis_blockquote_and_link():
    html = render_markdown('> *So* **much** [salt](https://example.org/salt "Salt").')
    assert html == (
        "<blockquote>\n<p><em>So</em> <strong>much</strong> "
        '<a href="https://example.org/salt" title="Salt" rel="nofollow noopener noreferrer">'
        "salt</a>.</p>\n</blockquote>"
    )


@pytest.mark.parametrize(
    ("markdown", "tag"),
    [("# A", "h2"), ("## A", "h2"), ("### A", "h3"), ("#### A", "h4"), ("###### A", "h4")],
)
def test_headings_fit_between_h2_and_h4(markdown, tag):
    """The page's h1 is the title: '#' becomes h2 instead of bare text glued to the next line."""
    assert render_markdown(f"{markdown}\n\nText.") == f"<{tag}>A</{tag}>\n<p>Text.</p>"


def test_raw_html_is_shown_as_text_not_markup():
    html = render_markdown('<b onclick="x">bold</b> <script>alert(1)</script>')
    assert html == (
        "<p>&lt;b onclick=“x”&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "vbscript:x"])
def test_unsafe_link_schemes_are_not_links(url):
    assert "<a" not in render_markdown(f"[click]({url})")
    assert "<a" in render_markdown("[click](mailto:ed@example.org)")  # positive control


def test_images_and_tables_are_not_allowed_markup():
    html = render_markdown("![a still](https://example.org/x.png) after\n\n| a |\n|---|\n| b |")
    assert "<img" not in html and "<table" not in html
    assert "after" in html


def test_no_bare_urls_become_links():
    assert render_markdown("see example.org or https://example.org") == (
        "<p>see example.org or https://example.org</p>"
    )


def test_paragraphs_join_with_newlines():
    """fakes.corpus relies on this: a body's HTML is its paragraphs' HTML, newline-joined."""
    first, second = 'He said "no" -- twice.', "*Later*, 3. not a list"
    joined = render_markdown(f"{first}\n\n{second}")
    assert joined == render_markdown(first) + "\n" + render_markdown(second)


UPSTREAM = MarkdownIt("commonmark", {"html": False, "typographer": True, "xhtmlOut": False})
UPSTREAM.enable(["replacements", "smartquotes"])
PIECES = [*"\"'\"'aa1 .,-*_[]()`!?", "**", "\n", "\n\n", "\n- ", "\n> ", "  \n", "''", '""']


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_linear_smartquotes_decide_as_markdown_it_does(text):
    """Our linear port of markdown-it's (quadratic) smartquotes rule places the same quotes."""
    assert render_markdown(text) == sanitise(UPSTREAM.render(text).rstrip("\n"))
