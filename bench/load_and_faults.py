"""Load and faults: concurrent readers and an editor against gunicorn, then a PostgreSQL restart
and a killed import. Loopback only, bounded in time; prints a Markdown summary.

    DATABASE_URL=postgres://... .venv/bin/python bench/load_and_faults.py [--seconds 60]
        [--readers 8] [--restart-postgres] [--import-texts 300]

It makes its own scratch database (`<NAME>_load_bench` on PostgreSQL, a temporary file on
SQLite), migrates it, loads the demo, serves it with gunicorn (2 workers, DEBUG off) on
127.0.0.1 and a free port, and drops it at the end: the configured database is never touched.

1. Load: N reader threads request public pages for --seconds while the editor (this process,
   through the ORM and the import service, with optimistic-lock checks) edits standfirsts and
   publishes new articles. Must be: zero 5xx, zero lost edits (every committed edit is in the
   database and every published article is served), no 500 body with a traceback.
2. --restart-postgres (root and PostgreSQL only; it restarts the machine's server, so it breaks
   any other test run on it: run it alone): `service postgresql restart` under the same load;
   reports how long until the site answered again and checks no 500 page leaked a traceback.
3. Killed import: `manage.py import_texts` on a folder of texts, SIGKILLed once some articles
   are in; every article present must have all its sections.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import io
import os
import platform
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRACEBACK_MARKERS = ("Traceback", 'File "/', "OperationalError", "psycopg2")


@dataclass
class Tally:
    """What the readers saw; shared by their threads, updated under a lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    leaks: int = 0
    last_5xx_at: float = 0.0
    first_5xx_at: float = 0.0

    def record(self, status: int, body: bytes) -> None:
        with self.lock:
            self.statuses[status] += 1
            if status >= 500:
                now = time.monotonic()
                self.first_5xx_at = self.first_5xx_at or now
                self.last_5xx_at = now
                text = body.decode("utf-8", "replace")
                self.leaks += any(marker in text for marker in TRACEBACK_MARKERS)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, url: str, timeout: float = 10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", url, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def reader(port: int, urls: list[str], stop: threading.Event, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    while not stop.is_set():
        url = rng.choice(urls)
        try:
            status, body = get(port, url)
        except OSError as error:  # refused or reset: gunicorn itself never goes down here
            with tally.lock:
                tally.errors[type(error).__name__] += 1
            time.sleep(0.05)
            continue
        tally.record(status, body)


