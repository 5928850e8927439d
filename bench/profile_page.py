"""Where an uncached page's time goes: SQL, template and the rest, in process, one page at a time.

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/filmsite_scale \\
        .venv/bin/python bench/profile_page.py /films/cold-shot-1928/ /people/pa-traisjellmost/
    DATABASE_URL=sqlite:////work/scale.sqlite3 .venv/bin/python bench/profile_page.py / --profile

Read-only. Each path is requested through Django's test client with DEBUG off and the page
cache off, a few times to warm up, then `--requests` times. It prints a Markdown table of the
median milliseconds a request spends in all, in SQL (the database driver's execute and fetch),
in rendering the template (SQL run from inside the template excluded), and in the rest: the
view building querysets and model instances, middleware, the test client. With `--profile`,
cProfile's 25 most expensive functions (cumulative) follow for each page.

bench/pages.py measures throughput under gunicorn; this shows what a request is made of.
PostgreSQL gets the same connection options as the page benchmark (`-c random_page_cost=1.1`).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.inprocess import PLAIN_STORAGES, setup_django  # noqa: E402
from bench.pages import POSTGRES_OPTIONS  # noqa: E402

setup_django(
    FILMSITE_PAGE_CACHE_SECONDS="0",
    PGOPTIONS=os.environ.get("PGOPTIONS", POSTGRES_OPTIONS),
)

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from filmsite import templating  # noqa: E402

WARMUP = 5


class Clock:
    """Seconds spent in SQL and in template rendering, as a request runs."""

    def __init__(self) -> None:
        self.sql = self.template = self.sql_in_template = 0.0
        self.queries = 0
        self.rendering = False

    def execute(self, execute, sql, params, many, context):  # a connection.execute_wrapper
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - start
            self.queries += 1
            self.sql += spent
            if self.rendering:
                self.sql_in_template += spent

    def wrap_render(self, render):
        def timed(template, *args, **kwargs):
            start, self.rendering = time.perf_counter(), True
            try:
                return render(template, *args, **kwargs)
            finally:
                self.template += time.perf_counter() - start
                self.rendering = False

        return timed


def measure(client: Client, path: str, requests: int) -> dict[str, float]:
    for _ in range(WARMUP):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
    samples: dict[str, list[float]] = {"total": [], "sql": [], "template": [], "queries": []}
    for _ in range(requests):
        clock = Clock()
        render = templating.Template.render
        templating.Template.render = clock.wrap_render(render)
        try:
            with connection.execute_wrapper(clock.execute):
                start = time.perf_counter()
                client.get(path)
                total = time.perf_counter() - start
        finally:
            templating.Template.render = render
        samples["total"].append(total)
        samples["sql"].append(clock.sql)
        samples["template"].append(clock.template - clock.sql_in_template)
        samples["queries"].append(clock.queries)
    return {name: statistics.median(values) for name, values in samples.items()}


def profile(client: Client, path: str, requests: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(path)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="site paths, e.g. /films/some-film/")
    parser.add_argument("--requests", type=int, default=50, help="measured requests per page")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile summary")
    args = parser.parse_args()

    client = Client()
    rows, profiles = [], []
    with override_settings(STORAGES=PLAIN_STORAGES):
        for path in args.paths:
            median = measure(client, path, args.requests)
            ms = {key: median[key] * 1000 for key in ("total", "sql", "template")}
            rest = ms["total"] - ms["sql"] - ms["template"]
            rows.append(
                f"| `{path}` | {median['queries']:.0f} | {ms['total']:.1f} | {ms['sql']:.1f} "
                f"| {ms['template']:.1f} | {rest:.1f} |"
            )
            if args.profile:
                profiles.append(f"### `{path}`\n\n```\n{profile(client, path, 10)}```")
    vendor = connection.vendor
    print(f"Median of {args.requests} requests per page, in process, on {vendor}.\n")
    print("| Page | Queries | Total ms | SQL ms | Template ms | Rest ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    if profiles:
        print("\n" + "\n\n".join(profiles))


if __name__ == "__main__":
    main()
