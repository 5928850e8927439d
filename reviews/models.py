"""Films, their series and taxonomies, images, critics, articles and their sections."""

import math
import uuid
from datetime import datetime
from decimal import Decimal
from functools import reduce
from html import unescape
from operator import or_
from pathlib import PurePath
from typing import Self

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from filmsite import validators
from filmsite.fields import HttpsURLField, ProseField, SafeImageField
from filmsite.links import slug_url
from filmsite.pagination import Key
from reviews import sql
from reviews.markdown import render_markdown

FIRST_FILM_YEAR = 1870  # Muybridge's motion studies; nothing we review is older
LAST_FILM_YEAR = 2100
MAX_RUNTIME_MINUTES = 1500  # longer than any released cut, short of a typo
# One decimal place, as the column stores them: "4.0", not "4", so a stored rating selects its
# option in the admin (a form that shows no selection would clear the rating on save).
RATINGS = [(Decimal(half) / 2).quantize(Decimal("0.1")) for half in range(1, 11)]  # 0.5 ... 5.0
WORDS_PER_MINUTE = 230  # a typical adult's silent reading speed for prose
SUMMARY_WORDS = 40


def html_to_text(html: str) -> str:
    """Plain text from stored, sanitised section HTML (entities decoded, whitespace collapsed)."""
    return " ".join(unescape(strip_tags(html)).split())


def image_upload_to(instance: "Image", filename: str) -> str:
    """A random name under a dated folder: no clashes, nothing guessable from the upload."""
    suffix = PurePath(filename).suffix.lower()[:5]
    return f"images/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class ImageKind(models.TextChoices):
    POSTER = "poster", "Poster"
    STILL = "still", "Still"
    PORTRAIT = "portrait", "Portrait"
    OTHER = "other", "Other"


