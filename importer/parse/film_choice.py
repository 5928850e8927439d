"""Which film (or films) a text is about, weighed from all the evidence; the others it mentions.

Every way a text names a film adds to that film's score: the title line or header ("Title
(Year)", "Title Year" as Letterboxd prints it, "Title, Year", "Title - review"), headings,
metadata prefixes, image alt text, "Title (Year)" in the prose, and how often the bare title
recurs there ("Title's", "in Title" count a little more). A passing "Other Film (Year)" scores
2; a bare title named a dozen times scores 18 or more. Front matter and the film hint are
decisive. No Django here: the films on the site and the rest of the run are weighed in
importer/resolve.py. docs/import-rules.md §6 lists the rules.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from importer.parse import films as film_text
from importer.parse.front import FrontMatter
from importer.parse.names import is_person_name
from importer.parse.records import FilmCandidate, FilmRecord, ImportTextError, Mention, ParseWarning
from importer.parse.scan import Element, Found, Heading, Image, Para
from importer.parse.text import plain

# Weights: what each kind of evidence adds to a film's score.
DECISIVE = 1000.0  # front matter `film`, the film hint
TITLE_LINE = 40.0
NAMED_IN_TITLE_LINE = 30.0  # the bare title inside a longer title line
HEADING = 10.0
METADATA = 10.0
ALT_TEXT = 5.0
MARKED = 1.0  # italicised or quoted in the prose, each time (on top of the bare use)
ENTRY = 1.0
WITH_YEAR = 2.0  # "Title (Year)" in the prose, each time
BARE = 1.5  # the bare title in the prose, each time
CONTEXT = 0.5  # ... more when it reads "Title's" or "in Title"
SITE = 10.0  # importer/resolve.py: the bare title names exactly one film on the site
CLOSE = 0.75  # a rival with this share of the winner's score makes the choice a close call
CO_FILM = 0.5  # a film also named in the title line with this share is one of the text's films
MAX_CANDIDATES = 40  # kept for counting; the report shows the best few
SHOWN = 8
DISCOVER_MIN = 3  # a phrase found only in the prose needs this many uses to be a candidate

_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
# "The Salt Road 2019", "The Salt Road, 2019", "The Salt Road [2019]" (a header, not prose).
_HEADER_YEAR = re.compile(
    rf"^(?P<title>.+?),? [\[(]?{_YEAR}[\])]?"
    r"(?: [-|:] .*| (?:film |movie )?review| directed by .*)?$",
    re.IGNORECASE,
)
_REVIEW_WORDS = (
    r"(?:film |movie )?(?:review|ending,? explained|explained|plot summary|synopsis|recap"
    r"|themes?|analysis)"
)
_HEADER_NO_YEAR = (
    re.compile(r"^(?:film |movie )?review ?[:|-] ?(?P<title>.+)$", re.IGNORECASE),
    re.compile(rf"^(?P<title>.+?) ?(?:\(\d{{4}}\) )?[-:|]? ?{_REVIEW_WORDS}\b", re.IGNORECASE),
)
_SMALL = film_text._TITLE_SMALL_WORDS
_NOT_FIRST = film_text._NEVER_TITLE_START | film_text._LEADING_NOT_TITLE
# A capitalised run: a title-cased phrase in running text (no sentence punctuation inside).
_RUN = re.compile(
    r"(?<![\w'])(?:[A-Z0-9][\w'\u00C0-\u024F.-]*)"
    r"(?: (?:(?:of|the|and|in|on|at|to|for|a|an|de|la|le|du|des|del|el|y|vs\.?|&|-) )*"
    r"(?:[A-Z0-9][\w'\u00C0-\u024F-]*))*"
)
_EMPHASIS = re.compile(r"(?<![\w*_])([*_]{1,2})([A-Z0-9][^*_\n]{0,80}?)\1(?![\w*_])")
_QUOTED = re.compile(r'"([A-Z0-9][^"\n]{0,80}?)"')
# Words that end in a colon before a title without being part of it.
_LABELS = frozenset({
    "verdict", "review", "rating", "director", "cast", "film", "movie", "watch", "update",
    "spoilers", "spoiler", "note", "score", "warning", "also read", "read more", "see also",
    "related", "starring", "title", "original title", "sequel", "remake", "prequel",
})  # fmt: skip
MAX_RUNS = 5000  # capitalised runs read per text; a real text has a few hundred
_YEAR_NEXT = re.compile(r" ?\((?:1[89]|20)\d\d\)")


@dataclass
class _Candidate:
    title: str
    key: str
    first: int
    score: float = 0.0
    years: Counter[int] = field(default_factory=Counter)  # the weight each year has
    evidence: dict[str, int] = field(default_factory=dict)  # what, how many times
    in_title_line: bool = False
    headings: list[int] = field(default_factory=list)  # lines of non-entry headings naming it
    entries: list[int] = field(default_factory=list)  # lines of ranked-list entries naming it
    prose: int = 0  # times named in the prose, with or without a year
    fixed: bool = False  # front matter or the film hint
    marked: bool = False  # italicised or quoted in the prose, as titles are
    structural: bool = False  # named by the title line, a heading, metadata or an image

    @property
    def year(self) -> int | None:
        return self.years.most_common(1)[0][0] if self.years else None

    def record(self) -> FilmCandidate:
        evidence = tuple(f"{what} x{n}" if n > 1 else what for what, n in self.evidence.items())
        return FilmCandidate(self.title, self.year, round(self.score, 1), evidence)


@dataclass(frozen=True)
class FilmChoice:
    """What film_choice decided: the text's films (main first), mentions, candidates, parts."""

    film: FilmRecord | None  # the main film; None for a ranked list
    films: tuple[FilmRecord, ...]
    mentions: tuple[Mention, ...]
    candidates: tuple[FilmCandidate, ...]
    parts: tuple[tuple[int, int], ...] = ()  # (first line, film index), in line order
    keys: tuple[str, ...] = ()  # each film's title key, for finding it in a paragraph

    def film_at(self, line: int, text: str = "") -> int:
        """The film whose part holds this line; outside parts, the one film the text names."""
        index = None
        for start, film in self.parts:
            if start <= line:
                index = film
        if index is not None or len(self.films) < 2:
            return index or 0
        named = [i for i, k in enumerate(self.keys) if k and _names(text, k)]
        return named[0] if len(named) == 1 else 0


