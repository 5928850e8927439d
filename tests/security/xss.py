"""The XSS corpora and an HTML audit: what a reader's browser would run or load from a page."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
OWASP = DATA / "xss-owasp-filter-evasion.json"
DOMPURIFY = DATA / "xss-dompurify-fixtures.json"

# Tags that run code, load a document or restyle/redirect the page: never in a section body.
FORBIDDEN_IN_BODY = {
    "script", "iframe", "frame", "object", "embed", "svg", "math", "style", "base", "meta",
    "form", "link", "img", "input", "button", "textarea", "video", "audio", "source", "applet",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def load(path: Path) -> list[str]:
    if not path.exists():
        pytest.skip(f"{path} is absent: CI keeps ../shared beside the clone")
    return json.loads(path.read_text())["payloads"]


def browser_url(value: str) -> str:
    """What a browser's URL parser sees: tabs and newlines dropped, C0 and spaces trimmed."""
    return re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(0x21)))).lower()


class Audit(HTMLParser):
    """Every tag and attribute a browser would build from the HTML, and the risky ones."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            url = browser_url(value or "")
            if name in URL_ATTRIBUTES and url.startswith(BAD_SCHEMES):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            attributes = dict(attrs)
            src = attributes.get("src") or ""
            if not (src.startswith("/") and not src.startswith("//")) and attributes.get(
                "type"
            ) not in {"application/ld+json", "application/json"}:
                self.problems.append(f"<script {attributes}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def audit(html: str) -> Audit:
    parser = Audit()
    parser.feed(html)
    parser.close()
    return parser
