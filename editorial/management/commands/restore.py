"""restore PATH: put back a `backup` archive, all or nothing, into an empty site (or --force).

The database file is checked against the manifest's SHA-256 first. PostgreSQL: pg_restore
--clean --if-exists --no-owner in a single transaction. SQLite: the archived copy, checked by
SQLite, replaces the database through the online backup API in one write transaction (search
index included). Archives of format 1 (dumpdata XML) are flushed and loaded in one transaction.
Then `migrate` brings an older backup's schema up to this code. Media is unpacked beside
MEDIA_ROOT first and swapped in only once the database committed.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from editorial.management.commands.backup import (
    DATA_DUMP,
    DATABASE_FILES,
    MANIFEST,
    MEDIA,
    PG_DUMP,
    READABLE_FORMATS,
    SQLITE_ALL_PAGES,
    SQLITE_COPY,
    pg_command,
    require_media_in_media_root,
    run,
    sha256,
)
from filmsite.cache import invalidate_pages

# Filled by `migrate` itself, so a freshly migrated database still counts as empty.
MIGRATE_FILLS = (ContentType, Permission, Group, Group.permissions.through, Session)
# Kept by the SQLite restore: the dump refers to them by natural key.
KEPT_TABLES = {ContentType._meta.db_table, Permission._meta.db_table}


def content_tables_with_rows(alias: str) -> list[str]:
    """Models (other than what migrate fills) that already hold rows in this database."""
    connection = connections[alias]
    existing = set(connection.introspection.table_names())
    busy = []
    for model in apps.get_models(include_auto_created=True):
        if model in MIGRATE_FILLS or model._meta.db_table not in existing:
            continue
        if model._base_manager.using(alias).exists():
            busy.append(model._meta.label)
    return busy


def sqlite_migrations(copy: Path) -> list[list[str]]:
    """The migrations applied in an archived SQLite copy, once SQLite has checked the file."""
    try:
        database = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
        try:
            (check,) = database.execute("PRAGMA quick_check").fetchone()
            if check != "ok":
                raise CommandError(f"{copy.name} is damaged ({check}). Nothing was restored.")
            rows = database.execute("SELECT app, name FROM django_migrations").fetchall()
        finally:
            database.close()
    except sqlite3.Error as error:
        raise CommandError(
            f"{copy.name} is not a readable SQLite database ({error}). Nothing was restored."
        ) from error
    return sorted([app, name] for app, name in rows)


def _media_files(media_root: Path) -> int:
    return sum(1 for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else 0


class Command(BaseCommand):
    help = (
        "Restore a `backup` archive (database and media). Refuses a database or MEDIA_ROOT that "
        "already holds content unless --force; on failure nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="An archive written by `backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content already in the database and MEDIA_ROOT.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, path: str, force: bool, database: str, **options) -> None:
        require_media_in_media_root()
        connection = connections[database]
        if connection.in_atomic_block:
            raise CommandError("restore cannot run inside a transaction.")
        media_root = Path(settings.MEDIA_ROOT)
        media_root.parent.mkdir(parents=True, exist_ok=True)
        # Staged on MEDIA_ROOT's file system, so swapping it in is a rename.
        staging = Path(tempfile.mkdtemp(prefix=".filmsite-restore-", dir=media_root.parent))
        try:
            manifest = self._unpack(Path(path), staging)
            dump = staging / manifest["database"]
            self._refuse_newer(manifest, dump)
            if manifest["database"] == DATA_DUMP:
                # dumpdata needs the schema in place; a no-op when it already is.
                call_command("migrate", database=database, interactive=False, verbosity=0)
            if not force:
                self._refuse_if_not_empty(database, media_root)
            if manifest["database"] == PG_DUMP:
                self._pg_restore(database, dump)
            elif manifest["database"] == SQLITE_COPY:
                self._sqlite_restore(database, dump)
            else:
                self._loaddata(database, dump)
            # An older backup's schema, brought up to this code's (a no-op when it is current).
            call_command("migrate", database=database, interactive=False, verbosity=0)
            ContentType.objects.clear_cache()
            invalidate_pages()  # pg_restore and SQL flushes send no signals
            self._swap_media(staging / MEDIA, media_root)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {_media_files(media_root)} media files from {path} "
                f"(backed up {manifest['created_at']})."
            )
        )

    def _unpack(self, path: Path, staging: Path) -> dict:
        """Extract the manifest, the dump and media/ (nothing else, nothing outside staging)."""
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            with tarfile.open(path, "r:gz") as archive:
                wanted = [
                    m
                    for m in archive.getmembers()
                    if m.name in (MANIFEST, *DATABASE_FILES)
                    or m.name == MEDIA
                    or m.name.startswith(MEDIA + "/")
                ]
                archive.extractall(staging, members=wanted, filter="data")
        except (tarfile.TarError, OSError) as error:
            raise CommandError(f"{path} is not a readable backup archive: {error}") from error
        try:
            manifest = json.loads((staging / MANIFEST).read_text())
        except (OSError, ValueError) as error:
            raise CommandError(f"{path} has no valid {MANIFEST}: {error}") from error
        if (
            not isinstance(manifest, dict)
            or manifest.get("format") not in READABLE_FORMATS
            or manifest.get("database") not in DATABASE_FILES
        ):
            raise CommandError(f"{path} is not a filmsite backup (formats {READABLE_FORMATS}).")
        dump = staging / manifest["database"]
        if not dump.is_file():
            raise CommandError(f"{path} lacks its database file {manifest['database']}.")
        if "sha256" in manifest and sha256(dump) != manifest["sha256"]:
            raise CommandError(
                f"{path}: {dump.name} is damaged (its SHA-256 is not the one the backup "
                "recorded). Nothing was restored."
            )
        if manifest["format"] >= 2 and "sha256" not in manifest:
            raise CommandError(f"{path} has no checksum for {dump.name}. Nothing was restored.")
        return manifest

    def _refuse_newer(self, manifest: dict, dump: Path) -> None:
        """Refuse a backup made by a newer filmsite: migrations this code does not have."""
        recorded = manifest.get("migrations", [])
        if manifest["database"] == SQLITE_COPY:
            recorded = sqlite_migrations(dump)
        disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
        known = set(disk) | {key for m in disk.values() for key in m.replaces}
        unknown = [".".join(m) for m in recorded if tuple(m) not in known]
        if unknown:
            raise CommandError(
                "The backup was made by a newer filmsite (migrations not here: "
                f"{', '.join(unknown[:5])}). Restore it with that version. Nothing was restored."
            )

    def _refuse_if_not_empty(self, alias: str, media_root: Path) -> None:
        busy = content_tables_with_rows(alias)
        files = _media_files(media_root)
        if busy or files:
            found = [", ".join(busy[:5]) + (" …" if len(busy) > 5 else "")] if busy else []
            found += [f"{files} files in {media_root}"] if files else []
            raise CommandError(
                f"The site is not empty ({'; '.join(found)}). Restore into an empty database and "
                "MEDIA_ROOT, or pass --force to replace what is there."
            )

    def _pg_restore(self, alias: str, dump: Path) -> None:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            raise CommandError("This backup was made by pg_dump; restore it into PostgreSQL.")
        argv, env = pg_command("pg_restore", connection.settings_dict)
        argv += [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",  # all or nothing
            "--exit-on-error",
            "--dbname",
            connection.settings_dict["NAME"],
            str(dump),
        ]
        connection.close()  # hold no locks on the tables pg_restore drops
        run(argv, env)

    def _sqlite_restore(self, alias: str, copy: Path) -> None:
        """The archived copy replaces the database, in one write transaction of SQLite's."""
        connection = connections[alias]
        if connection.vendor != "sqlite":
            raise CommandError(
                "This backup is a SQLite database; restore it into SQLite (DATABASE_URL)."
            )
        connection.ensure_connection()
        source = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(connection.connection, pages=SQLITE_ALL_PAGES)
        except sqlite3.Error as error:
            raise CommandError(f"Nothing was restored: {error}") from error
        finally:
            source.close()

    def _loaddata(self, alias: str, dump: Path) -> None:
        from sitesearch import api as search  # imports models: only once apps are ready

        connection = connections[alias]
        tables = [
            t
            for t in connection.introspection.django_table_names(only_existing=True)
            if t not in KEPT_TABLES
        ]
        try:
            with transaction.atomic(using=alias):
                connection.ops.execute_sql_flush(
                    connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
                )
                call_command("loaddata", str(dump), database=alias, verbosity=0)
                if connection.vendor == "sqlite":
                    with connection.cursor() as cursor:
                        cursor.execute(f"DELETE FROM {search.FTS_TABLE}")
                search.rebuild()  # loaddata saves raw, so no signal indexed the articles
        except Exception as error:  # any failure: the transaction rolled back, say why
            raise CommandError(f"Nothing was restored: {error}") from error

    def _swap_media(self, staged: Path, media_root: Path) -> None:
        staged.mkdir(exist_ok=True)
        old = None
        if media_root.exists():
            old = media_root.with_name(f".{media_root.name}-replaced-{timezone.now():%Y%m%d%H%M%S}")
            media_root.rename(old)
        staged.rename(media_root)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
