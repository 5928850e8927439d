"""backup/restore round-trip the demo: the same rows, the same media and the same pages."""

import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
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

from editorial.management.commands.backup import applied_migrations
from people.models import Person
from reviews.models import Article, Film
from sitesearch import api as search

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


# Hostile text (issue 14, point 9): rows stored before text was cleaned at the door, written
# past every validator, must come back byte for byte; one control character used to stop every
# backup ("contains unserializable characters").
RTL = "\u200f\u05e9\u05dc\u05d5\u05dd\u200e"
EMOJI = "🎬🍿👩🏽‍🎤"


def hostile(nul: bool) -> str:
    controls = "".join(chr(c) for c in range(0 if nul else 1, 32)) + "\ufffe\uffff"
    return f"Salt{controls}Road {RTL} {EMOJI} \t trailing   "


def table_dump() -> dict[str, list[str]]:
    """Every row of every table (search index and history included), as the database has it."""
    dump = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            dump[table] = sorted(repr(row) for row in cursor.fetchall())
    return dump


def raw_update(table: str, pk, **values) -> None:
    columns = ", ".join(f"{connection.ops.quote_name(c)} = %s" for c in values)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {columns} WHERE id = %s", [*values.values(), pk])


def plant_hostile_text(media_root: Path) -> None:
    from django.contrib.admin.models import CHANGE, LogEntry
    from reversion.models import Revision, Version

    from reviews.models import Section

    text = hostile(nul=connection.vendor == "sqlite")  # PostgreSQL stores no NUL at all
    article = Article.objects.published().order_by("pk").first()
    section = Section.objects.filter(article=article).order_by("pk").first()
    long_body = (f"{text}\n\n" * 100_000)[:99_990] + " " * 10  # 100,000 characters
    assert len(long_body) == 100_000
    raw_update(Article._meta.db_table, article.pk, title=text[:200], standfirst=text,
               source_text=f"{text}\n{text}")  # fmt: skip
    raw_update(Section._meta.db_table, section.pk, body=long_body, heading=text[:200])
    raw_update(Person._meta.db_table, Person.objects.order_by("pk").first().pk, bio=text)
    user = get_user_model().objects.order_by("pk").first()
    entry = LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(article.pk),
        object_repr="x",
        action_flag=CHANGE,
        change_message="[]",
    )
    raw_update(LogEntry._meta.db_table, entry.pk, object_repr=text, change_message=text)
    revision = Revision.objects.create(date_created=article.created_at, comment="")
    raw_update(Revision._meta.db_table, revision.pk, comment=text)
    version = Version.objects.create(
        revision=revision,
        object_id=str(article.pk),
        content_type=ContentType.objects.get_for_model(Article),
        db="default",
        format="json",
        serialized_data="[]",
        object_repr="x",
    )
    raw_update(Version._meta.db_table, version.pk, serialized_data=text, object_repr=text)
    (media_root / f"notes {RTL} {EMOJI}.bin").write_bytes(bytes(range(256)) * 4)


def round_trip_hostile_text(demo: Path, tmp_path: Path) -> None:
    plant_hostile_text(demo)
    tables, rows, files = table_dump(), snapshot(), media_files(demo)
    assert any("\\x0b" in row for row in tables[Article._meta.db_table])  # planted, raw
    archive = tmp_path / "hostile.tar.gz"

    call_command("backup", str(archive), verbosity=0)
    wipe(demo)
    assert not Article.objects.exists()
    call_command("restore", str(archive), verbosity=0)

    restored = table_dump()
    assert restored.keys() == tables.keys()
    for table in tables:
        assert restored[table] == tables[table], table
    assert snapshot() == rows
    assert media_files(demo) == files


@needs_pg_client
def test_hostile_text_comes_back_byte_for_byte(demo, tmp_path):
    round_trip_hostile_text(demo, tmp_path)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore")
@needs_pg_client
def test_hostile_text_comes_back_byte_for_byte_on_postgresql(demo, tmp_path):
    round_trip_hostile_text(demo, tmp_path)


def test_a_damaged_archive_is_refused_before_anything_changes(demo, tmp_path):
    good = tmp_path / "good.tar.gz"
    call_command("backup", str(good), verbosity=0)
    unpacked = tmp_path / "unpacked"
    with tarfile.open(good) as archive:
        archive.extractall(unpacked, filter="data")
    dump = next(unpacked.glob("database.*"))
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte, the length unchanged
    dump.write_bytes(bytes(data))
    broken = tmp_path / "broken.tar.gz"
    with tarfile.open(broken, "w:gz") as archive:
        for member in sorted(unpacked.iterdir()):
            archive.add(member, arcname=member.name)
    Article.objects.filter(pk=Article.objects.order_by("pk").first().pk).update(title="Kept")

    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(broken), force=True, verbosity=0)
    assert Article.objects.filter(title="Kept").exists()

    call_command("restore", str(good), force=True, verbosity=0)  # the control
    assert not Article.objects.filter(title="Kept").exists()


def test_an_archive_of_format_1_still_restores(demo, tmp_path):
    """Archives made before the native SQLite copy hold dumpdata's XML; restore reads them."""
    rows = snapshot()
    folder = tmp_path / "old"
    folder.mkdir()
    call_command(
        "dumpdata",
        natural_foreign=True,
        use_base_manager=True,
        exclude=["contenttypes", "auth.permission", "sessions"],
        format="xml",
        output=str(folder / "database.xml"),
        verbosity=0,
    )
    manifest = {
        "format": 1,
        "engine": connection.vendor,
        "database": "database.xml",
        "created_at": "2026-01-01T00:00:00+00:00",
        "migrations": applied_migrations("default"),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    archive = tmp_path / "old.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder / "manifest.json", arcname="manifest.json")
        tar.add(folder / "database.xml", arcname="database.xml")
        tar.add(demo, arcname="media")
    wipe(demo)
    assert not Article.objects.exists()

    call_command("restore", str(archive), verbosity=0)

    assert snapshot() == rows
