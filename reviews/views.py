"""Reader-facing pages for films, articles, critics and themes."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Max, Min, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from filmsite.pagination import (
    PAGE_SIZE,
    Key,
    KeysetPage,
    is_small_number,
    paginate_keyset,
    redirect_unreachable_pages,
)
from reviews.models import (
    ARTICLES_NEWEST_FIRST,
    Article,
    Author,
    Country,
    Film,
    FilmSeries,
    Genre,
    Language,
    public_themes,
)

User = AbstractBaseUser | AnonymousUser
TAG_FILMS = 12
RELATED_ARTICLES = 4
TOC_MIN_SECTIONS = 4  # a table of contents helps from this many sections on
# Film index filters: query parameter -> (taxonomy model, Film's many-to-many field).
FILM_FILTERS = {
    "genre": (Genre, "genres"),
    "country": (Country, "countries"),
    "language": (Language, "languages"),
}
FILTER_SLUG = re.compile(r"[-\w]{1,220}")
# Each sort is a keyset order (filmsite/pagination.py) ending in the pk; see the film indexes.
FILM_SORTS = {
    "title": ("Title", Key(("title", "year", "id"))),
    "newest": ("Newest first", Key(("-year", "title", "id"))),
    "oldest": ("Oldest first", Key(("year", "title", "id"))),
}
FILM_COUNT_CAP = 1000  # the film index counts matches up to here ("1000+ films"), not all


def _nobody_previews(user: User, article: Article) -> bool:
    return False


_may_preview: Callable[[User, Article], bool] = _nobody_previews


def allow_previews(rule: Callable[[User, Article], bool]) -> None:
    """Say who may see an article's page before it is live (a preview). Editorial gives its
    rule once at start-up (EditorialConfig.ready()), so reviews imports nothing of editorial;
    until then, and without editorial, nobody does."""
    global _may_preview
    _may_preview = rule


@dataclass(frozen=True)
class Group:
    """A labelled run of items: articles of one kind."""

    label: str
    items: list


def paginate_articles(
    request: HttpRequest, articles: QuerySet, *, start: datetime | None = None
) -> KeysetPage:
    """Articles newest first, PAGE_SIZE at a time by cursor; `start`: begin before this moment."""
    return paginate_keyset(
        request,
        articles,
        ARTICLES_NEWEST_FIRST,
        per_page=PAGE_SIZE,
        start=None if start is None else [start, 0],  # (moment, pk 0): everything older
    )


def archive_year(request: HttpRequest) -> int | None:
    """The home archive's ?year=: a past year to start the archive at the end of."""
    raw = request.GET.get("year", "")
    if not raw:
        return None
    if not is_small_number(raw) or not 1900 <= int(raw) <= timezone.now().year:
        raise Http404("No such year.")
    return int(raw)


def archive_years(articles: QuerySet) -> list[int]:
    """Years a reader can jump to, newest first: one MIN() on the (status, published_at) index."""
    first = articles.order_by().aggregate(first=Min("published_at"))["first"]
    if first is None:
        return []
    first_year = timezone.localtime(first).year
    return list(range(timezone.localtime().year, first_year - 1, -1))


def group_articles_by_kind(articles: Iterable[Article]) -> list[Group]:
    by_kind: dict[str, list[Article]] = {kind: [] for kind in Article.Kind.values}
    for article in articles:
        by_kind[article.kind].append(article)
    return [Group(Article.Kind(kind).label, items) for kind, items in by_kind.items() if items]


@require_GET
@redirect_unreachable_pages
def home(request: HttpRequest) -> HttpResponse:
    published = Article.objects.published()
    articles = published.for_listing()
    year = archive_year(request)
    start = None
    if year is not None and year < timezone.localtime().year:
        start = timezone.make_aware(datetime(year + 1, 1, 1))
    page = paginate_articles(request, articles, start=start)
    context = {
        "page": page,
        "year": year,
        "years": archive_years(articles),
        "featured": None,
        "by_kind": [],
    }
    if page.is_first:
        # The featured review is the newest review: one query finds it and the other kinds' newest.
        newest = Article.objects.for_listing().latest_of_each_kind(among=published)
        latest = {article.kind: article for article in newest}
        context["featured"] = latest.pop(Article.Kind.REVIEW, None)
        context["by_kind"] = [latest[kind] for kind in Article.Kind.values if kind in latest]
    return render(request, "reviews/home.html", context)


def _filtered_films(request: HttpRequest) -> tuple[QuerySet[Film], dict[str, object]]:
    """The film index's films narrowed by the query's filters, and the filters in force."""
    films = Film.objects.for_listing()
    active: dict[str, object] = {}
    for param in (*FILM_FILTERS, "theme"):
        # Not a slug (a NUL made PostgreSQL refuse the query: a 500), so no such filter.
        if (slug := request.GET.get(param)) and not FILTER_SLUG.fullmatch(slug):
            raise Http404("No such filter.")
    for param, (model, field) in FILM_FILTERS.items():
        if slug := request.GET.get(param):
            active[param] = get_object_or_404(model, slug=slug)
            films = films.filter(**{f"{field}__slug": slug})
    if slug := request.GET.get("theme"):
        active["theme"] = get_object_or_404(public_themes(), slug=slug)
        films = films.filter(tags__slug=slug)
    decade = request.GET.get("decade", "")
    if is_small_number(decade):
        start = int(decade) // 10 * 10
        active["decade"] = f"{start}s"
        films = films.filter(year__gte=start, year__lt=start + 10)
    if request.GET.get("reviewed") == "1":
        active["reviewed"] = "With a review"
        films = films.reviewed()
    return films, active


