"""A critic's text to a ParsedText: film, credits, article, sections, mentions and warnings.

Two input families share one pipeline: Markdown with optional YAML front matter (which always
wins over detection) and plain text pasted from the web or a word processor. No Django here;
docs/import-rules.md lists the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from importer.parse import films as film_text
from importer.parse.decode import decode_bytes
from importer.parse.front import FrontMatter, read_front_matter, split_front_matter
from importer.parse.names import credits_in_prose
from importer.parse.rating import FoundRating, ratings_in_line
from importer.parse.records import (
    ArticleRecord,
    CreditRecord,
    FilmRecord,
    ImportTextError,
    Mention,
    ParsedText,
    ParseWarning,
    SectionRecord,
)
from importer.parse.scan import Element, Found, Heading, Image, Para, Scanner, has_atx_headings
from importer.parse.sections import build_sections
from importer.parse.text import fingerprint, key, normalise_newlines, plain

_TITLE_LINE_FILM = (
    re.compile(r"^(?:film |movie )?review ?[:|\u2013\u2014-] ?(.+)$", re.IGNORECASE),
    re.compile(
        r"^(.+?) (?:\(\d{4}\) )?(?:movie |film )?(?:review|ending,? explained|explained"
        r"|plot summary|synopsis|recap|themes?|analysis)\b",
        re.IGNORECASE,
    ),
)
_KIND_WORDS = (
    ("review", re.compile(r"\breview\b")),
    ("ending", re.compile(r"\bending\b|\bfinale\b|\bending,? explained\b")),
    ("synopsis", re.compile(r"\bsynopsis\b|\bplot summary\b|\brecap\b|\bplot,? explained\b")),
    ("essay", re.compile(r"\bthemes?\b|\bmeaning\b|\bsymbolism\b|\bessay\b|\banaly[sz]")),
)
_DERIVED_TITLE = {
    "review": "review",
    "synopsis": "plot synopsis",
    "ending": "ending explained",
    "essay": "themes explored",
    "list": "ranked",
}
MAX_LINES = 50_000  # a long essay has a few hundred; more is a mistake or an attack


# --- public API --------------------------------------------------------------------------------


def parse_bytes(
    data: bytes, *, max_bytes: int, source_name: str = "", film_hint: str | None = None
) -> ParsedText:
    """decode_bytes() then parse_text(), with the decoder's warnings first."""
    return decode_and_parse(data, max_bytes=max_bytes, film_hint=film_hint)[1]


def decode_and_parse(
    data: bytes, *, max_bytes: int, film_hint: str | None = None
) -> tuple[str, ParsedText]:
    """parse_bytes(), also returning the decoded text (what an imported article keeps)."""
    text, warnings = decode_bytes(data, max_bytes=max_bytes)
    parsed = parse_text(text, film_hint=film_hint)
    return text, replace(parsed, warnings=(*warnings, *parsed.warnings))


