"""reviews.sql on its own: the related-articles scoring query, given tables and ids."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from taggit.models import TaggedItem

from people.models import Credit
from reviews.models import Article
from reviews.sql import LinkTables, related_scores
from tests import factories as f

TABLES = LinkTables(
    article_films=Article.films.through._meta.db_table,
    credits=Credit._meta.db_table,
    tagged=TaggedItem._meta.db_table,
)


def scores_of(article: Article) -> dict[int, int]:
    return related_scores(
        connection,
        TABLES,
        article_id=article.pk,
        film_ids=[film.pk for film in article.films.all()],
        tag_ids=[tag.pk for tag in article.tags.all()],
        content_type_id=ContentType.objects.get_for_model(Article).pk,
    )


def test_scores_add_shared_films_tags_and_people_whatever_the_status(db):
    film = f.FilmFactory()
    article = f.ArticleFactory(films=[film], tags=["sea"])
    film_and_tag = f.ArticleFactory(films=[film], tags=["sea"], status="draft", published_at=None)
    tag_only = f.ArticleFactory(tags=["sea"])
    person = f.PersonFactory()
    f.CreditFactory(film=film, person=person)
    same_person = f.ArticleFactory(films=[f.CreditFactory(person=person).film])
    f.ArticleFactory(tags=["grief"])  # shares nothing
    assert scores_of(article) == {film_and_tag.pk: 6, tag_only.pk: 2, same_person.pk: 1}


def test_an_article_with_no_films_or_tags_has_no_candidates(db):
    f.ArticleFactory(tags=["sea"])
    assert scores_of(f.ArticleFactory()) == {}
