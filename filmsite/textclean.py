"""Control characters out of stored text: what no text field accepts, and cleaning old rows.

Forms, full_clean() (filmsite/validators.py) and the import (importer/parse/text.py) refuse or
strip these characters at the door; clean_rows() takes them out of rows stored before that,
for the data migration editorial/0007. A vertical tab (a word processor's line break), a form
feed (a page break) and a carriage return become a newline in multi-line text and a space in a
single line; the rest are removed. Tab and newline stay.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import reduce
from operator import or_
from typing import Any

from django.db import connections, models

# C0 controls but tab and newline, the two noncharacters, lone surrogates.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
_BREAKS = {"\x0b", "\x0c", "\r"}
# What LIKE can look for: PostgreSQL stores no NUL, SQLite's LIKE stops at one (INSTR finds
# it), and neither engine stores a lone surrogate.
_SEARCHABLE = [chr(c) for c in (*range(1, 9), *range(11, 32))] + ["\ufffe", "\uffff"]
# JSON escapes of those characters, which a JSON text column holds instead of the characters.
_JSON_ESCAPES = ["\\u00", "\\b", "\\f", "\\r", "\\uff", "\\uFF", "\\ud", "\\uD"]


def clean_text(value: str, *, multiline: bool = True) -> str:
    """The text without control characters; \\r\\n is one newline."""
    if not CONTROL_CHARACTERS.search(value):
        return value
    value = value.replace("\r\n", "\n")
    newline = "\n" if multiline else " "
    return CONTROL_CHARACTERS.sub(lambda m: newline if m[0] in _BREAKS else "", value)


def clean_data(value: Any) -> Any:
    """clean_text() on every string (keys too) of JSON-like data."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_data(item) for item in value]
    if isinstance(value, dict):
        return {clean_data(key): clean_data(item) for key, item in value.items()}
    return value


def clean_json_text(value: str) -> str:
    """A column holding JSON as text (a revision, a log entry's message), cleaned within."""
    try:
        data = json.loads(value)
    except ValueError:
        return clean_text(value)
    cleaned = clean_data(data)
    return value if cleaned == data else json.dumps(cleaned, ensure_ascii=False)


def _rows_containing(
    manager: models.QuerySet, attname: str, needles: Iterable[str], *, sqlite: bool
) -> models.QuerySet:
    """The rows whose column holds any of the needles, found by the database."""
    found = reduce(or_, (models.Q(**{f"{attname}__contains": n}) for n in needles))
    if not sqlite:
        return manager.filter(found)
    # LIKE ends its pattern at a NUL (and would match every row): INSTR
    nul = models.Func(models.Value(0), function="CHAR")
    position = models.Func(
        models.F(attname),
        nul,
        function="INSTR",
        output_field=models.IntegerField(),
    )
    return manager.annotate(nul_at=position).filter(found | models.Q(nul_at__gt=0))


def clean_rows(model: type[models.Model], *, using: str, json_text: Iterable[str] = ()) -> int:
    """Clean every text and JSON column of a (historical) model's rows; how many values changed.

    Rows are found by the database (one scan per column), so a clean table costs no Python.
    `json_text` names text columns that hold JSON, whose escapes hide the characters.
    """
    json_text = set(json_text)
    manager = model._base_manager.using(using).order_by()  # no joins for a default ordering
    sqlite = connections[using].vendor == "sqlite"
    changed = 0
    for field in model._meta.local_fields:
        if isinstance(field, models.JSONField):
            rows = manager.exclude(**{f"{field.attname}__isnull": True})
            clean = clean_data
        elif isinstance(field, models.CharField | models.TextField):
            needles = _JSON_ESCAPES + _SEARCHABLE if field.attname in json_text else _SEARCHABLE
            rows = _rows_containing(manager, field.attname, needles, sqlite=sqlite)
            if field.attname in json_text:
                clean = clean_json_text
            else:
                multiline = isinstance(field, models.TextField)
                clean = lambda v, m=multiline: clean_text(v, multiline=m)  # noqa: E731
        else:
            continue
        # Read first, then write: no update runs under an open read of the same table.
        for pk, value in list(rows.values_list("pk", field.attname)):
            if value is None:
                continue
            cleaned = clean(value)
            if cleaned != value:
                manager.filter(pk=pk).update(**{field.attname: cleaned})
                changed += 1
    return changed