def parse_text(text: str, *, source_name: str = "", film_hint: str | None = None) -> ParsedText:
    """Parse one text; raises ImportTextError when it cannot be imported."""
    del source_name  # the caller names the file in its own messages
    text = normalise_newlines(text)
    if not text.strip():
        raise ImportTextError("text is empty")
    line_count = text.count("\n") + 1
    if line_count > MAX_LINES:
        raise ImportTextError(f"text has {line_count:,} lines; the limit is {MAX_LINES:,}")
    warnings: list[ParseWarning] = []
    data, body, offset = split_front_matter(text)
    front = read_front_matter(data, warnings) if data is not None else FrontMatter()
    lines = body.split("\n")
    markdown = data is not None or has_atx_headings(lines)
    found = Found()
    elements = Scanner(lines, offset, markdown, found, warnings, front.title).scan()
    paragraphs = [e for e in elements if isinstance(e, Para)]
    headings = [e for e in elements if isinstance(e, Heading)]
    if not paragraphs and not headings:
        raise ImportTextError("text has no prose to import (only metadata or page furniture)")

    film, mentions = _choose_film(front, film_hint, found, elements, warnings)
    title_words = [film.title] if film else []
    title_words += [m.title for m in mentions]
    credits = _credits(front, found, paragraphs, title_words, film)

    ratings = _ratings(found, paragraphs)
    stated = _stated_kind(front, found, bool(headings))
    sections = build_sections(elements, stated or "review", warnings)
    if not sections:
        raise ImportTextError("text has headings but no prose under them")
    kind = _checked_kind(stated, front, found, sections, ratings, warnings)
    rating = _rating(front, kind, ratings, warnings)
    title = _title(front, found, film, kind, warnings)
    if found.dropped:
        warnings.append(
            ParseWarning(
                f"dropped {len(found.dropped)} line(s) of web-page furniture "
                "(share buttons, related posts, comment form)",
                found.dropped[0],
            )
        )
    article = ArticleRecord(
        kind=kind,
        title=title,
        standfirst=front.standfirst or "",
        rating=rating,
        verdict=front.verdict or found.verdict or "",
        tags=front.tags if front.tags is not None else tuple(found.tags),
        status=front.status,
        published_at=front.published_at,
        author=front.author,
        slug=front.slug,
    )
    return ParsedText(
        film=film,
        credits=tuple(credits),
        article=article,
        sections=tuple(sections),
        mentions=tuple(mentions),
        warnings=tuple(warnings),
        fingerprint=fingerprint(text),
    )


# --- the film ----------------------------------------------------------------------------------


@dataclass
class _Candidate:
    title: str
    year: int | None
    score: int = 0
    first: int = 0
    count: int = 0


def _choose_film(
    front: FrontMatter,
    film_hint: str | None,
    found: Found,
    elements: list[Element],
    warnings: list[ParseWarning],
) -> tuple[FilmRecord | None, list[Mention]]:
    candidates = _candidates(found, elements)
    hint = film_text.parse_title_year(film_hint) if film_hint and film_hint.strip() else None
    chosen: tuple[str, int | None] | None = None
    if front.film_title:
        chosen = (front.film_title, front.year)
    if hint:
        if chosen and not _same_title(chosen[0], hint[0]):
            raise ImportTextError(
                f"film hint {film_hint!r} disagrees with the front matter film {chosen[0]!r}"
            )
        if chosen and chosen[1] and hint[1] and chosen[1] != hint[1]:
            raise ImportTextError(
                f"film hint {film_hint!r} disagrees with the front matter year {chosen[1]}"
            )
        chosen = (hint[0], hint[1] or (chosen[1] if chosen else None))
    if chosen is None and not found.is_list:
        best = max(candidates, key=lambda c: (c.score, -c.first), default=None)
        if best is not None:
            chosen = (best.title, best.year)
    if chosen is None and not found.is_list and (fallback := _film_without_year(found)):
        chosen = (fallback, None)
    if chosen is None:
        if found.is_list:
            return None, _mentions(candidates, None)
        raise ImportTextError(
            "no film detectable: name it as 'Title (Year)' in the text, in front matter "
            "(film: ...) or with the film hint"
        )
    title, year = chosen
    if front.year is not None and not (hint and hint[1]):
        year = front.year  # front matter wins over the year found in the text
    if year is None:
        same = [c for c in candidates if c.year and _same_title(c.title, title)]
        year = same[0].year if same else found.released
    if year is None:
        warnings.append(ParseWarning(f"no year found for film {title!r}"))
    runtime = front.runtime_minutes or found.runtime
    genres = front.genres if front.genres is not None else tuple(found.genres)
    film = FilmRecord(
        title=title,
        year=year,
        runtime_minutes=runtime,
        genres=tuple(genres),
        countries=tuple(found.countries),
        languages=tuple(found.languages),
        links=tuple(dict.fromkeys(found.links)),
        watch_on=tuple(dict.fromkeys(found.watch_on)),
        original_title=found.original_title,
    )
    return film, _mentions(candidates, film)


def _same_title(one: str, other: str) -> bool:
    return film_text.title_key(one) == film_text.title_key(other)


