"""Deep pages: each paginated list's first page against the page 2,000 steps in, in-process.

    DJANGO_DEBUG=true DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/filmsite_scale \\
        .venv/bin/python bench/deep_pages.py [--runs 15] [--steps 2000]

The database (a `generate_corpus` archive) is opened read-only: PostgreSQL sessions are
`default_transaction_read_only`, SQLite is opened with `mode=ro`. The deep page's cursor is
computed by one query (the row at position steps x 20 in the list's order), not by following
2,000 links; a list shorter than that is measured at its last page, and the table says how deep
that was. Pages are fetched with the test client with the page cache left out, so every
request renders. Prints a Markdown table: median ms of page 1 and of the deep page, their
ratio, and the SQL queries of each; then, for reference, what the old OFFSET paginator's query
alone costs at the same depth.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filmsite.settings")
os.environ.setdefault("DJANGO_DEBUG", "true")

PER_PAGE = 20
PLAIN_STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"


@dataclass(frozen=True)
class DeepList:
    label: str
    url: str
    queryset: object  # the list's rows, filtered as the view filters them
    key: object  # filmsite.pagination.Key
    params: dict


def read_only_database() -> None:
    """Open the configured database so that nothing this script runs can write to it."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        options = database.setdefault("OPTIONS", {})
        options["options"] = "-c default_transaction_read_only=on"
    elif database["ENGINE"].endswith("sqlite3"):
        database["NAME"] = f"file:{database['NAME']}?mode=ro"
        database["OPTIONS"] = {"uri": True}  # no WAL pragma: it would write


def lists() -> list[DeepList]:
    from django.db.models import Count, Q
    from django.urls import reverse
    from taggit.models import Tag

    from people.models import Person
    from reviews.models import (
        ARTICLES_NEWEST_FIRST,
        Article,
        Author,
        Country,
        Film,
        Genre,
        Language,
    )
    from reviews.views import FILM_SORTS

    published = Article.objects.published()
    found = [
        DeepList("Home archive", reverse("reviews:home"), published, ARTICLES_NEWEST_FIRST, {})
    ]
    author = (
        Author.objects.annotate(n=Count("articles", filter=Q(articles__in=published)))
        .order_by("-n", "pk")
        .first()
    )
    if author:
        rows = published.filter(author=author)
        found.append(
            DeepList("Critic page", author.get_absolute_url(), rows, ARTICLES_NEWEST_FIRST, {})
        )
    tag = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).order_by("-n", "pk").first()
    if tag:
        rows = published.filter(tags=tag)
        url = reverse("reviews:tag_detail", args=[tag.slug])
        found.append(DeepList("Theme page", url, rows, ARTICLES_NEWEST_FIRST, {}))
    film = Film.objects.annotate(n=Count("articles")).order_by("-n", "pk").first()
    if film:
        rows = published.filter(films=film)
        found.append(
            DeepList(
                "Film page's articles", film.get_absolute_url(), rows, ARTICLES_NEWEST_FIRST, {}
            )
        )
    person = Person.objects.annotate(n=Count("credits")).order_by("-n", "pk").first()
    if person:
        film_ids = set(person.credits.values_list("film_id", flat=True))
        rows = published.filter(films__in=film_ids).distinct()
        found.append(
            DeepList(
                "Person page's articles", person.get_absolute_url(), rows, ARTICLES_NEWEST_FIRST, {}
            )
        )
    films = Film.objects.all()
    filters: list[tuple[str, dict, object]] = [("no filter", {}, films)]
    for model, param, field in [
        (Genre, "genre", "genres"),
        (Country, "country", "countries"),
        (Language, "language", "languages"),
    ]:
        term = model.objects.annotate(n=Count("films")).order_by("-n", "pk").first()
        if term:
            filters.append(
                (param, {param: term.slug}, films.filter(**{f"{field}__slug": term.slug}))
            )
    film_tag = (
        Tag.objects.filter(taggit_taggeditem_items__content_type__model="film")
        .annotate(n=Count("taggit_taggeditem_items"))
        .order_by("-n", "pk")
        .first()
    )
    if film_tag:
        filters.append(("theme", {"theme": film_tag.slug}, films.filter(tags__slug=film_tag.slug)))
    filters.append(("decade 1990", {"decade": "1990"}, films.filter(year__gte=1990, year__lt=2000)))
    filters.append(("reviewed", {"reviewed": "1"}, films.reviewed()))
    for sort, (_, key) in FILM_SORTS.items():
        for name, params, rows in filters:
            label = f"Film index, {name}, sort {sort}"
            found.append(
                DeepList(label, reverse("reviews:film_list"), rows, key, {**params, "sort": sort})
            )
    return found


def deep_cursor(item: DeepList, steps: int) -> tuple[str | None, int]:
    """The cursor of the page `steps` pages in (or the last page), and how deep that is."""
    from filmsite.pagination import AFTER, encode_cursor

    total = item.queryset.count()
    pages = max(1, -(-total // PER_PAGE))
    depth = min(steps, pages - 1)
    if depth < 1:
        return None, 0
    ordered = item.queryset.order_by(*item.key.order_by(item.queryset.model))
    values = list(ordered.values_list(*item.key.names)[depth * PER_PAGE - 1])
    return encode_cursor(item.key, values, AFTER), depth


def timed(client, url: str, params: dict, runs: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):  # warm-up: templates compiled, connection open
        assert client.get(url, params).status_code == 200, (url, params)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url, params)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    return statistics.median(times), len(queries)


def offset_query_ms(item: DeepList, depth: int, runs: int) -> float:
    """The old paginator's page query alone (OFFSET depth x 20), without its COUNT(*)."""
    ordered = item.queryset.order_by(*item.key.order_by(item.queryset.model))
    times = []
    for _ in range(max(3, runs // 3)):
        start = time.perf_counter()
        list(ordered.values_list("pk", flat=True)[depth * PER_PAGE : (depth + 1) * PER_PAGE])
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--only", help="measure lists whose label contains this text")
    args = parser.parse_args()

    import django

    django.setup()
    read_only_database()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()  # the test client's host, and template contexts on responses
    middleware = [m for m in settings.MIDDLEWARE if "cache" not in m.lower()]
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": PLAIN_STATIC}}  # no manifest
    vendor = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}[connection.vendor]
    print(f"\n### Deep pages on {vendor} ({args.runs} runs each, median ms, in-process)\n")
    print(
        "| List | Deep page | Page 1 ms | Deep ms | Ratio | Queries p1 / deep | OFFSET query ms |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    with override_settings(MIDDLEWARE=middleware, DEBUG=False, STORAGES=storages):
        client = Client()
        for item in lists():
            if args.only and args.only not in item.label:
                continue
            cursor, depth = deep_cursor(item, args.steps)
            first_ms, first_q = timed(client, item.url, item.params, args.runs)
            if cursor is None:
                print(f"| {item.label} | one page | {first_ms:.1f} | – | – | {first_q} | – |")
                continue
            deep_ms, deep_q = timed(client, item.url, {**item.params, "after": cursor}, args.runs)
            old_ms = offset_query_ms(item, depth, args.runs)
            print(
                f"| {item.label} | {depth + 1:,} | {first_ms:.1f} | {deep_ms:.1f} "
                f"| {deep_ms / first_ms:.2f} | {first_q} / {deep_q} | {old_ms:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
