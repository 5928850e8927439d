"""Indexes for finding people by any part of their name (the search page's people).

PostgreSQL: a trigram GIN index (pg_trgm is created by reviews' migration 0005). SQLite 3.34+:
a trigram FTS5 table, external-content (it stores only the index; the text stays in
people_person), which SQL triggers keep in step, so bulk_create and raw SQL writes are indexed
too; older SQLite gets no table and search falls back to LIKE. Django drops a table's triggers
when a migration rebuilds that table; search recreates missing ones after every migrate, with
the same statements and names as here.

These lived in reviews' migrations 0005 and 0012; reviews' 0017 drops them first, and this
migration, which depends on it, creates them here. Its SQL is written out, not imported, so it
stays as it was whatever becomes of reviews' helpers.
"""

import logging
import sqlite3

from django.db import migrations

PG_INDEX = "person_name_trgm"
FTS_TABLE = "people_person_trigram"
logger = logging.getLogger(__name__)

FTS_CREATE = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(name, content='people_person', "
    "content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON people_person BEGIN "
    f"INSERT INTO {FTS_TABLE} (rowid, name) VALUES (new.id, new.name); END",
    f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON people_person BEGIN "
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, name) VALUES ('delete', old.id, old.name); END",
    f"CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF name ON people_person BEGIN "
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, name) VALUES ('delete', old.id, old.name); "
    f"INSERT INTO {FTS_TABLE} (rowid, name) VALUES (new.id, new.name); END",
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')",  # index the existing rows
]
FTS_DROP = [
    *(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{action}" for action in ("insert", "delete", "update")),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def create_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON people_person USING gin (name gin_trgm_ops)"
        )
    elif vendor == "sqlite":
        if sqlite3.sqlite_version_info < (3, 34, 0):
            logger.warning(
                "SQLite %s has no trigram tokenizer: people search scans", sqlite3.sqlite_version
            )
            return
        for sql in FTS_CREATE:
            schema_editor.execute(sql)


def drop_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
    elif vendor == "sqlite":
        for sql in FTS_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_person_updated_index"),
        ("reviews", "0017_person_name_indexes_leave_reviews"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
