"""Markdown to safe HTML: the one place where editors' text becomes markup.

Rendered once when a section is saved and stored, never per request. nh3 (the Rust ammonia
sanitiser) keeps only the allowlist below, so a contributor's raw <script>, on*= handler or
javascript: link never reaches a reader, whatever Markdown produced.
"""

import markdown as md
import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "blockquote", "code", "pre", "ul", "ol", "li",
    "a", "h2", "h3", "h4", "sup", "sub", "abbr", "cite", "q", "del", "ins",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["sane_lists", "smarty"]


def render_markdown(text: str) -> str:
    """Render Markdown with typographic quotes and dashes, then sanitise to the allowlist."""
    html = md.markdown(text, extensions=EXTENSIONS, output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
