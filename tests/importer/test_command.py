"""manage.py import_texts: paths, folders, globs and stdin; bad input; exit codes; reports."""

import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError

from people.models import Person
from reviews.models import Article, Film
from tests.importer.helpers import SAMPLES

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    """Captured output that claims to be a terminal, as the progress bar wants."""

    def isatty(self) -> bool:
        return True


def run(*args: str, stderr: io.StringIO | None = None) -> tuple[str, str]:
    out, err = io.StringIO(), stderr or io.StringIO()
    call_command("import_texts", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args: str) -> tuple[str, str, CommandError]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_texts", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), failure.value


def copy(names: list[str], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(SAMPLES / name, folder / name)) for name in names]


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    """A folder with texts at two depths and a file the importer must not touch."""
    copy(["review_salt_road.txt", "review_paper_moons.txt"], tmp_path / "texts")
    copy(["review_markdown_headings.md"], tmp_path / "texts" / "2024" / "march")
    shutil.copy(SAMPLES / "essay_front_matter.md", tmp_path / "texts" / "essay.markdown")
    (tmp_path / "texts" / "poster.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a text")
    return tmp_path / "texts"


# --- what to read ---------------------------------------------------------------------------


def test_one_file_prints_a_readable_summary(tmp_path):
    (path,) = copy(["review_salt_road.txt"], tmp_path)

    out, _ = run(str(path))

    assert f"{path}: imported" in out
    assert "review \u201cThe Salt Road review: a slow burn across the border\u201d" in out
    assert "draft" in out and "rating 4/5" in out
    assert "film      The Salt Road (2019): created" in out
    assert "credit    Ines Vale (created), actor as Ada: created" in out
    assert "section 3 verdict" in out
    assert out.rstrip().endswith("1 imported, 0 updated, 0 unchanged, 0 skipped, 0 failed.")
    assert Article.objects.count() == 1


def test_folder_is_read_recursively_for_text_and_markdown(texts):
    out, _ = run(str(texts))

    assert Article.objects.count() == 4
    assert "4 imported" in out
    assert "poster.jpg" not in out
    assert "2024/march/review_markdown_headings.md: imported" in out


def test_glob_pattern_is_expanded(texts):
    out, _ = run(str(texts / "*.txt"))

    assert Article.objects.count() == 2
    assert "review_paper_moons.txt: imported" in out and ".md:" not in out


def test_recursive_glob(texts):
    run(str(texts / "**" / "*.md"))

    assert list(Article.objects.values_list("kind", flat=True)) == ["review"]


def test_stdin(monkeypatch):
    data = (SAMPLES / "review_paper_moons.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    out, _ = run("-")

    assert "<stdin>: imported" in out
    assert Article.objects.get().title == "Paper Moons (2015) review"


def test_the_same_file_given_twice_is_imported_once(texts):
    out, _ = run(str(texts / "review_salt_road.txt"), str(texts))

    assert out.count("review_salt_road.txt: imported") == 1
    assert Article.objects.count() == 4


# --- options --------------------------------------------------------------------------------


def test_dry_run_saves_nothing(texts):
    out, _ = run(str(texts), "--dry-run")

    assert "would be imported" in out
    assert "Dry run, nothing saved: 4 imported, 0 updated" in out
    assert (Article.objects.count(), Film.objects.count(), Person.objects.count()) == (0, 0, 0)


def test_publish(tmp_path):
    (path,) = copy(["review_salt_road.txt"], tmp_path)

    run(str(path), "--publish")

    assert Article.objects.get().is_live


def test_film_hint_names_the_film(tmp_path):
    (path,) = copy(["no_film.txt"], tmp_path)

    out, _ = run(str(path), "--film", "Harbour Lights (2014)")

    film = Article.objects.get().films.get()
    assert (film.title, film.year) == ("Harbour Lights", 2014)
    assert "imported" in out


def test_reimport_reports_unchanged_and_duplicates_nothing(texts):
    run(str(texts))

    out, _ = run(str(texts))

    assert "0 imported, 0 updated, 4 unchanged" in out
    assert Article.objects.count() == 4


# --- bad input: named, nothing saved, the rest still imported ----------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"  \n\n", ": file is empty"),
        ("binary.txt", b"The Salt Road (2019)\x00\x00\x01\x02", ": file looks binary"),
        ("word.txt", b"PK\x03\x04 rest of a docx", ": this looks like a ZIP archive"),
        ("broken.txt", "Café (2019)\n".encode() + b"Bad \x81 (2019)\n", ", line 2: cannot decode"),
        ("nofilm.txt", (SAMPLES / "no_film.txt").read_bytes(), ": no film detectable"),
    ],
)
def test_bad_input_fails_naming_the_file(tmp_path, name, data, message):
    bad = tmp_path / name
    bad.write_bytes(data)
    (good,) = copy(["review_salt_road.txt"], tmp_path)

    out, err, failure = run_failing(str(bad), str(good))

    assert f"{bad}{message}" in err
    assert "1 of 2 text(s) failed" in str(failure)
    assert Article.objects.get().title.startswith("The Salt Road review")  # the other file
    assert "1 imported, 0 updated, 0 unchanged, 0 skipped, 1 failed" in out


