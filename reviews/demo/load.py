"""Load the demo publication (reviews/demo/content.py) into the database in one transaction."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from editorial.roles import CONTRIBUTOR, EDITOR
from people.models import Character, Credit, Person
from reviews.demo import content, images
from reviews.models import (
    Article,
    Author,
    Country,
    Film,
    FilmSeries,
    Genre,
    Image,
    Language,
    Section,
    WatchOption,
)

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


def demo_is_loaded() -> bool:
    return Author.objects.filter(slug=content.AUTHORS[0]["slug"]).exists()


@transaction.atomic
def demo_load(*, editor_password: str, reset: bool = False) -> DemoSummary:
    """Create the demo films, people, critics and articles, and an editor login.

    Loading twice changes nothing but the editor's password; `reset` replaces the content.
    """
    if reset:
        _delete_demo_content()
    created = not demo_is_loaded()
    if created:
        authors = _load_authors()
        people = _load_people()
        films = _load_films(people)
        _load_articles(authors, films)
    for username, group, critic in (DEMO_EDITOR, DEMO_CONTRIBUTOR):
        _ensure_login(username, group, critic, editor_password)
    return DemoSummary(
        created=created,
        films=Film.objects.count(),
        people=Person.objects.count(),
        articles=Article.objects.count(),
        logins=((DEMO_EDITOR[0], EDITOR), (DEMO_CONTRIBUTOR[0], CONTRIBUTOR)),
    )


def _delete_demo_content() -> None:
    titles = [film["title"] for film in content.FILMS]
    Article.objects.filter(slug__in=[a["slug"] for a in content.ARTICLES]).delete()
    Film.objects.filter(title__in=titles).delete()
    Person.objects.filter(name__in=[p["name"] for p in content.PEOPLE]).delete()
    FilmSeries.objects.filter(title__in=[s["title"] for s in content.SERIES]).delete()
    Author.objects.filter(slug__in=[a["slug"] for a in content.AUTHORS]).delete()


def _image(data: bytes, *, name: str, alt: str, caption: str = "", kind: str) -> Image:
    image = Image(kind=kind, alt_text=alt, caption=caption, credit="filmsite demo")
    image.file.save(f"{slugify(name)}.png", ContentFile(data), save=False)
    image.full_clean()
    image.save()
    return image


def _load_authors() -> dict[str, Author]:
    return {
        a["name"]: Author.objects.create(name=a["name"], slug=a["slug"], bio=a["bio"])
        for a in content.AUTHORS
    }


def _load_people() -> dict[str, Person]:
    people = {}
    for p in content.PEOPLE:
        person = Person(
            name=p["name"],
            slug=slugify(p["name"]),
            sort_name=p["sort_name"],
            bio=p["bio"],
            birth_year=p["birth_year"],
        )
        person.full_clean()
        person.save()
        people[p["name"]] = person
    return people


def _terms(model, names: list[str]) -> list:
    return [model.objects.get_or_create(slug=slugify(n), defaults={"name": n})[0] for n in names]


def _load_films(people: dict[str, Person]) -> dict[str, Film]:
    series = {
        s["title"]: FilmSeries.objects.create(
            title=s["title"], slug=slugify(s["title"]), description=s["description"]
        )
        for s in content.SERIES
    }
    films = {}
    for f in content.FILMS:
        poster = _image(
            images.poster(f["title"], f["year"], f["poster"]["colors"], f["poster"]["motif"]),
            name=f"{f['title']} poster",
            alt=f"Poster for {f['title']} ({f['year']}): the title over a {f['poster']['motif']} "
            "motif",
            kind=Image.Kind.POSTER,
        )
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
        for option in f["watch"]:
            WatchOption.objects.create(
                film=film, provider=option["provider"], kind=option["kind"], url=option["url"]
            )
        films[f["title"]] = film
    return films


def _load_articles(authors: dict[str, Author], films: dict[str, Film]) -> None:
    now = timezone.now()
    colors = {f["title"]: f["poster"]["colors"] for f in content.FILMS}
    for a in content.ARTICLES:
        palette = colors[a["films"][0]]
        lead = a["lead_image"] and _image(
            images.still(a["slug"], palette),
            name=a["slug"],
            alt=a["lead_image"]["alt"],
            caption=a["lead_image"]["caption"],
            kind=Image.Kind.STILL,
        )
        published = a["status"] == Article.Status.PUBLISHED
        article = Article(
            kind=a["kind"],
            title=a["title"],
            slug=a["slug"],
            standfirst=a["standfirst"],
            author=authors[a["author"]],
            status=a["status"],
            published_at=now - timedelta(days=a["published_days_ago"]) if published else None,
            rating=a["rating"],
            verdict=a["verdict"],
            lead_image=lead or None,
        )
        article.full_clean(exclude=["films"])
        article.save()
        article.films.set([films[title] for title in a["films"]])
        article.tags.set(a["tags"])
        film_characters = {
            c.name: c for c in Character.objects.filter(film__in=article.films.all())
        }
        for order, s in enumerate(a["sections"], start=1):
            image = s["image"] and _image(
                images.still(f"{a['slug']}-{order}", palette),
                name=f"{a['slug']}-{order}",
                alt=s["image"]["alt"],
                caption=s["image"]["caption"],
                kind=Image.Kind.STILL,
            )
            Section.objects.create(
                article=article,
                order=order,
                heading=s["heading"],
                kind=s["kind"],
                is_spoiler=s["spoiler"],
                body=s["body"],
                image=image or None,
                character=film_characters.get(s["character"]),
            )


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
