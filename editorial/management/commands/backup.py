"""backup PATH: the database and MEDIA_ROOT in one .tar.gz, with each engine's own tool.

The archive holds `manifest.json`, the database (`database.dump`, pg_dump's custom format, or
`database.sqlite3`, a copy made by SQLite's online backup API) and `media/`. Both copies are one
consistent snapshot taken while the site runs, and hold every byte as stored: no serializer sits
between the rows and the archive, so no text can make a backup fail. `restore PATH` reads it back.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 2  # 1: SQLite as dumpdata XML, which restore still reads
READABLE_FORMATS = (1, 2)
MANIFEST = "manifest.json"
MEDIA = "media"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
# Format 1 only: dumpdata's XML, which failed on any control character in any text.
DATA_DUMP = "database.xml"
DATABASE_FILES = (PG_DUMP, SQLITE_COPY, DATA_DUMP)
# Pages copied per step of SQLite's backup: all at once, so the copy is one snapshot (a
# writer on another connection between steps would make SQLite start over).
SQLITE_ALL_PAGES = -1


def pg_command(program: str, settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """A libpq program's argv and env for this connection; the password goes in PGPASSWORD only."""
    binary = shutil.which(program)
    if binary is None:
        raise CommandError(
            f"{program} is not installed. Install the PostgreSQL client matching the server "
            "(on Debian: postgresql-client-15)."
        )
    argv = [binary]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            argv += [flag, str(settings_dict[key])]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    if sslmode := settings_dict.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    return argv, env


def applied_migrations(alias: str) -> list[list[str]]:
    recorder = MigrationRecorder(connections[alias])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def require_media_in_media_root() -> None:
    """Archives hold MEDIA_ROOT: refuse when uploads live elsewhere (an S3 bucket)."""
    storage = storages["default"]
    if not isinstance(storage, FileSystemStorage):
        raise CommandError(
            f"Uploads are stored by {type(storage).__name__}, not in MEDIA_ROOT, and backup "
            "archives hold MEDIA_ROOT only. Back up the database with pg_dump and protect the "
            "bucket with its own versioning (README: 'Outgrowing one machine')."
        )


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def sqlite_copy(alias: str, target: Path) -> None:
    """A consistent copy of a SQLite database made by its online backup API.

    Readers and (in WAL mode) writers carry on meanwhile; the copy is checked before it is kept.
    """
    connection = connections[alias]
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy, pages=SQLITE_ALL_PAGES)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        (result,) = copy.execute("PRAGMA quick_check").fetchone()
    except sqlite3.Error as error:
        raise CommandError(f"SQLite could not copy the database: {error}") from error
    finally:
        copy.close()
    if result != "ok":
        raise CommandError(f"The copy of the database failed SQLite's check: {result}")


def run(argv: list[str], env: dict[str, str]) -> None:
    """Run a client program; on failure show its stderr (which never holds the password)."""
    result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise CommandError(f"{Path(argv[0]).name} failed: {result.stderr.strip()}")


def dump_database(database: str, scratch_dir: Path) -> Path:
    """The database copied into scratch_dir by its own tool; the copy's path."""
    connection = connections[database]
    if connection.vendor == "postgresql":
        dump = scratch_dir / PG_DUMP
        argv, env = pg_command("pg_dump", connection.settings_dict)
        argv += ["--format=custom", "--file", str(dump), connection.settings_dict["NAME"]]
        run(argv, env)
        return dump
    if connection.vendor == "sqlite":
        dump = scratch_dir / SQLITE_COPY
        sqlite_copy(database, dump)
        return dump
    raise CommandError(
        f"backup knows PostgreSQL and SQLite, not {connection.vendor}: use the "
        "database's own backup tool."
    )


def write_archive(target: Path, manifest: Path, dump: Path, media_root: Path) -> None:
    """The manifest, the database copy and the media folder in one .tar.gz at target.

    Written beside the target and renamed, so a crash never leaves a half archive."""
    partial = target.with_name(target.name + ".partial")
    with tarfile.open(partial, "w:gz") as archive:
        archive.add(manifest, arcname=MANIFEST)
        archive.add(dump, arcname=dump.name)
        if media_root.is_dir():
            archive.add(media_root, arcname=MEDIA)
    partial.replace(target)


class Command(BaseCommand):
    help = (
        "Back up the database and uploaded media to one .tar.gz while the site runs: pg_dump "
        "(custom format) on PostgreSQL, SQLite's online backup API on SQLite. Read it back "
        "with `restore PATH`."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="The archive to write (.tar.gz).")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, path: str, database: str, **options) -> None:
        require_media_in_media_root()
        target = Path(path)
        if target.exists():
            raise CommandError(f"{target} already exists; backups are never overwritten.")
        target.parent.mkdir(parents=True, exist_ok=True)
        connection = connections[database]
        if connection.in_atomic_block:
            # Uncommitted rows would be in a SQLite copy and missing from pg_dump's; and SQLite's
            # backup API waits for ever on a lock its own open transaction holds.
            raise CommandError("backup cannot run inside a database transaction.")
        media_root = Path(settings.MEDIA_ROOT)
        with tempfile.TemporaryDirectory(prefix="filmsite-backup-") as scratch:
            scratch_dir = Path(scratch)
            dump = dump_database(database, scratch_dir)
            manifest = {
                "format": FORMAT,
                "engine": connection.vendor,
                "database": dump.name,
                "sha256": sha256(dump),
                "created_at": timezone.now().isoformat(),
                "migrations": applied_migrations(database),
            }
            (scratch_dir / MANIFEST).write_text(json.dumps(manifest, indent=2))
            write_archive(target, scratch_dir / MANIFEST, dump, media_root)
        files = sum(1 for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {connection.vendor} database and {files} media files to {target}."
            )
        )
