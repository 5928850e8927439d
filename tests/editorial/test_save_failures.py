"""A save that cannot reach the database loses nothing: SQLite waits out another writer, and a
database still busy after that is reported in words with the form as the user sent it."""

import re
import sqlite3
import threading
import time

import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler
from django.test import Client
from django.urls import reverse

from editorial.models import AutosavedDraft
from filmsite.settings import _connection_handling
from reviews.models import Article, Section
from tests import factories as f
from tests.helpers import article_form_data

BUSY = "The database was busy; your changes were not saved. Try again."


def _hold_write_lock(path: str, seconds: float, locked: threading.Event) -> None:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO note (text) VALUES ('held')")
    locked.set()
    time.sleep(seconds)
    holder.execute("COMMIT")
    holder.close()


def _write_while_locked(tmp_path, django_db_blocker, **options) -> None:
    """Write through Django's SQLite backend, configured as the site is, while another
    connection holds the write lock for 1.5 s."""
    path = str(tmp_path / "site.sqlite3")
    setup = sqlite3.connect(path)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
    setup.close()
    database = _connection_handling({"ENGINE": "django.db.backends.sqlite3", "NAME": path})
    database["OPTIONS"].update(options)
    connection = ConnectionHandler({"default": database})["default"]
    locked = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, 1.5, locked))
    holder.start()
    locked.wait()
    # A database of its own, not the test database pytest-django guards.
    with django_db_blocker.unblock():
        try:
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO note (text) VALUES ('editor')")
        finally:
            connection.close()
            holder.join()


def test_sqlite_waits_out_a_writer_holding_the_database(tmp_path, django_db_blocker):
    _write_while_locked(tmp_path, django_db_blocker)  # the site's own busy timeout: no error
    rows = sqlite3.connect(tmp_path / "site.sqlite3").execute("SELECT text FROM note").fetchall()
    assert rows == [("held",), ("editor",)]


def test_without_the_busy_timeout_the_same_write_fails(tmp_path, django_db_blocker):
    """The positive control: the lock above is real and would fail a short wait."""
    with pytest.raises(OperationalError, match="database is locked"):
        _write_while_locked(tmp_path, django_db_blocker, timeout=0.2)


@pytest.fixture
def article():
    article = f.ArticleFactory(title="Before", status="draft", published_at=None)
    f.SectionFactory(article=article, order=1, heading="Opening", body="Original words.")
    return article


@pytest.fixture
def locked_sections(monkeypatch):
    """Section saves fail as SQLite's do when another writer outlasts the busy timeout."""

    def locked(self, *args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Section, "save", locked)


@pytest.mark.django_db
def test_a_locked_database_keeps_the_form_and_says_so(editor, article, locked_sections):
    client = Client()
    client.force_login(editor)
    AutosavedDraft.objects.create(user=editor, key=f"article-{article.pk}", data={"x": ["y"]})
    data = article_form_data(
        article, title="Typed title", **{"sections-0-body": "Typed body, not yet saved."}
    )
    response = client.post(reverse("admin:reviews_article_change", args=[article.pk]), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert BUSY in body
    assert 'value="Typed title"' in body and "Typed body, not yet saved." in body
    article.refresh_from_db()
    assert article.title == "Before"  # the article's own save was rolled back with the section's
    assert AutosavedDraft.objects.filter(user=editor).exists()  # the server copy is kept too
    assert "autosave-confirmed" not in body  # the browser keeps its copy


@pytest.mark.django_db
def test_the_same_save_goes_through_when_the_database_is_free(editor, article):
    """The positive control: the form above is a valid save."""
    client = Client()
    client.force_login(editor)
    data = article_form_data(
        article, title="Typed title", **{"sections-0-body": "Typed body, not yet saved."}
    )
    data["autosave_submit_id"] = "submit-1"
    response = client.post(reverse("admin:reviews_article_change", args=[article.pk]), data)
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Typed title"
    page = client.get(response["Location"]).content.decode()
    confirmed = re.search(r'<div id="autosave-confirmed" hidden\s+([^>]*)>', page)
    assert confirmed, "the page after the save confirms it to the browser's copy"
    assert confirmed.group(1).split() == [
        f'data-key="article-{article.pk}"',
        'data-submit="submit-1"',
    ]
    assert BUSY not in page


@pytest.mark.django_db
def test_other_database_errors_still_fail_loudly(editor, article, monkeypatch):
    def broken(self, *args, **kwargs):
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(Section, "save", broken)
    client = Client()
    client.force_login(editor)
    with pytest.raises(OperationalError, match="disk I/O"):
        client.post(
            reverse("admin:reviews_article_change", args=[article.pk]),
            article_form_data(article, **{"sections-0-body": "Changed."}),
        )
