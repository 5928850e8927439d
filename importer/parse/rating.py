"""Explicit ratings only ("★★★★☆", "4/5", "8/10", "Rating: 4.5", "3.5 stars").

Praise is never a rating, and neither is a number written as a word: "Verdict: one film to
see", "two stars of the silent era" and "a five-star cast" are prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import islice

_MAX_HITS = 200  # ratings read per line; more is not a review
_NUMBER = r"(\d{1,2}(?:[.,]\d)?)"  # digits only: "four" is a word in a sentence
_HALF = r"( and a half| ?\u00bd)?"

_STARS = re.compile(r"([\u2605\u2b50]{1,5})(\u00bd|1/2)?([\u2606]{0,5})")
_OUT_OF = re.compile(
    rf"(?<![\w./-]){_NUMBER}{_HALF} ?(?:/|out of) ?(5|five|10|ten)(?![\w/]|\.\d)"
    r"(?: ?(stars?)\b| ?(\w+))?",
    re.IGNORECASE,
)
_LABELLED = re.compile(
    rf"^(?:our |my |the )?(?:rating|score|verdict|grade)\b[^:\n]{{0,20}}: *{_NUMBER}{_HALF}"
    r" ?(stars?|/ ?5|/ ?10|out of (?:5|five|10|ten))?",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?:our |my |the )?(?:rating|score|verdict|grade)\b[^:\n]{0,20}:", re.I)
_N_STARS = re.compile(
    rf"(?<![\w.,/-]){_NUMBER}{_HALF} stars?(?= *(?:[.,!;)\u2013\u2014]|$| out of))",
    re.IGNORECASE,
)
# "... a bigger one. 3.5 stars." and "I'd give it 4 stars": a digit rating ending its sentence,
# at the sentence's start or after a verb of rating, counts even in a long line of prose.
_RATING_VERBS = ("give", "gives", "gave", "giving", "award", "awards", "awarded", "rate",
                 "rates", "rated", "earns", "gets")  # fmt: skip
_STARS_IN_PROSE = re.compile(
    r"(?:^|(?<=[.!?:;(\u2013\u2014-] )|(?<=[(\u2013\u2014])|"
    + "|".join(rf"(?<=\b{verb} it )" for verb in _RATING_VERBS)
    + rf"){_NUMBER}{_HALF} stars?(?= *(?:[.!;)\u2013\u2014]|$| out of))",
    re.IGNORECASE,
)
_ASTERISKS = re.compile(r"^(?:rating|score|verdict): *(\*{1,5})$", re.IGNORECASE)


@dataclass(frozen=True)
class FoundRating:
    value: Decimal
    text: str  # as written, for warnings
    rounded: bool = False


def _number(word: str) -> Decimal | None:
    word = word.replace(",", ".")
    try:
        return Decimal(word)
    except InvalidOperation:
        return None


def to_half_stars(value: Decimal, scale: int, text: str) -> FoundRating | None:
    """A value on a 5- or 10-point scale as half stars out of 5; None when out of range."""
    if scale == 10:
        value = value / 2
    if not Decimal("0.5") <= value <= 5:
        return None
    halves = (value * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    rounded = halves / 2
    return FoundRating(rounded.quantize(Decimal("0.1")), text, rounded != value)


def _scale(word: str | None) -> int:
    return 10 if word and word.casefold().lstrip("/ ").split()[-1] in ("10", "ten") else 5


def ratings_in_line(line: str, *, standalone: bool = False) -> list[FoundRating]:
    """Ratings written in one line of plain text; `standalone` allows a bare "4 stars"."""
    labelled = _LABELLED.match(line)
    standalone = standalone or bool(_LABEL.match(line))
    found = _star_symbols(line, standalone)
    if labelled and not labelled.group(3):
        after = line[labelled.end() :].lstrip()
        if after[:1].isalnum():
            labelled = None  # "Verdict: 2 hours well spent" counts hours, not stars
    if labelled:
        found += _labelled(labelled)
    asterisks = _ASTERISKS.match(line)
    if asterisks:
        found.append(
            (
                0,
                FoundRating(
                    Decimal(len(asterisks.group(1))).quantize(Decimal("0.1")), asterisks.group()
                ),
            )
        )
    found += _out_of(line, labelled)
    found += _n_stars(line, standalone, found)
    found.sort(key=lambda item: item[0])
    return [rating for _, rating in found]


def _star_symbols(line: str, standalone: bool) -> list[tuple[int, FoundRating]]:
    """ "★★★½☆": star symbols, full, half and empty."""
    found: list[tuple[int, FoundRating]] = []
    for match in islice(_STARS.finditer(line), _MAX_HITS):
        full = len(match.group(1))
        empty = len(match.group(3))
        half = Decimal("0.5") if match.group(2) else Decimal(0)
        total = full + empty + (1 if half else 0)
        closing = not line[match.end() :].strip() and (
            match.start() == 0 or line[: match.start()].rstrip()[-1:] in ".!?:;-\u2013\u2014"
        )
        if total > 5 or (total < 5 and not standalone and not closing):
            continue  # a lone decorative star is not a rating; "... last storm. ★★½" is
        rating = to_half_stars(Decimal(full) + half, 5, match.group())
        if rating:
            found.append((match.start(), rating))
    return found


def _labelled(labelled: re.Match[str]) -> list[tuple[int, FoundRating]]:
    """ "Rating: 4.5", "Score: 8/10": a number after a label."""
    value = _number(labelled.group(1))
    if value is None:
        return []
    if labelled.group(2):
        value += Decimal("0.5")
    scale = _scale(labelled.group(3)) if labelled.group(3) else (10 if value > 5 else 5)
    rating = to_half_stars(value, scale, labelled.group())
    return [(labelled.start(), rating)] if rating else []


def _out_of(line: str, labelled: re.Match[str] | None) -> list[tuple[int, FoundRating]]:
    """ "4/5", "8 out of 10": outside the labelled rating, which is read already."""
    found: list[tuple[int, FoundRating]] = []
    for match in islice(_OUT_OF.finditer(line), _MAX_HITS):
        if labelled and labelled.start() <= match.start() < labelled.end():
            continue
        # "two out of five characters" is a count, not a rating; "3/5 at best" is a rating
        counted = match.group(5) and match.group(5).casefold() not in ("rating", "overall")
        if counted and ("out of" in match.group().casefold() or not match.group(1).isdigit()):
            continue
        value = _number(match.group(1))
        if value is None:
            continue
        if match.group(2):
            value += Decimal("0.5")
        rating = to_half_stars(value, _scale(match.group(3)), match.group().strip())
        if rating:
            found.append((match.start(), rating))
    return found


def _n_stars(
    line: str, standalone: bool, found: list[tuple[int, FoundRating]]
) -> list[tuple[int, FoundRating]]:
    """ "3.5 stars": where no rating already `found` covers it."""
    more: list[tuple[int, FoundRating]] = []
    n_stars = _N_STARS if standalone else _STARS_IN_PROSE
    for match in islice(n_stars.finditer(line), _MAX_HITS):
        if any(start <= match.start() < start + len(r.text) for start, r in found + more):
            continue
        value = _number(match.group(1))
        if value is None:
            continue
        if match.group(2):
            value += Decimal("0.5")
        rating = to_half_stars(value, 5, match.group())
        if rating:
            more.append((match.start(), rating))
    return more


_RATING_ONLY = re.compile(
    r"^(?:(?:our |my |the )?(?:rating|score|verdict|grade)\b[^:\n]{0,20}: *)?"
    r"[\u2605\u2606\u2b50\u00bd\d./ *]+(?:stars?|out of (?:5|five|10|ten)(?: stars?)?)?$",
    re.IGNORECASE,
)


def is_rating_line(line: str) -> bool:
    """A line that says nothing but the rating: "★★★★☆", "Rating: 4/5", "4 out of 5 stars",
    "**Rating:** 4/5" (emphasis aside)."""
    line = line.replace("**", "").replace("__", "").strip("*_ ")
    return (
        len(line) <= 60
        and bool(_RATING_ONLY.match(line))
        and bool(ratings_in_line(line, standalone=True))
    )
