"""A critic's text to a ParsedText: film, credits, article, sections, mentions and warnings.

Two input families share one pipeline: Markdown with optional YAML front matter (which always
wins over detection) and plain text pasted from the web or a word processor. No Django here;
docs/import-rules.md lists the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from reviews.importer import films as film_text
from reviews.importer.decode import decode_bytes
from reviews.importer.front import FrontMatter, read_front_matter, split_front_matter
from reviews.importer.lines import (
    ends_sentence,
    entry_heading,
    is_caption,
    is_cruft,
    is_spoiler_marker,
    looks_like_heading,
    part_kind,
    starts_cruft_block,
    who_is,
)
from reviews.importer.metadata import (
    is_stub,
    metadata_fields,
    parse_links,
    parse_runtime,
    site_for_url,
    split_list,
    urls_in,
)
from reviews.importer.names import credits_in_prose, is_character_name, parse_cast_entry
from reviews.importer.rating import FoundRating, is_rating_line, ratings_in_line
from reviews.importer.records import (
    ArticleRecord,
    CreditRecord,
    FilmRecord,
    ImageSlot,
    ImportTextError,
    LinkRecord,
    Mention,
    ParsedText,
    ParseWarning,
    SectionRecord,
)
from reviews.importer.text import fingerprint, key, normalise_newlines, plain

SPOILER_KINDS = frozenset({"synopsis", "ending"})
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
_MD_IMAGE = re.compile(r"^!\[([^\]\n]{0,300})\]\(([^()\s]{0,500})(?: \"([^\"\n]{0,300})\")?\)$")
_FENCE = re.compile(r"^(?:```|~~~)")
_VERDICT_LINE = re.compile(r"^(?:the |our |my |final )?verdict ?[:\u2013\u2014-] ?(\S.*)$", re.I)
_ONLY_URL = re.compile(r"^<?https?://\S+>?$", re.IGNORECASE)
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
_HEADLESS_BODY_KIND = {
    "review": "analysis",
    "essay": "theme",
    "synopsis": "synopsis",
    "ending": "ending",
    "list": "analysis",
}
_MIN_RANK_ENTRIES = 3  # this many numbered "1. Title (Year)" lines make a ranked list
MAX_LINES = 50_000  # a long essay has a few hundred; more is a mistake or an attack


# --- elements the scanner produces -------------------------------------------------------------


@dataclass
class _Heading:
    text: str
    line: int
    is_part: bool = False  # a top-level part ("... Plot Summary"), not a sub-heading
    kind: str | None = None
    character: str | None = None


@dataclass
class _Para:
    text: str
    line: int


@dataclass
class _Image:
    slot: ImageSlot
    line: int


@dataclass
class _Marker:
    line: int


_Element = _Heading | _Para | _Image | _Marker


@dataclass
class _Found:
    """What the scanner learnt outside the prose: metadata lines, rating lines, the title."""

    title: str | None = None
    title_line: int | None = None
    ratings: list[tuple[int, FoundRating]] = field(default_factory=list)
    crew: list[CreditRecord] = field(default_factory=list)
    cast: list[CreditRecord] = field(default_factory=list)
    runtime: int | None = None
    genres: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    links: list[LinkRecord] = field(default_factory=list)
    watch_on: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    released: int | None = None
    original_title: str | None = None
    verdict: str | None = None
    film_refs: list[tuple[str, int]] = field(default_factory=list)  # metadata-line prefixes
    dropped: list[int] = field(default_factory=list)
    is_list: bool = False


# --- public API --------------------------------------------------------------------------------


def parse_bytes(
    data: bytes, *, max_bytes: int, source_name: str = "", film_hint: str | None = None
) -> ParsedText:
    """decode_bytes() then parse_text(), with the decoder's warnings first."""
    text, warnings = decode_bytes(data, max_bytes=max_bytes)
    parsed = parse_text(text, source_name=source_name, film_hint=film_hint)
    return ParsedText(
        film=parsed.film,
        credits=parsed.credits,
        article=parsed.article,
        sections=parsed.sections,
        mentions=parsed.mentions,
        warnings=(*warnings, *parsed.warnings),
        fingerprint=parsed.fingerprint,
    )


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
    markdown = data is not None or any(_ATX.match(line) for line in lines[:5000])
    found = _Found()
    elements = _Scanner(lines, offset, markdown, found, warnings, front.title).scan()
    paragraphs = [e for e in elements if isinstance(e, _Para)]
    headings = [e for e in elements if isinstance(e, _Heading)]
    if not paragraphs and not headings:
        raise ImportTextError("text has no prose to import (only metadata or page furniture)")

    film, mentions = _choose_film(front, film_hint, found, elements, warnings)
    title_words = [film.title] if film else []
    title_words += [m.title for m in mentions]
    credits = _credits(front, found, paragraphs, title_words, film)

    ratings = _ratings(found, paragraphs)
    stated = _stated_kind(front, found, bool(headings))
    sections = _build_sections(elements, stated or "review", warnings)
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


