"""Writes that span models: saving an imported critic's text as film, people and article.

The parser (importer/parse/) turns a text into plain records; `article_import` saves them in
one transaction. docs/importing.md explains the matching and re-import rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any, Literal, TypeVar

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from importer.parse.document import decode_and_parse
from importer.parse.records import (
    CreditRecord,
    FilmRecord,
    ImportTextError,
    ParsedText,
    ParseWarning,
    SectionRecord,
)
from importer.parse.text import plain
from importer.resolve import (
    PeoplePool,
    Resolver,
    critic_named,
    film_match,
    name_key,
)
from people.models import Character, Credit, Person
from reviews.models import Article, Author, Country, Film, Genre, Language, Section
from sitesearch import api as search

ArticleOutcome = Literal["created", "updated", "unchanged", "skipped"]
# What an importing user needs to write the catalogue; contributors lack them (editorial.roles).
CATALOGUE_PERMISSIONS = (
    "reviews.add_film",
    "reviews.change_film",
    "people.add_person",
    "people.add_credit",
    "people.add_character",
)
CATALOGUE_MODELS = (Film, Genre, Country, Language, Person, Credit, Character)
Outcome = Literal["created", "matched"]
ModelT = TypeVar("ModelT", bound=models.Model)

_LINK_FIELDS = {
    "IMDb": "imdb_url",
    "Letterboxd": "letterboxd_url",
    "Wikipedia": "wikipedia_url",
    "Rotten Tomatoes": "rotten_tomatoes_url",
}
_FIRST_WORDS = 12


# --- the result: what was created and what was matched ------------------------------------------


@dataclass
class FilmResult:
    title: str
    year: int | None
    runtime: int | None
    genres: list[str]
    outcome: Outcome
    slug: str


@dataclass
class CreditResult:
    person: str
    role: str
    character: str | None
    outcome: Outcome  # the credit itself
    person_outcome: Outcome


@dataclass
class ArticleResult:
    kind: str
    title: str
    status: str
    slug: str
    rating: Decimal | None
    outcome: ArticleOutcome
    pk: int | None  # None after a dry run that would have created it
    standfirst: str = ""  # public, like the title: what readers see before any section
    verdict: str = ""


@dataclass
class SectionResult:
    heading: str | None
    kind: str
    spoiler: bool
    first_words: str
    character: str | None
    image: dict[str, str] | None  # an image slot: alt text and caption, picture still to upload
    body: str = ""  # the section's whole text (Markdown), as it will be saved


@dataclass
class MentionResult:
    title: str
    year: int | None
    matched: bool  # the film is already on the site


@dataclass
class CandidateResult:
    """A film the text may be about, with the evidence; `chosen` is the one it is filed under."""

    title: str
    year: int | None
    score: float
    evidence: list[str]
    chosen: bool

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass
class DroppedResult:
    """A line of page furniture left out of the article, and why."""

    line: int
    text: str
    reason: str


@dataclass
class ImportResult:
    """What one text did (or, after a dry run, would do); shared by the command and the admin."""

    fingerprint: str
    dry_run: bool
    film: FilmResult | None  # the main film; films lists every film the text is about
    credits: list[CreditResult]
    article: ArticleResult
    sections: list[SectionResult]
    mentions: list[MentionResult]
    warnings: list[ParseWarning] = field(default_factory=list)
    candidates: list[CandidateResult] = field(default_factory=list)
    dropped: list[DroppedResult] = field(default_factory=list)
    films: list[FilmResult] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        """imported, updated, unchanged or skipped: the file's line in the totals."""
        return {"created": "imported"}.get(self.article.outcome, self.article.outcome)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, in the shape docs/import-report.schema.json describes."""
        data = asdict(self)
        data["article"]["rating"] = (
            float(self.article.rating) if self.article.rating is not None else None
        )
        data["warnings"] = [{"message": w.message, "line": w.line} for w in self.warnings]
        return data


class _Rollback(Exception):
    """Leaves the transaction after a dry run or a skipped text, keeping the result."""

    def __init__(self, result: ImportResult) -> None:
        self.result = result


# --- public API ---------------------------------------------------------------------------------


def article_import_bytes(
    *,
    data: bytes,
    max_bytes: int,
    film_hint: str | None = None,
    publish: bool = False,
    dry_run: bool = False,
    overwrite: bool = False,
    by: AbstractBaseUser | None = None,
) -> ImportResult:
    """Decode, parse and import one file; raises ImportTextError when it cannot be imported."""
    text, parsed = decode_and_parse(data, max_bytes=max_bytes, film_hint=film_hint)
    resolver = Resolver()
    return article_import(
        resolver=resolver,
        parsed=parsed,
        source_text=text,
        publish=publish,
        dry_run=dry_run,
        overwrite=overwrite,
        by=by,
    )


def article_import(
    *,
    parsed: ParsedText,
    source_text: str,
    publish: bool = False,
    dry_run: bool = False,
    overwrite: bool = False,
    by: AbstractBaseUser | None = None,
    resolver: Resolver | None = None,
) -> ImportResult:
    """Save one parsed text (film, people, credits, article, sections) all or nothing.

    The text is resolved against the site first (importer/resolve.py); a run that resolved
    its texts together passes its resolver, so the site's films are read once.

    The text's fingerprint finds an earlier import of the same text: that article is updated,
    never duplicated. If its content no longer matches what this import would write (an editor
    changed it), it is left alone with a warning unless `overwrite`. A dry run, and a skipped
    text, roll everything back and still return the full report.
    """
    try:
        with (
            transaction.atomic(),
            # The import adds its rows to the revision itself, once each (see add_versions).
            reversion.create_revision(manage_manually=True, atomic=False),
            # The article's search document is computed once, when all its sections are saved.
            search.deferred_indexing(),
        ):
            result = _import_in_revision(
                parsed=parsed,
                source_text=source_text,
                publish=publish,
                dry_run=dry_run,
                overwrite=overwrite,
                by=by,
                resolver=resolver or Resolver(),
            )
    except _Rollback as rollback:
        result = rollback.result
        if dry_run and result.article.outcome == "created":
            result.article.pk = None
    except IntegrityError as exc:  # a concurrent import of the same text, or a race on a slug
        raise ImportTextError(f"could not save: {exc}") from exc
    return result


def _import_in_revision(
    *,
    parsed: ParsedText,
    source_text: str,
    publish: bool,
    dry_run: bool,
    overwrite: bool,
    by: AbstractBaseUser | None,
    resolver: Resolver,
) -> ImportResult:
    """article_import's work inside its transaction; raises _Rollback to keep nothing."""
    # Like an admin save, an import is a revision (with its author when known).
    reversion.set_comment("Imported from a text.")
    if by is not None and by.is_authenticated:
        reversion.set_user(by)
    importer = _Import(
        resolver.text(parsed),
        source_text,
        publish=publish,
        overwrite=overwrite,
        by=by,
        resolver=resolver,
    )
    result = importer.run()
    result.dry_run = dry_run
    importer.report_public_parts(result)
    if dry_run or result.article.outcome == "skipped":
        raise _Rollback(result)
    importer.add_versions()
    return result


