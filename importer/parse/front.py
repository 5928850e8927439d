"""YAML front matter: split it off, then check each key; a bad value names its key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from importer.parse.films import FIRST_YEAR, LAST_YEAR, parse_title_year
from importer.parse.metadata import parse_runtime, split_list
from importer.parse.names import is_person_name, parse_cast_entry
from importer.parse.rating import ratings_in_line, to_half_stars
from importer.parse.records import (
    ARTICLE_KINDS,
    ARTICLE_STATUSES,
    CreditRecord,
    ImportTextError,
    ParseWarning,
)

KNOWN_KEYS = (
    "title", "film", "year", "kind", "author", "rating", "tags", "status", "published",
    "standfirst", "verdict", "slug", "runtime", "genres", "cast", "director", "writers",
)  # fmt: skip
_MAX_FRONT_MATTER = 64 * 1024
_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KIND_ALIASES = {
    "ending explained": "ending", "ending-explained": "ending", "plot synopsis": "synopsis",
    "theme essay": "essay", "ranked list": "list", "ranking": "list",
}  # fmt: skip


@dataclass(frozen=True)
class FrontMatter:
    """Checked front-matter values; None (or empty) where the key was absent."""

    title: str | None = None
    film_title: str | None = None
    year: int | None = None
    kind: str | None = None
    author: str | None = None
    rating: Decimal | None = None
    tags: tuple[str, ...] | None = None
    status: str | None = None
    published_at: datetime | date | None = None
    standfirst: str | None = None
    verdict: str | None = None
    slug: str | None = None
    runtime_minutes: int | None = None
    genres: tuple[str, ...] | None = None
    cast: tuple[CreditRecord, ...] | None = None
    crew: tuple[CreditRecord, ...] = field(default_factory=tuple)


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, int]:
    """(front matter, body, number of lines before the body); None when there is none."""
    if not text.startswith("---"):
        return None, text, 0
    lines = text.split("\n", 2000)
    if lines[0].rstrip() != "---":
        return None, text, 0
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            break
    else:
        raise ImportTextError("front matter starts with '---' but has no closing '---' line", 1)
    raw = "\n".join(lines[1:index])
    if len(raw) > _MAX_FRONT_MATTER:
        raise ImportTextError(f"front matter is longer than {_MAX_FRONT_MATTER // 1024} KB", 1)
    try:
        data = YAMLHandler().load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ImportTextError(f"front matter is not valid YAML: {problem}", line) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ImportTextError("front matter must be 'key: value' lines", 1)
    body = text.split("\n", index + 1)[index + 1] if text.count("\n") > index else ""
    return data, body, index + 1


def _text(data: dict[str, Any], key: str, *, limit: int = 300) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ImportTextError(
            f"front matter '{key}' must be text; put it in quotes ({key}: \"...\")"
        )
    text = str(value).strip()
    if len(text) > limit:
        raise ImportTextError(f"front matter '{key}' is longer than {limit} characters")
    return text or None


def _list(data: dict[str, Any], key: str) -> tuple[str, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return tuple(split_list(value) if key == "genres" else _comma_list(value))
    if isinstance(value, list) and all(
        isinstance(item, str | int) and not isinstance(item, bool) for item in value
    ):
        return tuple(str(item).strip() for item in value if str(item).strip())
    raise ImportTextError(f"front matter '{key}' must be a list of words or a comma-separated text")


def _comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def read_front_matter(data: dict[str, Any], warnings: list[ParseWarning]) -> FrontMatter:
    for key in data:
        if key not in KNOWN_KEYS:
            warnings.append(ParseWarning(f"front matter key '{key}' is not used", 1))
    film_title, year = None, None
    if (film := _text(data, "film", limit=210)) is not None:
        film_title, year = parse_title_year(film)
    if "year" in data:
        year = _year(data["year"])
    return FrontMatter(
        title=_text(data, "title", limit=200),
        film_title=film_title,
        year=year,
        kind=_choice(data, "kind", ARTICLE_KINDS, _KIND_ALIASES),
        author=_text(data, "author", limit=200),
        rating=_rating(data.get("rating")),
        tags=_list(data, "tags"),
        status=_choice(data, "status", ARTICLE_STATUSES, {}),
        published_at=_published(data.get("published"), warnings),
        standfirst=_text(data, "standfirst", limit=2000),
        verdict=_text(data, "verdict", limit=300),
        slug=_slug(data),
        runtime_minutes=_runtime(data.get("runtime")),
        genres=_list(data, "genres"),
        cast=_cast(data.get("cast"), warnings),
        crew=_crew(data),
    )


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise ImportTextError(f"front matter 'year' must be a year like 2019, not {value!r}")
    year = int(value)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ImportTextError(f"front matter 'year' {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
    return year


def _choice(
    data: dict[str, Any], key: str, allowed: tuple[str, ...], aliases: dict[str, str]
) -> str | None:
    value = _text(data, key)
    if value is None:
        return None
    folded = value.casefold()
    folded = aliases.get(folded, folded)
    if folded not in allowed:
        raise ImportTextError(
            f"front matter '{key}' must be one of {', '.join(allowed)}; got {value!r}"
        )
    return folded


def _rating(value: Any) -> Decimal | None:
    if value is None:
        return None
    problem = (
        f"front matter 'rating' must be 0.5 to 5 in half stars (or like 4/5, 8/10); got {value!r}"
    )
    if isinstance(value, bool):
        raise ImportTextError(problem)
    if isinstance(value, int | float):
        try:
            number = Decimal(str(value))
        except InvalidOperation as exc:
            raise ImportTextError(problem) from exc
        found = to_half_stars(number, 5, str(value))
    elif isinstance(value, str):
        ratings = ratings_in_line(value.strip(), standalone=True) or ratings_in_line(
            f"Rating: {value.strip()}"
        )
        found = ratings[0] if len(ratings) == 1 else None
    else:
        found = None
    if found is None or found.rounded:
        raise ImportTextError(problem)
    return found.value


def _published(value: Any, warnings: list[ParseWarning]) -> datetime | date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError as exc:
            raise ImportTextError(
                f"front matter 'published' must be a date like 2024-03-01; got {value!r}"
            ) from exc
        if value.time() == datetime.min.time() and value.tzinfo is None:
            return value.date()  # "2024-03-01": a day, not midnight UTC
    if isinstance(value, datetime):
        if value.tzinfo is None:
            warnings.append(
                ParseWarning("front matter 'published' has no time zone; read it as UTC", 1)
            )
            return value.replace(tzinfo=UTC)
        return value
    if isinstance(value, date):
        return value
    raise ImportTextError(f"front matter 'published' must be a date like 2024-03-01; got {value!r}")


def _slug(data: dict[str, Any]) -> str | None:
    slug = _text(data, "slug", limit=220)
    if slug is not None and not _SLUG.match(slug):
        raise ImportTextError(
            "front matter 'slug' may hold only lower-case letters, digits and hyphens; "
            f"got {slug!r}"
        )
    return slug


def _runtime(value: Any) -> int | None:
    if value is None:
        return None
    minutes = None
    if isinstance(value, int) and not isinstance(value, bool):
        minutes = value if 1 <= value <= 1500 else None
    elif isinstance(value, str):
        minutes = parse_runtime(value)
    if minutes is None:
        raise ImportTextError(
            f"front matter 'runtime' must be minutes (110) or like '1h 50m'; got {value!r}"
        )
    return minutes


def _cast(value: Any, warnings: list[ParseWarning]) -> tuple[CreditRecord, ...] | None:
    if value is None:
        return None
    entries: list[tuple[str, str | None]] = []
    if isinstance(value, dict):
        entries = [
            (str(actor), None if role is None else str(role)) for actor, role in value.items()
        ]
    elif isinstance(value, str):
        entries = [(item, None) for item in _comma_list(value)]
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                entries.append((item, None))
            elif isinstance(item, dict) and len(item) == 1:
                actor, role = next(iter(item.items()))
                entries.append((str(actor), None if role is None else str(role)))
            else:
                raise ImportTextError(
                    "front matter 'cast' entries must be 'Actor Name' or 'Actor Name: Character'"
                )
    else:
        raise ImportTextError("front matter 'cast' must be a list of actors")
    credits = []
    for actor, character in entries:
        credit = parse_cast_entry(actor)
        if credit is None:
            if actor.strip() and len(actor.split()) == 1 and actor[:1].isupper():
                # Front matter is the critic's own word: a one-word stage name is allowed here.
                credit = CreditRecord(actor.strip(), "actor")
            else:
                raise ImportTextError(f"front matter 'cast' entry {actor!r} is not a name")
        if character:
            credit = CreditRecord(credit.person, "actor", character.strip())
        credits.append(credit)
    if not credits:
        warnings.append(ParseWarning("front matter 'cast' is empty", 1))
    return tuple(credits)


def _crew(data: dict[str, Any]) -> tuple[CreditRecord, ...]:
    crew: list[CreditRecord] = []
    for key, role in (("director", "director"), ("writers", "writer")):
        names = _list(data, key)
        for name in names or ():
            if not (is_person_name(name) or (" " not in name and name[:1].isupper())):
                raise ImportTextError(f"front matter '{key}' entry {name!r} is not a name")
            crew.append(CreditRecord(name, role))
    return tuple(crew)
