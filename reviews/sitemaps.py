"""sitemap.xml: every public page, split by kind under a sitemap index.

Sitemaps list addresses and dates only, never article text, so they cannot quote a spoiler.
Each section is split into files of at most SITEMAP_LIMIT URLs (a tenth of the protocol's
maximum of 50,000); the index (django.contrib.sitemaps.views.index) lists every file of every
section, ?p=2 onwards.
"""

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from taggit.models import Tag

from filmsite.sitemaps import BoundedSitemap
from reviews.models import Article, Author, Film, FilmSeries, public_themes


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


# The site's sitemap index puts people's sections (people/sitemaps.py) after the films'.
CATALOGUE = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "films": FilmSitemap,
    "series": SeriesSitemap,
}
WRITERS_AND_THEMES = {"critics": AuthorSitemap, "themes": TagSitemap}