def _film_decades() -> range | list:
    """The decades from the oldest film's to the newest's, for the index's decade filter."""
    years = Film.objects.aggregate(first=Min("year"), last=Max("year"))
    if years["first"] and years["last"]:
        return range(years["first"] // 10 * 10, years["last"] + 1, 10)
    return []


@require_GET
@redirect_unreachable_pages
def film_list(request: HttpRequest) -> HttpResponse:
    films, active = _filtered_films(request)
    sort = request.GET.get("sort") if request.GET.get("sort") in FILM_SORTS else "title"
    page = paginate_keyset(request, films, FILM_SORTS[sort][1], per_page=PAGE_SIZE)
    # COUNT(*) over a subquery with a LIMIT: bounded, whatever the filters match.
    film_count = films.order_by()[: FILM_COUNT_CAP + 1].count()
    context = {
        "page": page,
        "film_count": min(film_count, FILM_COUNT_CAP),
        "film_count_capped": film_count > FILM_COUNT_CAP,
        "filters": active,
        "genres": Genre.objects.all(),
        "decades": _film_decades(),
        "selected": {
            "genre": request.GET.get("genre", ""),
            "decade": request.GET.get("decade", ""),
            "reviewed": request.GET.get("reviewed") == "1",
            "sort": sort,
        },
        "sorts": {key: label for key, (label, _) in FILM_SORTS.items()},
    }
    return render(request, "reviews/film_list.html", context)


@require_GET
@redirect_unreachable_pages
def film_detail(request: HttpRequest, slug: str) -> HttpResponse:
    film = get_object_or_404(Film.objects.for_detail(), slug=slug)
    page = paginate_articles(request, Article.objects.published().filter(films=film).for_listing())
    credits = film.credits.film_page()  # people's credits, by the film's own relation
    neighbours = {}
    if film.series_id:
        siblings = film.series.films.filter(
            series_order__in=[film.series_order - 1, film.series_order + 1]
        )
        neighbours = {
            "previous" if other.series_order < film.series_order else "next": other
            for other in siblings
        }
    context = {
        "film": film,
        "page": page,
        "article_groups": group_articles_by_kind(page),
        **credits,
        "genres": list(film.genres.all()),
        "countries": list(film.countries.all()),
        "languages": list(film.languages.all()),
        "watch_options": list(film.watch_options.all()),
        "tags": list(film.tags.all()),
        "previous_film": neighbours.get("previous"),
        "next_film": neighbours.get("next"),
        "feed_rss": reverse("reviews:film_feed", args=[film.slug]),
        "feed_atom": reverse("reviews:film_feed_atom", args=[film.slug]),
    }
    return render(request, "reviews/film_detail.html", context)


@require_GET
def series_detail(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(FilmSeries, slug=slug)
    films = series.films.for_listing().order_by("series_order")
    return render(request, "reviews/series_detail.html", {"series": series, "films": films})


@require_GET
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.for_detail(), slug=slug)
    is_preview = not article.is_live
    if is_preview and not _may_preview(request.user, article):
        raise Http404("No article found.")  # not even to another critic
    related = Article.objects.published().for_listing().related_to(article)
    response = render_article_page(
        request, article, is_preview=is_preview, related=related[:RELATED_ARTICLES]
    )
    if is_preview:  # an editor's view of an unpublished article: no cache may keep it
        add_never_cache_headers(response)
    return response


def render_article_page(
    request: HttpRequest,
    article: Article,
    *,
    is_preview: bool,
    preview_note: str = "",
    related: Iterable[Article] = (),
) -> HttpResponse:
    """The reader's article page; previews (editorial/preview.py) render it the same way."""
    sections = article.sections.all()
    context = {
        "article": article,
        "is_preview": is_preview,
        "preview_note": preview_note,
        "films": article.films.all(),
        "sections": sections,
        "show_toc": len(sections) >= TOC_MIN_SECTIONS,
        "related": related,
    }
    return render(request, "reviews/article_detail.html", context)


@require_GET
@redirect_unreachable_pages
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = Article.objects.published().filter(author=author).for_listing()
    context = {
        "author": author,
        "page": paginate_articles(request, articles),
        "feed_rss": reverse("reviews:author_feed", args=[author.slug]),
        "feed_atom": reverse("reviews:author_feed_atom", args=[author.slug]),
    }
    return render(request, "reviews/author_detail.html", context)


@require_GET
@redirect_unreachable_pages
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(public_themes(), slug=slug)
    articles = Article.objects.published().filter(tags=tag).for_listing()
    films = Film.objects.filter(tags=tag).for_listing()
    context = {
        "tag": tag,
        "page": paginate_articles(request, articles),
        "films": films[: TAG_FILMS + 1],  # one extra says whether "all films" is needed
        "film_limit": TAG_FILMS,
        "feed_rss": reverse("reviews:tag_feed", args=[tag.slug]),
        "feed_atom": reverse("reviews:tag_feed_atom", args=[tag.slug]),
    }
    return render(request, "reviews/tag_detail.html", context)


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    context = {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))}
    return render(request, "robots.txt", context, content_type="text/plain")