class _Pool:
    def __init__(self) -> None:
        self.by_key: dict[str, _Candidate] = {}
        self.order = 0

    def add(
        self,
        title: str,
        year: int | None,
        weight: float,
        evidence: str,
        *,
        title_line: bool = False,
        heading: int | None = None,
        prose: bool = False,
        structural: bool = True,
        entry: int | None = None,
    ) -> _Candidate | None:
        title = film_text.clean_title(title).strip(" -|:")
        title_key = film_text.title_key(title)
        if not title_key or len(title) > 150:
            return None
        self.order += 1
        candidate = self.by_key.get(title_key)
        if candidate is None:
            candidate = self.by_key[title_key] = _Candidate(title, title_key, self.order)
        candidate.score += weight
        if year is not None:
            candidate.years[year] += weight
        candidate.evidence[evidence] = candidate.evidence.get(evidence, 0) + 1
        candidate.in_title_line |= title_line
        candidate.structural |= structural and not prose
        if heading is not None:
            candidate.headings.append(heading)
        if entry is not None:
            candidate.entries.append(entry)
        candidate.prose += prose
        return candidate

    def add_years(self, text: str, weight: float, evidence: str, **flags: object) -> int:
        count = 0
        for hit in film_text.titles_with_years(plain(text.replace("\n", " "))):
            label = evidence.format(f"{hit.title} ({hit.year})")
            self.add(hit.title, hit.year, weight, label, **flags)  # type: ignore[arg-type]
            count += 1
        return count


# --- public API --------------------------------------------------------------------------------