def _candidates(found: Found, elements: list[Element]) -> list[_Candidate]:
    """Every "Title (Year)" in the text, scored: title line, headings, then how often and early."""
    by_key: dict[tuple[str, int], _Candidate] = {}
    order = 0

    def add(text: str, weight: int) -> None:
        nonlocal order
        for hit in film_text.titles_with_years(plain(text.replace("\n", " "))):
            order += 1
            entry = by_key.setdefault(
                (film_text.title_key(hit.title), hit.year),
                _Candidate(hit.title, hit.year, first=order),
            )
            entry.count += 1
            entry.score += weight

    if found.title:
        add(found.title, 100)
    for element in elements:
        if isinstance(element, Heading):
            add(element.text, 10 if element.kind != "entry" else 1)
        elif isinstance(element, Para):
            add(element.text, 2)
        elif isinstance(element, Image):
            add(element.slot.alt_text, 5)
            add(element.slot.caption, 2)
    for prefix, _ in found.film_refs:
        add(prefix, 10)
    candidates = list(by_key.values())
    # "In The Salt Road (2019)" and "The Salt Road (2019)" are one film: keep the shorter title.
    for candidate in sorted(candidates, key=lambda c: len(c.title)):
        for other in candidates:
            if (
                other is not candidate
                and other.year == candidate.year
                and other.count
                and candidate.count
                and film_text.title_key(other.title).endswith(
                    " " + film_text.title_key(candidate.title)
                )
            ):
                candidate.score += other.score
                candidate.count += other.count
                candidate.first = min(candidate.first, other.first)
                other.count = 0
    return [c for c in candidates if c.count]


def _film_without_year(found: Found) -> str | None:
    """The film named by the title line ("The Salt Road review") or a metadata prefix."""
    texts = [found.title] if found.title else []
    texts += [prefix for prefix, _ in found.film_refs]
    for text in texts:
        text = plain(text)
        for pattern in _TITLE_LINE_FILM:
            match = pattern.match(text)
            if match:
                title = film_text.clean_title(re.split(r"[:|]| - ", match.group(1))[0])
                title = re.sub(r"(?i)(?:'s)? (?:movie|film)$", "", title).strip()
                if title and title[0].isupper() and len(title) <= 150:
                    return title
    for prefix, _ in found.film_refs:
        title = film_text.clean_title(re.sub(r"(?i)(?:'s)? *(?:movie|film)$", "", plain(prefix)))
        if title and title[0].isupper():
            return title
    return None


def _mentions(candidates: list[_Candidate], film: FilmRecord | None) -> list[Mention]:
    mentions = []
    for candidate in sorted(candidates, key=lambda c: c.first):
        if (
            film is not None
            and _same_title(candidate.title, film.title)
            and candidate.year in (film.year, None)
        ):
            continue
        mentions.append(Mention(candidate.title, candidate.year))
    return mentions


# --- people ------------------------------------------------------------------------------------


def _credits(
    front: FrontMatter,
    found: Found,
    paragraphs: list[Para],
    title_words: list[str],
    film: FilmRecord | None,
) -> list[CreditRecord]:
    detected: list[CreditRecord] = []
    for paragraph in paragraphs:
        detected.extend(
            credits_in_prose(plain(paragraph.text.replace("\n", " ")), not_names=title_words)
        )
    detected += found.crew + found.cast
    if front.cast is not None:
        # Front matter wins: its cast replaces the actors found in the prose.
        detected = [c for c in detected if c.role != "actor"] + list(front.cast)
    if front.crew:
        roles = {credit.role for credit in front.crew}
        detected = [c for c in detected if c.role not in roles] + list(front.crew)
    return _dedupe_credits(detected)


def _dedupe_credits(credits: Iterable[CreditRecord]) -> list[CreditRecord]:
    """One credit per person, role and character; a character beats no character."""
    result: dict[tuple[str, str, str | None], CreditRecord] = {}
    for credit in credits:
        result.setdefault((credit.person, credit.role, credit.character), credit)
    with_character = {(c.person, c.role) for c in result.values() if c.character}
    return [
        credit
        for (person, role, character), credit in result.items()
        if character or (person, role) not in with_character
    ]


# --- rating, kind and title --------------------------------------------------------------------


