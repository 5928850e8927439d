"""People's name indexes moved from reviews' migrations to people's: both ways, keeping rows."""

import sqlite3

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from people.models import Person
from tests import factories as f

PEOPLE_BEFORE = ("people", "0004_person_updated_index")
REVIEWS_BEFORE = ("reviews", "0016_image_renditions_ready_at")


def name_index_finds(word: str) -> list[int] | None:
    """Ids the name index finds for a word; None when there is no index."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'person_name_trgm'")
            if cursor.fetchone() is None:
                return None
            cursor.execute("SELECT id FROM people_person WHERE name ILIKE %s", [f"%{word}%"])
            return [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'people_person_trigram'")
        if cursor.fetchone() is None:
            return None
        cursor.execute(
            "SELECT rowid FROM people_person_trigram WHERE people_person_trigram MATCH %s", [word]
        )
        return [row[0] for row in cursor.fetchall()]


def migrate(target: tuple[str, str] | None = None) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([target] if target else executor.loader.graph.leaf_nodes())


@pytest.mark.skipif(
    connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 34, 0),
    reason="no trigram tokenizer in this SQLite",
)
@pytest.mark.django_db(transaction=True)
def test_the_name_index_moves_to_people_and_back_keeping_people():
    person = f.PersonFactory(name="Chantal Akerman")
    word = "kerman"
    assert name_index_finds(word) == [person.pk]
    try:
        migrate(PEOPLE_BEFORE)  # people's 0005 undone: reviews' 0017 has dropped it
        assert name_index_finds(word) is None
        migrate(REVIEWS_BEFORE)  # reviews' 0017 undone: back where reviews made it
        assert name_index_finds(word) == [person.pk]
    finally:
        migrate()
    assert name_index_finds(word) == [person.pk]
    assert list(Person.objects.values_list("name", flat=True)) == ["Chantal Akerman"]
