"""sitemap.xml's sections for people's and characters' pages (the index: filmsite/urls.py)."""

from django.db.models import QuerySet

from filmsite.sitemaps import BoundedSitemap
from people.models import Character, Person


class PersonSitemap(BoundedSitemap):
    lastmod_field = "updated_at"

    def items(self) -> QuerySet[Person]:
        return Person.objects.only("slug", "updated_at").order_by("pk")


class CharacterSitemap(BoundedSitemap):
    def items(self) -> QuerySet[Character]:
        return Character.objects.select_related("film").only("slug", "film__slug").order_by("pk")


SITEMAPS = {"people": PersonSitemap, "characters": CharacterSitemap}
