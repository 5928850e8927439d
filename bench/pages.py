"""Page benchmark: the site under gunicorn on loopback, one URL at a time, cold and cached.

    .venv/bin/python bench/pages.py --database-url postgres://postgres:postgres@127.0.0.1:5432/filmsite_scale
        [--duration 10] [--warmup 2] [--concurrency 4] [--pages article film ...]
        [--modes cold cached] [--loadgen auto|wrk|python] [--cache auto|locmem|redis]
        [--worker-class sync|gthread] [--import] [--out FILE.md]

The database should hold a `generate_corpus` archive; it is only read. gunicorn serves it with
2 workers, DEBUG off, on 127.0.0.1 and a free port, once with the page cache off (cold) and once
with it on (cached). Each URL is loaded for --duration seconds after --warmup seconds at
--concurrency connections; the SQL queries of each page are counted in this process with the
test client, not under load. Prints Markdown tables (and writes them to --out); any non-2xx
answer or socket error makes the run fail. See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import loadgen, report  # noqa: E402
from bench.server import Gunicorn, Redis, get, rss_mib  # noqa: E402

MODES = ("cold", "cached")
# What bench/page_urls.py can pick from the corpus, in the table's order.
PAGE_LABELS = {
    "article": "Article, most sections",
    "film": "Film, most credits",
    "person": "Person, most credits",
    "character": "Character, most credits",
    "critic": "Critic, most articles",
    "theme": "Theme, most items",
    "films": "Film index, genre + sort",
    "home": "Home",
    "archive": "Home archive, deep page",
    "feed": "RSS feed",
    "sitemap": "Sitemap index",
    "sitemap-section": "Sitemap section (articles)",
    "search-common": "Search, common word",
    "search-rare": "Search, rare word",
}
PAGE_TARGETS = ("article", "film", "person")  # the targets for uncached pages
TARGET_RPS, TARGET_P99_MS, TARGET_QUERIES = 300, 50, 12
SEARCH_P95_MS = {"PostgreSQL": 50, "SQLite": 150}
TARGET_IMPORT_RATE, TARGET_RSS_MB = 50, 200


@dataclass
class Measured:
    key: str
    label: str
    url: str
    result: loadgen.LoadResult
    queries: int | None = None
    sql_ms: float | None = None  # in its queries, for one request alone


@dataclass
class ModeRun:
    mode: str
    rows: list[Measured] = field(default_factory=list)
    trivial: list[loadgen.LoadResult] = field(default_factory=list)
    rss: list[tuple[int, float, float]] = field(default_factory=list)  # pid, RSS MB, peak MB
    trivial_profile: tuple[int, float] = (1, 0.0)  # its queries and their ms
    note: str = ""

    @property
    def trivial_rps(self) -> float | None:
        done = [r.rps for r in self.trivial if r.requests]
        return sum(done) / len(done) if done else None

    def ratio(self, result: loadgen.LoadResult) -> float | None:
        return result.rps / self.trivial_rps if self.trivial_rps else None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="The corpus, e.g. postgres://...")
    parser.add_argument("--duration", type=float, default=10, help="Seconds per URL (10).")
    parser.add_argument("--warmup", type=float, default=2, help="Unmeasured seconds first (2).")
    parser.add_argument("--concurrency", type=int, default=4, help="Connections (4).")
    parser.add_argument("--pages", nargs="+", choices=list(PAGE_LABELS), default=list(PAGE_LABELS))
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2).")
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="sync")
    parser.add_argument(
        "--loadgen",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="auto: wrk if installed (installed with apt-get when root), else Python.",
    )
    parser.add_argument(
        "--cache",
        choices=["auto", "locmem", "redis"],
        default="auto",
        help="Cached run's backend. auto: a throwaway redis-server if the binary exists.",
    )
    parser.add_argument(
        "--import",
        dest="run_import",
        action="store_true",
        help="Also run bench/import_corpus.py (1,000 texts, a scratch database).",
    )
    parser.add_argument(
        "--import-database-url", help="Where to measure the import (--database-url)."
    )
    parser.add_argument("--out", type=Path, help="Also write the Markdown report here.")
    return parser.parse_args(argv)


def masked(url: str) -> str:
    """The URL without its password, for the report."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def command_line(argv: list[str]) -> str:
    words = [masked(word) if "://" in word else word for word in argv]
    return shlex.join([".venv/bin/python", "bench/pages.py", *words])


