"""Cheap, deterministic faults: a killed import leaves nothing half-written; a database error
during a request shows our 500 page, never a traceback. bench/load_and_faults.py does the rest."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.http import HttpRequest, HttpResponse
from django.urls import path

from importer.parse.document import parse_text

ROOT = Path(__file__).resolve().parents[1]
TEXTS = 120


def _broken_database(request: HttpRequest) -> HttpResponse:
    raise OperationalError("server closed the connection unexpectedly")


def _bad_query(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM no_such_table_filmsite")
    return HttpResponse("unreachable")


urlpatterns = [path("broken/", _broken_database), path("bad-query/", _bad_query)]


# A database error during a request --------------------------------------------------------------


@pytest.mark.urls("tests.test_faults")
@pytest.mark.parametrize("url", ["/broken/", "/bad-query/"])
@pytest.mark.django_db
def test_database_error_shows_our_500_page_without_a_traceback(client, settings, url):
    client.raise_request_exception = False
    settings.DEBUG = False
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in body
    assert "Traceback" not in body and "no_such_table" not in body and "server closed" not in body


@pytest.mark.urls("tests.test_faults")
@pytest.mark.django_db
def test_debug_would_show_the_traceback(client, settings):
    """The positive control: the assertions above can fail."""
    client.raise_request_exception = False
    settings.DEBUG = True
    body = client.get("/broken/").content.decode()
    assert "Traceback" in body and "server closed" in body


# An import killed mid-way ------------------------------------------------------------------------


def _write_corpus(folder: Path) -> None:
    from bench.import_corpus import Corpus  # bench/ is a package beside manage.py

    corpus = Corpus(seed=8)
    folder.mkdir()
    for index in range(TEXTS):
        name, body = corpus.text(index)
        (folder / name).write_text(body)


class Database:
    """The database a subprocess imports into, read here with plain SQL."""

    def __init__(self, tmp_path: Path) -> None:
        self.env = {**os.environ, "DJANGO_MEDIA_ROOT": str(tmp_path / "media")}
        if connection.vendor == "postgresql":  # the test database (the test is transactional)
            s = connection.settings_dict
            self.env["DATABASE_URL"] = (
                f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or 'localhost'}:"
                f"{s['PORT'] or 5432}/{s['NAME']}"
            )
            self.file = None
        else:  # the suite's SQLite is in memory: the subprocess needs a file
            self.file = tmp_path / "import.sqlite3"
            self.env["DATABASE_URL"] = f"sqlite:///{self.file}"
            self.manage("migrate", "--noinput", "-v0").check_returncode()

    def manage(self, *args: str, background: bool = False):
        argv = [sys.executable, str(ROOT / "manage.py"), *args]
        if background:
            return subprocess.Popen(argv, env=self.env, stdout=subprocess.DEVNULL)
        return subprocess.run(argv, env=self.env, capture_output=True, timeout=300, check=False)

    def rows(self, sql: str) -> list[tuple]:
        if self.file is None:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()
        with sqlite3.connect(self.file, timeout=30) as db:
            return db.execute(sql).fetchall()

    def article_count(self) -> int:
        return self.rows("SELECT COUNT(*) FROM reviews_article")[0][0]


def assert_nothing_half_written(db: Database) -> int:
    """Each article has every section its own source text makes, and a film; returns the count."""
    sections = dict(db.rows("SELECT article_id, COUNT(*) FROM reviews_section GROUP BY article_id"))
    films = dict(db.rows("SELECT article_id, COUNT(*) FROM reviews_article_films GROUP BY 1"))
    articles = db.rows("SELECT id, source_text, source_fingerprint FROM reviews_article")
    for article_id, source_text, fingerprint in articles:
        parsed = parse_text(source_text)
        assert fingerprint == parsed.fingerprint  # the whole text, not a part of it
        assert sections.get(article_id, 0) == len(parsed.sections), article_id
        assert films.get(article_id, 0) >= (1 if parsed.film else 0), article_id
    assert set(sections) <= {a for a, _, _ in articles}
    return len(articles)


@pytest.mark.django_db(transaction=True)
def test_an_import_killed_mid_way_leaves_nothing_half_written(tmp_path):
    folder = tmp_path / "texts"
    _write_corpus(folder)
    db = Database(tmp_path)
    importer = db.manage("import_texts", str(folder), background=True)
    deadline = time.monotonic() + 120
    while db.article_count() < 3 and importer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    importer.send_signal(signal.SIGKILL)
    assert importer.wait(timeout=30) == -signal.SIGKILL  # killed, not finished

    survived = assert_nothing_half_written(db)
    assert 3 <= survived < TEXTS

    # Running the import again picks up where it stopped: every text, none twice.
    assert db.manage("import_texts", str(folder)).returncode == 0
    assert assert_nothing_half_written(db) == TEXTS