# --- scanning lines ----------------------------------------------------------------------------


class _Scanner:
    """One pass over the lines: drops furniture, reads metadata, emits headings and paragraphs."""

    def __init__(
        self,
        lines: list[str],
        offset: int,
        markdown: bool,
        found: _Found,
        warnings: list[ParseWarning],
        front_title: str | None = None,
    ) -> None:
        self.front_title = front_title
        self.lines = lines
        self.offset = offset
        self.markdown = markdown
        self.found = found
        self.warnings = warnings
        self.elements: list[_Element] = []
        self.block: list[tuple[str, str, int]] = []  # (raw, plain, line number)
        self.seen_content = False
        self.in_cruft_block = False
        self.in_fence = False
        self.cast_list = False
        self.entry_lines = self._entry_lines()
        found.is_list = len(self.entry_lines) >= _MIN_RANK_ENTRIES

    def _entry_lines(self) -> set[int]:
        entries = set()
        for index, line in enumerate(self.lines):
            line = line.strip()
            if (
                line[:1] in "#0123456789Nn"
                and line
                and (entry_heading(plain(line)) or entry_heading(plain(line.lstrip("# "))))
            ):
                entries.add(index)
        return entries

    def number(self, index: int) -> int:
        return self.offset + index + 1

    def scan(self) -> list[_Element]:
        index = 0
        while index < len(self.lines):
            index = self._line(index)
        self._flush()
        return self.elements

    def _next_nonblank(self, index: int) -> int | None:
        for later in range(index + 1, len(self.lines)):
            if self.lines[later].strip():
                return later
        return None

    def _line(self, index: int) -> int:
        raw = self.lines[index].rstrip()
        stripped = raw.strip()
        if not stripped:
            self._flush()
            self.cast_list = False
            return index + 1
        if self.markdown and _FENCE.match(stripped):
            self.in_fence = not self.in_fence
            self.block.append((raw, stripped, self.number(index)))
            return index + 1
        if self.in_fence:
            self.block.append((raw, stripped, self.number(index)))
            return index + 1
        text = plain(stripped)
        lowered = text.casefold()
        if self.in_cruft_block:
            if is_cruft(lowered) or (len(text) <= 150 and not ends_sentence(text)):
                self.found.dropped.append(self.number(index))
                return index + 1
            self.in_cruft_block = False
        if is_cruft(lowered):
            self._flush()
            self.in_cruft_block = starts_cruft_block(lowered)
            self.found.dropped.append(self.number(index))
            return index + 1
        if is_spoiler_marker(lowered):
            self._flush()
            self.elements.append(_Marker(self.number(index)))
            return index + 1
        if self.cast_list and len(text) <= 80 and not ends_sentence(text):
            credit = parse_cast_entry(text)
            if credit:
                self.found.cast.append(credit)
                return index + 1
        if self._structured_line(index, stripped, text):
            self._flush()
            return index + 1
        image_end = self._image(index, stripped, text)
        if image_end is not None:
            return image_end
        heading_end = self._heading(index, raw, stripped, text)
        if heading_end is not None:
            return heading_end
        self.seen_content = True
        self.block.append((raw, text, self.number(index)))
        return index + 1

    # metadata, ratings, verdict lines, stubs, bare links
    def _structured_line(self, index: int, stripped: str, text: str) -> bool:
        found = self.found
        number = self.number(index)
        if is_rating_line(text):
            found.ratings.extend((number, r) for r in ratings_in_line(text, standalone=True))
            return True
        verdict = _VERDICT_LINE.match(stripped)
        if verdict and len(stripped) <= 300:
            ratings = ratings_in_line(text, standalone=True)
            found.ratings.extend((number, r) for r in ratings)
            words = verdict.group(1)
            for rating in ratings:
                words = words.replace(rating.text, "")
            found.verdict = words.strip(" ,;:-\u2013\u2014") or None
            return True
        fields = metadata_fields(text)
        if fields is None:
            if is_stub(text):
                found.links.extend(LinkRecord(site_for_url(url), url) for url in urls_in(text))
                return True
            if _ONLY_URL.match(text):
                url = text.strip("<>")
                found.links.append(LinkRecord(site_for_url(url), url))
                return True
            return False
        prefix = text[: fields[0].start].strip()
        if prefix:
            found.film_refs.append((prefix, number))
        for meta in fields:
            self._apply_meta(meta.field, meta.value, number)
        return True

    def _apply_meta(self, name: str, value: str, number: int) -> None:
        found = self.found
        if name == "cast":
            if not value:
                self.cast_list = True  # names follow, one per line
            for entry in _split_names(value):
                credit = parse_cast_entry(entry)
                if credit:
                    found.cast.append(credit)
                else:
                    self.warnings.append(
                        ParseWarning(
                            f"cast entry {entry!r} skipped: not a first and last name", number
                        )
                    )
        elif name == "runtime":
            minutes = parse_runtime(value)
            if minutes is None:
                self.warnings.append(ParseWarning(f"could not read runtime {value!r}", number))
            else:
                found.runtime = minutes
        elif name in ("genres", "countries", "languages", "watch_on"):
            getattr(found, name).extend(split_list(value))
        elif name == "tags":
            found.tags.extend(tag.strip() for tag in value.split(",") if tag.strip())
        elif name == "links":
            found.links.extend(parse_links(value))
        elif name == "trailer":
            found.links.extend(LinkRecord("Trailer", url) for url in urls_in(value))
        elif name == "released":
            years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", value)
            if years:
                found.released = int(years[0])
        elif name == "original_title":
            found.original_title = value or None
        elif name in ("director", "writer", "producer", "cinematographer", "editor", "composer",
                      "production_designer"):  # fmt: skip
            for entry in _split_names(value):
                credit = parse_cast_entry(entry)
                if credit:
                    found.crew.append(CreditRecord(credit.person, name))
                else:
                    self.warnings.append(
                        ParseWarning(f"{name} {entry!r} skipped: not a first and last name", number)
                    )

    def _image(self, index: int, stripped: str, text: str) -> int | None:
        """An image left behind as an alt-text line and a caption line, or a Markdown image."""
        number = self.number(index)
        md_image = _MD_IMAGE.match(stripped)
        if md_image:
            alt, title = md_image.group(1).strip(), (md_image.group(3) or "").strip()
            after = self._next_nonblank(index)
            end = index + 1
            if not title and after is not None and after - index <= 2:
                caption_line = self.lines[after].strip().strip("*_").strip()
                if is_caption(plain(caption_line)):
                    title, end = caption_line, after + 1
            if not alt:
                self.warnings.append(
                    ParseWarning("image has no alt text; used its caption", number)
                )
            self._add_image(ImageSlot(alt or title or "Image", title), number)
            return end
        if is_caption(text):
            self._add_image(ImageSlot(stripped, stripped), number)
            self.warnings.append(
                ParseWarning("image caption without an alt-text line; used it as alt text", number)
            )
            return index + 1
        if len(text) > 150 or ends_sentence(text) or text.endswith(":"):
            return None
        after = self._next_nonblank(index)
        if after is not None and after - index <= 2:
            caption = self.lines[after].strip()
            if is_caption(plain(caption)):
                self._add_image(ImageSlot(stripped, caption), number)
                return after + 1
        title_year = film_text.TITLE_YEAR.match(text)
        if title_year and self.seen_content and not self.markdown and index not in self.entry_lines:
            # A film's name alone mid-text is what is left of an image: its alt text.
            self._add_image(ImageSlot(stripped, ""), number)
            self.warnings.append(
                ParseWarning(f"{stripped!r} alone on a line read as an image's alt text", number)
            )
            return index + 1
        return None

    def _add_image(self, slot: ImageSlot, number: int) -> None:
        self._flush()
        self.seen_content = True
        self.elements.append(_Image(slot, number))

    def _heading(self, index: int, raw: str, stripped: str, text: str) -> int | None:
        number = self.number(index)
        if self.markdown:
            atx = _ATX.match(stripped)
            if atx:
                self._flush()
                is_entry = self.found.is_list and index in self.entry_lines
                level = len(atx.group(1))
                self._add_heading(atx.group(2).strip("*_ "), number, level, entry=is_entry)
                return index + 1
            if (
                index + 1 < len(self.lines)
                and not self.block
                and _SETEXT.match(self.lines[index + 1].strip())
                and len(text) <= 120
            ):
                self._flush()
                level = 1 if self.lines[index + 1].strip().startswith("=") else 2
                self._add_heading(stripped.strip("*_ "), number, level)
                return index + 2
            return None
        is_entry = self.found.is_list and index in self.entry_lines
        if not self.seen_content and self._title_like(index, text):
            self._flush()
            self.found.title = stripped.strip("*_ ")
            self.found.title_line = number
            self.seen_content = True
            return index + 1
        if not (is_entry or looks_like_heading(text)):
            return None
        if not is_entry and not self._stands_alone(index, text):
            return None
        self._flush()
        self._add_heading(
            stripped.strip("*_ "), number, 3 if text.endswith("?") else 2, entry=is_entry
        )
        return index + 1

    def _title_like(self, index: int, text: str) -> bool:
        if len(text) > 200 or ends_sentence(text) or text.endswith(":") or who_is(text):
            return False
        if index in self.entry_lines or is_caption(text):
            return False
        first = text.lstrip("\"'*_")[:1]
        return bool(first) and (first.isupper() or first.isdigit())

    def _stands_alone(self, index: int, text: str) -> bool:
        """A short line is a heading only between paragraphs, not inside a wrapped one."""
        if self.block:
            previous = self.block[-1][1]
            if not (ends_sentence(previous) or previous.endswith(("?", ":"))):
                return False
        after = self._next_nonblank(index)
        if after is None:
            return False  # a short last line is a sign-off, not a heading
        following = plain(self.lines[after].strip())
        if after == index + 1 and following[:1].islower():
            return False
        return not (
            len(text.split()) > 8 and not text.endswith(("?", ":")) and _sentence_like(text)
        )

    def _add_heading(self, text: str, number: int, level: int, *, entry: bool = False) -> None:
        text = text.rstrip(":").strip()
        if not text:
            return
        if self.markdown and level == 1 and not self.seen_content:
            self.seen_content = True
            if self.front_title is None:
                self.found.title = text
                self.found.title_line = number
                return
            if key(text) == key(self.front_title):
                return  # the front matter title, repeated
            level = 2  # front matter has the title, so this is the first section's heading
        self.seen_content = True
        heading = _Heading(text, number)
        detect = plain(text)
        character = who_is(detect)
        if entry:
            heading.kind = "entry"
            heading.is_part = True
        elif character:
            heading.kind = "character"
            if is_character_name(character):
                heading.character = character
        else:
            heading.kind = part_kind(detect.casefold())
            if self.markdown:
                heading.is_part = level <= 2 and not detect.endswith("?")
            else:
                heading.is_part = heading.kind is not None and not detect.endswith("?")
        self.elements.append(heading)

    def _flush(self) -> None:
        if not self.block:
            return
        block, self.block = self.block, []
        if self.markdown:
            self.elements.append(_Para("\n".join(raw for raw, _, _ in block), block[0][2]))
            return
        for paragraph in _paragraphs(block):
            self.elements.append(
                _Para("\n".join(_escape_markdown(raw.strip()) for raw, _, _ in paragraph),
                      paragraph[0][2])
            )  # fmt: skip


