"""pg_trgm and trigram indexes on film titles and people's names, for typo-tolerant search.

PostgreSQL only (TrigramExtension is itself a no-op elsewhere). The people index lives here
because reviews.search is the one module that queries it.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "film_title_trgm": ("reviews_film", "title"),
    "film_original_title_trgm": ("reviews_film", "original_title"),
    "person_name_trgm": ("people_person", "name"),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, (table, column) in INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
            )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0004_article_fts5"),
        ("people", "0002_film_links"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
