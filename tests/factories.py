"""factory_boy factories for every model; published, dated-in-the-past articles by default."""

from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from people.models import Character, Credit, Person
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


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    file = factory.django.ImageField(width=40, height=60, color="navy", format="PNG")
    alt_text = factory.Sequence(lambda n: f"A still from film number {n}")
    caption = "A quiet moment on the pier"


class GenreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Genre
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Genre {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class CountryFactory(GenreFactory):
    class Meta:
        model = Country

    name = factory.Sequence(lambda n: f"Country {n}")


class LanguageFactory(GenreFactory):
    class Meta:
        model = Language

    name = factory.Sequence(lambda n: f"Language {n}")


class FilmSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FilmSeries

    title = factory.Sequence(lambda n: f"The Harbour Cycle {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))


class FilmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Film
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"The Lantern Years {n}")
    slug = factory.LazyAttribute(lambda o: slugify(f"{o.title} {o.year}"))
    year = 2019
    runtime_minutes = 104
    logline = "A ferry pilot keeps a promise that outlives the town that asked it of her."

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def genres(self, create, extracted, **kwargs):
        if create and extracted:
            self.genres.add(*extracted)


class WatchOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WatchOption

    film = factory.SubFactory(FilmFactory)
    provider = factory.Sequence(lambda n: f"Streamer {n}")
    url = "https://example.org/watch"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Mara Okafor{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class CharacterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Character

    film = factory.SubFactory(FilmFactory)
    name = factory.Sequence(lambda n: f"Ada Lind{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credit

    film = factory.SubFactory(FilmFactory)
    person = factory.SubFactory(PersonFactory)
    role = Credit.Role.DIRECTOR


class ActorCreditFactory(CreditFactory):
    role = Credit.Role.ACTOR
    character = factory.SubFactory(CharacterFactory, film=factory.SelfAttribute("..film"))
    billing = factory.Sequence(lambda n: n)


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Critic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    kind = Article.Kind.REVIEW
    title = factory.Sequence(lambda n: f"A review worth reading {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    standfirst = "A patient, generous film about the people who stay behind."
    author = factory.SubFactory(AuthorFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def films(self, create, extracted, **kwargs):
        if create:
            self.films.add(*(extracted if extracted is not None else [FilmFactory()]))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    article = factory.SubFactory(ArticleFactory)
    order = factory.Sequence(lambda n: n)
    heading = factory.Sequence(lambda n: f"Part {n}")
    kind = Section.Kind.ANALYSIS
    body = "The harbour is *never* quiet -- even at night."
