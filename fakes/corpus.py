"""A deterministic, realistic archive for measuring filmsite at scale (issue 7, point 1).

Everything comes from one seeded random.Random and the shared vocabulary (fakes/vocabulary.py):
invented names from syllables, film-criticism sentences from templates. Rows are written with
bulk_create (no per-row signals), Markdown is rendered once per distinct paragraph, and the
search index is rebuilt once at the end.
"""

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import reset_queries, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem
from tqdm import tqdm

from fakes.vocabulary import (
    ABSTRACTS,
    ADJECTIVES,
    CODAS,
    COUNTRIES,
    CRAFT,
    FILM_TITLE_TEMPLATES,
    GENRES,
    LANGUAGES,
    NOUNS,
    ONSETS,
    ROLE_WORDS,
    SEASONS,
    SENTENCES,
    SPOILER_SENTENCES,
    VERBS,
    VOWELS,
)
from people.models import Character, Credit, Person, default_sort_name
from reviews.markdown import render_markdown
from reviews.models import (
    RATINGS,
    Article,
    Author,
    Country,
    Film,
    FilmSeries,
    Genre,
    Language,
    Section,
)
from sitesearch import api as search

# Proportions of the archive: 100,000 articles, 20,000 films, 100,000 people, 500,000
# credits. Smaller runs scale every count down with the number of articles.
FILMS_PER_ARTICLE = 0.2
PEOPLE_PER_ARTICLE = 1.0
CREDITS_PER_FILM = 25
BATCH = 2000
PARAGRAPH_POOL = 20_000  # distinct paragraphs; each is rendered to HTML once

Progress = Callable[..., Iterator]

ARTICLE_KINDS = [  # kind, weight, films per article (min, max)
    (Article.Kind.REVIEW, 45, (1, 1)),
    (Article.Kind.SYNOPSIS, 15, (1, 1)),
    (Article.Kind.ENDING, 15, (1, 1)),
    (Article.Kind.ESSAY, 15, (1, 3)),
    (Article.Kind.LIST, 10, (5, 10)),
]
STATUSES = [  # status, weight; "scheduled" is published with a date still to come
    ("published", 85),
    ("scheduled", 2),
    (Article.Status.DRAFT, 8),
    (Article.Status.REVIEW, 3),
    (Article.Status.UNPUBLISHED, 2),
]
SPOILER_RATE = 0.38  # after an always-safe opening section: a third of all sections overall
CREW = [  # role, (min, max) people per film
    (Credit.Role.DIRECTOR, (1, 2)),
    (Credit.Role.WRITER, (1, 3)),
    (Credit.Role.PRODUCER, (1, 3)),
    (Credit.Role.CINEMATOGRAPHER, (1, 1)),
    (Credit.Role.EDITOR, (1, 1)),
    (Credit.Role.COMPOSER, (1, 1)),
    (Credit.Role.PRODUCTION_DESIGNER, (1, 1)),
]


@dataclass(frozen=True)
class Sizes:
    articles: int
    films: int
    people: int
    credits_per_film: int
    authors: int
    tags: int


