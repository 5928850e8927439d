"""What the parser hands to the import service: frozen records, no Django, no logic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final

# The shared vocabulary; the Django models use the same values in their TextChoices.
ARTICLE_KINDS: Final = ("review", "synopsis", "ending", "essay", "list")
SECTION_KINDS: Final = (
    "intro",
    "synopsis",
    "character",
    "ending",
    "theme",
    "analysis",
    "verdict",
    "entry",
    "other",
)
CREDIT_ROLES: Final = (
    "director",
    "writer",
    "producer",
    "cinematographer",
    "editor",
    "composer",
    "production_designer",
    "actor",
)
ARTICLE_STATUSES: Final = ("draft", "review", "published", "unpublished")
RATINGS: Final = tuple(Decimal(half) / 2 for half in range(1, 11))  # 0.5 .. 5.0


class ImportTextError(Exception):
    """The text cannot be imported; the caller adds the file name."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser was unsure about or dropped; shown to the person importing."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class DroppedLine:
    """A line of page furniture left out of the article ("Share this:", "By Jane Doe")."""

    line: int
    text: str
    reason: str  # "byline", "date line", "share buttons", "related links", "comment form", ...


@dataclass(frozen=True)
class LinkRecord:
    """An external page about the film: a bare site name ("IMDb") or a site and its URL."""

    site: str
    url: str | None = None


@dataclass(frozen=True)
class FilmRecord:
    title: str
    year: int | None = None
    runtime_minutes: int | None = None
    genres: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    links: tuple[LinkRecord, ...] = ()
    watch_on: tuple[str, ...] = ()  # providers from "Where to watch: ..." lines
    original_title: str | None = None

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass(frozen=True)
class CreditRecord:
    person: str
    role: str  # one of CREDIT_ROLES
    character: str | None = None
    film: int = 0  # which of ParsedText.films: the one whose part of the text names it


@dataclass(frozen=True)
class ImageSlot:
    """Where the source had an image: the editor uploads the picture, we keep its words."""

    alt_text: str
    caption: str = ""


@dataclass(frozen=True)
class SectionRecord:
    heading: str | None
    kind: str  # one of SECTION_KINDS
    is_spoiler: bool
    body: str  # Markdown
    image: ImageSlot | None = None
    character: str | None = None


@dataclass(frozen=True)
class ArticleRecord:
    kind: str  # one of ARTICLE_KINDS
    title: str
    standfirst: str = ""
    rating: Decimal | None = None  # one of RATINGS, reviews only
    verdict: str = ""
    tags: tuple[str, ...] = ()
    status: str | None = None  # one of ARTICLE_STATUSES; None lets the caller choose
    published_at: datetime | date | None = None  # datetimes are always timezone-aware
    author: str | None = None
    slug: str | None = None


@dataclass(frozen=True)
class Mention:
    """Another film named in the text (a sequel, the director's earlier work)."""

    title: str
    year: int | None = None

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass(frozen=True)
class FilmCandidate:
    """A film the text may be about, with the evidence for it; the admin offers these."""

    title: str
    year: int | None
    score: float
    evidence: tuple[str, ...] = ()  # "title line 'X (2019)'", "bare title x12 in the prose"

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass(frozen=True)
class ParsedText:
    film: FilmRecord | None  # None only for a ranked list without a film hint
    credits: tuple[CreditRecord, ...]
    article: ArticleRecord
    sections: tuple[SectionRecord, ...]
    mentions: tuple[Mention, ...]
    warnings: tuple[ParseWarning, ...]
    fingerprint: str  # 64 hex digits, sha256 of the normalised text
    candidates: tuple[FilmCandidate, ...] = ()  # films the text may be about, best first
    dropped: tuple[DroppedLine, ...] = ()  # page furniture left out, in text order
    byline: str | None = None  # the critic a "By Jane Doe" line names, for the caller to match
    # Every film the text is about, `film` first (a double bill, a comparison); () for a list.
    films: tuple[FilmRecord, ...] = ()
