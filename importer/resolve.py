"""resolve: parsed texts against the site and against each other, before anything is saved.

The parser (importer/parse/) cannot see the database. Here a text's film candidates meet the
films already on the site (a bare title that names exactly one film there is that film) and the
other texts of the same run (a yearless review takes the year a "Title (Year)" article in the
run gives the same title). Here too live the lookups that save.py uses to match films, people
and critics instead of duplicating them. The pipeline: parse -> resolve -> save.
docs/import-rules.md §6 and docs/importing.md describe the rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from django.db import router, transaction
from django.db.models import Q
from django.utils.text import slugify

from importer.parse import films as film_text
from importer.parse.film_choice import CLOSE, SITE, describe_candidates
from importer.parse.records import (
    FilmCandidate,
    FilmRecord,
    Mention,
    ParsedText,
    ParseWarning,
)
from importer.parse.text import plain
from people.models import Person
from reviews.models import Author, Film

_DECIDED = ("front matter", "film hint")  # evidence the site and the run never overrule
_NO_YEAR = "no year found for film "


# --- how names compare ------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Case, accents and typography ignored: 'Agnès' and 'AGNES' compare equal."""
    decomposed = unicodedata.normalize("NFKD", plain(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def film_title_key(title: str) -> str:
    """How two spellings of a film title compare: case, accents, quotes, 'The' ignored."""
    return film_text.title_key(_fold(title))


def name_key(name: str) -> str:
    """How two spellings of a name compare: case, accents and punctuation ignored."""
    return " ".join(re.sub(r"[^\w ]+", " ", _fold(name)).split())


# --- the site's films -------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteFilm:
    pk: int
    title: str
    year: int | None

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title


class SiteFilms:
    """The site's films by title key (title and original title), read once per run.

    A film this run creates joins the index when its text commits (never after a dry run or a
    rollback); save.py still asks the database before creating one, for concurrent imports.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, list[SiteFilm]] | None = None

    def _index(self) -> dict[str, list[SiteFilm]]:
        if self._by_key is None:
            self._by_key = defaultdict(list)
            # From the database the import writes to: a lagging replica could miss a film the
            # last import made, and the import would make it again.
            films = Film.objects.using(router.db_for_write(Film))
            rows = films.order_by("pk").values_list("pk", "title", "original_title", "year")
            for pk, title, original_title, year in rows:
                self._add(SiteFilm(pk, title, year), title, original_title)
        return self._by_key

    def _add(self, film: SiteFilm, *titles: str | None) -> None:
        assert self._by_key is not None
        for key in dict.fromkeys(film_title_key(t) for t in titles if t):
            self._by_key[key].append(film)

    def added(self, film: Film) -> None:
        """A film this run saved; it joins the index once its transaction commits."""
        if self._by_key is not None:
            site_film = SiteFilm(film.pk, film.title, film.year)
            transaction.on_commit(lambda: self._add(site_film, film.title, film.original_title))

    def titled(self, *titles: str | None) -> list[SiteFilm]:
        """Films whose title or original title is one of these, oldest first."""
        index = self._index()
        found: dict[int, SiteFilm] = {}
        for key in {film_title_key(t) for t in titles if t}:
            for film in index.get(key, ()):
                found.setdefault(film.pk, film)
        return sorted(found.values(), key=lambda f: f.pk)

    def matching(self, record: FilmRecord | Mention) -> list[SiteFilm]:
        """The films a record names: same title, and the same year or none on the site.

        The same year beats a film whose year nobody filled in; without a year, every film of
        that title matches (the caller decides what several mean).
        """
        titles = [record.title, getattr(record, "original_title", None)]
        hits = self.titled(*titles)
        if record.year is not None:
            hits = [f for f in hits if f.year in (record.year, None)]
            hits.sort(key=lambda f: f.year is None)
        return hits


# --- the run ----------------------------------------------------------------------------------


class Resolver:
    """One run's resolution: the site's films, read once, and every text's film evidence."""

    def __init__(self) -> None:
        self.site = SiteFilms()

    def texts(self, texts: Sequence[ParsedText]) -> list[ParsedText]:
        """Each text with its films weighed against the site and the other texts of the run."""
        run_years: dict[str, set[int]] = defaultdict(set)
        for parsed in texts:
            for film in parsed.films or ([parsed.film] if parsed.film else []):
                if film.year is not None:
                    run_years[film_title_key(film.title)].add(film.year)
        return [self.text(parsed, run_years) for parsed in texts]

    def text(self, parsed: ParsedText, run_years: dict[str, set[int]] | None = None) -> ParsedText:
        """One text's films against the site (and the run's years, when given); resolving a
        resolved text changes nothing."""
        if parsed.film is None:
            return parsed
        run_years = run_years or {}
        warnings = list(parsed.warnings)
        candidates = self._weighed(parsed.candidates)
        films = [parsed.film, *parsed.films[1:]]  # `film` is the main one
        mentions = list(parsed.mentions)
        decided = bool(candidates) and any(e in _DECIDED for e in candidates[0].evidence)
        if not decided and candidates:
            films, mentions = self._rechosen(films, mentions, candidates, warnings)
        for index, film in enumerate(films):
            if film.year is None:
                films[index] = self._dated(film, run_years, warnings, candidates, index == 0)
        if films[0].year is not None:
            stale = f"{_NO_YEAR}{parsed.film.title!r}"
            warnings = [w for w in warnings if w.message != stale]
        return replace(
            parsed,
            film=films[0],
            films=tuple(films),
            mentions=tuple(mentions),
            candidates=tuple(candidates),
            warnings=tuple(dict.fromkeys(warnings)),  # resolving twice says nothing twice
        )

    def _weighed(self, candidates: Iterable[FilmCandidate]) -> list[FilmCandidate]:
        """Bare titles that name exactly one film on the site score more; best first."""
        weighed = []
        for candidate in candidates:
            on_site = self.site.matching(candidate)
            # Only a bare title gains: a passing "Other Film (2003)" stays a passing mention.
            known = any(e.startswith("on the site as ") for e in candidate.evidence)
            if len(on_site) == 1 and candidate.year is None and not known:
                site_film = on_site[0]
                candidate = replace(
                    candidate,
                    year=candidate.year or site_film.year,
                    score=candidate.score + SITE,
                    evidence=(*candidate.evidence, f"on the site as {site_film}"),
                )
            weighed.append(candidate)
        return sorted(weighed, key=lambda c: -c.score)

    def _rechosen(
        self,
        films: list[FilmRecord],
        mentions: list[Mention],
        candidates: list[FilmCandidate],
        warnings: list[ParseWarning],
    ) -> tuple[list[FilmRecord], list[Mention]]:
        """The site can tip the choice: a candidate it knows may now outscore the parse's."""
        best, main = candidates[0], films[0]
        keys = {film_title_key(f.title) for f in films}
        if film_title_key(best.title) in keys:
            self._warn_if_close(candidates, keys, warnings)
            return films, mentions
        films[0] = replace(main, title=best.title, year=best.year)
        mentions = [m for m in mentions if film_title_key(m.title) != film_title_key(best.title)]
        if main.year is not None:
            mentions.append(Mention(main.title, main.year))
        warnings.append(
            ParseWarning(
                f"film: chose {str(films[0])!r}, which is on the site, over {str(main)!r}; "
                f"candidates: {describe_candidates(tuple(candidates[:4]))}"
            )
        )
        return films, mentions

    def _warn_if_close(
        self, candidates: list[FilmCandidate], keys: set[str], warnings: list[ParseWarning]
    ) -> None:
        best = candidates[0]
        rivals = [c for c in candidates[1:] if film_title_key(c.title) not in keys]
        if rivals and rivals[0].score >= CLOSE * best.score:
            if any(w.message.startswith("film: a close call") for w in warnings):
                return
            warnings.append(
                ParseWarning(
                    f"film: a close call, chose {str(best)!r}; candidates: "
                    f"{describe_candidates((best, *rivals[:3]))}. Pick the film in the import "
                    "preview or give it with --film"
                )
            )

    def _dated(
        self,
        film: FilmRecord,
        run_years: dict[str, set[int]],
        warnings: list[ParseWarning],
        candidates: list[FilmCandidate],
        is_main: bool,
    ) -> FilmRecord:
        """A yearless film takes the year of the one film of that title on the site, else the
        one year the run's other texts give it; if neither, the import warns."""
        on_site = self.site.matching(film)
        dated = [f for f in on_site if f.year is not None]
        if len(on_site) == 1:
            return replace(film, year=on_site[0].year)
        if len(dated) > 1:
            warnings.append(
                ParseWarning(
                    f"film {film.title!r} has no year and the site has {len(dated)} films of "
                    f"that title ({', '.join(str(f) for f in dated)}); give the year, e.g. "
                    f'--film "{film.title} ({dated[0].year})"'
                )
            )
            return film
        years = run_years.get(film_title_key(film.title), set())
        if len(years) == 1:
            return replace(film, year=next(iter(years)))
        if is_main:
            named = describe_candidates(tuple(candidates[:4])) or repr(film.title)
            warnings.append(
                ParseWarning(
                    f"film {film.title!r} has no year and is not on the site: check it is the "
                    f"film this text is about; candidates: {named}"
                )
            )
        return film


def resolve_texts(
    texts: Sequence[ParsedText], resolver: Resolver | None = None
) -> list[ParsedText]:
    """Resolve the texts of one run together; see Resolver.texts()."""
    return (resolver or Resolver()).texts(texts)


# --- people and critics -----------------------------------------------------------------------


class PeoplePool:
    """The people a text's names could be, read in one query for all of its names.

    For each name it answers what a query of its own would: the people with that name (oldest
    first), and every person whose slug a new one's could collide with, so a free slug is chosen
    without another query. People the import creates join the pool (add), so a later name with
    the same slug sees them.
    """

    CHUNK = 100  # names per query: SQLite limits how deep a chain of ORs may nest

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.people: dict[int, Person] = {}
        self.asked: set[str] = set()
        self.read(names)

    def read(self, names: Iterable[str]) -> None:
        new = list(dict.fromkeys(n for n in names if n not in self.asked))
        for start in range(0, len(new), self.CHUNK):
            query = Q(pk__in=[])
            for name in new[start : start + self.CHUNK]:
                query |= Q(slug__startswith=slugify(name)) | Q(name__iexact=name)
            self.people.update((p.pk, p) for p in Person.objects.filter(query))
        self.asked.update(new)

    def add(self, person: Person) -> None:
        self.people[person.pk] = person

    def named(self, name: str) -> tuple[list[Person], list[Person]]:
        if name not in self.asked:
            self.read([name])
        key, slug, folded = name_key(name), slugify(name), name.casefold()
        candidates = sorted(
            (
                p
                for p in self.people.values()
                if p.slug.startswith(slug) or p.name.casefold() == folded
            ),
            key=lambda p: p.pk,
        )
        return [p for p in candidates if name_key(p.name) == key], candidates


def critic_named(name: str) -> Author | None:
    """The critic on the site with this name (case and accents ignored), if any."""
    key = name_key(name)
    candidates = Author.objects.filter(Q(slug__startswith=slugify(name)) | Q(name__iexact=name))
    return next((a for a in candidates.order_by("pk") if name_key(a.name) == key), None)


def film_in_database(record: FilmRecord) -> Film | None:
    """The film a record names, asked of the database itself (a concurrent import's film)."""
    core = slugify(record.title.removeprefix("The ").removeprefix("the "))
    query = Q(title__iexact=record.title) | Q(original_title__iexact=record.title)
    if core:
        query |= Q(slug__contains=core)
    wanted = {film_title_key(record.title)}
    if record.original_title:
        wanted.add(film_title_key(record.original_title))
    hits = [
        film
        for film in Film.objects.filter(query).order_by("pk")
        if wanted & {film_title_key(film.title), film_title_key(film.original_title or "")}
        and (record.year is None or film.year in (record.year, None))
    ]
    hits.sort(key=lambda film: film.year is None)
    return hits[0] if hits else None


def film_match(record: FilmRecord, site: SiteFilms, warn: Callable[[str], None]) -> Film | None:
    """The film already on the site with this title (or original title) and year.

    The run's index answers first; a miss asks the database, which may hold a film another
    import committed since the index was read.
    """
    hits = site.matching(record)
    if not hits:
        return film_in_database(record)
    if len(hits) > 1 and hits[0].year == hits[1].year:
        warn(f"{len(hits)} films on the site match {str(record)!r}; used {hits[0]} (the oldest)")
    return Film.objects.filter(pk=hits[0].pk).first() or film_in_database(record)