def _ratings(found: Found, paragraphs: list[Para]) -> list[tuple[int, FoundRating]]:
    ratings = list(found.ratings)
    for index, paragraph in enumerate(paragraphs):
        last = index == len(paragraphs) - 1
        for line_offset, line in enumerate(paragraph.text.split("\n")):
            for rating in ratings_in_line(plain(line), standalone=last and len(line) < 120):
                ratings.append((paragraph.line + line_offset, rating))
    return sorted(ratings, key=lambda item: item[0])


def _rating(
    front: FrontMatter,
    kind: str,
    ratings: list[tuple[int, FoundRating]],
    warnings: list[ParseWarning],
) -> Decimal | None:
    if front.rating is not None:
        if kind != "review":
            raise ImportTextError(f"front matter 'rating' is only for reviews; this is a {kind}")
        return front.rating
    if not ratings:
        if kind == "review":
            warnings.append(ParseWarning("rating not given"))
        return None
    line, chosen = ratings[-1]
    if kind != "review":
        warnings.append(
            ParseWarning(f"rating {chosen.text!r} ignored: only reviews have a rating", line)
        )
        return None
    if len({rating.value for _, rating in ratings}) > 1:
        written = ", ".join(repr(rating.text) for _, rating in ratings)
        warnings.append(ParseWarning(f"several ratings ({written}); used the last", line))
    if chosen.rounded:
        warnings.append(
            ParseWarning(f"rating {chosen.text!r} rounded to {chosen.value} half stars", line)
        )
    return chosen.value


def _title_says(front: FrontMatter, found: Found) -> set[str]:
    signal_text = key(front.title or found.title or "")
    return {kind for kind, pattern in _KIND_WORDS if pattern.search(signal_text)}


def _stated_kind(front: FrontMatter, found: Found, has_headings: bool) -> str | None:
    """The kind the front matter, the list shape or the title states; None if they do not."""
    if front.kind:
        return front.kind
    if found.is_list:
        return "list"
    says = _title_says(front, found)
    for kind in ("review", "ending", "synopsis", "essay"):
        if kind in says:
            return kind
    return None if has_headings else "review"


def _checked_kind(
    stated: str | None,
    front: FrontMatter,
    found: Found,
    sections: list[SectionRecord],
    ratings: list[tuple[int, FoundRating]],
    warnings: list[ParseWarning],
) -> str:
    """The stated kind, checked against the sections; else what most of the text is about."""
    has = {section.kind for section in sections}
    if stated == "ending" and not front.kind and "ending" not in has:
        if "synopsis" in _title_says(front, found):
            return "synopsis"
        warnings.append(ParseWarning("the title promises an ending explained; none found"))
    if stated:
        return stated
    words = {"synopsis": 0, "ending": 0, "essay": 0, "other": 0}
    for section in sections:
        group = {"synopsis": "synopsis", "character": "synopsis", "ending": "ending"}.get(
            section.kind, "essay" if section.kind == "theme" else "other"
        )
        words[group] += len(section.body.split())
    if words["synopsis"] + words["ending"] + words["essay"] == 0:
        if not ratings:
            warnings.append(ParseWarning("could not tell the article kind; chose review"))
        return "review"
    total = sum(words.values())
    for kind in ("synopsis", "essay", "ending"):
        if words[kind] * 2 >= total:
            return kind
    chosen = "ending" if words["ending"] else max(("synopsis", "essay"), key=words.__getitem__)
    warnings.append(
        ParseWarning(
            f"could not tell the article kind (no part has most of the text); chose {chosen}"
        )
    )
    return chosen


def _title(
    front: FrontMatter,
    found: Found,
    film: FilmRecord | None,
    kind: str,
    warnings: list[ParseWarning],
) -> str:
    if front.title:
        if found.title and key(found.title) != key(front.title):
            warnings.append(
                ParseWarning(f"front matter title used; the title line {found.title!r} was dropped",
                             found.title_line)
            )  # fmt: skip
        return front.title
    if found.title:
        return found.title[:200]
    name = str(film) if film else "Untitled"
    title = f"{name} {_DERIVED_TITLE[kind]}"
    warnings.append(ParseWarning(f"no title line; titled the article {title!r}"))
    return title
