"""A GIN index on Article.search_vector, so full-text search stays fast at 100,000 articles.

PostgreSQL only: SQLite has no tsvector or GIN (it searches an FTS5 table, see 0004).
"""

from django.db import migrations

INDEX = "article_search_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON reviews_article USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("reviews", "0002_article_search_fields")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