def choose_film(
    front: FrontMatter,
    film_hint: str | None,
    found: Found,
    elements: list[Element],
    warnings: list[ParseWarning],
) -> FilmChoice:
    """The text's films (main first), the films it mentions, and the candidates weighed."""
    pool = _Pool()
    prose = [plain(e.text.replace("\n", " ")) for e in elements if isinstance(e, Para)]
    fixed = _fixed(front, film_hint, pool)
    ranked = _ranked(front, found, elements, prose, pool)
    if fixed is None and found.is_list:
        return _list_choice(ranked)
    best = fixed or (ranked[0] if ranked else None)
    if best is None:
        raise ImportTextError(
            "no film detectable: name it as 'Title (Year)' in the text, in front matter "
            "(film: ...) or with the film hint"
        )
    _uncapitalised(best, prose)
    year = _year(best, front, film_hint, found)
    if year is None:
        warnings.append(ParseWarning(f"no year found for film {best.title!r}"))
    others = [] if best.fixed else _co_films(best, ranked)
    if others and min(others, key=lambda c: c.first).first < best.first:
        # A text about several films is filed first under the one it names first.
        first = min(others, key=lambda c: c.first)
        others = [best if c is first else c for c in others]
        best = first
        year = best.year
    return _films_choice(best, year, others, ranked, front, found, warnings)


def _ranked(
    front: FrontMatter, found: Found, elements: list[Element], prose: list[str], pool: _Pool
) -> list[_Candidate]:
    """Every kind of evidence weighed; the candidates worth showing, best first."""
    _header_evidence(found, front, elements, prose, pool)
    for text in prose:
        pool.add_years(text, WITH_YEAR, "'{}' in the prose", prose=True)
    _discover(prose, pool)
    _title_line_words(found, front, prose, pool)
    _watched_titles(prose, pool)
    _capital_header(found, pool)
    candidates = _merged(list(pool.by_key.values()))
    candidates.sort(key=lambda c: (-c.score, c.first))
    del candidates[MAX_CANDIDATES:]
    _colon_titles(candidates, [plain(t) for t in (front.title, found.title) if t] + prose)
    _count_bare(prose, candidates)
    _named_in_title_line(found, front, candidates)
    candidates.sort(key=lambda c: (-c.score, c.first))
    return [
        c
        for c in candidates
        if c.fixed or c.structural or c.years or c.marked or c.prose >= DISCOVER_MIN
    ]


def _list_choice(ranked: list[_Candidate]) -> FilmChoice:
    """A ranked list is about the films it ranks; each entry's part credits its own film."""
    entries = sorted((c for c in ranked if c.entries), key=lambda c: c.entries[0])
    return FilmChoice(
        film=None,
        films=tuple(FilmRecord(c.title, c.year) for c in entries),
        mentions=_mentions(ranked, entries),
        candidates=tuple(c.record() for c in ranked[:SHOWN]),
        parts=tuple(sorted((line, i) for i, c in enumerate(entries) for line in c.entries)),
        keys=tuple(c.key for c in entries),
    )


def _films_choice(
    best: _Candidate,
    year: int | None,
    others: list[_Candidate],
    ranked: list[_Candidate],
    front: FrontMatter,
    found: Found,
    warnings: list[ParseWarning],
) -> FilmChoice:
    """The main film with the metadata the text gives, then the other films it is about."""
    main = FilmRecord(
        title=best.title,
        year=year,
        runtime_minutes=front.runtime_minutes or found.runtime,
        genres=tuple(front.genres if front.genres is not None else found.genres),
        countries=tuple(found.countries),
        languages=tuple(found.languages),
        links=tuple(dict.fromkeys(found.links)),
        watch_on=tuple(dict.fromkeys(found.watch_on)),
        original_title=found.original_title,
    )
    films = (main, *(FilmRecord(c.title, c.year) for c in others))
    chosen = [best, *others]
    if not best.fixed:
        _warn_if_close(best, [c for c in ranked if c not in chosen], warnings)
    # The report and the admin's film picker show the films chosen first, then the rest.
    shown = (*(c.record() for c in chosen), *(c.record() for c in ranked if c not in chosen))
    shown = shown[: max(SHOWN, len(chosen))]
    parts = sorted((line, i) for i, c in enumerate(chosen) for line in c.headings)
    if len(chosen) < 2:
        parts = []
    return FilmChoice(
        film=main,
        films=films,
        mentions=_mentions(ranked, chosen),
        candidates=shown,
        parts=tuple(parts),
        keys=tuple(c.key for c in chosen),
    )


