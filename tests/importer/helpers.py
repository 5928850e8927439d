"""Shared by the importer tests: the invented sample texts live in samples/."""

from pathlib import Path

from importer.parse.document import parse_text
from importer.parse.records import ParsedText

SAMPLES = Path(__file__).parent / "samples"


def parse_sample(name: str, **kwargs: str) -> ParsedText:
    return parse_text((SAMPLES / name).read_text(encoding="utf-8"), **kwargs)


def credits_of(parsed: ParsedText) -> set[tuple[str, str, str | None]]:
    return {(c.person, c.role, c.character) for c in parsed.credits}


def messages(parsed: ParsedText) -> list[str]:
    return [warning.message for warning in parsed.warnings]