def load_corpus_module():
    spec = importlib.util.spec_from_file_location("import_corpus", ROOT / "bench/import_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Editor:
    """Edits and publishes like an editor would; remembers every edit that committed."""

    def __init__(self, corpus) -> None:
        self.corpus = corpus
        self.expected: dict[int, str] = {}  # article id -> the standfirst last committed
        self.published: dict[int, str] = {}  # article id -> its URL
        self.edits = 0
        self.conflicts = 0
        self.failures: Counter = Counter()
        self.counter = 0

    def step(self) -> None:
        """One action; a database error (a restart) is retried by the caller, never lost."""
        from django.db import DatabaseError, InterfaceError, connection

        try:
            if self.counter % 4 == 3:
                self.publish()
            else:
                self.edit()
            self.counter += 1
        except (DatabaseError, InterfaceError) as error:
            self.failures[type(error).__name__] += 1
            connection.close()  # reconnect on the next attempt
            time.sleep(0.2)

    def edit(self) -> None:
        import reversion
        from django.db import transaction

        from reviews.models import Article

        article = Article.objects.order_by("?").only("id", "updated_at").first()
        token = article.updated_at  # what the editor's form was loaded with
        text = f"Edited by the load bench, edit {self.edits + 1} ({secrets.token_hex(4)})."
        with transaction.atomic(), reversion.create_revision():
            current = Article.objects.select_for_update().get(pk=article.pk)
            if current.updated_at != token:  # someone saved since: reload, as the form would
                self.conflicts += 1
                return
            current.standfirst = text
            current.save()
            reversion.set_comment("Load bench edit.")
        self.expected[current.pk] = text
        self.edits += 1

    def publish(self) -> None:
        from importer.save import article_import_bytes

        name, text = self.corpus.text(10_000 + self.counter)
        result = article_import_bytes(data=text.encode(), max_bytes=2**21, publish=True)
        article = result.article
        from reviews.models import Article

        self.published[article.pk] = Article.objects.get(pk=article.pk).get_absolute_url()

    def lost(self, port: int) -> list[str]:
        """Edits not in the database and published articles the site does not serve."""
        from reviews.models import Article

        stored = dict(Article.objects.filter(pk__in=self.expected).values_list("pk", "standfirst"))
        missing = [f"edit of article {pk}" for pk, t in self.expected.items() if stored[pk] != t]
        for pk, url in self.published.items():
            if get(port, url)[0] != 200:
                missing.append(f"published article {pk} at {url}")
        return missing


def run_load(port, urls, seconds, readers, editor, on_tick=None) -> Tally:
    tally, stop = Tally(), threading.Event()
    threads = [
        threading.Thread(target=reader, args=(port, urls, stop, tally, i), daemon=True)
        for i in range(readers)
    ]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    while (elapsed := time.monotonic() - started) < seconds:
        editor.step()
        if on_tick:
            on_tick(elapsed)
        time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join(timeout=15)
    return tally


def wait_until_up(port: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            if get(port, "/healthz", timeout=2)[0] == 200:
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def killed_import(env: dict, folder: Path, corpus, count: int) -> dict:
    from django.db import connection

    from importer.parse.document import parse_text

    folder.mkdir()
    for index in range(count):
        name, text = corpus.text(20_000 + index)
        (folder / name).write_text(text)

    def imported() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM reviews_article WHERE source_text <> ''")
            return cursor.fetchone()[0]

    before = imported()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "import_texts", str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    target = before + max(3, count // 3)
    while imported() < target and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    code = process.wait(timeout=30)
    connection.close()  # see everything the killed process committed
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, source_text FROM reviews_article WHERE source_text <> ''")
        articles = cursor.fetchall()
        cursor.execute("SELECT article_id, COUNT(*) FROM reviews_section GROUP BY article_id")
        sections = dict(cursor.fetchall())
    half = [pk for pk, text in articles if sections.get(pk, 0) != len(parse_text(text).sections)]
    return {
        "killed": code == -signal.SIGKILL,
        "new_articles": len(articles) - before,
        "texts": count,
        "half_written": half,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="Load duration (default 60).")
    parser.add_argument("--readers", type=int, default=8, help="Reader threads (default 8).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2).")
    parser.add_argument(
        "--restart-postgres",
        action="store_true",
        help="Also restart PostgreSQL mid-load (root only; disturbs anything else using it).",
    )
    parser.add_argument("--restart-seconds", type=float, default=20)
    parser.add_argument("--import-texts", type=int, default=300)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filmsite.settings")
    os.environ["DJANGO_DEBUG"] = "true"  # this process only; gunicorn runs with DEBUG off
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    corpus = load_corpus_module().Corpus(seed=13)
    report: list[str] = []
    ok = True
    with tempfile.TemporaryDirectory(prefix="filmsite-load-") as tmp_dir:
        tmp = Path(tmp_dir)
        settings_dict = connection.settings_dict
        scratch = f"{settings_dict['NAME']}_load_bench"
        if connection.vendor == "sqlite":
            scratch = str(tmp / "load.sqlite3")
        settings_dict.setdefault("TEST", {})["NAME"] = scratch
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        gunicorn = None
        try:
            if connection.vendor == "postgresql":
                s = settings_dict
                database_url = (
                    f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or 'localhost'}:"
                    f"{s['PORT'] or 5432}/{s['NAME']}"
                )
            else:
                database_url = f"sqlite:///{scratch}"
            env = {
                **os.environ,
                "DATABASE_URL": database_url,
                "DJANGO_DEBUG": "false",
                "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
                "DJANGO_SECURE_SSL_REDIRECT": "false",
                "DJANGO_MEDIA_ROOT": str(tmp / "media"),
                "DJANGO_STATIC_ROOT": str(tmp / "static"),
            }
            os.environ["DJANGO_MEDIA_ROOT"] = env["DJANGO_MEDIA_ROOT"]
            call_command("load_demo", password=secrets.token_urlsafe(12), stdout=io.StringIO())
            subprocess.run(
                [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
                env=env,
                check=True,
            )
            port = free_port()
            gunicorn = subprocess.Popen(
                [
                    *(sys.executable, "-m", "gunicorn", "filmsite.wsgi"),
                    *("--workers", str(args.workers), "--bind", f"127.0.0.1:{port}"),
                    *("--log-level", "warning", "--timeout", "30"),
                ],
                cwd=ROOT,
                env=env,
            )
            if not wait_until_up(port, time.monotonic() + 30):
                raise SystemExit("gunicorn did not come up within 30 s")

            from people.models import Person
            from reviews.models import Article, Film

            urls = ["/", "/films/", "/search/?q=salt", "/feed/", "/sitemap.xml", "/healthz"]
            urls += [a.get_absolute_url() for a in Article.objects.published()]
            urls += [f.get_absolute_url() for f in Film.objects.all()]
            urls += [p.get_absolute_url() for p in Person.objects.all()[:10]]
            editor = Editor(corpus)

            tally = run_load(port, urls, args.seconds, args.readers, editor)
            lost = editor.lost(port)
            load_ok = tally.server_errors == 0 and not lost and not tally.leaks
            ok &= load_ok
            report += [
                f"## Load: {args.readers} readers and one editor, {args.seconds:.0f} s",
                "",
                "| Requests | req/s | 5xx | Other errors | Edits | Published | Lost | Result |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |",
                f"| {tally.requests:,} | {tally.requests / args.seconds:.0f} | "
                f"{tally.server_errors} | {sum(tally.errors.values())} | {editor.edits} | "
                f"{len(editor.published)} | {len(lost)} | {'pass' if load_ok else 'FAIL'} |",
                "",
            ]

            if args.restart_postgres:
                report += restart_phase(args, port, urls, editor, connection)
                ok &= "FAIL" not in report[-2]

            result = killed_import(env, tmp / "texts", corpus, args.import_texts)
            import_ok = result["killed"] and result["new_articles"] and not result["half_written"]
            ok &= bool(import_ok)
            report += [
                "## Import killed mid-way (SIGKILL)",
                "",
                "| Texts | Whole articles in the DB after the kill | Half-written | Result |",
                "| --- | --- | --- | --- |",
                f"| {result['texts']} | {result['new_articles']} | "
                f"{len(result['half_written'])} | {'pass' if import_ok else 'FAIL'} |",
                "",
            ]
        finally:
            if gunicorn is not None:
                gunicorn.terminate()
                gunicorn.wait(timeout=30)
            connection.close()
            connection.creation.destroy_test_db(old_name, verbosity=0)

    engine = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[connection.vendor]
    print(
        f"# Load and faults: {engine}, gunicorn {args.workers} workers, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    print("\n".join(report))
    print(f"**{'All checks passed.' if ok else 'Some checks FAILED.'}**")
    return 0 if ok else 1


def restart_phase(args, port, urls, editor, connection) -> list[str]:
    if connection.vendor != "postgresql" or os.geteuid() != 0:
        return ["## PostgreSQL restart: skipped (needs root and PostgreSQL)", "", ""]
    timings: dict[str, float] = {}

    def on_tick(elapsed: float) -> None:
        if elapsed > 5 and "restarted" not in timings:
            timings["started"] = time.monotonic()
            subprocess.run(["service", "postgresql", "restart"], check=True, capture_output=True)
            timings["restarted"] = time.monotonic()
            wait_until_up(port, time.monotonic() + 60)
            timings["answering"] = time.monotonic()

    edits_before, published_before = editor.edits, len(editor.published)
    tally = run_load(port, urls, args.restart_seconds, args.readers, editor, on_tick)
    lost = editor.lost(port)
    recovered = timings.get("answering", 0) - timings.get("restarted", 0)
    down = timings.get("answering", 0) - timings.get("started", 0)
    # 5xx are expected while the server is down; none may leak a traceback, none may follow.
    late_5xx = tally.last_5xx_at > timings.get("answering", 0) + 1
    restart_ok = "answering" in timings and not tally.leaks and not lost and not late_5xx
    return [
        f"## PostgreSQL restarted mid-load ({args.restart_seconds:.0f} s of load)",
        "",
        "| Requests | 5xx while down | 500 pages with a traceback | Restart took | Answering "
        "again after restart | Editor retries | Edits / published | Lost | Result |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        f"| {tally.requests:,} | {tally.server_errors} | {tally.leaks} | "
        f"{timings.get('restarted', 0) - timings.get('started', 0):.1f} s | {recovered:.1f} s "
        f"({down:.1f} s from the restart command) | {sum(editor.failures.values())} | "
        f"{editor.edits - edits_before} / {len(editor.published) - published_before} | "
        f"{len(lost)} | {'pass' if restart_ok else 'FAIL'} |",
        "",
    ]


if __name__ == "__main__":
    sys.exit(main())
