"""backup/restore round-trip the demo: the same rows, the same media and the same pages."""

import shutil
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations import RunPython
from django.db.migrations.loader import MigrationLoader

from people.models import Person
from reviews import search
from reviews.models import Article, Film

pytestmark = pytest.mark.django_db(transaction=True)

needs_pg_client = pytest.mark.skipif(
    connection.vendor == "postgresql" and shutil.which("pg_dump") is None,
    reason="pg_dump/pg_restore are not installed (Debian: postgresql-client-15)",
)


def snapshot() -> dict[str, list]:
    """Every row of every model, by natural key where ids are not part of the data.

    Content types and permissions are remade by migrate, and many-to-many rows by loaddata,
    so their ids may differ; what they hold may not.
    """
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model in (ContentType, Session) or model._meta.proxy:
            continue
        serialized = serializers.serialize(
            "python", model._base_manager.order_by("pk"), use_natural_foreign_keys=True
        )
        if model is Permission or model._meta.auto_created:
            rows[model._meta.label] = sorted(repr(sorted(r["fields"].items())) for r in serialized)
        else:
            rows[model._meta.label] = [(r["pk"], r["fields"]) for r in serialized]
    return rows


def pages(client) -> dict[str, str]:
    urls = [
        "/",
        Film.objects.order_by("pk").first().get_absolute_url(),
        Article.objects.published().order_by("pk").first().get_absolute_url(),
        Article.objects.published().order_by("-pk").first().get_absolute_url(),
        Person.objects.order_by("pk").first().get_absolute_url(),
        "/search/?q=salt",
    ]
    bodies = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        bodies[url] = response.content.decode()
    return bodies


def media_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def wipe(media_root: Path) -> None:
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media_root)


def remake_editorial_groups() -> None:
    """Replay editorial's data migrations: a transactional test's flush deletes their groups."""
    loader = MigrationLoader(connection)
    leaf = loader.graph.leaf_nodes("editorial")[0]
    with connection.schema_editor() as schema_editor:
        for key in loader.graph.forwards_plan(leaf):
            if key[0] != "editorial":
                continue
            state = loader.project_state(key, at_end=True)
            for operation in loader.graph.nodes[key].operations:
                if isinstance(operation, RunPython):
                    operation.code(state.apps, schema_editor)


def empty_sqlite_search_index() -> None:
    """A transactional test's flush leaves SQLite's FTS5 rows behind (not a model table), and
    they would skew bm25 ranking before the backup but not after the restore."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {search.FTS_TABLE}")


@pytest.fixture
def demo(settings):
    if not Group.objects.exists():
        # A serialized-rollback flush also skips post_migrate: content types and permissions
        # may be missing too.
        emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
        remake_editorial_groups()
    empty_sqlite_search_index()
    call_command("load_demo", password="demo-pass-123", verbosity=0)
    return Path(settings.MEDIA_ROOT)


@needs_pg_client
def test_backup_then_restore_gives_the_same_rows_media_and_pages(demo, client, tmp_path):
    rows, bodies, files = snapshot(), pages(client), media_files(demo)
    assert rows["reviews.Section"] and rows["auth.User"] and files  # a real demo
    archive = tmp_path / "backups" / "site.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    wipe(demo)
    assert not Article.objects.exists() and not demo.exists()

    call_command("restore", str(archive), verbosity=0)

    restored = snapshot()
    assert {k: len(v) for k, v in restored.items()} == {k: len(v) for k, v in rows.items()}
    assert restored == rows
    assert media_files(demo) == files
    assert pages(client) == bodies
    assert "Salt" in bodies["/search/?q=salt"]  # the search index came back too


@needs_pg_client
def test_restore_refuses_a_site_with_content_unless_forced(demo, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    Article.objects.filter(pk=Article.objects.order_by("pk").first().pk).update(title="Changed")

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), verbosity=0)
    assert Article.objects.filter(title="Changed").exists()

    call_command("restore", str(archive), force=True, verbosity=0)
    assert not Article.objects.filter(title="Changed").exists()
    assert Article.objects.count() == 11


@needs_pg_client
def test_a_restore_that_fails_changes_nothing(demo, tmp_path):
    good = tmp_path / "good.tar.gz"
    call_command("backup", str(good), verbosity=0)
    unpacked = tmp_path / "unpacked"
    with tarfile.open(good) as archive:
        archive.extractall(unpacked, filter="data")
    dump = next(unpacked.glob("database.*"))
    dump.write_bytes(dump.read_bytes()[: dump.stat().st_size * 2 // 3])  # cut short
    broken = tmp_path / "broken.tar.gz"
    with tarfile.open(broken, "w:gz") as archive:
        for member in sorted(unpacked.iterdir()):
            archive.add(member, arcname=member.name)
    rows, files = snapshot(), media_files(demo)

    with pytest.raises(CommandError):
        call_command("restore", str(broken), force=True, verbosity=0)

    assert snapshot() == rows
    assert media_files(demo) == files


def test_backup_never_overwrites_an_archive(tmp_path):
    archive = tmp_path / "site.tar.gz"
    archive.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(archive), verbosity=0)
    assert archive.read_bytes() == b"an older backup"
