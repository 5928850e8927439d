"""Film titles in running text: "The Salt Road (2019)", quoted or bare, and "Title (Year)" hints."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

FIRST_YEAR = 1870
LAST_YEAR = 2100

# "(2019)", and "(Turkey, 2025)", "(洞窟の歌, 2020)": a country or an original title before it.
YEAR_IN_PARENS = re.compile(r"\((?:[^()\d,]{1,40}, )?(1[89]\d\d|20\d\d|2100)\)")
# Emphasis around a title ("*Title (2019)*", "**Title** (2019)", "[b]Title[/b] (2019)"): blanked
# to spaces of the same length before titles are read, so positions stay where they were.
_MARKUP = re.compile(r"\[/?(?:b|i|u|em|strong)\]|</?(?:b|i|u|em|strong)>|\*+|(?<!\w)_+|_+(?!\w)")
TITLE_YEAR = re.compile(r"^(?P<title>.+?) *\((?P<year>\d{4})\)$")
_QUOTES = "\"'*_"
# Lower-case words a title may contain ("The Lord of the Rings", "Harbour of Lights").
_TITLE_SMALL_WORDS = frozenset({
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by",
    "de", "la", "le", "du", "des", "del", "el", "y", "vs", "vs.", "v", "&", "-", "und",
    "à", "au", "aux", "et", "di", "da", "do", "dos", "das", "der", "die", "von", "och", "på",
    "no", "ni", "wa", "ga", "il", "lo", "los", "las", "les", "en", "na",
})  # fmt: skip
# Capitalised words that start a sentence rather than a title when "The" or "A" follows them.
_LEADING_NOT_TITLE = frozenset({
    "in", "with", "after", "before", "since", "while", "when", "from", "of", "as", "at", "for",
    "by", "on", "to",
})  # fmt: skip
# ... and words that (almost) never start a title, whatever follows them.
_NEVER_TITLE_START = frozenset({
    "unlike", "watching", "seeing", "compared", "whereas", "whether", "although", "though",
    "because", "besides", "including", "especially", "both", "and", "but", "than", "alongside",
    "plus", "then", "also", "even", "so", "yet", "if",
})  # fmt: skip
# A ranked entry's number before its title: "No. 5 -", "#3", "Number 2:".
_RANK = re.compile(r"(?i)(?:no\.?|number|#) ?\d{1,3}[.:)]? ?(?:[-:\u2013\u2014] ?)?")
# A picture's words before the film's title: "Still from Pale Meridian (2017)".
_CAPTION_LEAD = re.compile(
    r"(?:A |An )?(?:Still|Scene|Image|Photo|Poster|Frame|Screenshot|Production still) (?:from|of) "
)
# "Ada Vale and Lev Benn in Pale Meridian (2017)": who is in the picture, then the film.
CAST_IN = re.compile(
    r"(?P<names>(?:[A-Z][\w'\u00C0-\u024F-]+ ){2,3}(?:(?:and|&) (?:[A-Z][\w'\u00C0-\u024F-]+ )"
    r"{2,3})?)in (?=(?:The |A |An )?[A-Z])"
)
_MAX_TITLE_TOKENS = 12
MAX_HITS = 2000  # "Title (Year)" hits read per paragraph; real texts have a few dozen


@dataclass(frozen=True)
class TitleYear:
    title: str
    year: int
    start: int  # where the title starts in the searched text


def parse_title_year(text: str) -> tuple[str, int | None]:
    """ "The Salt Road (2019)" -> ("The Salt Road", 2019); a bare title has no year."""
    text = text.strip()
    match = TITLE_YEAR.match(text)
    if match and FIRST_YEAR <= int(match["year"]) <= LAST_YEAR:
        return clean_title(match["title"]), int(match["year"])
    return clean_title(text), None


def clean_title(title: str) -> str:
    title = title.strip().strip(",;:-").strip()
    while len(title) > 1 and title[0] in _QUOTES and title[-1] == title[0]:
        title = title[1:-1].strip()
    return title


def titles_with_years(text: str) -> Iterator[TitleYear]:
    """Every "Title (Year)" in a line of plain text (straight quotes)."""
    text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    for match in islice(YEAR_IN_PARENS.finditer(text), MAX_HITS):
        found = _title_before(text, match.start())
        if found:
            title, start = found
            first, _, rest = title.partition(" ")
            if rest and first.casefold() in _LEADING_NOT_TITLE and text[match.end() :][:1] == ",":
                # "In Dust Devils (1999), a town": the sentence's "In"; not "In Bruges (2008) is"
                title, start = rest, start + len(first) + 1
            rank = _RANK.match(title)
            if rank and rank.end() < len(title):  # "No. 5 - The Brass Knuckle Club (1998)"
                title, start = title[rank.end() :], start + rank.end()
            lead = _CAPTION_LEAD.match(title)
            if lead and lead.end() < len(title):  # "Still from Pale Meridian (2017)"
                title, start = title[lead.end() :], start + lead.end()
            yield TitleYear(title, int(match.group(1)), start)


def _title_before(text: str, end: int) -> tuple[str, int] | None:
    window_start = max(0, end - 200)
    window = text[window_start:end].rstrip()
    if not window:
        return None
    if window[-1] in _QUOTES:
        return _quoted_title(window, window_start)
    taken = _capitalised_run(window.split(" "))
    while taken and not (taken[0][0].isupper() or taken[0][0].isdigit()):
        taken.pop(0)  # a title starts with a capital or a digit
    while len(taken) > 1 and (
        taken[0].casefold() in _NEVER_TITLE_START
        or (taken[0].casefold() in _LEADING_NOT_TITLE and taken[1] in ("The", "A", "An"))
    ):
        taken.pop(0)  # "In The Salt Road (2019)": the sentence's "In", not the title's
    if not taken:
        return None
    title = " ".join(taken).strip("([\"'")
    if not title or len(title) > 150:
        return None
    return title, window_start + window.rfind(title)


def _quoted_title(window: str, window_start: int) -> tuple[str, int] | None:
    """ "'The Salt Road' (2019)": the words between the quotes."""
    quote = window[-1]
    opening = window.rfind(quote, 0, len(window) - 1)
    if opening >= 0:
        title = window[opening + 1 : -1].strip()
        if title and len(title) <= 150 and (title[0].isupper() or title[0].isdigit()):
            return title, window_start + opening + 1
    return None


def _capitalised_run(words: list[str]) -> list[str]:
    """The words before the year that may be a title: back to a clause's end or a small word."""
    taken: list[str] = []
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        if not word:
            break
        ends_clause = word[-1] in ",;:.!?)" or (
            word.endswith(("'s", "\u2019s")) and not _titled_possessive(words, position)
        )
        abbreviation = len(word) <= 3 and word.endswith(".") and word[:-1].isalpha()
        if taken and ends_clause and not abbreviation:
            break  # "Dr." and "St." belong to titles; other stops end them
        if word.casefold() in _TITLE_SMALL_WORDS or word[0].isupper() or word[0].isdigit():
            taken.append(word)
        else:
            break
        if len(taken) >= _MAX_TITLE_TOKENS:
            break
    taken.reverse()
    return taken


def _titled_possessive(words: list[str], position: int) -> bool:
    """ "The Keeper's Log", "The Orchard Keeper's Son": a capitalised possessive after "The",
    "A" or "An" (a few capitalised words between) is inside the title, not "Nolan's Title"."""
    if not words[position][:1].isupper():
        return False
    for back in range(position - 1, max(-1, position - 4), -1):
        word = words[back]
        if word in ("The", "A", "An"):
            return True
        if not word[:1].isupper() or word[-1] in ",;:.!?)" or word.endswith(("'s", "\u2019s")):
            return False
    return False


def title_key(title: str) -> str:
    """How two spellings of one title compare: case, quotes and 'The' ignored."""
    folded = re.sub(r"[^\w ]+", "", title.casefold()).strip()
    folded = re.sub(r" +", " ", folded)
    return folded.removeprefix("the ").removeprefix("a ").removeprefix("an ")
