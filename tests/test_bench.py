"""bench/pages.py: its helpers, and one short run against a tiny generated corpus.

The run uses the Python load generator for one second per URL, so it checks the harness (the
server starts and stops, every page answers, queries are counted, the tables are whole), never
speed.
"""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench import loadgen, report
from bench.pages import PAGE_LABELS, masked

ROOT = Path(__file__).resolve().parents[1]


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(100, 0, -1)]  # 100 .. 1, unsorted
    assert loadgen.percentile(values, 50) == 50
    assert loadgen.percentile(values, 99) == 99
    assert loadgen.percentile(values, 100) == 100
    assert loadgen.percentile([7.0], 99) == 7
    assert loadgen.percentile([], 50) == 0


def test_table_aligns_number_columns_right():
    text = report.table(["Page", "req/s"], [["Home", "1,234"], ["Feed", "56"]], right={1})
    assert text.splitlines() == [
        "| Page | req/s |",
        "| --- | ---: |",
        "| Home | 1,234 |",
        "| Feed | 56 |",
    ]


def test_masked_hides_only_the_password():
    url = "postgres://postgres:s3cret@127.0.0.1:5432/filmsite_scale"
    assert masked(url) == "postgres://postgres:***@127.0.0.1:5432/filmsite_scale"
    assert masked("sqlite:////work/scale.sqlite3") == "sqlite:////work/scale.sqlite3"


def test_every_page_label_has_a_finder():
    from bench.page_urls import FINDERS

    assert list(FINDERS) == list(PAGE_LABELS)


def test_import_corpus_texts_name_their_films_and_genres_from_the_shared_vocabulary():
    from bench.import_corpus import Corpus
    from fakes.vocabulary import GENRES, TITLE_ADJECTIVES, TITLE_NOUNS
    from importer.parse.document import parse_text

    corpus, genres = Corpus(seed=5), set()
    for index in range(70):  # each of the seven shapes ten times
        name, text = corpus.text(index)
        film = parse_text(text).film
        if name.endswith("-list.txt"):  # a ranked list is about no one film
            continue
        assert film is not None and film.year, name
        _, adjective, noun = film.title.split()
        assert adjective in TITLE_ADJECTIVES and noun in TITLE_NOUNS, name
        genres.update(film.genres)
    assert genres and genres <= set(GENRES)


def table_rows(markdown: str, heading: str) -> list[list[str]]:
    """The body rows of the table under `## heading`, as cells."""
    section = markdown.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def tiny_corpus(tmp_path: Path, *, articles: int, seed: int) -> str:
    """A migrated SQLite file with a generate_corpus archive; its DATABASE_URL."""
    database_url = f"sqlite:///{tmp_path / 'corpus.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "true"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        [*manage, "generate_corpus", "--articles", str(articles), "--seed", str(seed)],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    return database_url


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads worker RSS from /proc")
@pytest.mark.skipif(importlib.util.find_spec("gunicorn") is None, reason="gunicorn not installed")
def test_pages_run_on_a_tiny_corpus(tmp_path):
    database_url = tiny_corpus(tmp_path, articles=30, seed=2)
    out = tmp_path / "pages.md"
    command = [
        *(sys.executable, str(ROOT / "bench/pages.py"), "--database-url", database_url),
        *("--duration", "1", "--warmup", "0", "--loadgen", "python", "--cache", "locmem"),
        *("--pages", "search-rare", "--out", str(out)),
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]

    markdown = out.read_text()
    assert markdown.strip() == done.stdout.strip()
    assert "--loadgen python" in markdown and "SQLite" in markdown
    cold = table_rows(markdown, "Cold (page cache off)")
    assert [row[0] for row in cold] == [
        "Trivial view (first)",
        "Search, rare word",
        "Trivial view (last)",
    ]
    for page, _url, rps, p50, _p99, queries, sql_ms, ratio, errors in cold:
        assert float(p50) > 0, page
        assert errors == "0", page
        assert float(rps.replace(",", "")) > 0, page
        assert int(queries) >= 1, page
        assert float(sql_ms) >= 0, page
        assert re.fullmatch(r"\d+\.\d\d×", ratio), page
    assert cold[0][5] == "1"  # the trivial view's one query
    assert "/search/?q=" in cold[1][1]
    assert "## Search on SQLite" in markdown

    cached = markdown.split("## Cached (page cache on)", 1)[1].split("\n## ", 1)[0]
    if "N/A" not in cached:  # a checkout without the page cache reports N/A instead
        rows = table_rows(markdown, "Cached (page cache on)")
        assert [row[0] for row in rows] == [row[0] for row in cold]
        assert [row[8] for row in rows] == ["0"] * len(rows)
    rss = table_rows(markdown, "Worker memory")
    assert {row[0] for row in rss} >= {"cold"} and all(float(row[2]) > 0 for row in rss)
    assert "| At most 12 queries per page |" in markdown


def test_profile_page_splits_a_request_into_sql_template_and_the_rest(tmp_path):
    database_url = tiny_corpus(tmp_path, articles=20, seed=3)
    command = [sys.executable, str(ROOT / "bench/profile_page.py"), "/", "/films/", "--profile"]
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [*command, "--requests", "3"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "on sqlite" in done.stdout
    rows = table_rows("## Pages\n" + done.stdout.split("\n\n", 1)[1], "Pages")
    assert [row[0] for row in rows] == ["`/`", "`/films/`"]
    for _page, queries, total, sql, template, rest in rows:
        assert int(queries) >= 2
        assert float(total) > 0 and float(sql) > 0 and float(template) > 0
        assert abs(float(total) - float(sql) - float(template) - float(rest)) < 0.2
    assert done.stdout.count("function calls") == 2  # one cProfile summary per page