def test_file_over_the_limit_is_refused(tmp_path):
    (path,) = copy(["review_salt_road.txt"], tmp_path)

    _, err, _ = run_failing(str(path), "--max-bytes", "100")

    assert "file is too large" in err and "the limit is 100 bytes" in err
    assert not Article.objects.exists()


def test_limit_defaults_to_the_setting(tmp_path, settings):
    settings.FILMSITE_IMPORT_MAX_BYTES = 100
    (path,) = copy(["review_salt_road.txt"], tmp_path)

    _, err, _ = run_failing(str(path))

    assert "the limit is 100 bytes" in err


def test_stdin_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 500)))

    _, err, _ = run_failing("-", "--max-bytes", "100")

    assert "<stdin>: file is too large" in err


def test_missing_path_is_an_error(tmp_path):
    (good,) = copy(["review_salt_road.txt"], tmp_path)

    _, err, _ = run_failing(str(tmp_path / "nope.txt"), str(good))

    assert f"{tmp_path / 'nope.txt'}: no such file or folder" in err
    assert Article.objects.count() == 1


def test_fail_fast_stops_at_the_first_failure(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    copy(["review_salt_road.txt"], tmp_path)

    out, _, failure = run_failing(str(tmp_path), "--fail-fast")

    assert not Article.objects.exists()
    assert "stopped early" in str(failure)
    assert "0 imported, 0 updated, 0 unchanged, 0 skipped, 1 failed, 1 not processed." in out


def test_without_fail_fast_the_rest_is_imported(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    copy(["review_salt_road.txt"], tmp_path)

    run_failing(str(tmp_path))

    assert Article.objects.count() == 1


# --- exit codes -------------------------------------------------------------------------------


def test_exit_code_is_zero_on_success_and_one_on_failure(tmp_path, capsys):
    (good,) = copy(["review_salt_road.txt"], tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")

    execute_from_command_line(["manage.py", "import_texts", str(good)])  # no SystemExit
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["manage.py", "import_texts", str(tmp_path / "empty.txt")])

    assert exit_.value.code == 1
    assert "empty.txt: file is empty" in capsys.readouterr().err


# --- progress bar -----------------------------------------------------------------------------


def test_progress_bar_on_a_terminal_only(texts):
    terminal = Terminal()
    run(str(texts), "--dry-run", stderr=terminal)
    _, piped = run(str(texts), "--dry-run")

    assert "4/4" in terminal.getvalue()
    assert "4/4" not in piped


def test_no_progress_bar_with_a_json_report(texts):
    terminal = Terminal()

    out, _ = run(str(texts), "--report", "json", stderr=terminal)

    assert terminal.getvalue() == ""
    assert json.loads(out)["totals"]["imported"] == 4


# --- the JSON report --------------------------------------------------------------------------


def test_json_report_is_one_document_with_every_file(texts, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")

    out, _, _ = run_failing(str(texts), str(tmp_path / "empty.txt"), "--report", "json")

    report = json.loads(out)
    by_name = {Path(f["source"]).name: f for f in report["files"]}
    assert report["totals"] == {
        "imported": 4,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "failed": 1,
        "not_processed": 0,
    }
    moons = by_name["review_paper_moons.txt"]
    assert moons["film"] == {
        "title": "Paper Moons",
        "year": 2015,
        "runtime": None,
        "genres": [],
        "outcome": "created",
        "slug": "paper-moons-2015",
    }
    assert moons["article"]["rating"] == 3.5
    assert {"person": "Amara Diallo", "role": "actor", "character": "Rue", "outcome": "created",
            "person_outcome": "created"} in moons["credits"]  # fmt: skip
    assert by_name["review_salt_road.txt"]["film"]["outcome"] == "matched"  # the essay's film
    assert by_name["empty.txt"]["errors"] == [
        {"message": "file is empty (nothing but white space)", "line": None}
    ]
