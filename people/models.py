"""People, the characters they play and their credits on films."""

from collections.abc import Iterable
from typing import NamedTuple, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from filmsite import validators
from filmsite.fields import HttpsURLField, ProseField
from filmsite.links import slug_url


def default_sort_name(name: str) -> str:
    """'Agnès Varda' -> 'Varda, Agnès'; a single name sorts as itself."""
    first, _, last = name.strip().rpartition(" ")
    return f"{last}, {first}" if first else last


class PersonQuerySet(models.QuerySet):
    def for_listing(self) -> Self:
        return self.select_related("photo")


class Person(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    sort_name = models.CharField(
        max_length=200, blank=True, help_text="How the name is alphabetised, e.g. 'Varda, Agnès'."
    )
    bio = ProseField(blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    photo = models.ForeignKey(
        "reviews.Image", models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imdb_url = HttpsURLField("IMDb", blank=True, validators=[validators.imdb_url])
    wikipedia_url = HttpsURLField("Wikipedia", blank=True, validators=[validators.wikipedia_url])
    letterboxd_url = HttpsURLField("Letterboxd", blank=True, validators=[validators.letterboxd_url])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["sort_name"], name="person_sort_name_idx"),
            models.Index(fields=["updated_at"], name="person_updated_idx"),  # sitemap lastmod
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="person_name_required"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.sort_name:
            # "Last, First" is two characters longer than the name it comes from.
            self.sort_name = default_sort_name(self.name)[
                : Person._meta.get_field("sort_name").max_length
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return slug_url("people:person_detail", self.slug)


class Character(models.Model):
    """A character in one film; analysis sections can be about them."""

    film = models.ForeignKey("reviews.Film", models.CASCADE, related_name="characters")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220)
    description = ProseField(blank=True, help_text="Spoiler-free: who they are at the start.")

    class Meta:
        ordering = ["film", "name"]
        constraints = [
            models.UniqueConstraint(fields=["film", "slug"], name="character_slug_unique_per_film"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_url("people:character_detail", self.film.slug, self.slug)


class CreditRole(models.TextChoices):
    DIRECTOR = "director", "Director"
    WRITER = "writer", "Writer"
    PRODUCER = "producer", "Producer"
    CINEMATOGRAPHER = "cinematographer", "Cinematographer"
    EDITOR = "editor", "Editor"
    COMPOSER = "composer", "Composer"
    PRODUCTION_DESIGNER = "production_designer", "Production designer"
    ACTOR = "actor", "Actor"


class CreditLine(NamedTuple):
    """A credit as a film's page shows it: the role, who (name, link), as whom (name, link)."""

    role: str
    name: str
    url: str
    character: str = ""
    character_url: str = ""


class FilmographyLine(NamedTuple):
    """A credit as a person's page shows it: the role, the film (year, title, link), as whom."""

    role: str
    film_id: int
    year: int | None
    title: str
    url: str
    character: str = ""
    character_url: str = ""


class RoleGroup(NamedTuple):
    """The credits of one role, under its label, in the order given."""

    label: str
    items: list


def group_credits_by_role(credits: Iterable[CreditLine | FilmographyLine]) -> list[RoleGroup]:
    """Credits by role, roles in CreditRole's order, roles without credits left out."""
    by_role: dict[str, list] = {role: [] for role in CreditRole.values}
    for credit in credits:
        by_role[credit.role].append(credit)
    return [RoleGroup(CreditRole(role).label, items) for role, items in by_role.items() if items]


def _character_url(film_slug: str, slug: str | None) -> str:
    return slug_url("people:character_detail", film_slug, slug) if slug else ""


class CreditQuerySet(models.QuerySet):
    """Credits as lines of names and links, from values alone: a film's cast is dozens of
    credits and a prolific actor's filmography hundreds, each a credit, film or person and
    character instance otherwise, which cost more than the query."""

    def film_page(self) -> dict[str, list]:
        """A film's credits as its page shows them (one query): every line, the cast, the crew
        by role and the directors."""
        lines = self.order_by("role", "billing", "person__sort_name").lines()
        actor, director = CreditRole.ACTOR, CreditRole.DIRECTOR
        return {
            "credits": lines,
            "cast": [c for c in lines if c.role == actor],
            "crew": group_credits_by_role(c for c in lines if c.role != actor),
            "directors": [c for c in lines if c.role == director],
        }

    def lines(self) -> list[CreditLine]:
        """The credits as CreditLines, in this queryset's order."""
        rows = self.values_list(
            "role",
            "person__name",
            "person__slug",
            "character__name",
            "character__slug",
            "character__film__slug",
        )
        return [
            CreditLine(
                role,
                name,
                slug_url("people:person_detail", slug),
                character or "",
                _character_url(character_film, character_slug),
            )
            for role, name, slug, character, character_slug, character_film in rows
        ]

    def filmography(self) -> list[FilmographyLine]:
        """The credits as FilmographyLines, newest film first."""
        rows = self.values_list(
            "role",
            "film_id",
            "film__year",
            "film__title",
            "film__slug",
            "character__name",
            "character__slug",
            "character__film__slug",
        ).order_by("-film__year", "film__title", "billing")
        return [
            FilmographyLine(
                role,
                film_id,
                year,
                title,
                slug_url("reviews:film_detail", slug),
                character or "",
                _character_url(character_film, character_slug),
            )
            for role, film_id, year, title, slug, character, character_slug, character_film in rows
        ]


class Credit(models.Model):
    """A person's job on a film; an actor's credit names the character played."""

    Role = CreditRole

    film = models.ForeignKey("reviews.Film", models.CASCADE, related_name="credits")
    person = models.ForeignKey(Person, models.PROTECT, related_name="credits")
    role = models.CharField(max_length=20, choices=CreditRole)
    character = models.ForeignKey(
        Character, models.SET_NULL, null=True, blank=True, related_name="credits"
    )
    billing = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the credits: lower comes first."
    )

    objects = CreditQuerySet.as_manager()

    class Meta:
        ordering = ["film", "role", "billing"]
        constraints = [
            # NULLs are distinct in unique indexes, so "no character" needs its own constraint.
            models.UniqueConstraint(
                fields=["film", "person", "role", "character"],
                condition=Q(character__isnull=False),
                name="credit_unique_with_character",
            ),
            models.UniqueConstraint(
                fields=["film", "person", "role"],
                condition=Q(character__isnull=True),
                name="credit_unique_without_character",
            ),
            models.CheckConstraint(
                condition=Q(role__in=CreditRole.values), name="credit_role_valid"
            ),
            models.CheckConstraint(
                condition=Q(character__isnull=True) | Q(role="actor"),
                name="credit_character_only_for_actors",
            ),
        ]
        indexes = [models.Index(fields=["person", "role"], name="credit_person_role_idx")]

    def __str__(self) -> str:
        label = f"{self.person} – {self.get_role_display()}"
        return f"{label} ({self.character})" if self.character_id else label

    def clean(self) -> None:
        if self.character_id and self.film_id and self.character.film_id != self.film_id:
            raise ValidationError({"character": "This character belongs to another film."})
