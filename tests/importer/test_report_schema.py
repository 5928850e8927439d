"""`import_texts --report json` output validates against docs/import-report.schema.json."""

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator

from tests.importer.helpers import SAMPLES

pytestmark = pytest.mark.django_db
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "import-report.schema.json").read_text()
)
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def report(*args: str) -> dict:
    out = io.StringIO()
    with contextlib.suppress(CommandError):  # failures still print the whole report first
        call_command("import_texts", *args, "--report", "json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def errors(document: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(document)]


def test_the_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_sample_and_every_failure_validates(tmp_path):
    for sample in SAMPLES.iterdir():
        shutil.copy(sample, tmp_path / sample.name)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")

    document = report(str(tmp_path), str(tmp_path / "missing.txt"))

    assert errors(document) == []
    outcomes = [file["outcome"] for file in document["files"]]
    assert outcomes.count("failed") == 4  # empty, binary, no film, missing
    assert outcomes.count("imported") == len(list(SAMPLES.iterdir())) - 1


def test_reimport_dry_run_and_publish_reports_validate(tmp_path):
    shutil.copy(SAMPLES / "review_salt_road.txt", tmp_path)
    first = report(str(tmp_path))

    dry = report(str(tmp_path), "--dry-run", "--publish")
    again = report(str(tmp_path))

    assert errors(first) == errors(dry) == errors(again) == []
    assert dry["dry_run"] and dry["files"][0]["outcome"] == "updated"
    assert again["files"][0]["outcome"] == "unchanged"


def test_fail_fast_report_validates(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    shutil.copy(SAMPLES / "review_salt_road.txt", tmp_path)

    document = report(str(tmp_path), "--fail-fast")

    assert errors(document) == []
    assert document["totals"]["not_processed"] == 1


@pytest.mark.parametrize(
    "breakage",
    [
        lambda f: f["article"].update(rating=4.2),
        lambda f: f["credits"][0].update(role="grip"),
        lambda f: f["sections"][0].pop("spoiler"),
        lambda f: f.update(outcome="failed"),  # a failure must have errors and no article
        lambda f: f["film"].update(runtime="1h 50m"),
        lambda f: f["sections"][0].pop("body"),
        lambda f: f["article"].pop("verdict"),
        lambda f: f.update(candidates=[{"title": "The Salt Road", "year": 2019}]),
        lambda f: f.update(dropped=[{"line": 0, "text": "Share", "reason": "share buttons"}]),
    ],
)
def test_the_schema_rejects_a_wrong_report(tmp_path, breakage):
    shutil.copy(SAMPLES / "review_salt_road.txt", tmp_path)
    document = report(str(tmp_path))
    assert errors(document) == []  # the unbroken report is valid

    breakage(document["files"][0])

    assert errors(document) != []


# --- the report shows what will be public (#13, point 8) ----------------------------------------

CORPUS = Path(__file__).parent / "corpus"


def test_the_report_has_each_sections_full_text_and_the_public_fields(tmp_path):
    shutil.copy(CORPUS / "review_summer_of_stones_spoiler_free.txt", tmp_path)
    document = report(str(tmp_path), "--dry-run")
    assert errors(document) == []
    (file,) = document["files"]

    bodies = " ".join(section["body"] for section in file["sections"])
    # The last words of a long paragraph, which "first_words" leaves out.
    assert "once it has been dropped on rocks" in bodies
    assert not any("dropped on rocks" in s["first_words"] for s in file["sections"])
    assert all(section["spoiler"] is False for section in file["sections"])
    assert "small, wise and quietly funny" in file["article"]["verdict"]
    assert file["article"]["standfirst"] == ""


def test_the_report_marks_spoiler_sections_and_keeps_their_text(tmp_path):
    shutil.copy(CORPUS / "review_iron_lullaby_end_of_spoilers.txt", tmp_path)
    (file,) = report(str(tmp_path), "--dry-run")["files"]
    spoilers = [s["body"] for s in file["sections"] if s["spoiler"]]
    public = [s["body"] for s in file["sections"] if not s["spoiler"]]
    assert any("hunting itself" in body for body in spoilers)
    assert not any("hunting itself" in body for body in public)
    assert any("sonar room" in body for body in public)  # the control


def test_the_report_lists_dropped_furniture_with_its_reason(tmp_path):
    shutil.copy(CORPUS / "letterboxd_kestrel_hill.txt", tmp_path)
    (file,) = report(str(tmp_path), "--dry-run")["files"]
    dropped = {d["text"]: d for d in file["dropped"]}
    assert {"Like review", "12 likes"} <= set(dropped)
    assert all(d["reason"] and d["line"] >= 1 for d in file["dropped"])
    assert dropped["Like review"]["line"] < dropped["12 likes"]["line"]
    kept = " ".join(section["body"] for section in file["sections"])
    assert "Like review" not in kept and "thinking about nothing but hands" in kept


def test_the_report_names_the_film_candidates_and_the_chosen_one(tmp_path):
    shutil.copy(CORPUS / "review_paper_kites_yearless.txt", tmp_path)
    (file,) = report(str(tmp_path), "--dry-run")["files"]
    candidates = file["candidates"]
    assert candidates, "no film candidates reported"
    chosen = [c for c in candidates if c["chosen"]]
    assert [(c["title"], c["year"]) for c in chosen] == [
        (file["film"]["title"], file["film"]["year"])
    ]
    assert all(c["evidence"] for c in candidates)


def test_the_text_report_shows_full_sections_public_fields_and_dropped_lines(tmp_path):
    shutil.copy(CORPUS / "review_summer_of_stones_spoiler_free.txt", tmp_path)
    shutil.copy(CORPUS / "review_iron_lullaby_end_of_spoilers.txt", tmp_path)
    shutil.copy(CORPUS / "letterboxd_kestrel_hill.txt", tmp_path)
    out = io.StringIO()
    call_command("import_texts", str(tmp_path), "--dry-run", stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    assert "once it has been dropped on rocks" in text  # a section's last words
    assert "verdict   (public) " in text and "small, wise and quietly funny" in text
    assert "(SPOILER, hidden until the reader opts in)" in text
    assert "(public)" in text
    assert "dropped   line " in text and "\u201cLike review\u201d" in text


def test_the_whole_corpus_in_one_run_reports_valid_json(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for text in CORPUS.iterdir():
        if text.suffix in {".txt", ".md"} and text.name != "README.md":
            shutil.copy(text, folder / text.name)

    document = report(str(folder), "--dry-run")

    assert errors(document) == []
    assert document["totals"]["failed"] == 0
    assert document["totals"]["imported"] == len(document["files"]), document["totals"]
    reported = {Path(f["source"]).name for f in document["files"]}
    assert reported == {p.name for p in folder.iterdir()} and len(reported) >= 24
    for file in document["files"]:  # every text says what will be public, and why
        assert file["sections"] and all("body" in s for s in file["sections"])
        assert all(c["evidence"] for c in file["candidates"]), file["source"]