class Image(models.Model):
    """A poster, still or portrait, with the text a reader needs when it cannot be seen."""

    Kind = ImageKind

    file = SafeImageField(
        upload_to=image_upload_to,
        width_field="width",
        height_field="height",
        validators=[validators.validate_image_upload],
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.STILL)
    alt_text = models.CharField(
        max_length=250, help_text="What the image shows, for readers who cannot see it."
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(
        max_length=200, blank=True, help_text="Photographer or rights holder."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set by the background task once every rendition of the current file is stored, cleared
    # whenever the file changes: until then pages show the original, never a rendition's 404.
    renditions_ready_at = models.DateTimeField(
        "renditions made", null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="image_alt_text_required"),
            models.CheckConstraint(condition=Q(kind__in=ImageKind.values), name="image_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.caption or self.alt_text


class Taxon(models.Model):
    """A named, sluggable term that films are filed under."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    filter_name = ""  # the film index's query parameter for this taxonomy

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{slug_url('reviews:film_list')}?{self.filter_name}={self.slug}"


class Genre(Taxon):
    filter_name = "genre"


class Country(Taxon):
    filter_name = "country"

    class Meta(Taxon.Meta):
        verbose_name_plural = "countries"


class Language(Taxon):
    filter_name = "language"


class FilmSeries(models.Model):
    """A trilogy, a franchise, a cycle: films meant to be seen in order."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    description = ProseField(blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "film series"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_url("reviews:series_detail", self.slug)


class FilmQuerySet(models.QuerySet):
    def for_listing(self) -> Self:
        return self.select_related("poster", "series").prefetch_related("genres")

    def for_detail(self) -> Self:
        """The film page's film, with its poster and series; the page reads its credits,
        taxonomies and tags as lists (reviews.views.film_detail): prefetching them for one
        film costs more in Python than the five plain queries."""
        return self.select_related("poster", "series")

    def reviewed(self) -> Self:
        """Films with at least one published review."""
        return self.filter(
            Exists(
                Article.objects.published().filter(kind=ArticleKind.REVIEW, films=OuterRef("pk"))
            )
        )


class Film(models.Model):
    title = models.CharField(max_length=200)
    original_title = models.CharField(
        max_length=200, blank=True, help_text="Title in the original language, if different."
    )
    slug = models.SlugField(max_length=220, unique=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Release year.")
    runtime_minutes = models.PositiveSmallIntegerField("runtime (minutes)", null=True, blank=True)
    genres = models.ManyToManyField(Genre, blank=True, related_name="films")
    countries = models.ManyToManyField(Country, blank=True, related_name="films")
    languages = models.ManyToManyField(Language, blank=True, related_name="films")
    logline = models.CharField(
        max_length=300, blank=True, help_text="One spoiler-free sentence: shown everywhere."
    )
    poster = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    imdb_url = HttpsURLField("IMDb", blank=True, validators=[validators.imdb_url])
    letterboxd_url = HttpsURLField("Letterboxd", blank=True, validators=[validators.letterboxd_url])
    wikipedia_url = HttpsURLField("Wikipedia", blank=True, validators=[validators.wikipedia_url])
    rotten_tomatoes_url = HttpsURLField(
        "Rotten Tomatoes", blank=True, validators=[validators.rotten_tomatoes_url]
    )
    series = models.ForeignKey(
        FilmSeries, models.PROTECT, null=True, blank=True, related_name="films"
    )
    series_order = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Position in the series: 1 for the first film."
    )
    tags = TaggableManager("themes", blank=True, help_text="Themes, comma-separated.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FilmQuerySet.as_manager()

    class Meta:
        ordering = ["title", "year"]
        indexes = [
            models.Index(fields=["year"], name="film_year_idx"),
            # The film index sorted by title reads this in order instead of sorting every film.
            models.Index(fields=["title", "year", "id"], name="film_title_year_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=True)
                | Q(year__gte=FIRST_FILM_YEAR, year__lte=LAST_FILM_YEAR),
                name="film_year_in_range",
            ),
            models.CheckConstraint(
                condition=Q(runtime_minutes__isnull=True)
                | Q(runtime_minutes__gte=1, runtime_minutes__lte=MAX_RUNTIME_MINUTES),
                name="film_runtime_in_range",
            ),
            models.CheckConstraint(
                condition=Q(series__isnull=True, series_order__isnull=True)
                # series_order >= 1 alone is NULL (so passes) when the order is missing.
                | Q(series__isnull=False, series_order__isnull=False, series_order__gte=1),
                name="film_series_order_with_series",
            ),
            models.UniqueConstraint(
                fields=["series", "series_order"], name="film_series_order_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def get_absolute_url(self) -> str:
        return slug_url("reviews:film_detail", self.slug)

    @classmethod
    def credit_model(cls) -> type[models.Model]:
        """People's Credit, reached through the film's own relation: reviews imports nothing of
        people (tests/test_architecture.py), which adds credits to films."""
        return cls.credits.rel.related_model


class WatchKind(models.TextChoices):
    STREAM = "stream", "Stream"
    RENT = "rent", "Rent"
    BUY = "buy", "Buy"
    CINEMA = "cinema", "In cinemas"
    PHYSICAL = "physical", "Disc"


class WatchOption(models.Model):
    """Where a reader can see the film: a streaming service, a shop, a cinema."""

    Kind = WatchKind

    film = models.ForeignKey(Film, models.CASCADE, related_name="watch_options")
    provider = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.STREAM)
    url = HttpsURLField(blank=True)
    region = models.CharField(
        max_length=2, blank=True, help_text="Two-letter country code; blank for everywhere."
    )

    class Meta:
        ordering = ["kind", "provider"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "provider", "kind", "region"], name="watch_option_unique"
            ),
            models.CheckConstraint(condition=Q(kind__in=WatchKind.values), name="watch_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.provider}"


class Author(models.Model):
    """A critic's public profile; linked to a login when the critic writes in the admin."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    bio = ProseField(blank=True)
    photo = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_url("reviews:author_detail", self.slug)


# Columns no reader's page shows: the imported original and the search document can be several
# times the size of everything else in the row, so lists and feeds leave them in the database.
READER_UNUSED_FIELDS = ("source_text", "search_text", "search_vector")


def related_candidates(article: "Article", using: str = "default") -> dict[int, int]:
    """{article id: relatedness} for the best-scoring other articles (`reviews.sql`)."""
    from taggit.models import TaggedItem

    film_ids = [film.pk for film in article.films.all()]
    tag_ids = [tag.pk for tag in article.tags.all()]
    if not film_ids and not tag_ids:
        return {}
    tables = sql.LinkTables(
        article_films=Article.films.through._meta.db_table,
        credits=Film.credit_model()._meta.db_table,
        tagged=TaggedItem._meta.db_table,
    )
    return sql.related_scores(
        connections[using],
        tables,
        article_id=article.pk,
        film_ids=film_ids,
        tag_ids=tag_ids,
        content_type_id=ContentType.objects.get_for_model(Article).pk if tag_ids else None,
    )


CARD_FILM_FIELDS = ("id", "title", "slug", "year")  # what a card shows of a film: str(), URL


def safe_sections(article: "Article | OuterRef") -> "SectionQuerySet":
    """An article's spoiler-free sections, first first: where Article.summary's opening is."""
    # By position only: Section's default ordering would join the article to sort.
    return Section.objects.spoiler_free().filter(article=article).order_by("order")


def opening_html() -> Subquery:
    """The HTML of an article's first spoiler-free section, as a subquery of an article query
    (Article.summary reads it): no query of its own, unlike a prefetch of the section."""
    return Subquery(safe_sections(OuterRef("pk")).values("body_html")[:1])


def public_themes() -> "models.QuerySet[Tag]":
    """Themes (taggit tags) readers may see: those a published article or a film carries.

    A tag only drafts or scheduled articles carry has no page, feed, sitemap entry or filter, so
    neither its words nor its existence leak. Films are always public, and their pages list
    their themes. Two EXISTS, each a probe of the (tag, content type, object) index per tag; one
    EXISTS with an OR of both read every tagged item (0.2 s at 100,000 articles).
    """
    tagged = TaggedItem.objects.filter(tag=OuterRef("pk"), content_type__app_label="reviews")
    on_a_film = tagged.filter(content_type__model="film")
    on_an_article = tagged.filter(content_type__model="article").filter(
        Exists(Article.objects.published().filter(pk=OuterRef("object_id")))
    )
    return Tag.objects.filter(Exists(on_a_film) | Exists(on_an_article))


# Article.Meta.ordering as a keyset; published() leaves out articles without a date.
ARTICLES_NEWEST_FIRST = Key(("-published_at", "-id"), not_null=frozenset({"published_at"}))


class ArticleQuerySet(models.QuerySet):
    def published(self, *, at: datetime | None = None) -> Self:
        """What readers may see: published, and dated no later than now."""
        return self.filter(status=ArticleStatus.PUBLISHED, published_at__lte=at or timezone.now())

    def for_listing(self) -> Self:
        """Cards: byline, image, films and the spoiler-free opening (no tags: cards show none)."""
        return (
            self.defer(*READER_UNUSED_FIELDS)
            .select_related("author", "lead_image")
            .prefetch_related(Prefetch("films", queryset=Film.objects.only(*CARD_FILM_FIELDS)))
            .annotate(opening_html=opening_html())
        )

    def for_feed(self) -> Self:
        """Feed items: what a card shows, and the tags (each item's categories)."""
        return self.for_listing().prefetch_related("tags")

    def for_detail(self) -> Self:
        """The article page: every section, films with their posters and directors, tags."""
        Credit = Film.credit_model()  # noqa: N806
        # Within one film, as Credit's ordering has them; ordering by film too would join it.
        directors = (
            Credit.objects.filter(role=Credit.Role.DIRECTOR)
            .select_related("person")
            .only("film_id", "person__name", "person__slug")
            .order_by("billing", "id")
        )
        films = (
            Film.objects.select_related("poster")
            .only(*CARD_FILM_FIELDS, "poster")
            .prefetch_related(Prefetch("credits", queryset=directors, to_attr="directors"))
        )
        # The Markdown source stays in the database: the page shows the HTML rendered from it.
        # Ordered by position only: Section's default ordering would join the article to sort.
        sections = (
            Section.objects.select_related("image", "character").defer("body").order_by("order")
        )
        return (
            self.defer(*READER_UNUSED_FIELDS)
            .select_related("author", "author__photo", "lead_image")
            .prefetch_related(
                Prefetch("sections", queryset=sections),
                Prefetch("films", queryset=films),
                "tags",
            )
            .annotate(opening_html=opening_html())
        )

    def related_to(self, article: "Article") -> Self:
        """Other articles sharing the article's films, people on those films, or tags; best first.

        Each shared film scores 4, each shared tag 2 and each shared person 1. Joining articles to
        films, credits and tags at once and counting distinct matches multiplies rows (21 s at
        100,000 articles), so one query first scores a bounded set of candidates
        (`related_candidates`), and this queryset then keeps the best of them that it admits,
        e.g. the published ones. Expects the article's films and tags prefetched.
        """
        scores = related_candidates(article, using=self.db)
        if not scores:
            return self.none()
        by_score: dict[int, list[int]] = {}
        for pk, score in scores.items():
            by_score.setdefault(score, []).append(pk)
        # One WHEN per score, not per article: a dozen conditions cost more to build than to run.
        relatedness = Case(
            *[When(pk__in=pks, then=Value(score)) for score, pks in by_score.items()],
            output_field=models.IntegerField(),
        )
        return (
            self.filter(pk__in=scores)
            .annotate(relatedness=relatedness)
            .order_by("-relatedness", "-published_at", "-id")
        )

    def latest_of_each_kind(self, among: Self) -> Self:
        """The newest article of every kind in `among` (e.g. published()), in one query.

        One scalar subquery per kind reads the (status, published_at) index from its newest end
        until it meets that kind: a handful of rows, where a window function over `among` reads
        all of it (6 s at 100,000 articles on SQLite). The outer query tests the pk only, so
        SQLite fetches the few rows by pk instead of scanning the index for `among`'s filter.
        """
        newest = among.order_by("-published_at", "-id").values("pk")
        return self.filter(
            reduce(or_, [Q(pk=Subquery(newest.filter(kind=kind)[:1])) for kind in ArticleKind])
        )


class ArticleKind(models.TextChoices):
    REVIEW = "review", "Review"
    SYNOPSIS = "synopsis", "Plot synopsis"
    ENDING = "ending", "Ending explained"
    ESSAY = "essay", "Theme essay"
    LIST = "list", "Ranked list"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished"


class Article(models.Model):
    Kind = ArticleKind

    Status = ArticleStatus

    kind = models.CharField(max_length=10, choices=Kind, default=Kind.REVIEW)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    standfirst = ProseField(
        blank=True, help_text="The spoiler-free introduction under the headline."
    )
    author = models.ForeignKey(
        Author, models.PROTECT, null=True, blank=True, related_name="articles"
    )
    status = models.CharField(max_length=12, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Readers see the article from this moment on."
    )
    films = models.ManyToManyField(Film, related_name="articles")
    rating = models.DecimalField(
        max_digits=2,
        decimal_places=1,
        null=True,
        blank=True,
        choices=[(r, f"{r.normalize()} / 5") for r in RATINGS],
        help_text="Reviews only: 0.5 to 5 stars in half stars.",
    )
    verdict = models.CharField(
        max_length=300, blank=True, help_text="One spoiler-free line summing up the review."
    )
    tags = TaggableManager(blank=True)
    lead_image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    source_text = models.TextField(
        blank=True, editable=False, help_text="The original text this article was imported from."
    )
    source_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # Written by sitesearch from the spoiler gate only: spoiler sections are never indexed.
    search_text = models.TextField(
        blank=True, editable=False, default="", help_text="Spoiler-free plain text, for search."
    )
    # PostgreSQL only (NULL on SQLite, which uses an FTS5 table); its GIN index is made by
    # migration 0003 because Django can't declare a PostgreSQL-only index portably.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published_idx"),
            # The sitemap's lastmod: the newest change among published articles, read from the
            # end of this index instead of by reading every published article.
            models.Index(fields=["updated_at"], name="article_updated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ArticleKind.values), name="article_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values), name="article_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__in=RATINGS),
                name="article_rating_half_stars",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(kind="review"),
                name="article_rating_only_reviews",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_date",
            ),
            models.UniqueConstraint(
                fields=["source_fingerprint"],
                condition=~Q(source_fingerprint=""),
                name="article_source_fingerprint_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_url("reviews:article_detail", self.slug)

    @property
    def is_live(self) -> bool:
        """True when readers can see it now (published and not dated in the future)."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    # The spoiler gate, applied to an article: every surface that quotes an article without the
    # reader opting in (meta tags, Open Graph, JSON-LD, feeds, search, teasers, excerpts) goes
    # through public_text() or summary, and both read Section.objects.spoiler_free() only.

    def public_text(self) -> str:
        """The plain text of the sections a reader sees without opting in."""
        sections = Section.objects.spoiler_free().filter(article=self).only("body_html")
        return " ".join(html_to_text(s.body_html) for s in sections)

    @property
    def summary(self) -> str:
        """Spoiler-free description: the standfirst, else the opening of the first safe section."""
        if self.standfirst:
            return self.standfirst
        if hasattr(self, "opening_html"):  # for_listing() and for_detail() annotate it
            opening = self.opening_html
        else:  # one query
            opening = safe_sections(self).values_list("body_html", flat=True).first()
        if opening:
            return Truncator(html_to_text(opening)).words(SUMMARY_WORDS)
        return self.verdict

    @property
    def reading_minutes(self) -> int:
        """Minutes to read every section, spoilers included; uses the prefetched sections."""
        words = sum(len(html_to_text(s.body_html).split()) for s in self.sections.all())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))


class SectionQuerySet(models.QuerySet):
    def spoiler_free(self) -> Self:
        """THE spoiler gate: the only sections whose text may appear anywhere a reader hasn't
        opted in (titles, meta tags, JSON-LD, feeds, search, teasers, excerpts, sitemap)."""
        return self.filter(is_spoiler=False)

    def published(self) -> Self:
        """Sections of articles readers can see now. EXISTS per section: with `article__in`,
        SQLite listed every published article's id first (40 ms on a character's page)."""
        return self.filter(Exists(Article.objects.published().filter(pk=OuterRef("article_id"))))


class SectionKind(models.TextChoices):
    INTRO = "intro", "Introduction"
    SYNOPSIS = "synopsis", "Synopsis"
    CHARACTER = "character", "Character"
    ENDING = "ending", "Ending"
    THEME = "theme", "Theme"
    ANALYSIS = "analysis", "Analysis"
    VERDICT = "verdict", "Verdict"
    ENTRY = "entry", "List entry"
    OTHER = "other", "Other"


class Section(models.Model):
    """One ordered part of an article; spoiler sections stay hidden until a reader opts in."""

    Kind = SectionKind

    article = models.ForeignKey(Article, models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.OTHER)
    is_spoiler = models.BooleanField("spoiler", default=False)
    body = ProseField(help_text="Markdown.")
    body_html = models.TextField(editable=False, default="")
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    image_slot = models.CharField(
        max_length=300,
        blank=True,
        help_text="A picture the text had here, by its caption: upload it, then attach it.",
    )
    character = models.ForeignKey(
        "people.Character",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="sections",
        help_text="The character this section analyses, if any.",
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "order"]
        constraints = [
            models.UniqueConstraint(fields=["article", "order"], name="section_order_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=SectionKind.values), name="section_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.heading or f"Section {self.order}"

    def save(self, *args, **kwargs) -> None:
        self.render()
        if "update_fields" in kwargs and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def render(self) -> None:
        """Render the body; at save time, so readers' requests never run Markdown."""
        self.body_html = render_markdown(self.body)
