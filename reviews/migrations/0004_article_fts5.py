"""SQLite's full-text index of articles: an FTS5 table of title, standfirst and search_text.

The row id is the article's id; reviews.search writes the rows whenever an article or one of its
sections is saved (search_text is spoiler-free, so spoilers are never indexed). Python keeps it
up to date rather than triggers, because SQLite drops a table's triggers whenever a migration
rebuilds that table. A no-op on PostgreSQL, which uses Article.search_vector instead.
"""

from django.db import migrations


def create_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE reviews_article_fts USING fts5("
            "title, standfirst, search_text, tokenize='porter unicode61 remove_diacritics 2')"
        )


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS reviews_article_fts")


class Migration(migrations.Migration):
    dependencies = [("reviews", "0003_article_search_vector_gin")]

    operations = [migrations.RunPython(create_fts, drop_fts, elidable=False)]