def header_film(text: str) -> tuple[str, int | None] | None:
    """The film a title line or header names: "Title (Year)", "Title 2019", "Title - review"."""
    text = plain(text).strip("*_# ")
    hits = list(film_text.titles_with_years(text))
    if hits:
        return hits[0].title, hits[0].year
    match = _HEADER_YEAR.match(text)
    if match and _title_cased(match["title"]):
        return film_text.clean_title(match["title"]), int(match["year"])
    for pattern in _HEADER_NO_YEAR:
        match = pattern.match(text)
        if match:
            title = film_text.clean_title(re.split(r"[:|]| - ", match["title"])[0]).strip(" -")
            title = re.sub(r"(?i)(?:'s)? (?:movie|film)$", "", title).strip()
            if title and (title[0].isupper() or title[0].isdigit()) and len(title) <= 150:
                return title, None
    return None


# --- evidence ----------------------------------------------------------------------------------


def _fixed(front: FrontMatter, film_hint: str | None, pool: _Pool) -> _Candidate | None:
    """Front matter and the film hint decide; if they disagree, that is an error."""
    hint = film_text.parse_title_year(film_hint) if film_hint and film_hint.strip() else None
    chosen: _Candidate | None = None
    if front.film_title:
        chosen = pool.add(front.film_title, front.year, DECISIVE, "front matter")
    if hint and hint[0]:
        if chosen and chosen.key != film_text.title_key(hint[0]):
            raise ImportTextError(
                f"film hint {film_hint!r} disagrees with the front matter film {chosen.title!r}"
            )
        if chosen and chosen.year and hint[1] and chosen.year != hint[1]:
            raise ImportTextError(
                f"film hint {film_hint!r} disagrees with the front matter year {chosen.year}"
            )
        chosen = pool.add(hint[0], hint[1], DECISIVE, "film hint")
    if chosen is not None:
        chosen.fixed = True
    return chosen


def _header_evidence(
    found: Found, front: FrontMatter, elements: list[Element], prose: list[str], pool: _Pool
) -> None:
    titles = dict.fromkeys(t for t in (front.title, found.title) if t)
    first = next((e.text for e in elements if isinstance(e, Para | Heading)), "")
    for title in titles:
        if pool.add_years(title, TITLE_LINE, "title line '{}'", title_line=True) == 0:
            named = header_film(title)
            year_line = re.fullmatch(_YEAR, first.strip())
            if named is None and year_line and _title_cased(title):
                # Letterboxd pasted line by line: the title, then its year on a line of its own.
                named = (film_text.clean_title(plain(title)), int(year_line["year"]))
            elif named is None and _recurs(title, prose):
                named = (film_text.clean_title(plain(title)), None)
            if named:
                pool.add(*named, TITLE_LINE, f"title line {title!r}", title_line=True)
    for element in elements:
        if isinstance(element, Heading):
            entry = element.kind == "entry"
            weight = ENTRY if entry else HEADING
            where = {"entry": element.line} if entry else {"heading": element.line}
            if pool.add_years(element.text, weight, "heading '{}'", **where) == 0:
                named = _heading_film(element.text)
                if named:
                    pool.add(*named, weight, f"heading {element.text!r}", **where)
        elif isinstance(element, Image):
            # A bare "Title (Year)" line between paragraphs reads as an image's alt text; in a
            # text about several films it is as likely the header of that film's part.
            header = not element.slot.caption or element.slot.caption == element.slot.alt_text
            line = element.line if header else None
            pool.add_years(_pictured(element.slot.alt_text), ALT_TEXT, "image '{}'", heading=line)
            if not header:
                pool.add_years(_pictured(element.slot.caption), WITH_YEAR, "caption '{}'")
    for prefix, _ in found.film_refs:
        if pool.add_years(prefix, METADATA, "metadata line '{}'") == 0:
            title = film_text.clean_title(
                re.sub(r"(?i)(?:'s)? *(?:movie|film)$", "", plain(prefix))
            )
            if title and title[0].isupper():
                pool.add(title, None, METADATA, f"metadata line {prefix!r}")