# --- helpers ------------------------------------------------------------------------------------


def _slug_base(text: str, *, fallback: str, max_length: int = 200) -> str:
    return slugify(text)[:max_length].strip("-") or fallback


def _free_slug(base: str, taken: set[str]) -> str:
    """base, else base-2, base-3...: the first not in `taken` (every slug starting with base)."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _unique_slug(
    model: type[models.Model], text: str, *, fallback: str, max_length: int = 200, **scope: Any
) -> str:
    base = _slug_base(text, fallback=fallback, max_length=max_length)
    taken = set(
        model._default_manager.filter(slug__startswith=base, **scope).values_list("slug", flat=True)
    )
    return _free_slug(base, taken)


def _held_relations(instance: models.Model) -> list[str]:
    """Foreign keys set to an object the import holds, already saved in this transaction."""
    held = []
    for relation in instance._meta.concrete_fields:
        if relation.many_to_one and relation.is_cached(instance):
            target = relation.get_cached_value(instance)
            if target is not None and target.pk is not None and not target._state.adding:
                held.append(relation.name)
    return held


def _clean(instance: ModelT, what: str) -> ModelT:
    """full_clean() without its queries, the model's complaint turned into an ImportTextError.

    Every field is validated (blank, length, choices, validators) and clean() runs. The checks
    that would query are left to the database, inside the text's transaction: foreign keys to
    rows the import holds exist; uniqueness is what the matching already established; and
    check constraints are the database's own (see _save for their messages).
    """
    try:
        instance.full_clean(
            exclude=_held_relations(instance), validate_unique=False, validate_constraints=False
        )
    except ValidationError as exc:
        raise ImportTextError(f"cannot save {what}: {_problems(exc)}") from exc
    return instance


def _problems(exc: ValidationError) -> str:
    return "; ".join(
        f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
        for name, messages in exc.message_dict.items()
    )


def _save(instance: ModelT, what: str) -> ModelT:
    """Validate and save; a constraint the database refuses becomes an ImportTextError too.

    The error leaves the text's transaction, which rolls back: nothing of the text is saved.
    """
    _clean(instance, what)
    try:
        instance.save()
    except IntegrityError as exc:
        raise _refused(type(instance), exc, what) from exc
    return instance


def _refused(model: type[models.Model], exc: IntegrityError, what: str) -> ImportTextError:
    """The database's refusal in the words of the constraint it names."""
    violated = [c for c in model._meta.constraints if c.name in str(exc)]
    violated.sort(key=lambda constraint: -len(constraint.name))  # the most specific name
    problem = violated[0].get_violation_error_message() if violated else str(exc)
    return ImportTextError(f"cannot save {what}: {problem}")