def choose_loadgen(wanted: str) -> tuple[str, str]:
    """(generator, a note for the report); installs wrk with apt-get when root and allowed."""
    if wanted == "python":
        return "python", ""
    if not loadgen.wrk_available() and os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: apt-get install -y wrk", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True)
    if loadgen.wrk_available():
        return "wrk", ""
    if wanted == "wrk":
        raise SystemExit("wrk is not installed: apt-get install wrk (Debian/Ubuntu)")
    note = "wrk not found (install it with `apt-get install wrk`): used the Python generator."
    print(note, file=sys.stderr)
    return "python", note


def choose_redis(wanted: str) -> Redis | None:
    """A throwaway redis-server for the cached run, or None for per-worker local memory."""
    if wanted == "redis" and not Redis.available():
        raise SystemExit("--cache redis: redis-server is not installed")
    if wanted == "redis" or (wanted == "auto" and Redis.available()):
        return Redis()
    return None


# PostgreSQL's planner settings for a database held in memory or on SSD, as docker-compose.yml
# runs its server: libpq passes them at connection (nothing changes on SQLite).
POSTGRES_OPTIONS = "-c random_page_cost=1.1"


def base_env(args: argparse.Namespace, tmp: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_LOG_LEVEL": "WARNING",
        # The page cache's generation file, private to this run (shared by its workers).
        "FILMSITE_PAGE_CACHE_GENERATION_FILE": str(tmp / "page-cache-generation"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "PGOPTIONS": POSTGRES_OPTIONS,
    }
    env.pop("REDIS_URL", None)
    env.pop("FILMSITE_PAGE_CACHE_SECONDS", None)
    return env


def load(generator: str, url: str, seconds: float, concurrency: int) -> loadgen.LoadResult:
    run = loadgen.run_wrk if generator == "wrk" else loadgen.run_python
    return run(url, duration=seconds, concurrency=concurrency)


def run_mode(
    mode: str,
    env: dict[str, str],
    pages: list,
    queries: dict[str, tuple[int, float]],
    args: argparse.Namespace,
    generator: str,
) -> ModeRun:
    from bench.page_urls import TRIVIAL

    run = ModeRun(mode, trivial_profile=tuple(queries[TRIVIAL.key]))
    with Gunicorn(env, workers=args.workers, worker_class=args.worker_class) as server:
        for page in [TRIVIAL, *pages]:  # every URL answers 200 before any load (and warms)
            for _ in range(args.workers):
                status, _ = get(server.port, page.url)
                if status != 200:
                    raise SystemExit(f"{mode}: {page.url} answered {status}, not 200")

        def measure(url: str) -> loadgen.LoadResult:
            if args.warmup > 0:
                load(generator, server.base_url + url, args.warmup, args.concurrency)
                server.drain()
            result = load(generator, server.base_url + url, args.duration, args.concurrency)
            server.drain()
            print(
                f"  {mode:6} {url[:60]:60} {result.rps:8.1f} req/s  p50 {result.p50_ms:6.1f} ms"
                f"  p99 {result.p99_ms:6.1f} ms  errors {result.errors}",
                file=sys.stderr,
            )
            return result

        run.trivial.append(measure(TRIVIAL.url))
        for page in pages:
            run.rows.append(
                Measured(page.key, page.label, page.url, measure(page.url), *queries[page.key])
            )
        run.trivial.append(measure(TRIVIAL.url))  # again: the machine may have changed
        for pid in server.worker_pids():
            rss, peak = rss_mib(pid)
            run.rss.append((pid, rss * 1.048576, peak * 1.048576))  # MiB -> MB
    return run


def run_import(database_url: str) -> tuple[float | None, str]:
    """(texts/s, the script's Markdown table) from bench/import_corpus.py, run as it is."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "true"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench/import_corpus.py")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("|")]
    text = "\n".join(lines) if lines else (done.stdout + done.stderr).strip()[-800:]
    row = lines[-1] if lines else text
    # The bold figure is the first import's throughput; older versions print it plain.
    match = re.search(r"\*\*([\d,.]+) texts/s\*\*", row) or re.search(r"([\d,.]+) texts/s", row)
    return (float(match[1].replace(",", "")) if match else None), text


def versions() -> dict[str, str]:
    import django
    import gunicorn
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    else:
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    return {
        "Django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "Database": database,
    }


def corpus_size() -> str:
    from people.models import Person
    from reviews.models import Article, Film

    return (
        f"{Article.objects.published().count():,} published articles, "
        f"{Film.objects.count():,} films, {Person.objects.count():,} people"
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    # Both run the finally blocks that stop gunicorn; SIGINT even when started in the background.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    load_before = report.load_average()
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="filmsite-pages-") as tmp_dir:
        env = base_env(args, Path(tmp_dir))
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
            env=env,
            check=True,
            cwd=ROOT,
        )
        # This process counts queries with the page cache off, under the same settings.
        os.environ.update({**env, "FILMSITE_PAGE_CACHE_SECONDS": "0"})
        import django

        django.setup()
        from django.conf import settings
        from django.db import connection

        from bench.page_urls import TRIVIAL, count_queries, pick

        pages = pick({key: PAGE_LABELS[key] for key in PAGE_LABELS if key in args.pages})
        queries = {}
        for page in [TRIVIAL, *pages]:
            status, *queries[page.key] = count_queries(page.url)
            if status != 200:
                raise SystemExit(f"{page.url} answered {status} to the test client, not 200")
        database = versions()
        size = corpus_size()
        connection.close()
        # The anonymous page cache (filmsite/cache.py) may not exist on an older checkout.
        has_cache = hasattr(settings, "FILMSITE_PAGE_CACHE_SECONDS")

        generator, generator_note = choose_loadgen(args.loadgen)
        redis = choose_redis(args.cache) if has_cache and "cached" in args.modes else None

        runs: list[ModeRun] = []
        for mode in args.modes:
            mode_env = {**env}
            if mode == "cold":
                mode_env["FILMSITE_PAGE_CACHE_SECONDS"] = "0"
            elif not has_cache:
                runs.append(ModeRun(mode, note="N/A: the site has no page cache yet."))
                continue
            print(f"{mode}: {len(pages) + 2} runs of {args.duration:g} s", file=sys.stderr)
            if mode == "cached" and redis is not None:
                with redis:
                    mode_env["REDIS_URL"] = redis.url
                    runs.append(run_mode(mode, mode_env, pages, queries, args, generator))
            else:
                runs.append(run_mode(mode, mode_env, pages, queries, args, generator))
        if redis is not None:
            cache_backend = f"Redis {redis.version()} (throwaway redis-server)"
        else:
            cache_backend = "local memory (one cache per worker)"

    import_result = None
    if args.run_import:
        print("import: bench/import_corpus.py", file=sys.stderr)
        import_result = run_import(args.import_database_url or args.database_url)

    context = {
        "command": command_line(argv),
        "database": database,
        "size": size,
        "generator": generator,
        "generator_note": generator_note,
        "cache_backend": cache_backend if has_cache else "none (the site has no page cache yet)",
        "load_before": load_before,
        "load_after": report.load_average(),
        "minutes": (time.time() - started) / 60,
    }
    text = render(args, runs, import_result, context)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    failed = [
        (run.mode, row.url, row.result)
        for run in runs
        for row in [*run.rows, *(Measured("trivial", "", r.url, r) for r in run.trivial)]
        if row.result.errors or not row.result.requests
    ]
    for mode, url, result in failed:
        print(
            f"FAILED: {mode} {url}: {result.non2xx} non-2xx (first {result.first_bad_status}), "
            f"{result.socket_errors} socket errors, {result.timeouts} timeouts, "
            f"{result.requests} requests completed",
            file=sys.stderr,
        )
    return 1 if failed else 0


def page_rows(run: ModeRun) -> list[list[object]]:
    def row(label: str, url: str, result: loadgen.LoadResult, profile: tuple, ratio):
        queries, sql_ms = profile
        return [
            label,
            f"`{url}`",
            report.rate(result.rps),
            report.ms(result.p50_ms),
            report.ms(result.p99_ms),
            queries,
            f"{sql_ms:.0f}",  # Django records query times to the millisecond
            report.ratio(ratio),
            result.errors if result.requests else "none completed",
        ]

    trivial = [
        row(f"Trivial view ({when})", "/bench/trivial/", r, run.trivial_profile, run.ratio(r))
        for when, r in zip(("first", "last"), run.trivial, strict=False)
    ]
    pages = [
        row(m.label, m.url, m.result, (m.queries, m.sql_ms), run.ratio(m.result)) for m in run.rows
    ]
    return trivial[:1] + pages + trivial[1:]


def render(args, runs: list[ModeRun], import_result, context: dict) -> str:
    machine = report.machine()
    database = context["database"]
    generator = context["generator"]
    if generator == "wrk":
        generator = f"{loadgen.wrk_version()} (1 thread)"
    lines = [
        "# Page benchmark",
        "",
        f"- **Command:** `{context['command']}`",
        f"- **Machine:** {machine['CPU']}, {machine['RAM']} RAM, {machine['OS']}. Load average "
        f"(1/5/15 min): {context['load_before']} before, {context['load_after']} after.",
        f"- **Software:** Python {machine['Python']}, Django {database['Django']}, "
        f"{database['Database']}, gunicorn {database['gunicorn']} ({args.workers} "
        f"{args.worker_class} workers). PostgreSQL connections: `{POSTGRES_OPTIONS}`, "
        "as docker-compose.yml runs its server.",
        f"- **Corpus:** {context['size']}.",
        f"- **Load:** {generator} on loopback, {args.concurrency} connections, "
        f"{args.warmup:g} s warm-up then {args.duration:g} s per URL. "
        f"Page cache: {context['cache_backend']}. Took {context['minutes']:.1f} min.",
    ]
    if context["generator_note"]:
        lines.append(f"- **Note:** {context['generator_note']}")
    headers = ["Page", "URL", "req/s", "p50 ms", "p99 ms", "Queries", "SQL ms", "× trivial"]
    headers.append("Errors")
    for run in runs:
        cache = "off" if run.mode == "cold" else "on"
        lines += ["", f"## {run.mode.capitalize()} (page cache {cache})", ""]
        lines.append(run.note or report.table(headers, page_rows(run), right={2, 3, 4, 5, 6, 7, 8}))
    engine = database["Database"].split()[0]
    lines += render_search(runs, engine)
    lines += render_rss(runs)
    if import_result is not None:
        rate, row = import_result
        lines += ["", "## Import (bench/import_corpus.py, 1,000 texts)", "", row]
    lines += render_targets(runs, engine, import_result)
    return "\n".join(lines)


def render_search(runs: list[ModeRun], engine: str) -> list[str]:
    rows = [
        [
            f"{m.label} ({run.mode})",
            f"`{m.url}`",
            report.ms(m.result.p50_ms),
            report.ms(m.result.p95_ms),
            report.ms(m.result.p99_ms),
            m.queries,
        ]
        for run in runs
        for m in run.rows
        if m.key.startswith("search-")
    ]
    if not rows:
        return []
    target = SEARCH_P95_MS.get(engine)
    headers = ["Search", "URL", "p50 ms", "p95 ms", "p99 ms", "Queries"]
    return [
        "",
        f"## Search on {engine} (target: p95 under {target} ms)",
        "",
        report.table(headers, rows, right={2, 3, 4, 5}),
    ]


def render_rss(runs: list[ModeRun]) -> list[str]:
    rows = [
        [run.mode, pid, f"{rss:.0f}", f"{peak:.0f}"] for run in runs for pid, rss, peak in run.rss
    ]
    if not rows:
        return []
    headers = ["Run", "Worker pid", "RSS MB after the load", "Peak RSS MB"]
    return [
        "",
        f"## Worker memory (target: under {TARGET_RSS_MB} MB)",
        "",
        report.table(headers, rows, right={1, 2, 3}),
    ]


def render_targets(runs: list[ModeRun], engine: str, import_result) -> list[str]:
    """The issue's targets beside what this run measured."""
    rows: list[list[object]] = []

    def add(target: str, measured: str, met: bool | None) -> None:
        rows.append([target, measured, {True: "met", False: "**missed**", None: "N/A"}[met]])

    by_mode = {run.mode: run for run in runs}
    cold = by_mode.get("cold")
    where = "" if engine == "PostgreSQL" else f" (the target is for PostgreSQL; this is {engine})"
    if cold and cold.rows:
        main = [m for m in cold.rows if m.key in PAGE_TARGETS]
        if main:
            names = ", ".join(m.key for m in main)
            add(
                f"Cold {names}: ≥ {TARGET_RPS} req/s{where}",
                ", ".join(report.rate(m.result.rps) for m in main),  # 0 when none completed
                all(m.result.rps >= TARGET_RPS for m in main),
            )
            add(
                f"Cold {names}: p99 < {TARGET_P99_MS} ms at concurrency 4",
                ", ".join(
                    report.ms(m.result.p99_ms) if m.result.requests else "none completed"
                    for m in main
                ),
                all(m.result.requests and m.result.p99_ms < TARGET_P99_MS for m in main),
            )
        over = [f"{m.key} {m.queries}" for m in cold.rows if (m.queries or 0) > TARGET_QUERIES]
        add(
            f"At most {TARGET_QUERIES} queries per page",
            "over: " + ", ".join(over) if over else f"max {max(m.queries or 0 for m in cold.rows)}",
            not over,
        )
    cached = by_mode.get("cached")
    if cached and cached.rows:
        ratios = {m.key: cached.ratio(m.result) or 0 for m in cached.rows}
        below = [f"{key} {value:.2f}×" for key, value in ratios.items() if value < 1]
        add(
            "Cached pages at or above the trivial view",
            "below: " + ", ".join(below) if below else f"min {min(ratios.values()):.2f}×",
            not below,
        )
    elif cached:
        add("Cached pages at or above the trivial view", cached.note, None)
    target = SEARCH_P95_MS.get(engine)
    searches = [m for run in runs for m in run.rows if m.key.startswith("search-")]
    if searches and target:
        worst = max(m.result.p95_ms if m.result.requests else float("inf") for m in searches)
        add(f"Search p95 < {target} ms on {engine}", f"worst {worst:.1f} ms", worst < target)
    if import_result is not None:
        rate = import_result[0]
        add(
            f"Import ≥ {TARGET_IMPORT_RATE} texts/s on SQLite",
            "no rate" if rate is None else f"{rate:.0f} texts/s",
            None if rate is None else rate >= TARGET_IMPORT_RATE,
        )
    rss = [value for run in runs for _, value, _ in run.rss]
    if rss:
        add(
            f"Worker RSS < {TARGET_RSS_MB} MB after the load",
            f"max {max(rss):.0f} MB",
            max(rss) < TARGET_RSS_MB,
        )
    if not rows:
        return []
    return ["", "## Targets (issue #7)", "", report.table(["Target", "Measured", ""], rows)]


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("Interrupted: gunicorn stopped, nothing measured was written.")
