"""Film-page metadata lines: "The Salt Road (2019) Movie Cast: ...", "Runtime: 1h 50m, ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from importer.parse.films import YEAR_IN_PARENS
from importer.parse.records import LinkRecord

# label as written (lower case) -> field
LABELS: dict[str, str] = {
    "cast": "cast", "main cast": "cast", "starring": "cast", "stars": "cast",
    "runtime": "runtime", "run time": "runtime", "running time": "runtime",
    "length": "runtime", "duration": "runtime",
    "genre": "genres", "genres": "genres",
    "links": "links", "link": "links", "external links": "links",
    "director": "director", "directors": "director", "directed by": "director",
    "dir": "director", "dir.": "director",
    "writer": "writer", "writers": "writer", "written by": "writer",
    "screenplay": "writer", "screenplay by": "writer",
    "producer": "producer", "producers": "producer", "produced by": "producer",
    "cinematographer": "cinematographer", "cinematography": "cinematographer",
    "director of photography": "cinematographer",
    "editor": "editor", "editing": "editor", "edited by": "editor",
    "composer": "composer", "music": "composer", "music by": "composer",
    "production designer": "production_designer", "production design": "production_designer",
    "country": "countries", "countries": "countries",
    "language": "languages", "languages": "languages",
    "release date": "released", "released": "released", "release year": "released",
    "year": "released",
    "original title": "original_title",
    "where to watch": "watch_on", "watch on": "watch_on", "streaming on": "watch_on",
    "stream on": "watch_on", "available on": "watch_on", "streaming": "watch_on",
    "trailer": "trailer", "official trailer": "trailer", "watch the trailer": "trailer",
    "tags": "tags", "filed under": "ignore", "categories": "ignore", "category": "ignore",
    "writer/director": "director_writer", "writer-director": "director_writer",
    "writer and director": "director_writer", "director/writer": "director_writer",
    "written and directed by": "director_writer", "written & directed by": "director_writer",
    "writer & director": "director_writer",
}  # fmt: skip
# One label that credits two roles: "Writer/Director: Sofia Brandt".
_BOTH = {"director_writer": ("director", "writer")}
_LABEL = re.compile(
    r"(?:^|(?<=[ ,;|\u2022\u00b7.]))("
    + "|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True))
    + r") ?:",
    re.IGNORECASE,
)
_FILM_PREFIX_END = re.compile(r"(?:'s)? *(?:movie|film)? *[-|]? *$", re.IGNORECASE)
_STUB = re.compile(
    r"^(?:watch (?:the )?(?:official )?trailer\b.*|where to (?:watch|stream)\b.*"
    r"|watch .{1,120} trailer|.{0,120} official trailer|trailer)$",
    re.IGNORECASE,
)
_MAX_META_LINE = 400


@dataclass(frozen=True)
class MetaField:
    field: str
    label: str
    value: str
    start: int  # where the label starts in the line


def metadata_fields(line: str, *, film_titles: tuple[str, ...] = ()) -> list[MetaField] | None:
    """The fields of a metadata line (plain text), or None when the line is prose."""
    if len(line) > _MAX_META_LINE:
        return None
    matches = list(_LABEL.finditer(line))
    if not matches:
        return None
    prefix = line[: matches[0].start()].strip()
    if prefix and not _is_film_prefix(prefix, film_titles):
        return None
    fields = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
        value = line[match.end() : end].strip(" ,;|\u2022\u00b7")
        label = match.group(1).casefold()
        for name in _BOTH.get(LABELS[label], (LABELS[label],)):
            fields.append(MetaField(name, label, value, match.start()))
    longest = 300 if fields[0].field in ("cast", "links", "tags") else 150
    if len(fields) == 1 and not prefix and len(fields[0].value) > longest:
        return None  # a paragraph that happens to start with "Music:" is prose
    return fields


def _is_film_prefix(prefix: str, film_titles: tuple[str, ...]) -> bool:
    """ "The Salt Road (2019) Movie" or "The Salt Road Film" before the first label."""
    if len(prefix.split()) > 14 or ". " in prefix:
        return False
    bare = _FILM_PREFIX_END.sub("", prefix).strip()
    if YEAR_IN_PARENS.search(prefix):
        return True
    if bare != prefix.strip() and bare and bare[0].isupper():
        return True  # "... Movie" or "... Film"
    folded = bare.casefold().strip("\"'")
    return any(folded == title.casefold() for title in film_titles)


def is_stub(line: str) -> bool:
    """ "Watch the trailer", "Where to watch The Salt Road (2019)": page furniture."""
    return len(line) <= 160 and bool(_STUB.match(line))


_HOURS_MINUTES = re.compile(
    r"(\d{1,2}) ?(?:h|hr|hrs|hour|hours)\.?(?: ?(?:and )?(\d{1,2}) ?(?:m|min|mins|minutes?)?\.?)?",
    re.IGNORECASE,
)
_MINUTES = re.compile(r"(\d{1,4}) ?(?:m|min|mins|minutes?)\.?$", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2}):([0-5]\d)$")


def parse_runtime(value: str) -> int | None:
    """ "1h 50m", "1 hr 50 min", "110 min", "1:50" or "110" as minutes; None if unreadable."""
    value = value.strip().rstrip(".")
    minutes: int | None = None
    if match := _HOURS_MINUTES.fullmatch(value):
        minutes = int(match.group(1)) * 60 + int(match.group(2) or 0)
    elif match := _MINUTES.fullmatch(value):
        minutes = int(match.group(1))
    elif match := _CLOCK.fullmatch(value):
        minutes = int(match.group(1)) * 60 + int(match.group(2))
    elif value.isdigit() and len(value) <= 4:
        minutes = int(value)
    if minutes is None or not 1 <= minutes <= 1500:
        return None
    return minutes


_LIST_SPLIT = re.compile(r" *(?:[/,|;\u2022\u00b7&]| and ) *")


def split_list(value: str) -> list[str]:
    """ "Crime/Drama/Action", "Crime, Drama & Action" -> items, duplicates dropped."""
    items: list[str] = []
    seen: set[str] = set()
    for item in _LIST_SPLIT.split(value):
        item = item.strip(" .\"'")
        if not item or len(item) > 60:
            continue
        item = item[0].upper() + item[1:]
        if item.casefold() not in seen:
            seen.add(item.casefold())
            items.append(item)
    return items


_SITES = {
    "imdb": "IMDb", "imdb.com": "IMDb", "rotten tomatoes": "Rotten Tomatoes",
    "rottentomatoes.com": "Rotten Tomatoes", "letterboxd": "Letterboxd",
    "letterboxd.com": "Letterboxd", "wikipedia": "Wikipedia", "wikipedia.org": "Wikipedia",
    "metacritic": "Metacritic", "metacritic.com": "Metacritic", "youtube.com": "Trailer",
    "youtu.be": "Trailer", "vimeo.com": "Trailer", "justwatch": "JustWatch",
    "justwatch.com": "JustWatch", "tmdb": "TMDB", "themoviedb.org": "TMDB",
}  # fmt: skip
_URL = re.compile(r"https?://[^\s,|<>\"]+", re.IGNORECASE)


def site_for_url(url: str) -> str:
    host = (urlsplit(url).hostname or "").casefold().removeprefix("www.").removeprefix("m.")
    for domain, site in _SITES.items():
        if "." in domain and (host == domain or host.endswith("." + domain)):
            return site
    return host or url


def parse_links(value: str) -> list[LinkRecord]:
    links: list[LinkRecord] = []
    for url in _URL.findall(value):
        links.append(LinkRecord(site_for_url(url), url.rstrip(".")))
    names = _URL.sub("", value)
    for item in re.split(r" *[,|;\u2022\u00b7] *| and ", names):
        item = item.strip(" .:-")
        if item and len(item) <= 40:
            links.append(LinkRecord(_SITES.get(item.casefold(), item)))
    return links


def urls_in(line: str) -> list[str]:
    return _URL.findall(line)
