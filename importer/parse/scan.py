"""Lines to elements: drops web furniture, reads metadata, finds headings, images and prose."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from importer.parse import films as film_text
from importer.parse.furniture import continues_block, furniture
from importer.parse.lines import (
    ends_sentence,
    entry_heading,
    is_caption,
    looks_like_heading,
    part_kind,
    who_is,
)
from importer.parse.metadata import (
    is_stub,
    metadata_fields,
    parse_links,
    parse_runtime,
    site_for_url,
    split_list,
    urls_in,
)
from importer.parse.names import is_character_name, is_person_name, parse_cast_entry
from importer.parse.rating import FoundRating, is_rating_line, ratings_in_line
from importer.parse.records import CreditRecord, DroppedLine, ImageSlot, LinkRecord, ParseWarning
from importer.parse.spoilers import (
    START,
    SpoilerNote,
    end_of_spoilers,
    gives_away,
    inline_spoiler_at,
    looks_ahead,
    might_speak_of_spoilers,
    split_sentences,
    spoiler_note,
    unwrap_inline_spoilers,
)
from importer.parse.text import key, plain

_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
_MD_IMAGE = re.compile(r"^!\[([^\]\n]{0,300})\]\(([^()\s]{0,500})(?: \"([^\"\n]{0,300})\")?\)$")
_DETAILS_OPEN = re.compile(r"<details\b[^>]*>(?:\s*<summary>.*?</summary>)?\s*$", re.I)
_DETAILS_CLOSE = re.compile(r"</details>\s*$", re.I)
_SUMMARY = re.compile(r"<summary>.*?</summary>", re.I)
_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?>", re.I)
_BRACKETED = re.compile(r"[*_]*(?:\[[^\[\]]{1,200}\]|\([^()]{1,200}\))[*_.]*")
_FENCE = re.compile(r"^(?:```|~~~)")
_VERDICT_LINE = re.compile(r"^(?:the |our |my |final )?verdict ?[:\u2013\u2014-] ?(\S.*)$", re.I)
# "Directed by Saoirse Lund" alone on a line under a title (Letterboxd): a credit, not a heading.
_CREDIT_LINE = re.compile(
    r"^(?:(?P<role>directed|produced|shot|photographed|edited|music|score)"
    r"|(?P<both>written and directed|directed and written)) by (?P<names>[^.!?:]{3,200})$",
    re.IGNORECASE,
)
_CREDIT_LINE_ROLES = {
    "directed": "director", "produced": "producer",
    "shot": "cinematographer", "photographed": "cinematographer", "edited": "editor",
    "music": "composer", "score": "composer",
}  # fmt: skip
# A thematic break ("---", "* * *", "***") between paragraphs: no text, not a section.
_RULE = re.compile(r"^(?:[-*_](?: ?[-*_]){2,}|[~=]{3,}|[•·—–] ?(?:[•·—–] ?)+)$")
_REVIEW_TITLE = re.compile(r"\breview\b")
_PLOT_TITLE = re.compile(
    r"\bending\b|\bwhat happens (?:at|in) the end\b|\bfinale\b|\bsynopsis\b|\bplot summary\b"
    r"|\brecap\b|\bplot,? explained\b"
)
# A title that asks how the film ends ("What happens at the end of Hollowmere?"): the text
# answers it from its first line, so all of it is spoiler.
_ENDING_QUESTION = re.compile(
    r"^(?:so,? )?(?:what (?:really )?happens (?:at|in) the (?:end|ending|finale)\b"
    r"|how does [^?]{1,80} end\b|who (?:dies|survives|is the killer|did it)\b"
    r"|what does the ending of\b|what (?:is|was) the twist\b)[^?]*\?"
)
_SPOILER_REMARK = re.compile(r"\s*[(\[][^()\[\]]{0,40}spoil[^()\[\]]{0,40}[)\]]\W*$", re.I)
# A line with none of these (no word, no star, no digit) is a separator, not text.
_WORDLESS_KEEP = re.compile(r"[^\W_]|[\u2605\u2606\u00bd*`~]|^[-=_]{3,}$")
_HANDLE = re.compile(r"@?(?=[a-z0-9_.-]*[a-z])[a-z0-9_.-]{3,30}")
_TIMESTAMP = re.compile(r"^\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s")
_HASHTAGS = re.compile(r"^#[^#\s][^#]{0,60}(?:#[^#\s][^#]{0,60}){1,30}$")
_ONLY_URL = re.compile(r"^<?https?://\S+>?$", re.IGNORECASE)
MAX_HEADING = 200  # Section.heading and Article.title hold 200 characters
MIN_RANK_ENTRIES = 3  # this many numbered "1. Title (Year)" lines make a ranked list
SPOILER_KINDS = frozenset({"synopsis", "ending"})  # parts that are spoilers wherever they stand


def has_atx_headings(lines: list[str]) -> bool:
    """A "# Heading" line near the top means the text is Markdown."""
    return any(_ATX.match(line) for line in lines[:5000])


# --- elements the scanner produces -------------------------------------------------------------


@dataclass
class Heading:
    text: str
    line: int
    is_part: bool = False  # a top-level part ("... Plot Summary"), not a sub-heading
    kind: str | None = None
    character: str | None = None


@dataclass
class Para:
    text: str
    line: int


@dataclass
class Image:
    slot: ImageSlot
    line: int


@dataclass
class Marker:
    """A spoiler notice: everything after it is a spoiler, until a marker with `end`."""

    line: int
    end: bool = False


Element = Heading | Para | Image | Marker


@dataclass
class Found:
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
    dropped: list[DroppedLine] = field(default_factory=list)  # page furniture, with the reason
    byline: str | None = None  # "By Jane Doe": the critic the page names
    is_list: bool = False


# --- scanning lines ----------------------------------------------------------------------------


_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+)?\d{1,4}(?:\s+(?:of|/)\s+\d{1,4})?\s+|\s+\d{1,4}\s*$", re.I
)
_PAGE_LINE = re.compile(r"^page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^\d{1,4} of \d{1,4}$", re.I)


def _contents_lists(lines: list[str], entries: set[int]) -> set[int]:
    """A newsletter's "This week:" contents: numbered lines one under another, most without a
    film's year, are a table of contents, not a ranked list ("1. The Salt Road (2019)" lines
    with no blurb between them still are one)."""
    contents: set[int] = set()
    run: list[int] = []
    for index in [*sorted(entries), -2]:
        if run and index == run[-1] + 1:
            run.append(index)
            continue
        with_year = sum(bool(film_text.YEAR_IN_PARENS.search(lines[i])) for i in run)
        if len(run) >= 2 and with_year * 2 < len(run):
            contents.update(run)
        run = [index]
    return contents


def _running_heads(lines: list[str]) -> set[int]:
    """Lines a PDF or a printed page repeats (a journal's head, "Page 2 of 3"): the same words
    on two or more lines once their page numbers are taken out, or a page count alone."""
    keys: dict[str, list[int]] = {}
    heads = set()
    for index, line in enumerate(lines):
        line = " ".join(line.split())
        if _PAGE_LINE.match(line):
            heads.add(index)
        elif any(c.isdigit() for c in line) and 8 <= len(line) <= 120:
            key = _PAGE_NUMBER.sub(" ", line).strip().casefold()
            if key and key != line.casefold() and not key.endswith((".", "!", "?")):
                keys.setdefault(key, []).append(index)
    for found in keys.values():
        if len(found) >= 2:
            heads.update(found)
    return heads


def _quoted(text: str) -> str:
    """A text for a warning: quoted, and cut at 80 characters."""
    return repr(text if len(text) <= 80 else text[:79].rstrip() + "\u2026")


class Scanner:
    """One pass over the lines: drops furniture, reads metadata, emits headings and paragraphs."""

    def __init__(
        self,
        lines: list[str],
        offset: int,
        markdown: bool,
        found: Found,
        warnings: list[ParseWarning],
        front_title: str | None = None,
    ) -> None:
        self.front_title = front_title
        self.lines = lines
        self.offset = offset
        self.markdown = markdown
        self.found = found
        self.warnings = warnings
        self.elements: list[Element] = []
        self.block: list[tuple[str, str, int]] = []  # (raw, plain, line number)
        self.seen_content = False
        self.in_cruft_block = False
        self.cruft_reason = ""
        self.cruft_to_end = False  # readers' comments run to the end of the page
        self.spoilers_on = False
        self.in_fence = False
        self.cast_list = False
        self.entry_lines = self._entry_lines()
        found.is_list = len(self.entry_lines) >= MIN_RANK_ENTRIES
        self.running_heads = _running_heads(lines)

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
        self.contents = _contents_lists(self.lines, entries)
        return entries - self.contents

    def number(self, index: int) -> int:
        return self.offset + index + 1

    def scan(self) -> list[Element]:
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
        """Reads one line and returns the index of the next line to read."""
        raw = self.lines[index].rstrip()
        stripped = raw.strip()
        if not stripped:
            self._flush()
            self.cast_list = False
            return index + 1
        if self._fenced_line(index, raw, stripped) or self._details_line(index, stripped):
            return index + 1
        text = plain(stripped)
        lowered = text.casefold()
        if self._furniture_line(index, text) or self._chrome_line(index, stripped, text):
            return index + 1
        if might_speak_of_spoilers(lowered):
            spoiler_end = self._spoiler_line(index, raw, stripped, text, lowered)
            if spoiler_end is not None:
                return spoiler_end
        if self._cast_entry(text):
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

    def _fenced_line(self, index: int, raw: str, stripped: str) -> bool:
        """A Markdown code fence, or a line inside one: kept in the paragraph as written."""
        if self.markdown and _FENCE.match(stripped):
            self.in_fence = not self.in_fence
        elif not self.in_fence:
            return False
        self.block.append((raw, stripped, self.number(index)))
        return True

    def _furniture_line(self, index: int, text: str) -> bool:
        """A running head, a newsletter's contents, or the web page's furniture (and the block it
        opens): dropped."""
        if index in self.running_heads or index in self.contents:
            self._flush()
            self._drop(index, text, "running head" if index in self.running_heads else "contents")
            return True
        piece = furniture(_TAG.sub("", text) if "<" in text else text)
        if self.in_cruft_block:
            if piece or continues_block(text) or self.cruft_to_end:
                self._drop(index, text, piece.reason if piece else self.cruft_reason)
                return True
            self.in_cruft_block = False
        if not piece:
            return False
        self._flush()
        if piece.starts_block:
            self.in_cruft_block, self.cruft_reason = True, piece.reason
            self.cruft_to_end = piece.ends_text
        if piece.byline and self.found.byline is None:
            self.found.byline = piece.byline
        if piece.rating:
            rated = ratings_in_line(piece.rating, standalone=True)
            self.found.ratings.extend((self.number(index), r) for r in rated)
        self._drop(index, text, piece.reason)
        return True

    def _chrome_line(self, index: int, stripped: str, text: str) -> bool:
        """A separator, a post's tags, the poster's handle or name: dropped, not text."""
        if not self.block and not _WORDLESS_KEEP.search(stripped):
            # "·", "--", "⚠": a line without a word between a page's parts (Medium's chrome).
            self._drop(index, text, "separator")
            return True
        if not self.markdown and _HASHTAGS.match(stripped):
            # "#lantern season #orla finch": a blog platform's tags, not a heading or text.
            self.found.tags.extend(t.strip() for t in stripped.split("#") if t.strip())
            self._drop(index, text, "tags")
            return True
        if self._author_line(index, text):
            return True
        if not self.seen_content and not self.block and _HANDLE.fullmatch(stripped):
            # "cinemagpie" atop a Tumblr or forum post: the poster's handle, not text.
            if self.found.byline is None:
                self.found.byline = stripped.lstrip("@")
            self._drop(index, text, "byline")
            return True
        if _RULE.match(stripped) and not self.block and not self.in_fence:
            next_line = index + 1 < len(self.lines) and self.lines[index + 1].strip()
            if not next_line:  # "---" under a line of text is a Markdown heading, not a rule
                self._drop(index, text, "separator")
                return True
        return False

    def _cast_entry(self, text: str) -> bool:
        """A name under a bare "Cast:" line: one more actor."""
        if self.cast_list and len(text) <= 80 and not ends_sentence(text):
            credit = parse_cast_entry(text)
            if credit:
                self.found.cast.append(credit)
                return True
        return False

    # metadata, ratings, verdict lines, stubs, bare links
    def _author_line(self, index: int, text: str) -> bool:
        """ "Penelope Starck" then "Follow" under a title (Medium): a byline, not a heading."""
        if self.block or len(text) > 60 or not is_person_name(text):
            return False
        after = self._next_nonblank(index)
        if after is None or after - index > 2:
            return False
        piece = furniture(plain(self.lines[after].strip()))
        if piece is None or key(self.lines[after]).strip(" *_") not in ("follow", "subscribe"):
            return False
        if self.found.byline is None:
            self.found.byline = text
        self._drop(index, text, "byline")
        return True

    def _structured_line(self, index: int, stripped: str, text: str) -> bool:
        """A rating, verdict, credit or metadata line, or a bare link: read, not prose."""
        number = self.number(index)
        if is_rating_line(text):
            self.found.ratings.extend((number, r) for r in ratings_in_line(text, standalone=True))
            return True
        verdict = _VERDICT_LINE.match(stripped)
        if verdict and len(stripped) <= 300:
            self._verdict_line(verdict, stripped, text, number)
            return True
        return self._credit_line(text) or self._metadata_line(text, number)

    def _verdict_line(self, verdict: re.Match[str], stripped: str, text: str, number: int) -> None:
        """A "Verdict: ..." line's ratings, and the public verdict unless spoilers are on."""
        found = self.found
        self._flush()  # a spoiler notice in the paragraph above counts
        ratings = ratings_in_line(text, standalone=True)
        found.ratings.extend((number, r) for r in ratings)
        if self.spoilers_on:
            # Below a spoiler notice a verdict is spoiler text, never the public verdict.
            self.warnings.append(
                ParseWarning(
                    "verdict line below a spoiler notice kept in a spoiler section, "
                    "not used as the article's verdict",
                    number,
                )
            )
            self.seen_content = True
            self.block.append((stripped, text, number))
            return
        words = verdict.group(1)
        for rating in ratings:
            words = words.replace(rating.text, "")
        found.verdict = words.strip(" ,;:-\u2013\u2014") or None

    def _credit_line(self, text: str) -> bool:
        """ "Directed by Saoirse Lund": crew, when every name is a person's."""
        credit_line = _CREDIT_LINE.match(text) if len(text) <= 200 else None
        if credit_line:
            names = _split_names(credit_line["names"])
            credits = [parse_cast_entry(name) for name in names]
            if names and all(credits):
                said = credit_line["role"]
                roles = [_CREDIT_LINE_ROLES[said.casefold()]] if said else ["director", "writer"]
                self.found.crew += [
                    CreditRecord(c.person, role) for c in credits if c for role in roles
                ]
                return True
        return False

    def _metadata_line(self, text: str, number: int) -> bool:
        """ "Runtime: 94 min", a stub or a bare link: the film's facts, not prose."""
        found = self.found
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
            self._meta_cast(value, number)
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
            self._meta_crew(name, value, number)

    def _meta_cast(self, value: str, number: int) -> None:
        for entry in _split_names(value):
            credit = parse_cast_entry(entry)
            if credit:
                self.found.cast.append(credit)
            else:
                self.warnings.append(
                    ParseWarning(f"cast entry {entry!r} skipped: not a first and last name", number)
                )

    def _meta_crew(self, role: str, value: str, number: int) -> None:
        for entry in _split_names(value):
            credit = parse_cast_entry(entry)
            if credit:
                self.found.crew.append(CreditRecord(credit.person, role))
            else:
                self.warnings.append(
                    ParseWarning(f"{role} {entry!r} skipped: not a first and last name", number)
                )

    def _image(self, index: int, stripped: str, text: str) -> int | None:
        """An image left behind as an alt-text line and a caption line, or a Markdown image."""
        number = self.number(index)
        md_image = _MD_IMAGE.match(stripped)
        if md_image:
            return self._markdown_image(index, md_image)
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
        return self._title_year_line(index, stripped, text)

    def _markdown_image(self, index: int, md_image: re.Match[str]) -> int:
        """ "![alt](url "title")", its caption maybe on the line below."""
        number = self.number(index)
        alt, title = md_image.group(1).strip(), (md_image.group(3) or "").strip()
        after = self._next_nonblank(index)
        end = index + 1
        if not title and after is not None and after - index <= 2:
            caption_line = self.lines[after].strip().strip("*_").strip()
            if is_caption(plain(caption_line)):
                title, end = caption_line, after + 1
        if not alt:
            self.warnings.append(ParseWarning("image has no alt text; used its caption", number))
        self._add_image(ImageSlot(alt or title or "Image", title), number)
        return end

    def _title_year_line(self, index: int, stripped: str, text: str) -> int | None:
        """A line that is no image but may be the title: "Title (Year)" alone."""
        title_year = film_text.TITLE_YEAR.match(text)
        if (
            title_year
            and self.seen_content
            and not self.markdown
            and self.found.title is None
            and not self._has_prose()
        ):
            # "Title (Year)" alone below a top spoiler notice: the title line, not an image.
            self._flush()
            self.found.title = stripped.strip("*_ ")
            self.found.title_line = self.number(index)
            return index + 1
        # A film's "Title (Year)" alone mid-text is a heading (a festival dispatch's films),
        # never taken for an image's alt text.
        return None

    def _has_prose(self) -> bool:
        return bool(self.block) or any(isinstance(e, Para | Heading) for e in self.elements)

    def _add_image(self, slot: ImageSlot, number: int) -> None:
        self._flush()
        self.seen_content = True
        self.elements.append(Image(slot, number))

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
            self._ending_question(number)
            return index + 1
        if not (is_entry or looks_like_heading(text)) or _TIMESTAMP.match(text):
            return None  # "04:12 Where has it been?": a podcast's timestamp, not a heading
        if not is_entry and not self._stands_alone(index, text):
            return None
        self._flush()
        self._add_heading(
            stripped.strip("*_ "), number, 3 if text.endswith("?") else 2, entry=is_entry
        )
        return index + 1

    def _ending_question(self, number: int) -> None:
        """A title asking how the film ends: everything after it is spoiler."""
        title = key(self.front_title or self.found.title or "")
        if _ENDING_QUESTION.match(title):
            self._start_spoilers(number, True, title)

    def _promises_plot(self) -> bool:
        """The title says the piece tells the ending or the plot (sections.py agrees)."""
        title = key(self.front_title or self.found.title or "")
        return not _REVIEW_TITLE.search(title) and bool(_PLOT_TITLE.search(title))

    def _title_like(self, index: int, text: str) -> bool:
        if len(text) > 200 or ends_sentence(text) or text.endswith(":") or who_is(text):
            return False
        if index in self.entry_lines or is_caption(text):
            return False
        first = text.lstrip("\"'*_\u00ab\u201c\u2018\u201e ")[:1]
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
        if len(text) > MAX_HEADING:
            self.warnings.append(
                ParseWarning(f"heading longer than {MAX_HEADING} characters was shortened", number)
            )
            text = text[: MAX_HEADING - 1].rstrip() + "\u2026"
        if self.markdown and level == 1 and not self.seen_content:
            self.seen_content = True
            if self.front_title is None:
                self.found.title = text
                self.found.title_line = number
                self._ending_question(number)
                return
            if key(text) == key(self.front_title):
                return  # the front matter title, repeated
            level = 2  # front matter has the title, so this is the first section's heading
        self.seen_content = True
        heading = Heading(text, number)
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
        if heading.kind in SPOILER_KINDS or (heading.kind != "entry" and self._promises_plot()):
            self.spoilers_on = True  # what follows a plot or ending heading stays spoiler
        self.elements.append(heading)

    # --- page furniture and spoiler notices ---------------------------------------------------

    def _details_line(self, index: int, stripped: str) -> bool:
        """HTML's folding block: `<details>` hides what a reader has not asked for, so it opens
        a spoiler part (fail closed) and `</details>` ends it; the tags are no text."""
        number = self.number(index)
        if _DETAILS_OPEN.match(stripped):
            self._flush()
            self._start_spoilers(number, True, stripped)
        elif _DETAILS_CLOSE.match(stripped):
            self._flush()
            self._end_spoilers(number, stripped)
        elif not _SUMMARY.fullmatch(stripped):
            return False
        self._drop(index, stripped, "html")
        return True

    def _drop(self, index: int, text: str, reason: str) -> None:
        self.found.dropped.append(DroppedLine(self.number(index), text, reason))

    def _spoiler_line(
        self, index: int, raw: str, stripped: str, text: str, lowered: str
    ) -> int | None:
        """A line that speaks of spoilers; None lets the other rules read it (a heading)."""
        number = self.number(index)
        if end_of_spoilers(lowered):
            self._flush()
            self._end_spoilers(number, text)
            return index + 1
        spans = split_sentences(stripped)
        notes = [spoiler_note(key(span)) for span in spans]
        if not any(note and note.kind == START for note in notes):
            return None
        if self._notice_line(stripped, text, number, spans, notes):
            return index + 1
        first = notes[0]
        starts_paragraph = first is not None and first.kind == START
        if self._title_with_notice(index, stripped, text):
            return index + 1
        atx = self.markdown and _ATX.match(stripped)
        if atx or (starts_paragraph and looks_like_heading(text) and not self.block):
            # A heading that speaks of spoilers ("The ending (spoilers!)") stays a heading, and
            # a title line that does ("... ending explained (spoilers)") stays the title.
            self._flush()
            seen_content = self.seen_content
            self._start_spoilers(number, first.sure if first else False, text)
            self.seen_content = seen_content
            return None
        if starts_paragraph:
            self._flush()  # the notice opens a paragraph; _flush() splits off its words
        self.seen_content = True
        self.block.append((raw, text, number))
        return index + 1

    def _notice_line(
        self,
        stripped: str,
        text: str,
        number: int,
        spans: list[str],
        notes: list[SpoilerNote | None],
    ) -> bool:
        """A line that only announces spoilers: a marker, not text."""
        pairs = zip(spans, notes, strict=True)
        # "[Spoilers ahead - skip to the verdict]": a bracketed line is one notice, whole.
        bracketed = _BRACKETED.fullmatch(stripped) is not None and notes[0] is not None
        only_notices = all((note and note.notice) or not span.strip() for span, note in pairs)
        if not (bracketed or only_notices):
            return False
        self._flush()  # the line only announces spoilers: a marker, not text
        for note in notes:
            if note and note.kind == START:
                self._start_spoilers(number, note.sure, text)
        return True

    def _title_with_notice(self, index: int, stripped: str, text: str) -> bool:
        """A title line with a spoiler remark after it: the title, and a notice."""
        remark = _SPOILER_REMARK.search(text)
        title = not self.markdown and not self.seen_content and remark
        if not (title and self._title_like(index, text[: remark.start()])):
            return False
        # "The Salt Road ending explained (spoilers!)": the title, and a notice.
        number = self.number(index)
        self.found.title = stripped.strip("*_ ")
        self.found.title_line = number
        self._start_spoilers(number, True, text)
        return True

    def _start_spoilers(self, number: int, sure: bool, words: str) -> None:
        if self.spoilers_on:
            return
        self.spoilers_on = True
        self.seen_content = True  # nothing after a notice becomes the title
        self.elements.append(Marker(number))
        if not sure:
            self.warnings.append(
                ParseWarning(
                    f"{_quoted(words)} speaks of spoilers; to be safe everything from here on is a "
                    "spoiler: check where the spoilers really start",
                    number,
                )
            )

    def _end_spoilers(self, number: int, words: str) -> None:
        if self.spoilers_on:
            self.spoilers_on = False
            self.elements.append(Marker(number, end=True))
        else:
            self.warnings.append(ParseWarning(f"{words!r} ends no spoiler part; dropped", number))

    def _paragraph(self, text: str, line: int) -> None:
        """A paragraph, split where a sentence in it announces spoilers (the rest is spoiler)."""
        if "```" in text or "~~~" in text or not might_speak_of_spoilers(key(text)):
            self.elements.append(Para(text, line))
            return
        hidden = inline_spoiler_at(text)
        if hidden is not None:
            self._inline_spoiler(text, line, hidden)
            return
        kept: list[str] = []
        kept_line = line
        offset = 0
        for span in split_sentences(text):
            span_line = line + text.count("\n", 0, offset)
            offset += len(span)
            note = spoiler_note(key(span))
            if note is None and not self.spoilers_on and gives_away(key(span)):
                self._given_away(span, line, span_line)
            if note is not None and note.kind == START:
                kept = self._notice_in_paragraph(span, note, kept, kept_line, line, span_line)
                if note.notice:
                    continue
            elif note is not None and self.spoilers_on:
                self.warnings.append(
                    ParseWarning(
                        f"{plain(span)!r} inside a paragraph does not end the spoilers; put it "
                        "on a line of its own",
                        span_line,
                    )
                )
            if not kept:
                kept_line = span_line
                span = span.lstrip()
            kept.append(span)
        rest = "".join(kept).rstrip()
        if rest:
            self.elements.append(Para(rest, kept_line))

    def _given_away(self, span: str, line: int, span_line: int) -> None:
        """A sentence that gives the ending away: its paragraph on is spoiler."""
        self._start_spoilers(line, True, plain(span))
        self.warnings.append(
            ParseWarning(
                f"{_quoted(plain(span).strip())} reads like an ending or a twist given away: "
                "its paragraph and everything after it are spoiler; check",
                span_line,
            )
        )

    def _notice_in_paragraph(
        self,
        span: str,
        note: SpoilerNote,
        kept: list[str],
        kept_line: int,
        line: int,
        span_line: int,
    ) -> list[str]:
        """A sentence announcing spoilers: the text before it stays public unless the notice
        may mean it too. Returns the sentences still kept for the paragraph."""
        if not self.spoilers_on and kept and not looks_ahead(key(span)):
            # "... the town never existed. Spoiler, obviously.": the notice may mean
            # what came before it, so the whole paragraph is spoiler.
            self._start_spoilers(line, True, plain(span))
            self.warnings.append(
                ParseWarning(
                    f"{plain(span).strip()!r} does not say the spoilers come after it: "
                    "the whole paragraph is a spoiler",
                    span_line,
                )
            )
        if not self.spoilers_on:
            before = "".join(kept).rstrip()
            if before:
                self.elements.append(Para(before, kept_line))
                self.warnings.append(
                    ParseWarning(
                        "paragraph split at a spoiler notice: the text before it stays "
                        "public, the rest is a spoiler",
                        span_line,
                    )
                )
            kept = []
            self._start_spoilers(span_line, note.sure, plain(span))
        return kept

    def _inline_spoiler(self, text: str, line: int, at: int) -> None:
        """ "It ends >!in fire!< and ...": the sentence that hides words, and all after it, is
        spoiler; the sentences before it stay public (and are read for notices as usual)."""
        start = max(text.rfind(end, 0, at) for end in (". ", "! ", "? ", "\n"))
        start = 0 if start < 0 else start + 1
        if text[:start].strip():
            self._paragraph(text[:start].rstrip(), line)
        if not self.spoilers_on:
            self._start_spoilers(line + text.count("\n", 0, at), True, text[start:])
            if text[:start].strip():
                self.warnings.append(
                    ParseWarning(
                        "paragraph split at words hidden as a spoiler (>!...!< or ||...||): "
                        "the text before stays public, the rest is a spoiler",
                        line,
                    )
                )
        rest = unwrap_inline_spoilers(text[start:]).strip()
        if rest:
            self.elements.append(Para(rest, line + text.count("\n", 0, start)))

    def _flush(self) -> None:
        if not self.block:
            return
        block, self.block = self.block, []
        if self.markdown:
            self._paragraph("\n".join(raw for raw, _, _ in block), block[0][2])
            return
        for paragraph in _paragraphs(block):
            self._paragraph(
                "\n".join(_escape_markdown(raw.strip()) for raw, _, _ in paragraph),
                paragraph[0][2],
            )


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