def _recurs(title: str, prose: list[str]) -> bool:
    """ "The Amber Ferry" over a review that says "The Amber Ferry" again: a yearless title line
    is the film's title when the prose uses the whole of it, as written (a headline it is not)."""
    line = film_text.clean_title(plain(title))
    if not _title_cased(line) or len(line.split()) > 8 or len(line) < 3:
        return False
    pattern = re.compile(rf"(?<![\w'-]){re.escape(line)}(?![\w-])")
    return any(pattern.search(text) for text in prose)


def _pictured(text: str) -> str:
    """A caption without who is in the picture: "Ada Vale and Lev Benn in Pale Meridian (2017)"
    names the film Pale Meridian, when the words before "in" are people's names."""
    found = film_text.CAST_IN.search(text)
    if found is None:
        return text
    names = re.split(r" (?:and|&) ", found["names"].strip())
    # One name alone may be a title's own words ("Two Days in Paris"): only before "The ...".
    several = len(names) > 1 or text.startswith(("The ", "A ", "An "), found.end())
    if several and all(is_person_name(name) for name in names):
        return text[: found.start()] + text[found.end() :]
    return text


def _heading_film(text: str) -> tuple[str, int] | None:
    """A heading that is a film header: "The Salt Road 2019", "The Salt Road, 2019"."""
    match = _HEADER_YEAR.match(plain(text).strip("*_# "))
    if match and _title_cased(match["title"]):
        return film_text.clean_title(match["title"]), int(match["year"])
    return None


def _title_cased(title: str) -> bool:
    words = film_text.clean_title(title).split()
    if not words or len(words) > 12 or words[-1].casefold() in _SMALL - {"&", "-"}:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in _SMALL for w in words)


def _discover(prose: list[str], pool: _Pool) -> None:
    """Titles the prose uses often: emphasised or quoted phrases, capitalised runs."""
    counts: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    marked: Counter[str] = Counter()  # italicised or quoted, as titles are (bold is emphasis)
    for text in prose:
        italics = (m.group(2) for m in _EMPHASIS.finditer(text) if len(m.group(1)) == 1)
        quoted = (m.group(1) for m in _QUOTED.finditer(text))
        for phrase in islice((*italics, *quoted), MAX_RUNS):
            phrase = phrase.strip(" ,.")
            if _title_cased(phrase) and len(phrase.split()) <= 8:
                marked[film_text.title_key(phrase)] += 1
                spelled.setdefault(film_text.title_key(phrase), phrase)
        for match in islice(_RUN.finditer(text), MAX_RUNS):
            words = match.group(0).split()
            while words and (words[0].casefold() in _NOT_FIRST or words[0].casefold() in _SMALL):
                if words[0] in ("The", "A", "An") and len(words) > 1:
                    break
                words.pop(0)
            while words and words[-1].casefold() in _SMALL:
                words.pop()
            if len(words) < 2 or words[-1].endswith("'s"):
                continue
            phrase = " ".join(words).rstrip(".")
            title_key = film_text.title_key(phrase)
            counts[title_key] += 1
            spelled.setdefault(title_key, phrase)
    for title_key, n in marked.items():
        if n >= 2 or (" " in title_key and counts[title_key] + n >= 2):
            candidate = pool.add(spelled[title_key], None, MARKED * n, "italicised or quoted")
            if candidate is not None:
                candidate.evidence["italicised or quoted"] = n
                candidate.structural = False
                candidate.marked = True
    for title_key in {k for k, n in counts.items() if n >= DISCOVER_MIN} - set(marked):
        phrase = spelled[title_key]
        if phrase.split()[0] in ("The", "A", "An") or _in_film_context(prose, phrase):
            pool.add(phrase, None, 0.0, "named in the prose", structural=False)