def _sentence_like(text: str) -> bool:
    """Many lower-case words: a sentence that lost its full stop, not a title."""
    words = text.split()
    lower = sum(1 for word in words if word[:1].islower())
    return lower > len(words) * 0.6


def _paragraphs(block: list[tuple[str, str, int]]) -> list[list[tuple[str, str, int]]]:
    """Hard-wrapped lines form one paragraph; long one-line paragraphs stay apart."""
    if len(block) == 1:
        return [block]
    longest = max(len(text) for _, text, _ in block)
    wrapped = longest <= 100 and any(not ends_sentence(text) for _, text, _ in block[:-1])
    return [block] if wrapped else [[line] for line in block]


def _escape_markdown(line: str) -> str:
    """Plain text stays plain when the body is rendered as Markdown."""
    if line.startswith("#") or _SETEXT.match(line):
        return "\\" + line
    return line


def _split_names(value: str) -> list[str]:
    """ "A, B and C" -> names, keeping "(Character)" parts together."""
    items = re.split(r" *[,;|\u2022\u00b7] *(?![^()]*\))| and | & ", value)
    return [item.strip() for item in items if item and item.strip()]


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
    found: _Found,
    elements: list[_Element],
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


def _candidates(found: _Found, elements: list[_Element]) -> list[_Candidate]:
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
        if isinstance(element, _Heading):
            add(element.text, 10 if element.kind != "entry" else 1)
        elif isinstance(element, _Para):
            add(element.text, 2)
        elif isinstance(element, _Image):
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


