"""Reader-facing pages for people and characters."""

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import BooleanField, F, Func, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from filmsite.links import slug_url
from people.models import Character, Credit, Person
from reviews.models import Article, Section
from reviews.pagination import redirect_unreachable_pages
from reviews.views import Group, paginate_articles


class EqualsAny(Func):
    """`value = ANY(array)`."""

    arg_joiner = " = ANY("
    template = "%(expressions)s)"
    output_field = BooleanField()


def articles_about(film_ids: Collection[int]) -> QuerySet[Article]:
    """Published articles about any of these films, each once, ready for a newest-first page.

    The films' article ids are read first and only those articles sorted, so a page costs what
    the films' articles number. Left to choose, PostgreSQL may instead walk its newest-first
    index of every article, stopping at the page's 21st match: quick for the busiest people,
    but for people with some 70-100 films it walks most of the site (70-90 ms, against 3-8).
    """
    if not film_ids:
        return Article.objects.none()
    about = Article.films.through.objects.filter(film_id__in=film_ids).values("article_id")
    if connection.vendor == "postgresql":
        # ANY(ARRAY(subquery)) runs the subquery once, first; `IN (subquery)` is a semi-join
        # the planner may turn into the index walk.
        return Article.objects.published().filter(EqualsAny(F("pk"), ArraySubquery(about)))
    return Article.objects.published().filter(pk__in=about)  # SQLite reads the list first


@dataclass(frozen=True, slots=True)
class FilmographyLine:
    """One credit on a person's page, as the page shows it: year, film, character, links."""

    year: int | None
    title: str
    url: str
    character: str = ""
    character_url: str = ""


def filmography(rows: Iterable[tuple]) -> tuple[list[Group], set[int]]:
    """Credit.objects.filmography() rows as lines grouped by role; and the films' ids."""
    by_role: dict[str, list[FilmographyLine]] = {role: [] for role in Credit.Role.values}
    film_ids = set()
    for role, film_id, title, slug, year, character, character_slug, character_film in rows:
        film_ids.add(film_id)
        line = FilmographyLine(year, title, slug_url("reviews:film_detail", slug))
        if character_slug:
            character_url = slug_url("people:character_detail", character_film, character_slug)
            line = FilmographyLine(year, title, line.url, character, character_url)
        by_role[role].append(line)
    groups = [Group(Credit.Role(role).label, lines) for role, lines in by_role.items() if lines]
    return groups, film_ids


@require_GET
@redirect_unreachable_pages
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    groups, film_ids = filmography(Credit.objects.filter(person=person).filmography())
    context = {
        "person": person,
        "filmography": groups,
        "page": paginate_articles(request, articles_about(film_ids).for_listing()),
    }
    return render(request, "people/person_detail.html", context)


@require_GET
def character_detail(request: HttpRequest, film_slug: str, slug: str) -> HttpResponse:
    sections = (
        Section.objects.published()
        .select_related("article", "image")
        .order_by("-article__published_at", "article_id", "order")
    )
    character = get_object_or_404(
        Character.objects.select_related("film").prefetch_related(
            Prefetch("credits", queryset=Credit.objects.select_related("person")),
            Prefetch("sections", queryset=sections),
        ),
        film__slug=film_slug,
        slug=slug,
    )
    context = {"character": character, "character_films": [character.film]}
    return render(request, "people/character_detail.html", context)
