"""Fill the new search fields for articles that existed before search did.

A frozen copy of the spoiler gate and of reviews.search.index_article, as migrations must not
import code that will change: only non-spoiler sections become search text.
"""

from html import unescape

from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import Value
from django.utils.html import strip_tags


def index_articles(apps, schema_editor):
    Article = apps.get_model("reviews", "Article")
    Section = apps.get_model("reviews", "Section")
    vendor = schema_editor.connection.vendor
    for article in Article.objects.only("id", "title", "standfirst").iterator():
        sections = Section.objects.filter(article=article, is_spoiler=False).order_by("order")
        text = " ".join(" ".join(unescape(strip_tags(s.body_html)).split()) for s in sections)
        fields = {"search_text": text}
        if vendor == "postgresql":
            fields["search_vector"] = (
                SearchVector("title", weight="A", config="english")
                + SearchVector("standfirst", weight="B", config="english")
                + SearchVector(Value(text), weight="C", config="english")
            )
        Article.objects.filter(pk=article.pk).update(**fields)
        if vendor == "sqlite":
            schema_editor.execute(
                "INSERT INTO reviews_article_fts (rowid, title, standfirst, search_text) "
                "VALUES (%s, %s, %s, %s)",
                [article.pk, article.title, article.standfirst, text],
            )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0005_trigram_indexes")]

    operations = [migrations.RunPython(index_articles, migrations.RunPython.noop)]
