"""schema.org JSON-LD for films (Movie), reviews (Review), other articles (Article) and people.

Descriptions come from Article.summary, Film.logline and Person.bio: spoiler-free by design.
"""

import json
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from django import template
from django.conf import settings
from django.db.models import Model
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString

from reviews.models import Article, Country, Film, Genre

register = template.Library()

# As django.utils.html.json_script does: no "</script>" or HTML can break out of the block.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _json_ld(data: dict[str, Any]) -> SafeString:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(payload))


def _person(request: HttpRequest, name: str, path: str) -> dict[str, Any]:
    """A schema.org Person: a film's credited person or an article's critic, with their page."""
    return {"@type": "Person", "name": name, "url": request.build_absolute_uri(path)}


def _movie(request: HttpRequest, film: Film) -> dict[str, Any]:
    """A film as the subject of an article: who made it, when, where to read more."""
    data: dict[str, Any] = {
        "@type": "Movie",
        "name": film.title,
        "url": request.build_absolute_uri(film.get_absolute_url()),
    }
    if film.year:
        data["dateCreated"] = str(film.year)
    if film.poster:
        data["image"] = request.build_absolute_uri(film.poster.file.url)
    directors = getattr(film, "directors", None)  # prefetched by Article.objects.for_detail()
    if directors:
        data["director"] = [
            _person(request, credit.person.name, credit.person.get_absolute_url())
            for credit in directors
        ]
    return data


def _same_as(obj: Model) -> list[str]:
    fields = ["imdb_url", "wikipedia_url", "letterboxd_url", "rotten_tomatoes_url"]
    return [url for field in fields if (url := getattr(obj, field, ""))]


@register.simple_tag(takes_context=True)
def article_json_ld(context: template.Context, article: Article) -> SafeString:
    """Review (with itemReviewed and reviewRating) for reviews, Article for everything else."""
    request = context["request"]
    url = request.build_absolute_uri(article.get_absolute_url())
    films = list(article.films.all())
    is_review = article.kind == Article.Kind.REVIEW and films
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Review" if is_review else "Article",
        "headline": article.title,
        "name": article.title,
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": {
            "@type": "Organization",
            "name": settings.FILMSITE_NAME,
            "url": request.build_absolute_uri("/"),
        },
        "dateModified": article.updated_at.isoformat(),
    }
    if article.published_at:
        data["datePublished"] = article.published_at.isoformat()
    if article.author:
        data["author"] = _person(request, article.author.name, article.author.get_absolute_url())
    if article.lead_image:
        data["image"] = request.build_absolute_uri(article.lead_image.file.url)
    if is_review:
        data["itemReviewed"] = _movie(request, films[0])
        if article.rating is not None:
            data["reviewRating"] = {
                "@type": "Rating",
                "ratingValue": str(article.rating.normalize()),
                "bestRating": "5",
                "worstRating": "0.5",
            }
    else:
        data["about"] = [_movie(request, film) for film in films]
    return _json_ld(data)


@register.simple_tag(takes_context=True)
def film_json_ld(
    context: template.Context,
    film: Film,
    credits: Iterable | None = None,
    genres: Iterable[Genre] | None = None,
    countries: Iterable[Country] | None = None,
) -> SafeString:
    """Movie, from the film's credits and taxonomies (its own, prefetched, unless given)."""
    request = context["request"]
    genres = film.genres.all() if genres is None else genres
    countries = film.countries.all() if countries is None else countries
    if credits is None:
        credits = [
            SimpleNamespace(role=c.role, name=c.person.name, url=c.person.get_absolute_url())
            for c in film.credits.all()
        ]
    data = _movie(request, film)
    data["@context"] = "https://schema.org"
    data.update(_people_by_role(request, credits))
    if film.original_title:
        data["alternateName"] = film.original_title
    if film.logline:
        data["description"] = film.logline
    if film.runtime_minutes:
        data["duration"] = f"PT{film.runtime_minutes}M"
    if genre_names := [genre.name for genre in genres]:
        data["genre"] = genre_names
    if country_names := [country.name for country in countries]:
        data["countryOfOrigin"] = [{"@type": "Country", "name": n} for n in country_names]
    if same_as := _same_as(film):
        data["sameAs"] = same_as
    return _json_ld(data)


def _people_by_role(request: HttpRequest, credits: Iterable) -> dict[str, list]:
    """Movie's director, author, producer, musicBy and actor: the people credited in each
    (credit lines: role, name, url)."""
    Credit = Film.credit_model()  # noqa: N806
    by_role = {
        "director": Credit.Role.DIRECTOR,
        "author": Credit.Role.WRITER,
        "producer": Credit.Role.PRODUCER,
        "musicBy": Credit.Role.COMPOSER,
        "actor": Credit.Role.ACTOR,
    }
    data = {}
    for key, role in by_role.items():
        people = [_person(request, c.name, c.url) for c in credits if c.role == role]
        if people:
            data[key] = people
    return data


@register.simple_tag(takes_context=True)
def person_json_ld(context: template.Context, person: Model) -> SafeString:
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        **_person(request, person.name, person.get_absolute_url()),
    }
    if person.bio:
        data["description"] = person.bio
    if person.photo:
        data["image"] = request.build_absolute_uri(person.photo.file.url)
    if person.birth_year:
        data["birthDate"] = str(person.birth_year)
    if same_as := _same_as(person):
        data["sameAs"] = same_as
    return _json_ld(data)
