"""Reader-facing pages for films, articles, critics, themes and search."""

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from taggit.models import Tag

from reviews.models import Article, Author, Country, Film, FilmSeries, Genre, Language, Section

PAGE_SIZE = 20
# Film index filters: query parameter -> (taxonomy model, Film's many-to-many field).
FILM_FILTERS = {
    "genre": (Genre, "genres"),
    "country": (Country, "countries"),
    "language": (Language, "languages"),
}


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    articles = Article.objects.published().for_listing()
    return render(request, "reviews/home.html", {"page": paginate(request, articles)})


@require_GET
def film_list(request: HttpRequest) -> HttpResponse:
    films = Film.objects.for_listing()
    active = {}
    for param, (model, field) in FILM_FILTERS.items():
        if slug := request.GET.get(param):
            active[param] = get_object_or_404(model, slug=slug)
            films = films.filter(**{f"{field}__slug": slug})
    context = {"page": paginate(request, films), "filters": active}
    return render(request, "reviews/film_list.html", context)


@require_GET
def film_detail(request: HttpRequest, slug: str) -> HttpResponse:
    films = (
        Film.objects.with_credits()
        .select_related("poster", "series")
        .prefetch_related("genres", "countries", "languages", "watch_options", "tags")
    )
    film = get_object_or_404(films, slug=slug)
    articles = Article.objects.published().filter(films=film).for_listing()
    return render(request, "reviews/film_detail.html", {"film": film, "articles": articles})


@require_GET
def series_detail(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(FilmSeries, slug=slug)
    films = series.films.for_listing().order_by("series_order")
    return render(request, "reviews/series_detail.html", {"series": series, "films": films})


@require_GET
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    sections = Section.objects.select_related("image", "character")
    articles = Article.objects.select_related("author", "lead_image").prefetch_related(
        Prefetch("sections", queryset=sections), "films", "tags"
    )
    article = get_object_or_404(articles, slug=slug)
    is_preview = not article.is_live
    if is_preview and not request.user.is_staff:
        raise Http404("No article found.")
    return render(
        request, "reviews/article_detail.html", {"article": article, "is_preview": is_preview}
    )


@require_GET
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = Article.objects.published().filter(author=author).for_listing()
    context = {"author": author, "page": paginate(request, articles)}
    return render(request, "reviews/author_detail.html", context)


@require_GET
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    articles = Article.objects.published().filter(tags=tag).for_listing()
    films = Film.objects.filter(tags=tag).for_listing()
    context = {"tag": tag, "page": paginate(request, articles), "films": films[:24]}
    return render(request, "reviews/tag_detail.html", context)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    films = articles = Film.objects.none()
    if query:
        films = Film.objects.filter(
            Q(title__icontains=query) | Q(original_title__icontains=query)
        ).for_listing()[:20]
        articles = (
            Article.objects.published()
            .filter(Q(title__icontains=query) | Q(standfirst__icontains=query))
            .for_listing()[:20]
        )
    context = {"query": query, "films": films, "articles": articles}
    return render(request, "reviews/search.html", context)
