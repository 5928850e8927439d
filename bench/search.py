"""Search latency on a real archive: ~50 fixed queries of every sort, through the search page.

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/filmsite_scale \\
        .venv/bin/python bench/search.py [--repeats 5] [--explain 3]
    DATABASE_URL=sqlite:////work/scale.sqlite3 .venv/bin/python bench/search.py

Read-only: it only runs SELECTs (and EXPLAIN ANALYZE of SELECTs) on the configured database, which
should hold a `generate_corpus` archive. The queries are picked from the corpus vocabulary
(fakes/vocabulary.py) and, for names and titles, from the database in primary-key order with a
fixed seed, so two corpora generated with the same seed get the same queries. Each query is
requested through Django's test client on /search/?q=... with DEBUG off (the view, the engine, the
template, the pagination count and the snippets), then the bare engine calls are timed one by one.
Prints Markdown tables: per query class, p50/p95/max of the whole request and queries per request;
per engine call; and, with --explain N, EXPLAIN ANALYZE of the N slowest statements.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.inprocess import PLAIN_STORAGES, setup_django  # noqa: E402

setup_django()

from django.core.paginator import Paginator  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from fakes import vocabulary  # noqa: E402
from people.models import Person  # noqa: E402
from reviews.models import Article, Author, Film  # noqa: E402
from sitesearch import api as search_engine  # noqa: E402

PAGE_SIZE = 20
SIDE_RESULTS = 8
SPOILER_ONLY = ["twist", "burns", "staged", "brother"]  # only in vocabulary.SPOILER_SENTENCES
NO_MATCH = ["xylophone", "qqzzyx", "the"]  # "the" is a stop word: an empty tsquery
KNOWN = {
    w.lower()
    for w in [*vocabulary.ADJECTIVES, *vocabulary.NOUNS, *vocabulary.ABSTRACTS, *vocabulary.SEASONS]
    + ["the", "of", "a", "in", "after", "night", "trilogy", "cycle"]
}


def typo(word: str, rng: random.Random) -> str:
    """Swap two neighbouring letters inside the word (never the first)."""
    if len(word) < 4:
        return word + word[-1]
    i = rng.randint(1, len(word) - 3)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def nth(queryset, fraction: float):
    """The row at a fixed fraction of the table in primary-key order (same on both engines)."""
    count = queryset.count()
    return queryset.order_by("pk")[int(count * fraction)] if count else None


def pick_queries(seed: int) -> list[tuple[str, str, int]]:
    """(class, query, page) triples: the same for any corpus made with the same seed."""
    rng = random.Random(seed)
    queries: list[tuple[str, str, int]] = []
    common = [*rng.sample(vocabulary.NOUNS, 3), *rng.sample(vocabulary.ABSTRACTS, 3)]
    common += [rng.choice(vocabulary.ADJECTIVES), "film"]
    queries += [("common word", w, 1) for w in common]
    queries += [("page 2+", rng.choice(vocabulary.ABSTRACTS), page) for page in (2, 10, 50)]
    phrases = [rng.choice(vocabulary.CRAFT) for _ in range(3)]
    phrases += [
        f"{rng.choice(vocabulary.ADJECTIVES)} {rng.choice(vocabulary.NOUNS)}" for _ in range(3)
    ]
    queries += [("two words", p, 1) for p in phrases]
    rare: list[str] = []
    titles: list[str] = []
    names: list[str] = []
    films = Film.objects.all()
    for _ in range(60):
        if len(rare) >= 6 and len(titles) >= 6:
            break
        film = nth(films, rng.random())
        if film is None:
            break
        if len(titles) < 6:
            titles.append(film.title)
        invented = [
            w for w in search_engine.terms(film.title) if w.lower() not in KNOWN and len(w) > 4
        ]
        if invented and len(rare) < 6:
            rare.append(invented[0].lower())
    people = Person.objects.all()
    for _ in range(6):
        person = nth(people, rng.random())
        if person is not None:
            names.append(person.name)
    critics = [a.name for a in (nth(Author.objects.all(), rng.random()) for _ in range(3)) if a]
    queries += [("rare word", w, 1) for w in rare]
    queries += [("film title", t, 1) for t in titles[:4]]
    queries += [("person name", n, 1) for n in names[:3]]
    queries += [("critic name", n, 1) for n in critics]
    queries += [("title typo", " ".join(typo(w, rng) for w in t.split()), 1) for t in titles[4:6]]
    queries += [
        ("title typo", typo(max(search_engine.terms(t), key=len), rng), 1) for t in titles[:2]
    ]
    queries += [("name typo", " ".join(typo(w, rng) for w in n.split()), 1) for n in names[3:6]]
    queries += [("spoiler-only word", w, 1) for w in SPOILER_ONLY]
    queries += [("no match", w, 1) for w in NO_MATCH]
    return queries


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def engine_calls(query: str, page: int) -> dict[str, Callable[[], object]]:
    """The view's work, call by call (the view itself may bound or reshape it)."""

    def article_page():
        return list(Paginator(search_engine.articles(query), PAGE_SIZE).get_page(page))

    def article_count():
        return Paginator(search_engine.articles(query), PAGE_SIZE).count

    return {
        "articles: page": article_page,
        "articles: count": article_count,
        "films": lambda: list(search_engine.films(query)[:SIDE_RESULTS]),
        "people": lambda: list(search_engine.people(query)[:SIDE_RESULTS]),
    }


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per query")
    parser.add_argument("--seed", type=int, default=7, help="which queries")
    parser.add_argument("--explain", type=int, default=0, help="EXPLAIN the N slowest SQL")
    parser.add_argument("--list", action="store_true", help="print every query's timings")
    args = parser.parse_args()

    queries = pick_queries(args.seed)
    client = Client()
    articles = Article.objects.count()
    print(
        f"{connection.vendor}, {articles:,} articles, {len(queries)} queries x {args.repeats} "
        f"runs, Python {platform.python_version()}, {os.cpu_count()} CPUs\n"
    )

    view_times: dict[str, list[float]] = defaultdict(list)
    per_query: list[tuple[float, str, str, int, int]] = []
    query_counts: dict[str, set[int]] = defaultdict(set)
    statements: list[tuple[float, str, str]] = []  # seconds, query, sql
    call_times: dict[str, list[float]] = defaultdict(list)

    # No page cache in the way, whatever the settings say: this measures the search itself.
    # Plain static storage: no collectstatic manifest needed to render the page.
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}},
        STORAGES=PLAIN_STORAGES,
    ):
        for kind, query, page in queries:
            params = {"q": query} | ({"page": page} if page > 1 else {})
            url = "/search/?" + urlencode(params)
            with CaptureQueriesContext(connection) as captured:  # warm-up, counted
                response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
            count = len(captured)
            query_counts[kind].add(count)
            for statement in captured.captured_queries:
                statements.append((float(statement["time"]), query, statement["sql"]))
            runs = []
            for _ in range(args.repeats):
                started = time.perf_counter()
                client.get(url)
                runs.append(time.perf_counter() - started)
            view_times[kind] += runs
            per_query.append((max(runs), kind, query, page, count))
            for name, call in engine_calls(query, page).items():
                call()
                for _ in range(args.repeats):
                    started = time.perf_counter()
                    call()
                    call_times[name].append(time.perf_counter() - started)

    everything = [t for runs in view_times.values() for t in runs]
    print("Query class | queries | runs | p50 ms | p95 ms | max ms | SQL per request")
    print("--- | ---: | ---: | ---: | ---: | ---: | ---:")
    for kind, runs in view_times.items():
        n = sum(1 for k, *_ in queries if k == kind)
        counts = "/".join(str(c) for c in sorted(query_counts[kind]))
        print(
            f"{kind} | {n} | {len(runs)} | {ms(percentile(runs, 0.5))} | "
            f"{ms(percentile(runs, 0.95))} | {ms(max(runs))} | {counts}"
        )
    all_counts = "/".join(str(c) for c in sorted(set().union(*query_counts.values())))
    print(
        f"**all** | {len(queries)} | {len(everything)} | {ms(percentile(everything, 0.5))} | "
        f"**{ms(percentile(everything, 0.95))}** | {ms(max(everything))} | {all_counts}\n"
    )

    print("Engine call (bare) | p50 ms | p95 ms | max ms")
    print("--- | ---: | ---: | ---:")
    for name, runs in call_times.items():
        print(
            f"{name} | {ms(percentile(runs, 0.5))} | {ms(percentile(runs, 0.95))} | {ms(max(runs))}"
        )

    per_query.sort(reverse=True)
    shown = per_query if args.list else per_query[:8]
    print(f"\n{'Every' if args.list else 'Slowest'} query | class | page | max ms | SQL")
    print("--- | --- | ---: | ---: | ---:")
    for worst, kind, query, page, count in shown:
        print(f"`{query}` | {kind} | {page} | {ms(worst)} | {count}")

    if args.explain:
        statements.sort(key=lambda s: s[0], reverse=True)
        for seconds, query, sql in statements[: args.explain]:
            print(f"\n### {ms(seconds)} ms for `{query}`\n\n```sql\n{sql}\n```\n\n```")
            print(explain(sql))
            print("```")


if __name__ == "__main__":
    main()
