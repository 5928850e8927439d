"""What one line of a text is: an image caption, a heading, a sentence's end.

Page furniture is in furniture.py, spoiler notices in spoilers.py.
"""

from __future__ import annotations

import re

_CAPTION = re.compile(
    r"^[(\[]?(?:an? )?(?:still|screenshot|screen grab|screengrab|image|photo|photograph|poster"
    r"|scene|frame|shot|picture|publicity still|promotional still)s? (?:from|of|for)\b"
    r"|^[(\[]?(?:image|photo|photograph|picture|credit|credits|source|courtesy|pictured|still)"
    r" ?(?:credit)?s? ?:"
    r"|^[(\[]?(?:image |photo )?courtesy of\b"
    r"|^[(\[]?(?:via|credit) [A-Z]",
    re.IGNORECASE,
)


def is_caption(line_plain: str) -> bool:
    """ "A still from 'The Salt Road' (2019)", "Photo: Kinoteka": the words under a picture."""
    if len(line_plain) > 200:
        return False
    return bool(_CAPTION.match(line_plain)) and not line_plain.rstrip(")]\"'").endswith(
        (" and", " but")
    )


_TERMINAL = frozenset(".!;,")


def ends_sentence(line_plain: str) -> bool:
    tail = line_plain.rstrip("\"')]*_ ")
    return bool(tail) and (tail[-1] in _TERMINAL or tail.endswith("..."))


# --- headings ----------------------------------------------------------------------------------

_PART_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ending",
        re.compile(
            r"\bending(?:s)?,? (?:explained|explored|analy[sz]ed|decoded|breakdown)\b"
            r"|\bthe ending\b|\bending\b.{0,20}\bmeaning\b|\bfinal (?:scenes?|shots?|act"
            r"|moments|minutes|reel|twist|reveal|image)\b|\bfinale\b|\blast (?:scenes?|shots?"
            r"|act|moments|minutes|reel)\b|\bwhat happens (?:at|in) the end\b"
            r"|\bhow does .{1,80} end\b|\bhow (?:it|the film|the movie|the story|everything)"
            r" (?:all )?ends\b|\bending:?$|^endings?\b|\btwist\b|\bthe (?:big )?reveal\b"
            r"|\bclimax\b|\bpost-credits?\b|\bmid-credits?\b|^the end$"
        ),
    ),
    (
        "synopsis",
        re.compile(
            r"\bplot summary\b|\bsynopsis\b|\bplot recap\b|\brecap\b|\bplot explained\b"
            r"|\bstory (?:explained|summary|so far)\b|\bwhat happens\b|^(?:the )?plot\b"
            r"|\bplot overview\b|\bplot breakdown\b|\bplot details\b|^(?:the )?story:?$"
            r"|\bthe story so far\b"
        ),
    ),
    (
        "theme",
        re.compile(
            r"\btheme(?:s)?\b|\bmeaning\b|\bsymbolism\b|\bmotifs?\b|\bsubtext\b"
            r"|\bwhat (?:is|does) .{1,80} (?:about|mean)\b|^what .{1,80} means?\??$|\banaly[sz]ed\b"
        ),
    ),
    (
        "verdict",
        re.compile(
            r"^(?:the |our |my |final )?verdict\b|^final thoughts\b|^conclusion\b"
            r"|^in conclusion\b|^the bottom line\b|^closing thoughts\b|^to sum up\b"
        ),
    ),
)
_WHO_IS = re.compile(r"^who (?:is|was|are|were) ([^?]{1,60})\??$", re.IGNORECASE)
_ENTRY = re.compile(
    r"^(?:(?:#|no\.? ?)(\d{1,3})[.):]?|(\d{1,3})[.):]) +[-\u2013\u2014:.]? *(\S.{0,150})$", re.I
)
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "that", "which", "who", "than", "then", "so",
    "if", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those", "into",
    "onto",
})  # fmt: skip


def part_kind(heading_key: str) -> str | None:
    """The section kind a heading names: "... Movie Ending Explained" -> "ending"."""
    for kind, pattern in _PART_PATTERNS:
        if pattern.search(heading_key):
            return kind
    return None


def who_is(heading_plain: str) -> str | None:
    """ "Who is Ada?" -> "Ada"."""
    match = _WHO_IS.match(heading_plain.strip())
    return match.group(1).strip() if match else None


def entry_heading(line_plain: str) -> tuple[int, str] | None:
    """ "1. The Salt Road (2019)" -> (1, "The Salt Road (2019)") for ranked lists."""
    if len(line_plain) > 160:
        return None
    match = _ENTRY.match(line_plain)
    if not match:
        return None
    rest = match.group(3).strip()
    if ends_sentence(rest) or len(rest.split()) > 15 or not (rest[0].isupper() or rest[0] in "\"'"):
        return None
    return int(match.group(1) or match.group(2)), rest


def looks_like_heading(line_plain: str) -> bool:
    """Short, no closing full stop, starts with a capital: a heading if its neighbours agree."""
    length = len(line_plain)
    if not 2 <= length <= 120 or ends_sentence(line_plain):
        return False
    first = line_plain.lstrip("\"'*_")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    words = line_plain.split()
    if len(words) > 15 or ". " in line_plain:
        return False
    if line_plain.endswith(("?", ":")):
        return True
    last = words[-1].casefold().strip("\"'*_")
    return last not in _FUNCTION_WORDS