def _title_line_words(found: Found, front: FrontMatter, prose: list[str], pool: _Pool) -> None:
    """ "Why Vertigo Still Makes Me Dizzy": a capitalised word of a yearless title line that the
    prose uses again, at least twice and never inside a longer name ("James Stewart"), is a
    candidate; the title line then outweighs passing "Other Film (Year)" mentions."""
    for title in dict.fromkeys(t for t in (front.title, found.title) if t):
        line = plain(title)
        padded = f" {film_text.title_key(line)} "
        if film_text.YEAR_IN_PARENS.search(line) or any(
            len(k) >= 3 and f" {k} " in padded for k in pool.by_key
        ):
            continue  # the title line names a film the text already gives
        for word in dict.fromkeys(re.findall(r"\b[A-Z][\w\u00C0-\u024F-]{3,}\b", line)):
            if word.casefold() in _NOT_FIRST or word.casefold() in _COMMON_TITLE_WORDS:
                continue
            alone = re.compile(rf"(?<![\w'-]){re.escape(word)}(?![\w-])")
            inside = re.compile(rf"[A-Z][\w-]+ {re.escape(word)}\b|\b{re.escape(word)} [A-Z][\w-]+")
            uses = sum(len(alone.findall(text)) for text in prose)
            if uses >= 2 and not any(inside.search(text) for text in prose):
                if re.search(rf"\b{re.escape(word.casefold())}\b", " ".join(prose)):
                    continue  # a common word at a sentence's start, not a title
                candidate = pool.add(word, None, 0.0, "named in the prose", structural=False)
                if candidate is not None:
                    candidate.prose = max(candidate.prose, uses)


_WATCHED = re.compile(
    r"\b(?:watched|rewatched|saw|seen|watching|rewatching|reviewing|loved|hated) (?:the )?"
    r"((?:[A-Z][\w'\u00C0-\u024F-]*)(?: (?:of|the|and|in|on|at|a|an) )?(?: ?[A-Z][\w'"
    r"\u00C0-\u024F-]*){0,5})"
)
_CERTIFICATE = re.compile(r"\s*\((?:U|PG|12A?|15|18|R|PG-13|NC-17|G|TV-MA)\)\s*$")


def _uncapitalised(best: _Candidate, prose: list[str]) -> None:
    """ "SALTMARSH (2019) - A REVIEW": a title in capitals takes the prose's spelling."""
    if best.fixed or best.title != best.title.upper() or not any(c.isalpha() for c in best.title):
        return
    pattern = re.compile(rf"(?<![\w'-]){re.escape(best.title)}(?![\w-])", re.IGNORECASE)
    for text in prose:
        for match in islice(pattern.finditer(text), 50):
            if match.group(0) != match.group(0).upper():
                best.title = match.group(0)
                return


def _watched_titles(prose: list[str], pool: _Pool) -> None:
    """ "i finally watched Lantern Season": a capitalised phrase after "watched" that the prose
    uses again is a candidate (a blog post that never gives the year)."""
    for text in prose[:3]:
        for match in islice(_WATCHED.finditer(text), 20):
            phrase = match.group(1).strip()
            if len(phrase.split()) < 2 or phrase.split()[0].casefold() in _NOT_FIRST:
                continue
            alone = re.compile(rf"(?<![\w'-]){re.escape(phrase)}(?![\w-])")
            uses = sum(len(alone.findall(t)) for t in prose)
            if uses >= 2:
                candidate = pool.add(phrase, None, 0.0, "named in the prose", structural=False)
                if candidate is not None:
                    candidate.prose = max(candidate.prose, DISCOVER_MIN)


def _capital_header(found: Found, pool: _Pool) -> None:
    """ "THE COPPER HOUR (15)" above "Dir: Name": a newspaper capsule's header is the film."""
    title = found.title or ""
    bare = _CERTIFICATE.sub("", plain(title))
    if (
        not bare
        or bare != bare.upper()
        or not any(c.isalpha() for c in bare)
        or header_film(title) is not None
        or film_text.YEAR_IN_PARENS.search(title)
        or not any(c.role == "director" for c in found.crew)
        or len(bare.split()) > 8
    ):
        return
    words = bare.casefold().split()
    cased = " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))
    pool.add(cased, None, TITLE_LINE, f"title line {title!r}", title_line=True)


