"""Two imports at once (issue #13, point 7): both succeed, and a new film, person, character or
credit is one row.

Two threads, each with its own database connection, import different texts about the same new
film. The first holds its transaction open until the second is blocked on the film's unique
slug, then commits: the second's insert fails inside the database, and the import must match
the row the first committed instead of failing. PostgreSQL only: SQLite serialises writers.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections, transaction

from importer.save import ImportResult, article_import_bytes
from people.models import Character, Credit, Person
from reviews.models import Article, Film
from tests import factories as f

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite serialises writers; no race to lose"
    ),
    pytest.mark.django_db(transaction=True),
]

MAX_BYTES = 1_000_000
REVIEW = b"""The Ember Quarry (2025) review

Director Noor Castellane sets The Ember Quarry in a slate town that is burning from below.
Ada Penrose (Isla Varga) is the surveyor who will not leave.

A patient, smoky film. Rating: 4/5
"""
ESSAY = b"""---
title: Fire under the slate
film: The Ember Quarry (2025)
kind: essay
cast:
  - Isla Varga as Ada Penrose
---

The Ember Quarry is a film about a town that keeps its fire a secret, and about the surveyor
who refuses to.
"""
OTHER_FILM = b"""Slate Harbour (2024) review

The harbour pilot Marta (Isla Varga) spends a film that is mostly weather on the water.

A damp, honest drama. Rating: 3/5
"""


def waiters() -> int:
    """Connections of this database waiting for a lock another transaction holds."""
    with connections["default"].cursor() as cursor:
        # Inside a transaction the statistics views keep their first snapshot: take a new one.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def race(first: bytes, second: bytes) -> tuple[list[ImportResult], list[BaseException], bool]:
    """Import `first` and hold its transaction open until `second` waits on it, then commit."""
    results: list[ImportResult] = []
    errors: list[BaseException] = []
    imported = threading.Event()
    saw_a_waiter = []

    def run_first() -> None:
        try:
            with transaction.atomic():  # the import's own transaction becomes a savepoint
                results.append(article_import_bytes(data=first, max_bytes=MAX_BYTES))
                imported.set()
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline and not waiters():
                    time.sleep(0.05)
                saw_a_waiter.append(bool(waiters()))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
            imported.set()
        finally:
            connections.close_all()

    def run_second() -> None:
        imported.wait(10)
        try:
            results.append(article_import_bytes(data=second, max_bytes=MAX_BYTES))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results, errors, bool(saw_a_waiter and saw_a_waiter[0])


def test_two_imports_of_one_new_film_both_succeed_with_one_film_row():
    results, errors, raced = race(REVIEW, ESSAY)

    assert errors == []
    assert raced, "the second import never waited on the first: the race was not run"
    assert len(results) == 2
    film = Film.objects.get()  # one row, not two, and no error
    assert (film.title, film.year) == ("The Ember Quarry", 2025)
    assert sorted(r.film.outcome for r in results) == ["created", "matched"]
    assert Article.objects.count() == 2
    assert "Fire under the slate" in {a.title for a in Article.objects.all()}
    assert all(list(a.films.all()) == [film] for a in Article.objects.all())
    assert Person.objects.filter(name="Isla Varga").count() == 1


def test_two_imports_naming_one_new_actor_make_one_person():
    """Different films, the same new actor: the second import matches the first's person."""
    results, errors, raced = race(REVIEW, OTHER_FILM)

    assert errors == []
    assert raced
    assert Film.objects.count() == 2  # the control: two films are two rows
    isla = Person.objects.get(name="Isla Varga")
    assert {c.film.title for c in Credit.objects.filter(person=isla)} == {
        "The Ember Quarry",
        "Slate Harbour",
    }
    assert sorted(
        c.person_outcome for r in results for c in r.credits if c.person == "Isla Varga"
    ) == [
        "created",
        "matched",
    ]


ON_THE_SITE_A = b"""The Ember Quarry (2025) review

Ada Penrose (Isla Varga) is the surveyor who will not leave a slate town burning from below.

A patient, smoky film. Rating: 4/5
"""
ON_THE_SITE_B = b"""The Ember Quarry (2025): notes on a fire

The film rests on Ada Penrose (Isla Varga), a surveyor who measures the heat in the ground.

An odd, warm film. Rating: 3/5
"""


def test_two_imports_adding_one_part_to_a_film_on_the_site_make_one_character_and_credit():
    """Film and actor already on the site: the race is on the new character and credit."""
    film = f.FilmFactory(title="The Ember Quarry", year=2025)
    isla = f.PersonFactory(name="Isla Varga")

    results, errors, raced = race(ON_THE_SITE_A, ON_THE_SITE_B)

    assert errors == []
    assert raced
    assert Article.objects.count() == 2
    assert list(Character.objects.values_list("name", flat=True)) == ["Ada Penrose"]
    credit = Credit.objects.get()  # one, not two, and no error
    assert (credit.film, credit.person, credit.character.name) == (film, isla, "Ada Penrose")
    outcomes = sorted(c.outcome for r in results for c in r.credits)
    assert outcomes == ["created", "matched"]
