"""Generate a corpus of invented critics' texts and measure import_texts throughput.

    DATABASE_URL=postgres://... .venv/bin/python bench/import_corpus.py [--count 1000] [--seed 5]

The texts (reviews, analyses with spoiler parts, synopses, Markdown essays with front matter and
ranked lists, in words from fakes/vocabulary.py) are written to a temporary folder, then
imported twice by the real command: once into an empty database, once again (every text
unchanged). The import runs in a scratch database made by Django's test-database machinery
(`test_<name>` on PostgreSQL, a temporary file on SQLite) and dropped afterwards: the configured
database's contents are never touched. It prints a Markdown table header and one row for
docs/importing.md: texts per second (wall clock, and per second of this process's CPU, which a
busy shared machine disturbs less) and queries per text. DEBUG's SQL log is off during the
imports, as in production.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script, bench/ is on the path but not the project

from fakes.vocabulary import (  # noqa: E402
    CINEMAS,
    FIRST_NAMES,
    GENRES,
    PLACES,
    SURNAMES,
    TITLE_ADJECTIVES,
    TITLE_NOUNS,
    WEEKDAYS,
)

RATINGS = ["★★★★☆", "★★★☆☆", "4/5", "3.5/5", "8/10", "Rating: 4.5/5", "4 out of 5 stars", ""]


class Corpus:
    """Deterministic, varied texts about a shared pool of invented films and people."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        pairs = [(a, n) for a in TITLE_ADJECTIVES for n in TITLE_NOUNS]
        self.random.shuffle(pairs)
        self.films = [
            (f"The {adjective} {noun}", self.random.randint(1950, 2024))
            for adjective, noun in pairs[:300]
        ]
        names = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
        self.random.shuffle(names)
        self.people = names[:400]
        self.characters = FIRST_NAMES[:]

    def person(self) -> str:
        return self.random.choice(self.people)

    def film(self) -> tuple[str, int]:
        return self.random.choice(self.films)

    def text(self, index: int) -> tuple[str, str]:
        """(file name, text) for the index-th text; its shape depends on the index."""
        shape = ("review", "analysis", "review", "synopsis", "markdown", "review", "list")[
            index % 7
        ]
        title, year = self.film()
        body = getattr(self, shape)(title, year, index)
        suffix = ".md" if shape == "markdown" else ".txt"
        return f"{index:04d}-{shape}{suffix}", body

    def seen(self, index: int) -> str:
        cinema, day = self.random.choice(CINEMAS), self.random.choice(WEEKDAYS)
        return f"It was screening {index + 1} of the season at the {cinema}, on a wet {day}."

    def review(self, title: str, year: int, index: int) -> str:
        pick = self.random
        director, writer, actor, other = (self.person() for _ in range(4))
        hero, rival = pick.sample(self.characters, 2)
        earlier, earlier_year = self.film()
        rating = pick.choice(RATINGS)
        header = pick.choice(
            [f"{title} review: {pick.choice(TITLE_NOUNS).lower()} and silence", ""]
        )
        paragraphs = [
            f"{title} ({year}) is set in {pick.choice(PLACES)}, and director {director} makes "
            f"the most of it. Co-written with {writer}, the film follows two people who owe "
            "each other more than either will admit.",
            f"{hero} ({actor}, quietly ferocious) is the one who plans; {rival}, played by "
            f"{other}, is the one who talks. Their arguments are the best scenes in the film.",
            f"The long takes and the weather recall {earlier} ({earlier_year}). "
            + self.seen(index),
            f"It is not a masterpiece, but it is patient and generous. {rating}".strip(),
        ]
        return "\n\n".join(([header] if header else []) + paragraphs) + "\n"

    def analysis(self, title: str, year: int, index: int) -> str:
        pick = self.random
        hero, rival = pick.sample(self.characters, 2)
        cast = [self.person() for _ in range(3)]
        genres = "/".join(pick.sample(GENRES, 3))
        return "\n".join(
            [
                f"{title} ({year}) Movie Ending Explained: What {hero} Leaves Behind",
                f"{self.person()}'s {title} ({year}) hides a family story inside a thriller. "
                "Below we recap the plot and explain the final shot.",
                "Share it",
                pick.choice(["Spoilers ahead", "SPOILER ALERT", "Spoiler warning"]),
                f"{title} ({year}) Plot Summary & Movie Synopsis:",
                f"Who is {hero}?",
                f"{hero} ({cast[0]}) keeps the ledger and plans every route. {self.seen(index)}",
                f"What role does {rival} play in the plan?",
                f"{rival} ({cast[1]}) drives, and talks too much in roadside bars.",
                f"{title} ({year}) Movie Ending Explained:",
                f"At the checkpoint {hero} lets {rival} take the blame and walks home alone. "
                "The last shot holds on footprints filling with water.",
                f"{title} ({year}) Movie Theme Analysed:",
                "Debts and Borders",
                "The film is about what we owe each other, and the landscape keeps the score.",
                f"{title} ({year}) Movie Cast: {', '.join(cast)}",
                f"{title} ({year}) Movie Runtime: 1h {pick.randint(20, 59)}m, Genre: {genres}",
                f"{title} ({year}) Movie Links: IMDb, Rotten Tomatoes",
                "Similar Posts",
                f"{self.film()[0]} Ending Explained",
                "Leave a Reply",
                "Your email address will not be published. Required fields are marked *",
            ]
        )

    def synopsis(self, title: str, year: int, index: int) -> str:
        pick = self.random
        hero, friend = pick.sample(self.characters, 2)
        return "\n\n".join(
            [
                f"{title} ({year}) follows {pick.choice(PLACES)} through one last autumn. "
                "This recap covers the whole story.",
                "Spoilers below",
                f"{title} ({year}) Plot Summary & Movie Synopsis:",
                f"Who is {hero}?",
                f"{hero} owns the business and the debts that come with it. {self.seen(index)}",
                f"Who is {friend}?",
                f"{friend} is fourteen, has no papers, and is kept out of sight.",
                "What happens on the last night?",
                "Everyone lights a lantern, the town comes anyway, and the lorries leave at dawn.",
            ]
        )

    def markdown(self, title: str, year: int, index: int) -> str:
        pick = self.random
        actor, hero = self.person(), pick.choice(self.characters)
        tags = ", ".join(pick.sample(["landscape", "borders", "family", "debt", "weather"], 2))
        return (
            "---\n"
            f'title: "Why {title} Belongs to Its Landscape ({index})"\n'
            f"film: {title} ({year})\n"
            "kind: essay\n"
            f"author: {pick.choice(self.people[:20])}\n"
            f"tags: [{tags}]\n"
            f"runtime: {pick.randint(80, 160)}\n"
            f"genres: [{', '.join(pick.sample(GENRES, 2))}]\n"
            "cast:\n"
            f"  - {actor} as {hero}\n"
            "---\n\n"
            "## The flats\n\n"
            f"The flats in {title} are a character in their own right. {self.seen(index)}\n\n"
            "## What the weather means\n\n"
            "The wind carries every sound across the border, so nobody keeps a secret.\n"
        )

    def list(self, title: str, year: int, index: int) -> str:
        entries = self.random.sample(self.films, 5)
        lines = [f"The 5 Best {self.random.choice(TITLE_NOUNS)} Films, Ranked ({index})", ""]
        lines += ["Five films worth a second look. " + self.seen(index), ""]
        for rank, (entry, entry_year) in enumerate(entries, start=1):
            lines += [f"{rank}. {entry} ({entry_year})", "", "A patient, generous film.", ""]
        return "\n".join(lines)

    def write(self, folder: Path, count: int) -> None:
        for index in range(count):
            name, text = self.text(index)
            (folder / name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filmsite.settings")
    os.environ.setdefault("DJANGO_DEBUG", "true")  # a local tool: no production secrets needed
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.DEBUG = False  # no SQL log: it costs time and memory a production import never pays

    with tempfile.TemporaryDirectory(prefix="filmsite-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        Corpus(args.seed).write(folder, args.count)
        # Its own scratch database, so a test run elsewhere on the same server is never dropped.
        scratch = f"{connection.settings_dict['NAME']}_import_bench"
        if connection.vendor == "sqlite":  # a file, not Django's in-memory test database
            scratch = str(Path(tmp) / "bench.sqlite3")
        connection.settings_dict.setdefault("TEST", {})["NAME"] = scratch
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            first = _timed_import(call_command, connection, folder)
            second = _timed_import(call_command, connection, folder)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    database = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(connection.vendor)
    version = ".".join(str(part) for part in connection.Database.sqlite_version_info) if (
        connection.vendor == "sqlite"
    ) else f"{connection.pg_version // 10000}"  # fmt: skip
    count = args.count
    totals = first.totals
    again = ", ".join(
        f"{second.totals[outcome]:,} {outcome}"
        for outcome in ("unchanged", "updated", "imported", "skipped", "failed")
        if second.totals.get(outcome)
    )
    print(
        "| Database | Texts | Result | First import | Throughput | CPU | Queries/text "
        "| Re-import | Machine |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    )
    print(
        f"| {database} {version} | {count:,} | {totals['imported']:,} imported, "
        f"{totals['failed']} failed | {first.seconds:.1f} s | **{count / first.seconds:.0f} "
        f"texts/s** | {count / first.cpu_seconds:.0f} texts/CPU-s | "
        f"{first.queries / count:.1f} | {again} in {second.seconds:.1f} s "
        f"({count / second.seconds:.0f} texts/s, {second.queries / count:.1f} queries/text) | "
        f"{platform.python_version()}, {os.cpu_count()} cores |"
    )


@dataclass
class Run:
    totals: dict[str, int]
    seconds: float  # wall clock
    cpu_seconds: float  # this process's CPU: Python, and SQLite's engine, which runs in-process
    queries: int


def _timed_import(call_command, connection, folder: Path) -> Run:
    out = io.StringIO()
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        with connection.execute_wrapper(count):
            call_command("import_texts", str(folder), "--report", "json", stdout=out)
    except Exception as exc:  # a failed text is a CommandError after the report is out
        print(f"import_texts: {exc}", file=sys.stderr)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return Run(json.loads(out.getvalue())["totals"], seconds, cpu_seconds, queries)


if __name__ == "__main__":
    main()