# Capitalised words a headline uses without naming a film.
_COMMON_TITLE_WORDS = frozenset({
    "why", "what", "when", "where", "who", "how", "still", "makes", "make", "review", "film",
    "movie", "ending", "explained", "this", "that", "these", "those", "best", "worst", "every",
    "never", "always", "about", "into", "over", "under", "after", "before", "again", "will",
    "would", "could", "should", "more", "most", "less", "great", "good", "very", "just",
    "essay", "themes", "analysis", "watch", "watching", "notes", "thoughts", "love", "hate",
})  # fmt: skip


def _in_film_context(prose: list[str], phrase: str) -> bool:
    """ "in Phrase" or "Phrase's": how prose speaks of a film (people get surnames)."""
    pattern = re.compile(rf"\b(?:[Ii]n|[Oo]f) {re.escape(phrase)}\b|\b{re.escape(phrase)}'s\b")
    return any(pattern.search(text) for text in prose)


def _count_bare(prose: list[str], candidates: list[_Candidate]) -> None:
    """How often each candidate's bare title recurs in the prose (its "(Year)" uses are counted)."""
    for candidate in candidates:
        if not candidate.title[:1].isupper() and not candidate.title[:1].isdigit():
            continue
        core = re.sub(r"^(?:The|A|An) ", "", candidate.title)
        if len(core) < 3:
            continue
        single = " " not in core
        # Letters and digits bound the title; "_" and "*" may (Markdown italics).
        pattern = re.compile(r"(?<![^\W_])(?<!['-])" + re.escape(core) + r"(?![^\W_]|-)")
        bare = context = 0
        for text in prose:
            for match in islice(pattern.finditer(text), MAX_RUNS):
                after = text[match.end() : match.end() + 8]
                if _YEAR_NEXT.match(after):
                    continue  # "Title (2019)": counted with its year
                words = text[max(0, match.start() - 30) : match.start()].replace("*", " ")
                words = words.replace('"', " ").replace("_", " ").split()
                if words and words[-1] in ("the", "The", "a", "A", "an", "An"):
                    words.pop()
                before = words[-1] if words else ""
                if single and not (before and before[0].islower()):
                    continue  # one capitalised word may just start a sentence
                bare += 1
                context += after.startswith(("'s", "\u2019s")) or before in ("in", "of")
        if bare:
            candidate.score += BARE * bare + CONTEXT * context
            candidate.prose += bare
            label = "bare title in the prose"
            candidate.evidence.pop("named in the prose", None)
            candidate.evidence[label] = bare
            if context:
                candidate.evidence['as "in Title" or "Title\'s"'] = context


def _colon_titles(candidates: list[_Candidate], texts: list[str]) -> None:
    """ "Mission: Impossible - Fallout": a title whose first words end in a colon.

    The title reader stops at a colon ("Verdict: Harbour Lights (2014)"), so a title that has
    one is found without its head; the head is put back when the text writes it twice.
    """
    for candidate in candidates:
        if not (candidate.years or candidate.structural) or len(candidate.title) < 3:
            continue
        pattern = re.compile(
            r"(?<![\w'])((?:[A-Z0-9][\w'.-]*)(?: [A-Z0-9][\w'.-]*)?): " + re.escape(candidate.title)
        )
        heads = Counter(m.group(1) for t in texts for m in islice(pattern.finditer(t), MAX_RUNS))
        head, count = heads.most_common(1)[0] if heads else ("", 0)
        if count >= 2 and head.casefold() not in _LABELS:
            candidate.title = f"{head}: {candidate.title}"
            candidate.key = film_text.title_key(candidate.title)