def sizes_for(articles: int, *, films: int | None = None, people: int | None = None) -> Sizes:
    """The issue's proportions, scaled to the number of articles."""
    return Sizes(
        articles=articles,
        films=films or max(5, round(articles * FILMS_PER_ARTICLE)),
        people=people or max(40, round(articles * PEOPLE_PER_ARTICLE)),
        credits_per_film=CREDITS_PER_FILM,
        authors=min(60, max(3, articles // 1500)),
        tags=min(400, max(20, articles // 250)),
    )


@dataclass
class Report:
    """Rows written per table and seconds per phase."""

    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


class Words:
    """Invented names and film-criticism prose from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def syllables(self, low: int, high: int) -> str:
        rng = self.rng
        word = "".join(
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
            for _ in range(rng.randint(low, high))
        )
        return word.capitalize()

    def person_name(self) -> str:
        return f"{self.syllables(1, 2)} {self.syllables(2, 3)}"

    def fill(self, template: str) -> str:
        rng = self.rng
        abstract, abstract2 = rng.sample(ABSTRACTS, 2)
        return template.format(
            adj=rng.choice(ADJECTIVES),
            noun=rng.choice(NOUNS),
            verb=rng.choice(VERBS),
            abstract=abstract,
            abstract2=abstract2,
            craft=rng.choice(CRAFT),
            role=rng.choice(ROLE_WORDS),
            cap_adj=rng.choice(ADJECTIVES).capitalize(),
            cap_noun=rng.choice(NOUNS).capitalize(),
            cap_abstract=abstract.capitalize(),
            season=rng.choice(SEASONS),
            name=self.syllables(2, 3),
        )

    def sentence(self, *, spoiler: bool = False) -> str:
        pool = SPOILER_SENTENCES if spoiler and self.rng.random() < 0.5 else SENTENCES
        return self.fill(self.rng.choice(pool))

    def paragraph(self, *, spoiler: bool = False) -> str:
        return " ".join(self.sentence(spoiler=spoiler) for _ in range(self.rng.randint(2, 4)))

    def film_title(self) -> str:
        return self.fill(self.rng.choice(FILM_TITLE_TEMPLATES))[:200]


class Slugs:
    """Unique slugs: the title's slug, with -2, -3... on a clash (existing rows included)."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken = set(taken or ())

    def make(self, text: str, max_length: int = 200) -> str:
        base = slugify(text)[:max_length].strip("-") or "item"
        slug, n = base, 1
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.taken.add(slug)
        return slug


def _quiet(iterable, **kwargs):
    return iterable


def _batches(bar: Progress, iterable, **kwargs) -> Iterator:
    """Progress over batches; with DEBUG on, forget the logged SQL so memory stays flat."""
    for item in bar(iterable, **kwargs):
        yield item
        reset_queries()


def generate_corpus(
    *,
    articles: int,
    seed: int = 0,
    films: int | None = None,
    people: int | None = None,
    progress: bool = True,
) -> Report:
    """Write a corpus of about `articles` articles in one transaction; returns what it did."""
    sizes = sizes_for(articles, films=films, people=people)
    rng = random.Random(seed)
    words = Words(rng)
    bar: Progress = tqdm if progress else _quiet
    report = Report()
    now = timezone.now().replace(microsecond=0)
    with transaction.atomic():
        catalogue = _catalogue(words, sizes, bar, report)
        with _phase(report, "paragraphs rendered"):
            pool = _paragraph_pool(words, min(PARAGRAPH_POOL, max(200, articles * 4)), bar)
        with _phase(report, "articles and sections"):
            _articles(
                words,
                sizes.articles,
                film_ids=catalogue.film_ids,
                film_titles=catalogue.film_titles,
                characters=catalogue.characters,
                directors=catalogue.directors,
                author_ids=catalogue.author_ids,
                tag_ids=catalogue.tag_ids,
                pool=pool,
                now=now,
                bar=bar,
                report=report,
            )
        with _phase(report, "search index"):
            report.rows["search documents"] = search.rebuild()
    return report


@contextmanager
def _phase(report: Report, name: str) -> Iterator[None]:
    """Time the block into report.seconds[name] (left out if the block raises)."""
    started = time.perf_counter()
    yield
    report.seconds[name] = round(time.perf_counter() - started, 2)


@dataclass
class _Catalogue:
    """What the articles are written about and by, as ids."""

    author_ids: list[int]
    tag_ids: list[int]
    film_ids: list[int]
    film_titles: dict[int, str]
    characters: dict[int, list[tuple[int, str]]]
    directors: dict[int, int]


def _catalogue(words: Words, sizes: Sizes, bar: Progress, report: Report) -> _Catalogue:
    """Taxonomies, tags, authors, people, films and their credits, one timed phase each."""
    with _phase(report, "taxonomies, tags, authors"):
        genres = _taxonomy(Genre, GENRES)
        countries = _taxonomy(Country, COUNTRIES)
        languages = _taxonomy(Language, LANGUAGES)
        tag_ids = _tags(words, sizes.tags)
        author_ids = _authors(words, sizes.authors)
        report.rows |= {"authors": len(author_ids), "tags": len(tag_ids)}
    with _phase(report, "people"):
        person_ids = _people(words, sizes.people, bar)
        report.rows["people"] = len(person_ids)
    with _phase(report, "films"):
        film_ids, film_titles, series_count = _films(
            words, sizes.films, genres, countries, languages, tag_ids, bar, report
        )
        report.rows["film series"] = series_count
    with _phase(report, "characters and credits"):
        characters, directors = _credits(
            words, film_ids, person_ids, sizes.credits_per_film, bar, report
        )
    return _Catalogue(author_ids, tag_ids, film_ids, film_titles, characters, directors)


def _taxonomy(model, names: list[str]) -> list[int]:
    model.objects.bulk_create(
        [model(name=name.replace("-", " "), slug=slugify(name)) for name in names],
        ignore_conflicts=True,  # --append: the terms may already exist
    )
    return list(model.objects.order_by("pk").values_list("pk", flat=True))


def _tags(words: Words, count: int) -> list[int]:
    names = {*ABSTRACTS, *(f"{a} {n}" for a in ABSTRACTS for n in ("films", "on screen"))}
    names |= {f"{words.rng.choice(ADJECTIVES)} {words.rng.choice(NOUNS)}" for _ in range(count)}
    chosen = sorted(names)  # sets have no stable order; the seed must decide
    words.rng.shuffle(chosen)
    chosen = chosen[:count]
    Tag.objects.bulk_create(
        [Tag(name=name, slug=slugify(name)) for name in chosen], ignore_conflicts=True
    )
    return list(Tag.objects.filter(name__in=chosen).order_by("pk").values_list("pk", flat=True))


def _authors(words: Words, count: int) -> list[int]:
    slugs = Slugs(set(Author.objects.values_list("slug", flat=True)))
    authors = []
    for _ in range(count):
        name = words.person_name()
        bio = f"{name} writes about {' and '.join(words.rng.sample(ABSTRACTS, 2))} on film."
        authors.append(Author(name=name, slug=slugs.make(name), bio=bio))
    return [a.pk for a in Author.objects.bulk_create(authors, batch_size=BATCH)]


def _people(words: Words, count: int, bar: Progress) -> list[int]:
    slugs = Slugs(set(Person.objects.values_list("slug", flat=True)))
    ids: list[int] = []
    for start in _batches(bar, range(0, count, BATCH), desc="people", unit="batch"):
        batch = []
        for _ in range(min(BATCH, count - start)):
            name = words.person_name()
            batch.append(
                Person(
                    name=name,
                    slug=slugs.make(name),
                    sort_name=default_sort_name(name),  # save() would set it; bulk_create doesn't
                    birth_year=words.rng.randint(1900, 2005),
                    bio=words.sentence() if words.rng.random() < 0.3 else "",
                )
            )
        ids += [p.pk for p in Person.objects.bulk_create(batch)]
    return ids


def _films(
    words: Words,
    count: int,
    genres: list[int],
    countries: list[int],
    languages: list[int],
    tag_ids: list[int],
    bar: Progress,
    report: Report,
) -> tuple[list[int], dict[int, str], int]:
    rng = words.rng
    slugs = Slugs(set(Film.objects.values_list("slug", flat=True)))
    plan, series_ids = _series_plan(words, count)
    film_ids: list[int] = []
    titles: dict[int, str] = {}
    through = {"genres": [], "countries": [], "languages": []}
    content_type = ContentType.objects.get_for_model(Film)
    tagged: list[TaggedItem] = []
    for start in _batches(bar, range(0, count, BATCH), desc="films", unit="batch"):
        batch = []
        for series_index, order in plan[start : start + BATCH]:
            series_id = None if series_index is None else series_ids[series_index]
            batch.append(_film_row(words, slugs, series_id, order))
        for film in Film.objects.bulk_create(batch):
            film_ids.append(film.pk)
            titles[film.pk] = film.title
            for name, pool, most in (
                ("genres", genres, 3),
                ("countries", countries, 2),
                ("languages", languages, 2),
            ):
                for term in rng.sample(pool, rng.randint(1, most)):
                    through[name].append((film.pk, term))
            tagged += [
                TaggedItem(content_type=content_type, object_id=film.pk, tag_id=tag)
                for tag in rng.sample(tag_ids, min(len(tag_ids), rng.randint(1, 4)))
            ]
    _save_film_terms(through, report)
    TaggedItem.objects.bulk_create(tagged, batch_size=BATCH * 5)
    report.rows["films"] = len(film_ids)
    report.rows["tagged items"] = report.rows.get("tagged items", 0) + len(tagged)
    return film_ids, titles, len(series_ids)


def _series_plan(words: Words, count: int) -> tuple[list[tuple[int | None, int | None]], list[int]]:
    """Each film's (series index, order in the series), and the saved series' ids."""
    rng = words.rng
    series_slugs = Slugs(set(FilmSeries.objects.values_list("slug", flat=True)))
    # About a tenth of films belong to a series of 2 to 5 films.
    plan: list[tuple[int | None, int | None]] = []
    series: list[FilmSeries] = []
    while len(plan) < count:
        if rng.random() < 0.04 and count - len(plan) >= 2:
            length = min(rng.randint(2, 5), count - len(plan))
            title = f"The {rng.choice(NOUNS).capitalize()} {rng.choice(['Trilogy', 'Cycle'])}"
            series.append(
                FilmSeries(title=title, slug=series_slugs.make(title), description=words.sentence())
            )
            plan += [(len(series) - 1, order) for order in range(1, length + 1)]
        else:
            plan.append((None, None))
    series_ids = [s.pk for s in FilmSeries.objects.bulk_create(series, batch_size=BATCH)]
    return plan, series_ids


def _film_row(words: Words, slugs: Slugs, series_id: int | None, order: int | None) -> Film:
    """An unsaved film with a made-up title, year, runtime and logline."""
    title = words.film_title()
    year = words.rng.randint(1925, 2025)
    return Film(
        title=title,
        slug=slugs.make(f"{title} {year}"),
        year=year,
        runtime_minutes=words.rng.randint(70, 200),
        logline=words.sentence(),
        series_id=series_id,
        series_order=order,
    )


def _save_film_terms(through: dict[str, list[tuple[int, int]]], report: Report) -> None:
    """The films' genres, countries and languages, one bulk insert per relation."""
    for name, model_field in (
        ("genres", "genre"),
        ("countries", "country"),
        ("languages", "language"),
    ):
        model = getattr(Film, name).through
        rows = [model(film_id=f, **{f"{model_field}_id": term}) for f, term in through[name]]
        model.objects.bulk_create(rows, batch_size=BATCH * 5)
        report.rows[f"film {name}"] = len(rows)


def _credits(
    words: Words,
    film_ids: list[int],
    person_ids: list[int],
    per_film: int,
    bar: Progress,
    report: Report,
) -> tuple[dict[int, list[tuple[int, str]]], dict[int, int]]:
    """Crew and cast for every film; each actor plays a character of that film."""
    rng = words.rng
    n_people = len(person_ids)

    def someone() -> int:
        # Skewed towards the start of the list: a few prolific people, a long tail of one-offs.
        return person_ids[int(n_people * rng.random() ** 1.6)]

    characters: dict[int, list[tuple[int, str]]] = {}
    directors: dict[int, int] = {}
    crew_size = sum((low + high) / 2 for _, (low, high) in CREW)
    cast_mean = max(2, round(per_film - crew_size))
    total_characters = total_credits = 0
    for start in _batches(bar, range(0, len(film_ids), BATCH // 4), desc="credits", unit="batch"):
        chunk = film_ids[start : start + BATCH // 4]
        new_characters: list[Character] = []
        crew: list[Credit] = []
        cast: list[tuple[int, int, int]] = []  # film, person, billing (character by position)
        for film_id in chunk:
            crew += _film_crew(rng, film_id, someone, directors)
            actors = list(
                dict.fromkeys(someone() for _ in range(rng.randint(cast_mean - 5, cast_mean + 5)))
            )
            new_characters += _film_characters(words, film_id, len(actors))
            cast += [(film_id, person, billing) for billing, person in enumerate(actors)]
        created = Character.objects.bulk_create(new_characters)
        credits = crew + _actor_credits(created, cast, characters)
        Credit.objects.bulk_create(credits, batch_size=BATCH * 2)
        total_characters += len(created)
        total_credits += len(credits)
    report.rows |= {"characters": total_characters, "credits": total_credits}
    return characters, directors


def _film_crew(
    rng: random.Random, film_id: int, someone: Callable[[], int], directors: dict[int, int]
) -> list[Credit]:
    """A film's crew, a few people per role; its first director goes in `directors`."""
    crew = []
    for role, (low, high) in CREW:
        chosen = {someone() for _ in range(rng.randint(low, high))}
        crew += [
            Credit(film_id=film_id, person_id=p, role=role, billing=i)
            for i, p in enumerate(sorted(chosen))
        ]
        if role == Credit.Role.DIRECTOR:
            directors[film_id] = min(chosen)
    return crew


def _actor_credits(
    created: list[Character],
    cast: list[tuple[int, int, int]],
    characters: dict[int, list[tuple[int, str]]],
) -> list[Credit]:
    """Each actor credited with the character made for them; `characters` learns each film's."""
    credits = []
    for character, (film_id, person, billing) in zip(created, cast, strict=True):
        characters.setdefault(film_id, []).append((character.pk, character.name))
        credits.append(
            Credit(
                film_id=film_id,
                person_id=person,
                role=Credit.Role.ACTOR,
                character_id=character.pk,
                billing=billing,
            )
        )
    return credits


def _film_characters(words: Words, film_id: int, count: int) -> list[Character]:
    """`count` characters with distinct slugs; the top three billed have a description."""
    characters = []
    taken: set[str] = set()
    for billing in range(count):
        name = words.person_name()
        while slugify(name) in taken:
            name = words.person_name()
        taken.add(slugify(name))
        characters.append(
            Character(
                film_id=film_id,
                name=name,
                slug=slugify(name),
                description=words.sentence() if billing < 3 else "",
            )
        )
    return characters


def _paragraph_pool(words: Words, size: int, bar: Progress) -> list[tuple[str, str]]:
    """(Markdown, HTML) paragraphs, each rendered once; every third one gives spoilers away.

    A section body is a few pool paragraphs joined by blank lines, and its HTML is their
    rendered HTML joined by newlines: exactly what render_markdown makes of the whole body.
    """
    pool = []
    for i in bar(range(size), desc="paragraphs", unit="para", mininterval=1):
        text = words.paragraph(spoiler=i % 3 == 0)
        pool.append((text, render_markdown(text)))
    return pool


def _articles(
    words: Words,
    count: int,
    *,
    film_ids: list[int],
    film_titles: dict[int, str],
    characters: dict[int, list[tuple[int, str]]],
    directors: dict[int, int],
    author_ids: list[int],
    tag_ids: list[int],
    pool: list[tuple[str, str]],
    now: datetime,
    bar: Progress,
    report: Report,
) -> None:
    slugs = Slugs(set(Article.objects.values_list("slug", flat=True)))
    safe_pool = [p for i, p in enumerate(pool) if i % 3]
    spoiler_pool = [p for i, p in enumerate(pool) if not i % 3]
    content_type = ContentType.objects.get_for_model(Article)
    totals = {"articles": 0, "sections": 0, "spoiler sections": 0, "article films": 0}
    totals["tagged items"] = 0

    for start in _batches(bar, range(0, count, BATCH), desc="articles", unit="batch"):
        batch: list[Article] = []
        films_of: list[list[int]] = []
        for _ in range(min(BATCH, count - start)):
            article, films = _article_row(words, slugs, film_ids, film_titles, author_ids, now)
            batch.append(article)
            films_of.append(films)
        _save_articles(
            words,
            batch,
            films_of,
            film_titles=film_titles,
            characters=characters,
            tag_ids=tag_ids,
            pools=(safe_pool, spoiler_pool),
            content_type=content_type,
            totals=totals,
        )
    tagged_total = totals.pop("tagged items")
    report.rows |= totals
    report.rows["tagged items"] = report.rows.get("tagged items", 0) + tagged_total


def _save_articles(
    words: Words,
    batch: list[Article],
    films_of: list[list[int]],
    *,
    film_titles: dict[int, str],
    characters: dict[int, list[tuple[int, str]]],
    tag_ids: list[int],
    pools: tuple[list[tuple[str, str]], list[tuple[str, str]]],
    content_type: ContentType,
    totals: dict[str, int],
) -> None:
    """Save a batch of articles with their films, tags and sections; count them in totals."""
    article_films = Article.films.through
    created = Article.objects.bulk_create(batch)
    links, tagged, sections = [], [], []
    for article, films in zip(created, films_of, strict=True):
        links += [article_films(article_id=article.pk, film_id=f) for f in films]
        tagged += [
            TaggedItem(content_type=content_type, object_id=article.pk, tag_id=tag)
            for tag in words.rng.sample(tag_ids, min(len(tag_ids), words.rng.randint(1, 5)))
        ]
        sections += _sections(words, article, films, film_titles, characters, *pools)
    article_films.objects.bulk_create(links, batch_size=BATCH * 5)
    TaggedItem.objects.bulk_create(tagged, batch_size=BATCH * 5)
    Section.objects.bulk_create(sections, batch_size=BATCH)
    totals["articles"] += len(created)
    totals["article films"] += len(links)
    totals["sections"] += len(sections)
    totals["spoiler sections"] += sum(s.is_spoiler for s in sections)
    totals["tagged items"] += len(tagged)


_KINDS = [k for k, _, _ in ARTICLE_KINDS]
_KIND_WEIGHTS = [w for _, w, _ in ARTICLE_KINDS]
_FILM_COUNTS = {k: r for k, _, r in ARTICLE_KINDS}
_STATUSES = [s for s, _ in STATUSES]
_STATUS_WEIGHTS = [w for _, w in STATUSES]
_PUBLISHED_SPAN = timedelta(days=365 * 15).total_seconds()  # past dates go this far back


def _article_row(
    words: Words,
    slugs: Slugs,
    film_ids: list[int],
    film_titles: dict[int, str],
    author_ids: list[int],
    now: datetime,
) -> tuple[Article, list[int]]:
    """An unsaved article of a random kind, and the films it is about."""
    rng = words.rng
    kind = rng.choices(_KINDS, _KIND_WEIGHTS)[0]
    low, high = _FILM_COUNTS[kind]
    films = rng.sample(film_ids, min(len(film_ids), rng.randint(low, high)))
    status, published_at = _status_and_date(rng, now)
    title = _article_title(words, kind, film_titles[films[0]], len(films))
    article = Article(
        kind=kind,
        title=title,
        slug=slugs.make(title),
        standfirst=words.sentence() + " " + words.sentence(),
        author_id=rng.choice(author_ids),
        status=status,
        published_at=published_at,
        rating=rng.choice(RATINGS) if kind == Article.Kind.REVIEW else None,
        verdict=words.sentence() if kind == Article.Kind.REVIEW else "",
    )
    return article, films


def _status_and_date(rng: random.Random, now: datetime) -> tuple[str, datetime | None]:
    """A weighted status; "scheduled" is published with a date still to come."""
    status = rng.choices(_STATUSES, _STATUS_WEIGHTS)[0]
    published_at = None
    if status == "scheduled":
        status = Article.Status.PUBLISHED
        published_at = now + timedelta(hours=rng.randint(1, 24 * 60))
    elif status != Article.Status.DRAFT or rng.random() < 0.2:
        published_at = now - timedelta(seconds=rng.random() * _PUBLISHED_SPAN)
    return status, published_at


def _article_title(words: Words, kind: str, film: str, n_films: int) -> str:
    rng = words.rng
    theme = rng.choice(ABSTRACTS)
    adj = rng.choice(ADJECTIVES)
    noun = rng.choice(NOUNS)
    templates = {
        Article.Kind.REVIEW: [
            f"{film}: a {adj} film about {theme}",
            f"{film} review: the {noun} and the {adj} truth",
            f"{film} is {adj}, {rng.choice(ADJECTIVES)} and about {theme}",
        ],
        Article.Kind.SYNOPSIS: [f"{film}: plot synopsis", f"What happens in {film}"],
        Article.Kind.ENDING: [
            f"{film} ending explained: the {noun}",
            f"The ending of {film}, explained: {theme} and the {noun}",
        ],
        Article.Kind.ESSAY: [
            f"{theme.capitalize()} and the {noun} in {film}",
            f"How {film} films {theme}",
            f"The {adj} {noun}: {theme} in {film}",
        ],
        Article.Kind.LIST: [
            f"The {n_films} best films about {theme}",
            f"{n_films} {adj} films to see after {film}",
        ],
    }
    return rng.choice(templates[kind])[:200]


SECTION_HEADINGS = {
    Article.Kind.REVIEW: ["", "The story", "The craft", "The performances", "Verdict"],
    Article.Kind.SYNOPSIS: ["", "Setup", "The middle", "The last act"],
    Article.Kind.ENDING: ["", "What happens", "What it means", "The final shot"],
    Article.Kind.ESSAY: ["", "Context", "The argument", "Coda"],
    Article.Kind.LIST: [""],
}


def _sections(
    words: Words,
    article: Article,
    films: list[int],
    film_titles: dict[int, str],
    characters: dict[int, list[tuple[int, str]]],
    safe_pool: list[tuple[str, str]],
    spoiler_pool: list[tuple[str, str]],
) -> list[Section]:
    """3 to 12 sections; the opening is never a spoiler, a third of the rest are."""
    rng = words.rng
    n = rng.randint(3, 12)
    kind = article.kind
    cast = characters.get(films[0], [])
    sections = []
    for order in range(n):
        is_spoiler = order > 0 and rng.random() < SPOILER_RATE
        # Two or three paragraphs from a pool of thousands: bodies practically never repeat.
        paragraphs = rng.sample(spoiler_pool if is_spoiler else safe_pool, rng.randint(2, 3))
        heading = rng.choice(SECTION_HEADINGS[kind])
        section_kind, heading, character_id = _section_kind(
            rng,
            kind,
            order,
            n,
            is_spoiler=is_spoiler,
            heading=heading,
            films=films,
            film_titles=film_titles,
            cast=cast,
        )
        sections.append(
            Section(
                article_id=article.pk,
                order=order,
                heading=heading,
                kind=section_kind,
                is_spoiler=is_spoiler,
                body="\n\n".join(p[0] for p in paragraphs),
                body_html="\n".join(p[1] for p in paragraphs),
                character_id=character_id,
            )
        )
    return sections


def _section_kind(
    rng: random.Random,
    kind: str,
    order: int,
    n: int,
    *,
    is_spoiler: bool,
    heading: str,
    films: list[int],
    film_titles: dict[int, str],
    cast: list[tuple[int, str]],
) -> tuple[str, str, int | None]:
    """Section `order` of `n`: its kind, heading and character, from its place in the article."""
    if order == 0:
        return Section.Kind.INTRO, "", None
    if kind == Article.Kind.LIST:
        return Section.Kind.ENTRY, f"{order}. {film_titles[films[(order - 1) % len(films)]]}", None
    if is_spoiler and kind in (Article.Kind.SYNOPSIS, Article.Kind.ENDING):
        section_kind = Section.Kind.SYNOPSIS if kind == "synopsis" else Section.Kind.ENDING
        return section_kind, heading, None
    if cast and rng.random() < 0.15:
        character_id, heading = rng.choice(cast)
        return Section.Kind.CHARACTER, heading, character_id
    if order == n - 1 and kind == Article.Kind.REVIEW:
        return Section.Kind.VERDICT, "Verdict", None
    return Section.Kind.ANALYSIS, heading, None
