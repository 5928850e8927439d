"""Reader-facing pages for people and characters."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from people.models import Character, Credit, Person
from reviews.models import Article, Section


@require_GET
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    credits = Credit.objects.select_related("film", "character").order_by(
        "role", "-film__year", "film__title"
    )
    person = get_object_or_404(
        Person.objects.select_related("photo").prefetch_related(
            Prefetch("credits", queryset=credits)
        ),
        slug=slug,
    )
    return render(request, "people/person_detail.html", {"person": person})


@require_GET
def character_detail(request: HttpRequest, film_slug: str, slug: str) -> HttpResponse:
    sections = (
        Section.objects.filter(article__in=Article.objects.published())
        .select_related("article")
        .order_by("-article__published_at", "order")
    )
    character = get_object_or_404(
        Character.objects.select_related("film").prefetch_related(
            Prefetch("credits", queryset=Credit.objects.select_related("person")),
            Prefetch("sections", queryset=sections),
        ),
        film__slug=film_slug,
        slug=slug,
    )
    return render(request, "people/character_detail.html", {"character": character})
