"""What one line of a text is: web furniture, a spoiler marker, an image caption, a heading."""

from __future__ import annotations

import re

# Lines copied with an article from a web page; compared after key() (lower case, plain quotes).
_CRUFT_EXACT = frozenset(
    """
    share | share it | share this | share this: | share this article | share this post
    | share on facebook | share on twitter | share on x | tweet | pin it | email | print
    | similar posts | related posts | related articles | you may also like | you might also like
    | more from this author | recommended | recommended for you | trending | popular posts
    | leave a reply | leave a comment | cancel reply | post comment | submit comment | comments
    | comment | comment * | name | name * | email * | website | website url | post navigation
    | previous post | next post | previous article | next article | advertisement
    | sponsored | subscribe | sign up | like this: | like | loading... | related
    | about the author | follow us | read more | continue reading | click to share
    | required fields are marked * | table of contents | contents | toggle
    """.replace("\n", " ").split(" | ")
)
_CRUFT_PREFIXES = (
    "share:",
    "share on ",
    "read more:",
    "read more -",
    "also read:",
    "also read -",
    "read also:",
    "must read:",
    "see also:",
    "related:",
    "click to share",
    "click to email",
    "click to print",
    "your email address will not be published",
    "save my name, email, and website",
    "save my name, email and website",
    "this site uses akismet",
    "notify me of ",
    "you must be logged in to post",
    "filed under:",
    "posted in ",
    "categories:",
    "(opens in new window)",
    "\u00a9",
    "copyright \u00a9",
    "all rights reserved",
)
# After these the page lists links to other posts or a comment form, line after line.
CRUFT_BLOCK_STARTS = frozenset(
    """similar posts | related posts | related articles | you may also like
    | you might also like | leave a reply | leave a comment | comments | recommended
    | recommended for you | more from this author | popular posts | trending
    | post navigation""".replace("\n", " ").split(" | ")
)


def _bare_key(line_key: str) -> str:
    return line_key.strip(" *_#>-\u2022:")


def is_cruft(line_key: str) -> bool:
    bare = _bare_key(line_key)
    if line_key in _CRUFT_EXACT or bare in _CRUFT_EXACT or (bare + ":") in _CRUFT_EXACT:
        return True
    return bare.startswith(_CRUFT_PREFIXES) or line_key.startswith(_CRUFT_PREFIXES)


def starts_cruft_block(line_key: str) -> bool:
    return _bare_key(line_key).rstrip(":") in CRUFT_BLOCK_STARTS


_MARKER = re.compile(
    r"^[\W_]*(?:(?:warning|caution|heads up|note|alert)\W+)?(?:(?:major|minor|heavy|mild|big"
    r"|full|massive|some) )?spoilers?\b(?: (?:alert|warning|ahead|below|follow|follows"
    r"|from here(?: on)?|beyond this point|inside|galore|incoming|up next|for .{1,60}))*"
    r"[\W_]*$"
    r"|^[\W_]*(?:warning|caution|heads up|note|alert)\W+(?:this (?:article|post|review|piece)"
    r" )?(?:contains|has)? ?(?:major |heavy |full )?spoilers?\b.{0,40}$"
    r"|^[\W_]*(?:this|the following) (?:article|post|review|piece|section|analysis)"
    r" (?:contains|has|includes) (?:major |heavy |full )?spoilers?\b.{0,40}$"
    r"|^[\W_]*(?:beware of |contains |there be |here be )(?:major |heavy )?spoilers?\b[\W_]*$"
)
_NOT_MARKER = re.compile(r"\b(?:no|spoiler[- ]free|non-spoiler|without|spoiler-lite)\b")


def is_spoiler_marker(line_key: str) -> bool:
    """ "Spoilers ahead", "SPOILER ALERT", "Warning: spoilers follow"; never "No spoilers"."""
    if len(line_key) > 100 or "spoiler" not in line_key:
        return False
    return bool(_MARKER.match(line_key)) and not _NOT_MARKER.search(line_key)


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
            r"|\bthe ending\b|\bending\b.{0,20}\bmeaning\b|\bfinal scenes?\b|\bfinale\b"
            r"|\bwhat happens (?:at|in) the end\b|\bhow does .{1,80} end\b|\bending:?$"
            r"|\bthe twist\b"
        ),
    ),
    (
        "synopsis",
        re.compile(
            r"\bplot summary\b|\bsynopsis\b|\bplot recap\b|\brecap\b|\bplot explained\b"
            r"|\bstory (?:explained|summary|so far)\b|\bwhat happens in\b|^(?:the )?plot:?$"
            r"|\bplot overview\b|\bplot breakdown\b"
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
