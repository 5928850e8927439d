"""Load the demo publication into the database in one transaction.

The catalogue (fakes/demo/catalogue.json) holds what an article cannot carry: critics, people,
series, films with their characters, credits and watch options. The articles are critics' texts
(fakes/demo/texts/*.md) brought in by `import_texts`, as an editor's own would be; what the
importer does not read from a text (section kinds and characters, the films of a double bill,
pictures, a relative publication date) the catalogue gives and is applied after the import.
"""

import io
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from editorial.roles import CONTRIBUTOR, EDITOR
from fakes.demo import images
from people.models import Character, Credit, Person
from reviews.models import (
    Article,
    Author,
    Country,
    Film,
    FilmSeries,
    Genre,
    Image,
    Language,
    WatchOption,
)

CATALOGUE = Path(__file__).with_name("catalogue.json")
TEXTS = Path(__file__).with_name("texts")  # one text per article, named after its slug

# Demo logins: (username, group, the critic profile they write as).
DEMO_EDITOR = ("editor", EDITOR, "Ruth Adair")
DEMO_CONTRIBUTOR = ("critic", CONTRIBUTOR, "Marguerite Lam")


@dataclass(frozen=True)
class DemoSummary:
    created: bool
    films: int
    people: int
    articles: int
    logins: tuple[tuple[str, str], ...]  # (username, role)


def read_catalogue() -> dict[str, Any]:
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))


def demo_is_loaded(catalogue: dict[str, Any]) -> bool:
    return Author.objects.filter(slug=catalogue["critics"][0]["slug"]).exists()


@transaction.atomic
def demo_load(*, editor_password: str, reset: bool = False) -> DemoSummary:
    """Create the demo films, people, critics and articles, and an editor login.

    Loading twice changes nothing but the editor's password; `reset` replaces the content.
    """
    catalogue = read_catalogue()
    if reset:
        _delete_demo_content(catalogue)
    created = not demo_is_loaded(catalogue)
    if created:
        _load_critics(catalogue["critics"])
        people = _load_people(catalogue["people"])
        films = _load_films(catalogue, people)
        _load_articles(catalogue, films)
    for username, group, critic in (DEMO_EDITOR, DEMO_CONTRIBUTOR):
        _ensure_login(username, group, critic, editor_password)
    return DemoSummary(
        created=created,
        films=Film.objects.count(),
        people=Person.objects.count(),
        articles=Article.objects.count(),
        logins=((DEMO_EDITOR[0], EDITOR), (DEMO_CONTRIBUTOR[0], CONTRIBUTOR)),
    )


def _delete_demo_content(catalogue: dict[str, Any]) -> None:
    Article.objects.filter(slug__in=catalogue["articles"]).delete()
    Film.objects.filter(title__in=[film["title"] for film in catalogue["films"]]).delete()
    Person.objects.filter(name__in=[p["name"] for p in catalogue["people"]]).delete()
    FilmSeries.objects.filter(title__in=[s["title"] for s in catalogue["series"]]).delete()
    Author.objects.filter(slug__in=[a["slug"] for a in catalogue["critics"]]).delete()


def _image(data: bytes, *, name: str, alt: str, caption: str = "", kind: str) -> Image:
    image = Image(kind=kind, alt_text=alt, caption=caption, credit="filmsite demo")
    image.file.save(f"{slugify(name)}.png", ContentFile(data), save=False)
    image.full_clean()
    image.save()
    return image


def _load_critics(critics: list[dict[str, str]]) -> None:
    for a in critics:
        Author.objects.create(name=a["name"], slug=a["slug"], bio=a["bio"])


def _load_people(people: list[dict[str, Any]]) -> dict[str, Person]:
    loaded = {}
    for p in people:
        person = Person(
            name=p["name"],
            slug=slugify(p["name"]),
            sort_name=p["sort_name"],
            bio=p["bio"],
            birth_year=p["birth_year"],
        )
        person.full_clean()
        person.save()
        loaded[p["name"]] = person
    return loaded


def _terms(model, names: list[str]) -> list:
    return [model.objects.get_or_create(slug=slugify(n), defaults={"name": n})[0] for n in names]


def _load_films(catalogue: dict[str, Any], people: dict[str, Person]) -> dict[str, Film]:
    series = {
        s["title"]: FilmSeries.objects.create(
            title=s["title"], slug=slugify(s["title"]), description=s["description"]
        )
        for s in catalogue["series"]
    }
    return {f["title"]: _load_film(f, series, people) for f in catalogue["films"]}


def _load_film(f: dict[str, Any], series: dict[str, FilmSeries], people: dict[str, Person]) -> Film:
    poster = _film_poster(f)
    film = Film(
        title=f["title"],
        original_title=f["original_title"],
        slug=slugify(f"{f['title']} {f['year']}"),
        year=f["year"],
        runtime_minutes=f["runtime"],
        logline=f["logline"],
        poster=poster,
        series=series.get(f["series"]),
        series_order=f["series_order"],
    )
    film.full_clean()
    film.save()
    film.genres.set(_terms(Genre, f["genres"]))
    film.countries.set(_terms(Country, f["countries"]))
    film.languages.set(_terms(Language, f["languages"]))
    film.tags.set(f["tags"])
    _load_cast_and_crew(film, f, people)
    for option in f["watch"]:
        WatchOption.objects.create(
            film=film, provider=option["provider"], kind=option["kind"], url=option["url"]
        )
    return film


