"""Small text helpers shared by the decoder and the parser."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u0085]")
# What no text field accepts (filmsite/validators.py): C0 controls but tab and newline, the two
# noncharacters, lone surrogates. A word processor's vertical tab (its line break) and form feed
# (a page break) become newlines; the rest go.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
_CONTROL_AS_NEWLINE = {"\x0b": "\n", "\x0c": "\n", "\r": "\n"}

# Detection compares letters, not typography: curly quotes, dashes and odd spaces become plain.
_DETECTION_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
        "\u200b": None,
        "\ufeff": None,
    }
)
_SPACES = re.compile(r" {2,}")


def normalise_newlines(text: str) -> str:
    """Windows, old-Mac and Unicode line breaks become \\n; a leading BOM goes."""
    text = text.removeprefix("\ufeff")
    text = _LINE_BREAKS.sub("\n", text)
    return text.replace("\u2029", "\n\n")


def strip_control_characters(text: str) -> tuple[str, int, int | None]:
    """The text without control characters; how many there were, and the first one's line."""
    first = CONTROL_CHARACTERS.search(text)
    if first is None:
        return text, 0, None
    line = text.count("\n", 0, first.start()) + 1
    cleaned, count = CONTROL_CHARACTERS.subn(lambda m: _CONTROL_AS_NEWLINE.get(m[0], ""), text)
    return cleaned, count, line


def plain(text: str) -> str:
    """The line as detection sees it: straight quotes, hyphens, single spaces, stripped."""
    return _SPACES.sub(" ", text.translate(_DETECTION_TABLE)).strip()


def key(text: str) -> str:
    """plain() folded to lower case, for comparing phrases."""
    return plain(text).casefold()


def fingerprint(text: str) -> str:
    """sha256 of the text with line endings, BOM, trailing spaces and Unicode form normalised."""
    normal = unicodedata.normalize("NFC", normalise_newlines(text))
    # Per-line rstrip, not a "\s+$" regex: that one is quadratic on long runs of spaces.
    normal = "\n".join(line.rstrip(" \t\u00a0") for line in normal.split("\n")).strip("\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()
