"""A critic's text to a ParsedText: film, credits, article, sections, mentions and warnings.

Two input families share one pipeline: Markdown with optional YAML front matter (which always
wins over detection) and plain text pasted from the web or a word processor. No Django here;
docs/import-rules.md lists the rules.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from importer.parse.decode import decode_bytes
from importer.parse.film_choice import FilmChoice, choose_film
from importer.parse.front import FrontMatter, read_front_matter, split_front_matter
from importer.parse.names import checked_credits, credits_in_prose
from importer.parse.rating import FoundRating, ratings_in_line
from importer.parse.records import (
    ArticleRecord,
    CreditRecord,
    FilmRecord,
    ImportTextError,
    ParsedText,
    ParseWarning,
    SectionRecord,
)
from importer.parse.scan import Element, Found, Heading, Para, Scanner, has_atx_headings
from importer.parse.sections import build_sections
from importer.parse.text import fingerprint, key, normalise_newlines, plain

_KIND_WORDS = (
    ("review", re.compile(r"\breview\b")),
    (
        "ending",
        re.compile(
            r"\bending\b|\bwhat happens (?:at|in) the end\b|\bfinale\b|\bending,? explained\b"
        ),
    ),
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


# A forum's BBCode ("[b]Copper Saints (2020)[/b]") as the Markdown the rest of the parse reads;
# [spoiler] is left to the spoiler rules, which hide what it wraps.
_BBCODE_MARKS = (
    (re.compile(r"\[b\](.*?)\[/b\]", re.I | re.S), r"**\1**"),
    (re.compile(r"\[i\](.*?)\[/i\]", re.I | re.S), r"*\1*"),
    (re.compile(r"\[url=([^\]\s]{1,500})\](.*?)\[/url\]", re.I | re.S), r"[\2](\1)"),
    (re.compile(r"\[/?(?:u|s|size|color|font|center|small|quote)(?:=[^\]]{0,40})?\]", re.I), ""),
)


def bbcode_to_markdown(text: str) -> str:
    for pattern, markdown in _BBCODE_MARKS:
        text = pattern.sub(markdown, text)
    return text


def parse_text(text: str, *, source_name: str = "", film_hint: str | None = None) -> ParsedText:
    """Parse one text; raises ImportTextError when it cannot be imported."""
    del source_name  # the caller names the file in its own messages
    text = normalise_newlines(text)
    _check_size(text)
    if "[/" in text:
        text = bbcode_to_markdown(text)
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

    choice = choose_film(front, film_hint, found, elements, warnings)
    film, mentions = choice.film, choice.mentions
    title_words = [f.title for f in choice.films] + [c.title for c in choice.candidates]
    title_words += [m.title for m in mentions]
    credits = _film_credits(choice, lines, offset, front, found, paragraphs, title_words, warnings)
    article, sections = _article(front, found, elements, paragraphs, film, warnings)
    return ParsedText(
        film=film,
        credits=tuple(credits),
        article=article,
        sections=tuple(sections),
        mentions=tuple(mentions),
        warnings=tuple(warnings),
        fingerprint=fingerprint(text),
        candidates=choice.candidates,
        films=choice.films,
        dropped=tuple(found.dropped),
        byline=found.byline,
    )


def _check_size(text: str) -> None:
    """Refuses an empty text, or one too long to be an article."""
    if not text.strip():
        raise ImportTextError("text is empty")
    line_count = text.count("\n") + 1
    if line_count > MAX_LINES:
        raise ImportTextError(f"text has {line_count:,} lines; the limit is {MAX_LINES:,}")


def _article(
    front: FrontMatter,
    found: Found,
    elements: list[Element],
    paragraphs: list[Para],
    film: FilmRecord | None,
    warnings: list[ParseWarning],
) -> tuple[ArticleRecord, list[SectionRecord]]:
    """The article and its sections: kind, rating and title read from the text and the front."""
    ratings = _ratings(found, paragraphs)
    has_headings = any(isinstance(e, Heading) for e in elements)
    stated = _stated_kind(front, found, has_headings, ratings, warnings)
    sections = build_sections(
        elements, stated or "review", warnings, has_standfirst=bool(front.standfirst)
    )
    if not sections:
        raise ImportTextError("text has headings but no prose under them")
    kind = _checked_kind(stated, front, found, sections, ratings, warnings)
    rating = _rating(front, kind, ratings, warnings)
    title = _title(front, found, film, kind, warnings)
    _warn_dropped(found, warnings)
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
    return article, sections


def _warn_dropped(found: Found, warnings: list[ParseWarning]) -> None:
    """One warning for all the furniture dropped, naming its kinds."""
    if found.dropped:
        warnings.append(
            ParseWarning(
                f"dropped {len(found.dropped)} line(s) of web-page furniture ("
                + ", ".join(dict.fromkeys(d.reason for d in found.dropped))
                + ")",
                found.dropped[0].line,
            )
        )


# --- people ------------------------------------------------------------------------------------


def _credits(
    front: FrontMatter,
    found: Found,
    paragraphs: list[Para],
    title_words: list[str],
    film: FilmRecord | None,
    warnings: list[ParseWarning],
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
    return checked_credits(detected, warnings)


def _film_credits(
    choice: FilmChoice,
    lines: list[str],
    offset: int,
    front: FrontMatter,
    found: Found,
    paragraphs: list[Para],
    title_words: list[str],
    warnings: list[ParseWarning],
) -> list[CreditRecord]:
    """Each credit goes to the film whose part of the text names it (a double bill's second
    part credits the second film)."""
    if len(choice.films) < 2:
        return _credits(front, found, paragraphs, title_words, choice.film, warnings)
    result: list[CreditRecord] = []
    for index, film in enumerate(choice.films):
        mine = [p for p in paragraphs if choice.film_at(p.line, p.text) == index]
        # Cast and crew lines carry no line number: a line naming the person places them.
        part = Found(
            cast=[c for c in found.cast if index in _parts_naming(choice, c, lines, offset)],
            crew=[c for c in found.crew if index in _parts_naming(choice, c, lines, offset)],
        )
        main = front if index == 0 else FrontMatter()
        credits = _credits(main, part, mine, title_words, film, warnings)
        result += [replace(credit, film=index) for credit in credits]
    return result


def _parts_naming(
    choice: FilmChoice, credit: CreditRecord, lines: list[str], offset: int
) -> set[int]:
    parts = {
        choice.film_at(offset + number + 1, line)
        for number, line in enumerate(lines)
        if credit.person in line
    }
    return parts or {0}


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
            # Only reviews carry a rating (article_rating_only_reviews); the stated kind wins.
            warnings.append(
                ParseWarning(
                    f"front matter 'rating' {front.rating} dropped: only reviews have a rating, "
                    f"and this is {'an' if kind[:1] in 'aeiou' else 'a'} {kind}",
                    1,
                )
            )
            return None
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


def _stated_kind(
    front: FrontMatter,
    found: Found,
    has_headings: bool,
    ratings: list[tuple[int, FoundRating]],
    warnings: list[ParseWarning],
) -> str | None:
    """The kind front matter, the list shape, a rating or the title states; None if none does."""
    if front.kind:
        return front.kind
    if found.is_list:
        return "list"
    says = _title_says(front, found)
    if front.rating is not None or ratings:
        # An explicit rating is the critic saying "review", whatever the headings are about.
        others = sorted(says - {"review"})
        if others:
            warnings.append(
                ParseWarning(
                    f"the title reads like {' and '.join(others)}, but the text gives a rating; "
                    "imported as a review (set 'kind' in front matter to choose)"
                )
            )
        return "review"
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
    all_spoiler = bool(sections) and all(section.is_spoiler for section in sections)
    if stated == "ending" and not front.kind and "ending" not in has and not all_spoiler:
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
        bare = " ".join(found.title.split())
        if film and film.year and key(bare) == key(f"{film.title} {film.year}"):
            # A Letterboxd header "Title  2016" names the film; it is not an article title.
            return f"{film} {_DERIVED_TITLE[kind]}"[:200]
        return found.title[:200]
    name = str(film) if film else "Untitled"
    title = f"{name} {_DERIVED_TITLE[kind]}"
    warnings.append(ParseWarning(f"no title line; titled the article {title!r}"))
    return title