def _named_in_title_line(found: Found, front: FrontMatter, candidates: list[_Candidate]) -> None:
    """ "Time and Looking in Cléo de 5 à 7": a title line naming a film without its year."""
    line = " " + film_text.title_key(" ".join(t for t in (front.title, found.title) if t)) + " "
    # "Moth Season 2 2024" names Moth Season 2, not the Moth Season inside its title.
    headers = [f" {c.key} " for c in candidates if c.in_title_line]
    for candidate in candidates:
        inside = any(f" {candidate.key} " in header for header in headers)
        if (
            not candidate.in_title_line
            and not inside
            and len(candidate.key) >= 3
            and f" {candidate.key} " in line
        ):
            candidate.score += NAMED_IN_TITLE_LINE
            candidate.in_title_line = candidate.structural = True
            candidate.evidence["named in the title line"] = 1


def _merged(candidates: list[_Candidate]) -> list[_Candidate]:
    """ "In The Salt Road (2019)" and "The Salt Road (2019)" are one film: keep the shorter."""
    gone: set[int] = set()
    for candidate in sorted(candidates, key=lambda c: len(c.key)):
        if id(candidate) in gone:
            continue
        for other in candidates:
            if (
                other is not candidate
                and id(other) not in gone
                and other.years
                and set(other.years) <= set(candidate.years)
                and other.key.endswith(" " + candidate.key)
            ):
                candidate.score += other.score
                candidate.years.update(other.years)
                candidate.prose += other.prose
                candidate.first = min(candidate.first, other.first)
                for what, n in other.evidence.items():
                    candidate.evidence[what] = candidate.evidence.get(what, 0) + n
                gone.add(id(other))
    return [c for c in candidates if id(c) not in gone]


# --- the choice --------------------------------------------------------------------------------


def _year(best: _Candidate, front: FrontMatter, film_hint: str | None, found: Found) -> int | None:
    hint_year = film_text.parse_title_year(film_hint)[1] if film_hint else None
    if front.year is not None and not hint_year:
        return front.year  # front matter wins over the year found in the text
    return hint_year or best.year or found.released


def _co_films(best: _Candidate, ranked: list[_Candidate]) -> list[_Candidate]:
    """The other films the text is about: each with its own part, or named with it on top."""
    with_parts = [c for c in ranked if c.headings]
    if len(with_parts) >= 2 and best in with_parts:
        return sorted((c for c in with_parts if c is not best), key=lambda c: c.headings[0])
    return [
        c
        for c in ranked
        if c is not best
        and c.in_title_line
        and best.in_title_line
        and c.score >= CO_FILM * best.score
    ]


def _warn_if_close(
    best: _Candidate, rivals: list[_Candidate], warnings: list[ParseWarning]
) -> None:
    close = [c for c in rivals if c.score >= CLOSE * best.score and c.key != best.key]
    if close:
        named = "; ".join(_described(c) for c in [best, *close[:3]])
        warnings.append(
            ParseWarning(
                f"film: a close call, chose {_label(best)}; candidates: {named}. Pick the film "
                "in the import preview or give it with --film"
            )
        )


def _label(candidate: _Candidate) -> str:
    return repr(str(FilmRecord(candidate.title, candidate.year)))


def _described(candidate: _Candidate) -> str:
    return f"{_label(candidate)} ({', '.join(candidate.record().evidence)})"


def describe_candidates(candidates: tuple[FilmCandidate, ...]) -> str:
    """ "'A (2019)' (title line ...); 'B' (bare title in the prose x3)", for warnings."""
    return "; ".join(f"{str(c)!r} ({', '.join(c.evidence)})" for c in candidates)


def _mentions(ranked: list[_Candidate], chosen: list[_Candidate]) -> tuple[Mention, ...]:
    keys = {c.key for c in chosen}
    others = [c for c in ranked if c.years and c.key not in keys]
    # "Title (1974)" beside the text's "Title (2019)" is a remake: a mention of its own.
    for c in chosen:
        chosen_year = c.year
        for year in sorted(c.years):
            if year != chosen_year:
                others.append(_Candidate(c.title, c.key, c.first, years=Counter({year: 1})))
    return tuple(Mention(c.title, c.year) for c in sorted(others, key=lambda c: c.first))


def _names(text: str, title_key: str) -> bool:
    return (" " + title_key + " ") in (" " + film_text.title_key(text) + " ")
