"""Article.tags reads the same tags whether prefetched or not (reviews.models.ArticleTagManager)."""

import pytest

from reviews.models import Article
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_an_articles_tags_in_the_order_given_and_no_others():
    article = f.ArticleFactory(tags=["tides", "grief", "salt"])
    f.ArticleFactory(tags=["grief", "fog"])
    assert [tag.name for tag in article.tags.all()] == ["tides", "grief", "salt"]
    assert [tag.name for tag in article.tags.filter(name__startswith="g")] == ["grief"]
    assert sorted(article.tags.names()) == ["grief", "salt", "tides"]


def test_prefetched_tags_need_no_query(django_assert_num_queries):
    f.ArticleFactory(title="Harbour", tags=["tides", "grief"])
    f.ArticleFactory(title="Fog", tags=["fog"])
    articles = list(Article.objects.for_feed().order_by("title"))
    with django_assert_num_queries(0):
        names = [sorted(tag.name for tag in article.tags.all()) for article in articles]
    assert names == [["fog"], ["grief", "tides"]]
