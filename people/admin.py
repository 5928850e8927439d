"""The editors' admin for people, characters and credits."""

import reversion
from django import forms
from django.contrib import admin
from django.db.models import Count, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from reversion.admin import VersionAdmin

from filmsite.admin_utils import FastChangeList, PrefetchedAutocompleteInline
from people.models import Character, Credit, Person
from reviews.admin import FilmAdmin
from reviews.models import Film


class FilmCreditFormSet(BaseInlineFormSet):
    """Offers only the film's own characters, loaded once for all rows rather than per row."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        characters = (
            Character.objects.filter(film=self.instance)
            if self.instance.pk
            else Character.objects.none()
        )
        self._characters = characters
        self._character_choices = [("", "—"), *((c.pk, c.name) for c in characters)]

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        field = form.fields["character"]
        field.queryset = self._characters
        field.choices = self._character_choices


class CharacterInline(admin.TabularInline):
    model = Character
    extra = 0
    fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    show_change_link = True


class FilmCreditInline(PrefetchedAutocompleteInline, admin.TabularInline):
    """Credits on a film's page: pick the person by name, the character from the film's cast."""

    model = Credit
    formset = FilmCreditFormSet
    extra = 0
    fields = ["person", "role", "character", "billing"]
    autocomplete_fields = ["person"]
    ordering = ["role", "billing"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("character")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "character":
            # A plain select: characters are added in the inline above, not in a popup.
            field.widget = forms.Select()
        return field


class PersonCreditInline(PrefetchedAutocompleteInline, admin.TabularInline):
    model = Credit
    fk_name = "person"
    extra = 0
    fields = ["film", "role", "character", "billing"]
    readonly_fields = ["character"]
    autocomplete_fields = ["film"]
    ordering = ["-film__year"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Each row's label names the person: load it with the rows, not once per row.
        return super().get_queryset(request).select_related("person", "character")


@admin.register(Person)
class PersonAdmin(VersionAdmin, FastChangeList):
    list_display = ["name", "sort_name", "birth_year", "updated_at"]
    search_fields = ["name", "sort_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo"]
    inlines = [PersonCreditInline]


@admin.register(Character)
class CharacterAdmin(FastChangeList):
    list_display = ["name", "film", "section_count"]
    list_select_related = ["film"]
    search_fields = ["name", "film__title"]
    autocomplete_fields = ["film"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(section_count=Count("sections"))

    @admin.display(description="Analysis sections", ordering="section_count")
    def section_count(self, character: Character) -> int:
        return character.section_count


@admin.register(Credit)
class CreditAdmin(FastChangeList):
    list_display = ["person", "role", "film", "character", "billing"]
    list_select_related = ["person", "film", "character"]
    list_filter = ["role"]
    search_fields = ["person__name", "film__title", "character__name"]
    autocomplete_fields = ["person", "film", "character"]


class FilmWithCastAdmin(FilmAdmin):
    """Reviews' film admin with the film's characters and credits inline, which people own."""

    inlines = [CharacterInline, FilmCreditInline, *FilmAdmin.inlines]


# Reviews registered the film admin (earlier in INSTALLED_APPS); reversion follows an admin's
# inlines from the registration, so the film is registered with it again, with its cast.
admin.site.unregister(Film)
reversion.unregister(Film)
admin.site.register(Film, FilmWithCastAdmin)
