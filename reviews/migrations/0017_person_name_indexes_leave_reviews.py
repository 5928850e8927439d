"""People's name indexes leave reviews: people/migrations/0005 creates them again, in people.

Drops the PostgreSQL trigram index on people's names (made by 0005) and SQLite's trigram FTS5
table of them (0012); reversing recreates both as those migrations made them. Indexes only: no
row of people_person changes, and the FTS5 table is rebuilt from those rows when created.
"""

import sqlite3

from django.db import migrations

from reviews.migrations._trigram_fts import create_statements, drop_statements

PG_INDEX = "person_name_trgm"
FTS_TABLE, CONTENT, COLUMNS = "people_person_trigram", "people_person", ("name",)


def drop_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
    elif vendor == "sqlite":
        for sql in drop_statements(FTS_TABLE):
            schema_editor.execute(sql)


def recreate_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON {CONTENT} USING gin (name gin_trgm_ops)"
        )
    elif vendor == "sqlite" and sqlite3.sqlite_version_info >= (3, 34, 0):
        for sql in create_statements(FTS_TABLE, CONTENT, COLUMNS):
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0016_image_renditions_ready_at"),
        ("people", "0004_person_updated_index"),
    ]

    operations = [migrations.RunPython(drop_indexes, recreate_indexes, elidable=False)]