def _film_without_year(found: _Found) -> str | None:
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
    found: _Found,
    paragraphs: list[_Para],
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


def _ratings(found: _Found, paragraphs: list[_Para]) -> list[tuple[int, FoundRating]]:
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


def _title_says(front: FrontMatter, found: _Found) -> set[str]:
    signal_text = key(front.title or found.title or "")
    return {kind for kind, pattern in _KIND_WORDS if pattern.search(signal_text)}


def _stated_kind(front: FrontMatter, found: _Found, has_headings: bool) -> str | None:
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
    found: _Found,
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
    found: _Found,
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


# --- sections ----------------------------------------------------------------------------------


@dataclass
class _Draft:
    heading: str | None
    kind: str
    is_spoiler: bool
    character: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    image: ImageSlot | None = None


def _build_sections(
    elements: list[_Element], article_kind: str, warnings: list[ParseWarning]
) -> list[SectionRecord]:
    headless = not any(isinstance(e, _Heading) for e in elements)
    paragraphs = [e for e in elements if isinstance(e, _Para)]
    body_kind = _HEADLESS_BODY_KIND[article_kind]
    drafts: list[_Draft] = []
    current: _Draft | None = None
    pending: list[_Image] = []
    spoilers_on = False
    part: str | None = None
    context: tuple[str, str | None] | None = None  # kind and character of the last heading

    def close() -> None:
        nonlocal current
        if current is None:
            return
        if current.paragraphs:
            drafts.append(current)
        elif current.image is not None:
            pending.insert(0, _Image(current.image, 0))  # a heading with only a picture
        current = None

    def open_draft(heading: str | None, kind: str, character: str | None) -> _Draft:
        spoiler = spoilers_on or kind in SPOILER_KINDS or part in SPOILER_KINDS
        draft = _Draft(heading, kind, spoiler, character)
        if pending:
            draft.image = pending.pop(0).slot
        return draft

    def headless_kind(paragraph: _Para) -> str:
        if len(paragraphs) == 1:
            return body_kind
        if paragraph is paragraphs[0]:
            return "intro"
        if paragraph is paragraphs[-1] and article_kind == "review":
            return "verdict"
        return body_kind

    for element in elements:
        if isinstance(element, _Marker):
            spoilers_on = True
            close()
        elif isinstance(element, _Heading):
            close()
            kind = element.kind
            if element.is_part:
                part = kind if kind != "verdict" else None
            kind = kind or part or ("theme" if article_kind == "essay" else "analysis")
            context = (kind, element.character)
            current = open_draft(element.text, kind, element.character)
        elif isinstance(element, _Image):
            if current is not None and current.image is None:
                current.image = element.slot
            else:
                close()
                pending.append(element)
        else:
            if headless:
                kind = headless_kind(element)
                spoiler = spoilers_on or kind in SPOILER_KINDS
                if current is not None and (current.kind, current.is_spoiler) != (kind, spoiler):
                    close()
                if current is None:
                    current = open_draft(None, kind, None)
            elif current is None:
                if context is None:
                    current = open_draft(None, "analysis" if spoilers_on else "intro", None)
                else:
                    current = open_draft(None, context[0], context[1])
            if len(pending) > 0 and current.image is None:
                current.image = pending.pop(0).slot
            current.paragraphs.append(element.text)
    close()
    for image in pending:
        if drafts and drafts[-1].image is None:
            drafts[-1].image = image.slot
        else:
            warnings.append(
                ParseWarning(
                    f"image {image.slot.alt_text!r} dropped: no section left to hold it",
                    image.line or None,
                )
            )
    return [
        SectionRecord(
            heading=draft.heading,
            kind=draft.kind,
            is_spoiler=draft.is_spoiler,
            body="\n\n".join(draft.paragraphs),
            image=draft.image,
            character=draft.character,
        )
        for draft in drafts
    ]
