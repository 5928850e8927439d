"""Which film a text is about, from all the evidence; and the other films it mentions.

No Django here: the films already on the site are weighed later, in importer/resolve.py.
docs/import-rules.md lists the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importer.parse import films as film_text
from importer.parse.front import FrontMatter
from importer.parse.records import FilmCandidate, FilmRecord, ImportTextError, Mention, ParseWarning
from importer.parse.scan import Element, Found, Heading, Image, Para
from importer.parse.text import plain

_TITLE_LINE_FILM = (
    re.compile(r"^(?:film |movie )?review ?[:|\u2013\u2014-] ?(.+)$", re.IGNORECASE),
    re.compile(
        r"^(.+?) (?:\(\d{4}\) )?(?:movie |film )?(?:review|ending,? explained|explained"
        r"|plot summary|synopsis|recap|themes?|analysis)\b",
        re.IGNORECASE,
    ),
)

# --- the film ----------------------------------------------------------------------------------


@dataclass
class _Candidate:
    title: str
    year: int | None
    score: int = 0
    first: int = 0
    count: int = 0


def choose_film(
    front: FrontMatter,
    film_hint: str | None,
    found: Found,
    elements: list[Element],
    warnings: list[ParseWarning],
) -> tuple[FilmRecord | None, list[Mention], tuple[FilmCandidate, ...]]:
    """The film, the other films mentioned, and the candidates weighed (best first)."""
    candidates = _candidates(found, elements)
    ranked = tuple(
        FilmCandidate(c.title, c.year, float(c.score), (f"'{c.title} ({c.year})' x{c.count}",))
        for c in sorted(candidates, key=lambda c: (-c.score, c.first))
    )
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
            return None, _mentions(candidates, None), ranked
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
    return film, _mentions(candidates, film), ranked


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
