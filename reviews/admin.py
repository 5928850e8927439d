"""The editors' admin for films, articles and their sections, images and critics."""

from django.contrib import admin
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from filmsite.admin_utils import FastChangeList, InputFilter, PrefetchedAutocompleteInline
from people.admin import CharacterInline, FilmCreditInline
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


@admin.register(Image)
class ImageAdmin(FastChangeList):
    list_display = ["preview", "alt_text", "kind", "caption", "created_at"]
    list_filter = ["kind"]
    search_fields = ["alt_text", "caption", "credit"]
    readonly_fields = ["preview", "width", "height"]
    fields = ["file", "preview", "kind", "alt_text", "caption", "credit", "width", "height"]

    @admin.display(description="Image")
    def preview(self, image: Image) -> str:
        if not image.file:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" style="max-height:80px;max-width:120px">',
            image.file.url,
            image.alt_text,
        )


@admin.register(Genre, Country, Language)
class TaxonAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class SeriesFilmInline(admin.TabularInline):
    model = Film
    fields = ["title", "year", "series_order"]
    readonly_fields = ["title", "year"]
    ordering = ["series_order"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: FilmSeries | None = None) -> bool:
        return False


@admin.register(FilmSeries)
class FilmSeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "film_count"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SeriesFilmInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(film_count=Count("films"))

    @admin.display(description="Films", ordering="film_count")
    def film_count(self, series: FilmSeries) -> int:
        return series.film_count


class WatchOptionInline(admin.TabularInline):
    model = WatchOption
    extra = 0
    fields = ["provider", "kind", "url", "region"]


@admin.register(Film)
class FilmAdmin(FastChangeList):
    list_display = ["title", "year", "runtime_minutes", "series", "series_order", "updated_at"]
    list_select_related = ["series"]
    list_filter = ["series", "genres"]
    search_fields = ["title", "original_title"]
    prepopulated_fields = {"slug": ["title", "year"]}
    autocomplete_fields = ["genres", "countries", "languages", "poster", "series"]
    inlines = [CharacterInline, FilmCreditInline, WatchOptionInline]
    fieldsets = [
        (None, {"fields": ["title", "original_title", "slug", "year", "runtime_minutes"]}),
        ("Description", {"fields": ["logline", "poster", "genres", "countries", "languages"]}),
        ("Themes and series", {"fields": ["tags", "series", "series_order"]}),
        (
            "External links",
            {"fields": ["imdb_url", "letterboxd_url", "wikipedia_url", "rotten_tomatoes_url"]},
        ),
    ]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "user"]
    list_select_related = ["user"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo", "user"]


class SectionInline(PrefetchedAutocompleteInline, admin.StackedInline):
    model = Section
    extra = 0
    ordering = ["order"]
    fields = [("order", "kind", "is_spoiler"), "heading", "body", ("character", "image")]
    autocomplete_fields = ["character", "image"]
    classes = ["sections"]


class FilmFilter(InputFilter):
    title = "film"
    parameter_name = "film"

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if not self.value():
            return queryset
        # A subquery, not a join: no duplicate rows when an article covers two matching films.
        covering = Article.films.through.objects.filter(film__title__icontains=self.value())
        return queryset.filter(pk__in=covering.values("article_id"))


class TagFilter(InputFilter):
    title = "tag"
    parameter_name = "tag"

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if not self.value():
            return queryset
        tagged = Article.tags.through.objects.filter(tag__name__iexact=self.value())
        return queryset.filter(pk__in=tagged.values("object_id"))


@admin.register(Article)
class ArticleAdmin(FastChangeList):
    list_display = [
        "title",
        "kind",
        "status",
        "author",
        "published_at",
        "rating",
        "spoiler_sections",
    ]
    list_select_related = ["author"]
    list_filter = ["status", "kind", "author", FilmFilter, TagFilter]
    search_fields = ["title", "standfirst"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["films", "author", "lead_image"]
    inlines = [SectionInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "standfirst", "author", "films"]}),
        ("Publication", {"fields": ["status", "published_at"]}),
        ("Review", {"fields": ["rating", "verdict"]}),
        ("Presentation", {"fields": ["lead_image", "tags"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                spoiler_count=Count("sections", filter=Q(sections__is_spoiler=True)),
                section_count=Count("sections"),
            )
        )

    @admin.display(description="Spoiler sections", ordering="spoiler_count")
    def spoiler_sections(self, article: Article) -> str:
        return f"{article.spoiler_count} of {article.section_count}"
