"""Reader-facing pages for people and characters."""

from collections.abc import Collection

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import BooleanField, F, Func, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from filmsite.pagination import PAGE_SIZE, paginate_keyset, redirect_unreachable_pages
from people.models import Character, Credit, Person, group_credits_by_role
from reviews.models import ARTICLES_NEWEST_FIRST, Article, Section


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


@require_GET
@redirect_unreachable_pages
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    lines = Credit.objects.filter(person=person).filmography()
    articles = articles_about({line.film_id for line in lines}).for_listing()
    context = {
        "person": person,
        "filmography": group_credits_by_role(lines),
        "page": paginate_keyset(request, articles, ARTICLES_NEWEST_FIRST, per_page=PAGE_SIZE),
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