def _image_slot(record: SectionRecord) -> str:
    """What the section remembers of a picture the text had: its caption, else its alt text."""
    if record.image is None:
        return ""
    return (record.image.caption or record.image.alt_text)[:300]


def _first_words(body: str) -> str:
    words = plain(re.sub(r"[*_`#>\[\]]+", "", body)).split()
    return " ".join(words[:_FIRST_WORDS]) + (" …" if len(words) > _FIRST_WORDS else "")


def _aware(value: datetime | date | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.combine(value, time.min, tzinfo=UTC)


# --- the import ---------------------------------------------------------------------------------


class _Import:
    """One text's import; lives for one call of article_import()."""

    def __init__(
        self,
        parsed: ParsedText,
        source_text: str,
        *,
        publish: bool,
        overwrite: bool,
        by: AbstractBaseUser | None = None,
        resolver: Resolver | None = None,
    ):
        from editorial.services import author_for_user, can_publish

        self.parsed = parsed
        self.resolver = resolver or Resolver()
        # Who imports, through the admin (the command line is trusted: it owns the database).
        # A contributor's text is held to what the admin lets a contributor do: their own
        # articles, under their own byline; the catalogue (films, people, credits, characters,
        # genres) is read, never written.
        self.by = by
        self.catalogue = by is None or by.has_perms(CATALOGUE_PERMISSIONS)
        self.own_author = None if by is None or can_publish(by) else author_for_user(by)
        self.source_text = source_text
        self.publish = publish
        self.overwrite = overwrite
        self.warnings: list[ParseWarning] = list(parsed.warnings)
        self.people: dict[str, tuple[Person, Outcome]] = {}
        self.pool = PeoplePool()  # read for all the text's credits at once (see credits())
        self.film_created = False  # the film film() just saved is new
        self.created_films: set[int] = set()  # new films' pks: nothing of them to read back
        self.characters: dict[int, dict[str, Character]] = {}  # each film's, by name_key
        self.character_slugs: dict[int, set[str]] = {}
        # What the import wrote, for its revision: each row once, in its final state.
        self.revised: dict[tuple[type[models.Model], Any], models.Model] = {}

    def warn(self, message: str) -> None:
        self.warnings.append(ParseWarning(message))

    def save(self, instance: ModelT, what: str) -> ModelT:
        if not self.catalogue and isinstance(instance, CATALOGUE_MODELS):
            raise ImportTextError(f"{what}: only editors add to or change films and people")
        self.revise(_save(instance, what))
        return instance

    def save_new(
        self, instance: ModelT, what: str, match: Callable[[], ModelT | None]
    ) -> tuple[ModelT, Outcome]:
        """Create a row that a concurrent import may be creating too (a film, a person...).

        On PostgreSQL two imports can both find no such row and both insert it: the second
        insert waits for the first transaction, then fails on the unique slug. It runs in a
        savepoint, so that failure rolls back only the insert, and `match` finds the row the
        other import committed. SQLite needs no savepoint: its writers take the database's
        write lock when their transaction begins (IMMEDIATE), so the second import only starts
        matching after the first has committed.
        """
        savepoint = transaction.atomic() if connection.vendor == "postgresql" else nullcontext()
        try:
            with savepoint:
                return self.save(instance, what), "created"
        except ImportTextError as exc:
            # Without a savepoint (SQLite) the failed insert spoils the transaction: no query
            # may follow, and no concurrent import can have caused it (see above).
            conflict = (
                isinstance(exc.__cause__, IntegrityError) and connection.vendor == "postgresql"
            )
            found = match() if conflict else None
            if found is None:
                raise
            return found, "matched"

    def revise(self, instance: models.Model) -> None:
        """Put the row in the import's revision (with what reversion follows from it)."""
        if reversion.is_registered(type(instance)):
            self.revised[(type(instance), instance.pk)] = instance

    def add_versions(self) -> None:
        """Add what the import wrote to its revision, once each and in its final state.

        reversion's automatic mode serialises a row (reading its many-to-many fields) at each
        save and each change to its genres, films or tags. Rows that an article, film or person
        follows (sections, credits, characters) go first, so following finds them done.
        """
        followers = (Article, Film, Person)
        instances = sorted(self.revised.values(), key=lambda i: isinstance(i, followers))
        # What following reads, one query per relation rather than one per row; a credit's
        # name (its version's object_repr) shows its person and character.
        credits = Credit.objects.select_related("person", "character")
        models.prefetch_related_objects(
            [i for i in instances if isinstance(i, Person)], models.Prefetch("credits", credits)
        )
        models.prefetch_related_objects(
            [i for i in instances if isinstance(i, Film)],
            models.Prefetch("credits", credits),
            "characters",
            "watch_options",
        )
        for instance in instances:
            reversion.add_to_revision(instance)

    def run(self) -> ImportResult:
        text_films, film_results = self.text_films()
        credits = self.credits(text_films)
        mentions, mention_films = self.mentions()
        # Every film the text is about; a ranked list covers the films it ranks.
        films = list(dict.fromkeys(text_films)) if text_films else mention_films
        article, outcome = self.article(films)
        sections = [self.section_result(record) for record in self.parsed.sections]
        self.warn_image_slots()
        return ImportResult(
            fingerprint=self.parsed.fingerprint,
            dry_run=False,
            film=film_results[0] if self.parsed.film and film_results else None,
            films=film_results,
            credits=credits,
            article=ArticleResult(
                kind=article.kind,
                title=article.title,
                status=article.status,
                slug=article.slug,
                rating=article.rating,
                outcome=outcome,
                pk=article.pk,
            ),
            sections=sections,
            mentions=mentions,
            warnings=self.warnings,
        )

    def text_films(self) -> tuple[list[Film], list[FilmResult]]:
        """Save or match the films the text is about, the main one first."""
        main = self.parsed.film
        # `film` is the main one; a ranked list has none, and is about the films it ranks.
        records = (main, *self.parsed.films[1:]) if main else self.parsed.films
        text_films: list[Film] = []
        film_results: list[FilmResult] = []
        for record in records:
            if main is None and not self.catalogue and self.film_match(record) is None:
                self.warn(f"{record}: not on the site yet, so not linked (editors add films)")
                continue
            film, film_result = self.film(record)
            if self.film_created:
                self.created_films.add(film.pk)
            text_films.append(film)
            film_results.append(film_result)
        return text_films, film_results

    def warn_image_slots(self) -> None:
        """A picture in the text cannot be imported: say where its slot is."""
        for number, record in enumerate(self.parsed.sections, start=1):
            if record.image:
                self.warn(
                    f"section {number} ({record.heading or record.kind}) had an image "
                    f"({record.image.caption or record.image.alt_text!r}): kept as an image "
                    "slot; upload the picture and attach it in the admin"
                )

    # --- film ---------------------------------------------------------------------------------

    def film(self, record: FilmRecord) -> tuple[Film, FilmResult]:
        self.film_created = False
        film = self.film_match(record)
        outcome: Outcome = "matched"
        if film is None and not self.catalogue:
            raise ImportTextError(
                f"the film {record} is not on the site yet, and only editors add films: ask an "
                "editor to add it (or to import this text)"
            )
        if film is None:
            film, outcome = self.film_create(record)
        elif self.catalogue:
            self.film_fill(film, record)
        genres = self.film_details(film, record)
        if not self.film_created:  # a matched film may have genres the text did not name
            genres = list(film.genres.all())
        return film, FilmResult(
            title=film.title,
            year=film.year,
            runtime=film.runtime_minutes,
            genres=sorted(genre.name for genre in genres),
            outcome=outcome,
            slug=film.slug,
        )

    def film_create(self, record: FilmRecord) -> tuple[Film, Outcome]:
        """A new film from the record (matched after all if a concurrent import saved it)."""
        film = Film(
            title=record.title[:200],
            original_title=(record.original_title or "")[:200],
            year=record.year,
            runtime_minutes=record.runtime_minutes,
            slug=_unique_slug(Film, f"{record.title} {record.year or ''}", fallback="film"),
        )
        self.film_links(film, record)
        film, outcome = self.save_new(film, f"film {record}", lambda: self.film_match(record))
        self.film_created = outcome == "created"
        if self.film_created:
            self.resolver.site.added(film)
        return film, outcome

    def film_details(self, film: Film, record: FilmRecord) -> list[Genre | Country | Language]:
        """Add the text's genres, countries and languages; returns the genres it named."""
        if not self.catalogue:
            if record.genres or record.countries or record.languages or record.links:
                self.warn(f"{record}: details not changed; only editors change films")
            return []
        genres = self.add_terms(film.genres, Genre, record.genres, "genre")
        self.add_terms(film.countries, Country, record.countries, "country")
        self.add_terms(film.languages, Language, record.languages, "language")
        if record.watch_on:
            self.warn(
                f"where to watch ({', '.join(record.watch_on)}) not saved: the text gives no "
                "kind or link; add it on the film"
            )
        return genres

    def film_match(self, record: FilmRecord) -> Film | None:
        """The film already on the site with this title (or original title) and year."""
        return film_match(record, self.resolver.site, self.warn)

    def film_fill(self, film: Film, record: FilmRecord) -> None:
        """Fill a matched film's blanks; what an editor already set is kept."""
        changed = False
        if film.year is None and record.year is not None:
            film.year, changed = record.year, True
        if record.runtime_minutes:
            if film.runtime_minutes is None:
                film.runtime_minutes, changed = record.runtime_minutes, True
            elif film.runtime_minutes != record.runtime_minutes:
                self.warn(
                    f"the text gives a runtime of {record.runtime_minutes} min; the film on "
                    f"the site has {film.runtime_minutes} min, kept"
                )
        if record.original_title and not film.original_title:
            film.original_title, changed = record.original_title[:200], True
        changed = self.film_links(film, record) or changed
        if changed:
            self.save(film, f"film {film}")

    def film_links(self, film: Film, record: FilmRecord) -> bool:
        changed = False
        for link in record.links:
            if not link.url:
                continue  # a bare site name ("IMDb") says nothing we can link to
            name = _LINK_FIELDS.get(link.site)
            if name is None:
                self.warn(f"link {link.url} not saved: films have no field for {link.site}")
                continue
            current = getattr(film, name)
            if current == link.url:
                continue
            if current:
                self.warn(f"{link.site} link {link.url} not saved: the film already has {current}")
                continue
            try:
                film._meta.get_field(name).clean(link.url, film)
            except ValidationError as exc:
                self.warn(f"{link.site} link {link.url} not saved: {' '.join(exc.messages)}")
                continue
            setattr(film, name, link.url)
            changed = True
        return changed

    def add_terms(
        self,
        related: models.Manager,
        model: type[Genre | Country | Language],
        names: Iterable[str],
        what: str,
    ) -> list[Genre | Country | Language]:
        terms = []
        for name in dict.fromkeys(n.strip() for n in names if n.strip()):
            term = model.objects.filter(Q(name__iexact=name) | Q(slug=slugify(name))).first()
            if term is None:
                term = model(name=name[:100], slug=_unique_slug(model, name, fallback=what))
                term, _ = self.save_new(
                    term,
                    f"{what} {name!r}",
                    lambda m=model, n=name: m.objects.filter(name__iexact=n).first(),
                )
            terms.append(term)
        if terms:
            related.add(*terms)
            self.revise(related.instance)
        return terms

    # --- people -------------------------------------------------------------------------------

    def person(self, name: str) -> tuple[Person, Outcome]:
        key = name_key(name)
        if key in self.people:
            return self.people[key]
        slug = slugify(name)
        hits, candidates = self.pool.named(name)
        if hits:
            if len(hits) > 1:
                self.warn(
                    f"{len(hits)} people on the site are named {name!r}; credited the first "
                    f"(slug {hits[0].slug})"
                )
            found: tuple[Person, Outcome] = (hits[0], "matched")
        else:
            base = _slug_base(name, fallback="person")
            if base == slug:  # the candidates hold every slug that starts with it
                new_slug = _free_slug(base, {p.slug for p in candidates})
            else:
                new_slug = _unique_slug(Person, name, fallback="person")
            person = Person(name=name[:200], slug=new_slug)
            found = self.save_new(
                person,
                f"person {name!r}",
                lambda: next(
                    (p for p in Person.objects.filter(slug=new_slug) if name_key(p.name) == key),
                    None,
                ),
            )
        self.pool.add(found[0])
        self.people[key] = found
        return found

    def known_characters(self, film: Film) -> dict[str, Character]:
        """The film's characters by name_key, read once (none if the film is new)."""
        if film.pk not in self.characters:
            known = [] if film.pk in self.created_films else list(film.characters.all())
            self.characters[film.pk] = {name_key(c.name): c for c in known}
            self.character_slugs[film.pk] = {c.slug for c in known}
        return self.characters[film.pk]

    def character(self, film: Film, name: str) -> Character:
        key = name_key(name)
        characters = self.known_characters(film)
        if key not in characters:
            slugs = self.character_slugs[film.pk]
            slug = _free_slug(_slug_base(name, fallback="character"), slugs)
            character = Character(film=film, name=name[:200], slug=slug)
            character, _ = self.save_new(
                character,
                f"character {name!r}",
                lambda: next((c for c in film.characters.all() if name_key(c.name) == key), None),
            )
            characters[key] = character
            slugs.add(slug)
        return characters[key]

    def section_character(self, film: Film, name: str) -> Character | None:
        """The character a section is about; a contributor's import only finds existing ones."""
        if self.catalogue:
            return self.character(film, name)
        found = self.known_characters(film).get(name_key(name))
        if found is None:
            self.warn(f"character {name!r} not linked: not on the film yet (editors add them)")
        return found

    def credits(self, films: list[Film]) -> list[CreditResult]:
        if not films:
            if self.parsed.credits:
                self.warn(
                    f"{len(self.parsed.credits)} credit(s) not saved: the text names no film "
                    "(give one with the film hint)"
                )
            return []
        if not self.catalogue:
            if self.parsed.credits:
                self.warn(
                    f"{len(self.parsed.credits)} credit(s) not saved: only editors add cast and "
                    "crew"
                )
            return []
        self.pool.read(c.person for c in self.parsed.credits)
        results = []
        for index, film in enumerate(films):
            records = [c for c in self.parsed.credits if min(c.film, len(films) - 1) == index]
            if not records:
                continue
            existing = [] if film.pk in self.created_films else list(film.credits.all())
            billing: dict[str, int] = {}
            for record in records:
                billing[record.role] = billing.get(record.role, 0) + 1
                results.append(self.credit(film, record, existing, billing[record.role]))
        return results

    def credit(
        self, film: Film, record: CreditRecord, existing: list[Credit], billing: int
    ) -> CreditResult:
        person, person_outcome = self.person(record.person)
        character = self.credit_character(film, record)
        same_job = [c for c in existing if c.person_id == person.pk and c.role == record.role]
        exact = [c for c in same_job if c.character_id == (character.pk if character else None)]
        outcome: Outcome = "matched"
        if exact:
            pass
        elif character and (blank := [c for c in same_job if c.character_id is None]):
            blank[0].character = character  # the text names the part the site left blank
            self.save(blank[0], f"credit for {record.person}")
        elif character is None and same_job:
            pass  # the site already knows which part they play
        else:
            credit = Credit(
                film=film, person=person, role=record.role, character=character, billing=billing
            )
            credit, outcome = self.save_new(
                credit,
                f"credit for {record.person} ({record.role})",
                lambda: Credit.objects.filter(
                    film=film, person=person, role=record.role, character=character
                ).first(),
            )
            existing.append(credit)
        return CreditResult(
            person=person.name,
            role=record.role,
            character=character.name if character else None,
            outcome=outcome,
            person_outcome=person_outcome,
        )

    def credit_character(self, film: Film, record: CreditRecord) -> Character | None:
        """The part an actor plays; a character named for any other job is dropped."""
        if not record.character:
            return None
        if record.role == Credit.Role.ACTOR:
            return self.character(film, record.character)
        self.warn(
            f"{record.person} ({record.role}): character {record.character!r} dropped; "
            "only actors play characters"
        )
        return None

    def mentions(self) -> tuple[list[MentionResult], list[Film]]:
        results: list[MentionResult] = []
        site_films: list[int] = []
        for mention in self.parsed.mentions:
            hits = self.resolver.site.matching(mention)
            results.append(MentionResult(mention.title, mention.year, matched=bool(hits)))
            if hits and hits[0].pk not in site_films:
                site_films.append(hits[0].pk)
        if not site_films:
            return results, []
        # A ranked list links the films it ranks: read them in one query, in the text's order.
        by_pk = Film.objects.in_bulk(site_films)
        return results, [by_pk[pk] for pk in site_films if pk in by_pk]

    # --- article and sections -----------------------------------------------------------------

    def report_public_parts(self, result: ImportResult) -> None:
        """What the report adds for the person importing: the public text and the evidence."""
        record = self.parsed.article
        result.article.standfirst = record.standfirst
        result.article.verdict = record.verdict[:300]
        chosen = result.film and (result.film.title.casefold(), result.film.year)
        result.candidates = [
            CandidateResult(
                title=c.title,
                year=c.year,
                score=round(c.score, 2),
                evidence=list(c.evidence),
                chosen=bool(chosen) and (c.title.casefold(), c.year) == chosen,
            )
            for c in self.parsed.candidates
        ]
        result.dropped = [DroppedResult(d.line, d.text, d.reason) for d in self.parsed.dropped]

    def byline_author(self, name: str) -> Author | None:
        """A byline ("By Jane Doe") names the author only when she is a critic on the site."""
        key = name_key(name)
        critics = Author.objects.filter(Q(slug__startswith=slugify(name)) | Q(name__iexact=name))
        found = next((a for a in critics.order_by("pk") if name_key(a.name) == key), None)
        if found is None:
            self.warn(f"byline {name!r} names no critic on the site; the article has no author")
        return found

    def author(self) -> Author | None:
        if self.own_author is None and not self.parsed.article.author and self.parsed.byline:
            return self.byline_author(self.parsed.byline)
        name = self.parsed.article.author
        if self.own_author is not None:
            if name and name_key(name) != name_key(self.own_author.name):
                self.warn(f"byline {name!r} replaced: your imports are under your own name")
            return self.own_author
        if not name:
            return None
        found = critic_named(name)
        if found is not None:
            return found
        author = Author(name=name[:200], slug=_unique_slug(Author, name, fallback="author"))
        return _clean(author, f"author {name!r}")

    def status(self) -> tuple[str, datetime | None]:
        from editorial.services import allowed_statuses, can_publish

        record = self.parsed.article
        published_at = _aware(record.published_at)
        if self.by is not None and not can_publish(self.by):
            # A contributor's import is held to their admin form: draft or review, no dates.
            if self.publish:
                raise ImportTextError("only editors publish articles; import it as a draft")
            status = record.status or Article.Status.DRAFT
            if status not in allowed_statuses(self.by):
                self.warn(
                    f"front matter status {status!r} not used: only editors publish, schedule "
                    "or unpublish articles; imported as a draft"
                )
                status = Article.Status.DRAFT
            if published_at is not None:
                self.warn(
                    "front matter 'published' date not used: only editors set when an article "
                    "is published"
                )
            return status, None
        if self.publish:
            return Article.Status.PUBLISHED, published_at or timezone.now()
        if record.status == Article.Status.PUBLISHED:
            self.warn("front matter says 'published'; imported as a draft (publish to publish)")
            return Article.Status.DRAFT, published_at
        return record.status or Article.Status.DRAFT, published_at

    def desired_sections(self, film: Film | None) -> list[Section]:
        sections = []
        for order, record in enumerate(self.parsed.sections, start=1):
            character = None
            if record.character and film is not None:
                character = self.section_character(film, record.character)
            sections.append(
                Section(
                    order=order,
                    heading=(record.heading or "")[:200],
                    kind=record.kind,
                    is_spoiler=record.is_spoiler,
                    body=record.body,
                    character=character,
                    image_slot=_image_slot(record),
                )
            )
        return sections

    def article(self, films: list[Film]) -> tuple[Article, ArticleOutcome]:
        author = self.author()
        sections = self.desired_sections(films[0] if self.parsed.film else None)
        article = Article.objects.filter(source_fingerprint=self.parsed.fingerprint).first()
        if article is None:
            return self.article_create(author, films, sections), "created"
        self.check_may_change(article)
        if self.wanted_content(author, sections) != _stored_content(article):
            return article, self.article_replace(article, author, films, sections)
        return article, self.article_refresh(article, films)

    def article_create(
        self, author: Author | None, films: list[Film], sections: list[Section]
    ) -> Article:
        article = Article(source_fingerprint=self.parsed.fingerprint, slug=self.slug())
        article.status, article.published_at = self.status()
        self.save_article(article, author, films, sections)
        self.status_record(article, "")
        return article

    def check_may_change(self, article: Article) -> None:
        """Re-importing a text changes its article: the importing user must be allowed to."""
        if self.by is not None:
            from editorial.services import can_edit_article

            if not can_edit_article(self.by, article):
                raise ImportTextError(
                    f"this text was imported before as {article.title!r}, which you may not change"
                )

    def wanted_content(self, author: Author | None, sections: list[Section]) -> tuple:
        """What this import would write into the article, to compare with what it holds."""
        record = self.parsed.article
        return _content(
            record.kind,
            record.title[:200],
            record.standfirst,
            record.rating if record.kind == "review" else None,
            record.verdict[:300],
            author.name if author else None,
            record.tags,
            sections,
        )

    def article_replace(
        self, article: Article, author: Author | None, films: list[Film], sections: list[Section]
    ) -> ArticleOutcome:
        """An article that differs from the text: replaced with overwrite, else left alone."""
        if not self.overwrite:
            self.warn(
                f"article {article.slug!r} was imported from this text but has changed "
                "since (an editor edited it, or the importer reads the text differently "
                "now); left as it is. Import with overwrite to replace it"
            )
            return "skipped"
        from_status = article.status
        if self.publish and article.status == Article.Status.DRAFT:
            article.status, article.published_at = self.status()
        self.save_article(article, author, films, sections)
        self.status_record(article, from_status)
        return "updated"

    def article_refresh(self, article: Article, films: list[Film]) -> ArticleOutcome:
        """An article that still matches the text: publish it if asked, link new films."""
        outcome: ArticleOutcome = "unchanged"
        if self.publish and article.status == Article.Status.DRAFT:
            article.status, article.published_at = self.status()
            self.save(article, f"article {article.title!r}")
            self.status_record(article, Article.Status.DRAFT)
            outcome = "updated"
        elif self.publish and article.status != Article.Status.PUBLISHED:
            self.warn(f"article {article.slug!r} is {article.status}; left as it is, not published")
        # Film links only grow: a ranked list links the films it ranks as they reach the site.
        if missing := set(films) - set(article.films.all()):
            article.films.add(*missing)
            self.revise(article)
            outcome = "updated"
        return outcome

    def status_record(self, article: Article, from_status: str) -> None:
        """The status log: the import set the article's status (by whom; None: the command)."""
        from editorial.services import article_status_record

        try:
            article_status_record(article=article, from_status=from_status, by=self.by)
        except PermissionDenied as exc:
            raise ImportTextError(str(exc)) from exc

    def slug(self) -> str:
        record = self.parsed.article
        if record.slug:
            if self.slug_free(record.slug):
                return record.slug
            slug = self.free_slug(record.slug)
            self.warn(f"slug {record.slug!r} is taken by another page; used {slug!r}")
            return slug
        return self.free_slug(record.title)

    def slug_free(self, slug: str) -> bool:
        """No article has it and, for a contributor, it is no other page's old address: the
        admin form's rule (editorial/forms.py), or a draft could take a live page's readers."""
        from editorial.services import can_publish, redirect_reserving

        if Article.objects.filter(slug=slug).exists():
            return False
        if self.by is None or can_publish(self.by):
            return True
        return redirect_reserving(path=Article(slug=slug).get_absolute_url()) is None

    def free_slug(self, text: str) -> str:
        slug = base = _unique_slug(Article, text, fallback="article")
        number = 1
        while not self.slug_free(slug):
            number += 1
            slug = f"{base}-{number}"
        return slug

    def save_article(
        self, article: Article, author: Author | None, films: list[Film], sections: list[Section]
    ) -> None:
        record = self.parsed.article
        if author is not None and author.pk is None:
            name = author.name
            author, _ = self.save_new(
                author,
                f"author {name!r}",
                lambda: Author.objects.filter(slug=author.slug, name=name).first(),
            )
        rating = record.rating if record.kind == "review" else None
        article.kind = record.kind
        article.title = record.title[:200]
        article.standfirst = record.standfirst
        article.rating = rating
        article.verdict = record.verdict[:300]
        article.author = author
        article.source_text = self.source_text
        created = article._state.adding
        self.save(article, f"article {record.title!r}")
        if created:  # nothing to replace: no reads of films, tags or sections it cannot have
            if films:
                article.films.add(*films)
            if record.tags:
                article.tags.add(*record.tags)
        else:
            article.films.set(films)
            article.tags.set(list(record.tags), clear=True)
            article.sections.all().delete()
        self.save_sections(article, sections)

    def save_sections(self, article: Article, sections: list[Section]) -> None:
        """Validate and render each section, then insert them all in one query.

        bulk_create sends no signals; what a section's save signals (reindexing the article,
        emptying the page cache) the article's own save above has already set in motion.
        """
        for section, record in zip(sections, self.parsed.sections, strict=True):
            section.article = article
            _clean(section, f"section {section.order} ({record.heading or record.kind})")
            section.render()
        try:
            Section.objects.bulk_create(sections)
        except IntegrityError as exc:  # the text's transaction rolls back, as in _save
            raise _refused(Section, exc, "the sections") from exc
        for section in sections:
            self.revise(section)

    def section_result(self, record: SectionRecord) -> SectionResult:
        return SectionResult(
            heading=record.heading,
            kind=record.kind,
            spoiler=record.is_spoiler,
            first_words=_first_words(record.body),
            body=record.body,
            character=record.character,
            image=(
                {"alt_text": record.image.alt_text, "caption": record.image.caption}
                if record.image
                else None
            ),
        )


def _content(
    kind: str,
    title: str,
    standfirst: str,
    rating: Decimal | None,
    verdict: str,
    author: str | None,
    tags: Iterable[str],
    sections: Iterable[Section],
) -> tuple:
    """What an import writes into an article, in a form two articles can be compared by."""
    return (
        kind,
        title,
        standfirst,
        rating,
        verdict,
        author,
        sorted({tag.casefold() for tag in tags}),
        [
            (
                s.order,
                s.heading,
                s.kind,
                s.is_spoiler,
                s.body,
                s.character_id,
                s.image_id,
                s.image_slot,
            )
            for s in sections
        ],
    )


def _stored_content(article: Article) -> tuple:
    return _content(
        article.kind,
        article.title,
        article.standfirst,
        article.rating,
        article.verdict,
        article.author.name if article.author else None,
        article.tags.names(),
        article.sections.order_by("order"),
    )
