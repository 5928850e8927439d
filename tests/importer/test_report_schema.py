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
    ],
)
def test_the_schema_rejects_a_wrong_report(tmp_path, breakage):
    shutil.copy(SAMPLES / "review_salt_road.txt", tmp_path)
    document = report(str(tmp_path))
    assert errors(document) == []  # the unbroken report is valid

    breakage(document["files"][0])

    assert errors(document) != []
