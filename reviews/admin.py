"""The editors' admin for films, images, series, taxonomies and critics.

Articles' admin is not here: writing articles is editorial's work, so editorial registers it
(editorial/article_admin.py) and the importer extends it with its "Import text" page
(importer/admin.py). Apps above reviews hook into its admin; reviews imports neither.
"""

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from filmsite.admin_utils import FastChangeList
from reviews.forms import ImageForm
from reviews.models import (
    Author,
    Country,
    Film,
    FilmSeries,
    Genre,
    Image,
    Language,
    WatchOption,
)


@admin.register(Image)
class ImageAdmin(FastChangeList):
    form = ImageForm
    list_display = ["preview", "alt_text", "kind", "caption", "created_at"]
    list_filter = ["kind"]
    search_fields = ["alt_text", "caption", "credit"]
    readonly_fields = ["preview", "width", "height", "renditions"]
    fields = [
        *["file", "preview", "kind", "alt_text", "caption", "credit", "width", "height"],
        "renditions",
    ]

    def get_form(self, request: HttpRequest, obj: Image | None = None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"uploader": request.user})

    @admin.display(description="Sizes for readers")
    def renditions(self, image: Image) -> str:
        if image.renditions_ready_at:
            return "Made: pages offer readers a size that fits their screen."
        if not image.file:
            return "—"
        return "Being made in the background: until then pages show the original."

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
class FilmSeriesAdmin(FastChangeList):
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
class FilmAdmin(VersionAdmin, FastChangeList):
    list_display = ["title", "year", "runtime_minutes", "series", "series_order", "updated_at"]
    list_select_related = ["series"]
    list_filter = ["series", "genres"]
    search_fields = ["title", "original_title"]
    prepopulated_fields = {"slug": ["title", "year"]}
    autocomplete_fields = ["genres", "countries", "languages", "poster", "series"]
    inlines = [WatchOptionInline]  # people/admin.py adds the characters and credits
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
