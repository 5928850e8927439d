"""sitemap.xml: every public page, split by kind under a sitemap index.

Sitemaps list addresses and dates only, never article text, so they cannot quote a spoiler.
Each section is split into files of at most SITEMAP_LIMIT URLs (a tenth of the protocol's
maximum of 50,000); the index (django.contrib.sitemaps.views.index) lists every file of every
section, ?p=2 onwards.
"""

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.urls import reverse
from taggit.models import Tag

from people.models import Character, Person
from reviews.models import Article, Author, Film, FilmSeries, public_themes

SITEMAP_PROTOCOL_MAX = 50_000  # URLs per file that sitemaps.org allows
# URLs per sitemap file. A full 50,000-URL file took 4.7 s to render and weighs ~5 MB at 100,000
# articles (bench/pages.py); 5,000 renders in well under a second and caches cheaply, and
# crawlers read the index's extra files just as well.
SITEMAP_LIMIT = 5_000


class BoundedSitemap(Sitemap):
    """A section in files of at most SITEMAP_LIMIT URLs, whose newest date costs one query.

    Django's own get_latest_lastmod() calls lastmod() on every item: at 100,000 articles the
    index would load them all. Sections with dates name the field; MAX() reads it instead.
    """

    limit = SITEMAP_LIMIT
    lastmod_field = ""

    def get_latest_lastmod(self) -> datetime | None:
        if not self.lastmod_field:
            return None
        return self.items().aggregate(latest=Max(self.lastmod_field))["latest"]

    def lastmod(self, item) -> datetime | None:
        return getattr(item, self.lastmod_field) if self.lastmod_field else None


class ArticleSitemap(BoundedSitemap):
    changefreq = "monthly"
    priority = 0.8
    lastmod_field = "updated_at"

    def items(self) -> QuerySet[Article]:
        # pk order: a file's OFFSET walks the primary key, not a sort of every published article.
        return Article.objects.published().only("slug", "updated_at").order_by("pk")


class FilmSitemap(BoundedSitemap):
    changefreq = "weekly"
    priority = 0.7
    lastmod_field = "updated_at"

    def items(self) -> QuerySet[Film]:
        return Film.objects.only("slug", "updated_at").order_by("pk")


class SeriesSitemap(BoundedSitemap):
    def items(self) -> QuerySet[FilmSeries]:
        return FilmSeries.objects.only("slug").order_by("pk")


class PersonSitemap(BoundedSitemap):
    lastmod_field = "updated_at"

    def items(self) -> QuerySet[Person]:
        return Person.objects.only("slug", "updated_at").order_by("pk")


class CharacterSitemap(BoundedSitemap):
    def items(self) -> QuerySet[Character]:
        return Character.objects.select_related("film").only("slug", "film__slug").order_by("pk")


class AuthorSitemap(BoundedSitemap):
    def items(self) -> QuerySet[Author]:
        published = Article.objects.published().filter(author=OuterRef("pk"))
        return Author.objects.filter(Exists(published)).only("slug").order_by("pk")


class TagSitemap(BoundedSitemap):
    """Themes readers may see: on a published article or a film (public_themes())."""

    def items(self) -> QuerySet[Tag]:
        return public_themes().only("slug").order_by("pk")

    def location(self, item: Tag) -> str:
        return reverse("reviews:tag_detail", args=[item.slug])


class PageSitemap(BoundedSitemap):
    priority = 1.0
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["reviews:home", "reviews:film_list"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "films": FilmSitemap,
    "series": SeriesSitemap,
    "people": PersonSitemap,
    "characters": CharacterSitemap,
    "critics": AuthorSitemap,
    "themes": TagSitemap,
}
