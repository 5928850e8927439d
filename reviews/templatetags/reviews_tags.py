"""Template helpers for the reader site: stars, canonical URLs, spoiler hooks."""

from decimal import Decimal

from django import template
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from reviews.models import Film

register = template.Library()


@register.simple_tag
def stars(rating: Decimal) -> SafeString:
    """Five stars, full, half or empty; the text equivalent is for screen readers."""
    halves = int(rating * 2)
    shapes = ["full"] * (halves // 2) + ["half"] * (halves % 2)
    shapes += ["empty"] * (5 - len(shapes))
    glyphs = format_html_join("", '<span class="star star-{}">★</span>', ((s,) for s in shapes))
    return format_html(
        '<span class="stars"><span class="stars-glyphs" aria-hidden="true">{}</span>'
        '<span class="visually-hidden">Rating: {} out of 5 stars</span></span>',
        glyphs,
        rating.normalize(),
    )


@register.filter
def film_slugs(films: QuerySet[Film] | list[Film]) -> str:
    """The films' slugs, space-separated: spoilers.js opens a section once all are seen."""
    return " ".join(film.slug for film in films)


def _request(context: template.Context) -> HttpRequest:
    return context["request"]


@register.simple_tag(takes_context=True)
def canonical_url(context: template.Context) -> str:
    """This page's address without tracking or filter parameters, keeping only ?page=N."""
    request = _request(context)
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


@register.simple_tag(takes_context=True)
def absolute_url(context: template.Context, path: str) -> str:
    return _request(context).build_absolute_uri(path)
