"""sitemap.xml: every public page, split by kind under a sitemap index.

Sitemaps list addresses and dates only, never article text, so they cannot quote a spoiler.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from taggit.models import Tag, TaggedItem

from people.models import Character, Person
from reviews.models import Article, Author, Film, FilmSeries


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet[Article]:
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at")

    def lastmod(self, item: Article):
        return item.updated_at


class FilmSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self) -> QuerySet[Film]:
        return Film.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, item: Film):
        return item.updated_at


class SeriesSitemap(Sitemap):
    def items(self) -> QuerySet[FilmSeries]:
        return FilmSeries.objects.only("slug").order_by("pk")


class PersonSitemap(Sitemap):
    def items(self) -> QuerySet[Person]:
        return Person.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, item: Person):
        return item.updated_at


class CharacterSitemap(Sitemap):
    def items(self) -> QuerySet[Character]:
        return Character.objects.select_related("film").only("slug", "film__slug").order_by("pk")


class AuthorSitemap(Sitemap):
    def items(self) -> QuerySet[Author]:
        published = Article.objects.published().filter(author=OuterRef("pk"))
        return Author.objects.filter(Exists(published)).only("slug").order_by("pk")


class TagSitemap(Sitemap):
    """Themes with at least one published article or film."""

    def items(self) -> QuerySet[Tag]:
        used = TaggedItem.objects.filter(tag=OuterRef("pk")).filter(
            Q(content_type__app_label="reviews", content_type__model="film")
            | Q(
                content_type__app_label="reviews",
                content_type__model="article",
                object_id__in=Article.objects.published().values("pk"),
            )
        )
        return Tag.objects.filter(Exists(used)).only("slug").order_by("pk")

    def location(self, item: Tag) -> str:
        return reverse("reviews:tag_detail", args=[item.slug])


class PageSitemap(Sitemap):
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