def _film_poster(f: dict[str, Any]) -> Image:
    """A drawn poster: the film's title over its motif, in its colours."""
    return _image(
        images.poster(f["title"], f["year"], f["poster"]["colors"], f["poster"]["motif"]),
        name=f"{f['title']} poster",
        alt=f"Poster for {f['title']} ({f['year']}): the title over a {f['poster']['motif']} motif",
        kind=Image.Kind.POSTER,
    )


def _load_cast_and_crew(film: Film, f: dict[str, Any], people: dict[str, Person]) -> None:
    """The film's characters, then its credits (an actor's names the character played)."""
    characters = {
        c["name"]: Character.objects.create(
            film=film, name=c["name"], slug=slugify(c["name"]), description=c["description"]
        )
        for c in f["characters"]
    }
    for credit in f["credits"]:
        Credit.objects.create(
            film=film,
            person=people[credit["person"]],
            role=credit["role"],
            character=characters.get(credit["character"]),
            billing=credit["billing"],
        )


def _import_texts(paths: list[Path], *, publish: bool) -> dict[str, dict[str, Any]]:
    """Each text's import report, by slug; a text that fails stops the whole load."""
    if not paths:
        return {}
    out = io.StringIO()
    options = ["--publish"] if publish else []
    call_command("import_texts", *map(str, paths), *options, "--report", "json", stdout=out)
    return {Path(file["source"]).stem: file for file in json.loads(out.getvalue())["files"]}


def _load_articles(catalogue: dict[str, Any], films: dict[str, Film]) -> None:
    articles = catalogue["articles"]
    paths = sorted(TEXTS.glob("*.md"))
    if {p.stem for p in paths} != set(articles):
        raise ValueError(f"{TEXTS} and the catalogue's articles must name the same slugs")
    is_draft = {slug: a["published_days_ago"] is None for slug, a in articles.items()}
    reports = _import_texts([p for p in paths if not is_draft[p.stem]], publish=True)
    reports |= _import_texts([p for p in paths if is_draft[p.stem]], publish=False)
    palettes = {f["title"]: f["poster"]["colors"] for f in catalogue["films"]}
    now = timezone.now()
    for slug, a in articles.items():
        article = Article.objects.get(pk=reports[slug]["article"]["pk"])
        palette = palettes[a["films"][0]]  # the stills take the first film's colours
        _complete_article(article, a, films, palette, now)
        _complete_sections(article, a["sections"], reports[slug]["sections"], palette)


def _complete_article(
    article: Article, a: dict[str, Any], films: dict[str, Film], palette: list[str], now: datetime
) -> None:
    """What the text does not say about the article: its films, picture and date."""
    if a["published_days_ago"] is not None:
        article.published_at = now - timedelta(days=a["published_days_ago"])
    if a["lead_image"]:
        article.lead_image = _image(
            images.still(article.slug, palette),
            name=article.slug,
            alt=a["lead_image"]["alt"],
            caption=a["lead_image"]["caption"],
            kind=Image.Kind.STILL,
        )
    article.save(update_fields=["published_at", "lead_image"])
    article.films.set([films[title] for title in a["films"]])


def _complete_sections(
    article: Article,
    specs: list[dict[str, Any]],
    reported: list[dict[str, Any]],
    palette: list[str],
) -> None:
    """Each section's kind, spoiler flag and character, and a drawn still in its image slot."""
    sections = list(article.sections.order_by("order"))
    if len(sections) != len(specs):
        raise ValueError(
            f"texts/{article.slug}.md makes {len(sections)} sections; "
            f"the catalogue describes {len(specs)}"
        )
    characters = {c.name: c for c in Character.objects.filter(film__in=article.films.all())}
    for section, spec, report in zip(sections, specs, reported, strict=True):
        section.kind, section.is_spoiler = spec["kind"], spec["spoiler"]
        section.character = characters.get(spec.get("character"))
        if report["image"]:
            section.image = _image(
                images.still(f"{article.slug}-{section.order}", palette),
                name=f"{article.slug}-{section.order}",
                alt=report["image"]["alt_text"],
                caption=report["image"]["caption"],
                kind=Image.Kind.STILL,
            )
        section.save(update_fields=["kind", "is_spoiler", "character", "image"])


def _ensure_login(username: str, group: str, critic: str, password: str) -> None:
    """A staff login in one editorial role, writing as one of the demo critics."""
    first, _, last = critic.partition(" ")
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    user.first_name, user.last_name = first, last
    user.is_staff, user.is_superuser = True, False
    user.set_password(password)
    user.save()
    user.groups.set([Group.objects.get(name=group)])
    Author.objects.filter(name=critic, user__isnull=True).update(user=user)
