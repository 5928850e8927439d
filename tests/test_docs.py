"""The README and docs/ cannot drift from the code: every code name they cite in backticks exists.

What counts as a code name, read from each `backticked` span:
- a project path (`importer/parse/`, `bench/import_corpus.py`): the file or folder exists;
- a dotted name in a project package (`sitesearch.api.deferred_indexing`,
  `importer.resolve.PeoplePool`): it imports, attribute by attribute;
- a manager call on a model (`Article.objects.published()`): the manager has the method;
- a setting (`FILMSITE_MAX_SECTION_CHARS`): `filmsite/settings.py` reads or defines it;
- a command (`manage.py import_texts`, `make demo`): the management command or Make target exists.
Anything else in backticks (values, shell words, Markdown) is prose and is not checked.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PACKAGES = ("filmsite", "reviews", "people", "editorial", "importer", "accounts", "sitesearch")
PACKAGES += ("fakes",)
TOP_LEVEL = {p.name for p in ROOT.iterdir() if not p.name.startswith(".")} | {".ci"}

_SPAN = re.compile(r"`([^`\n]+)`")
_PATH = re.compile(r"^(?:\./)?([\w.-]+/)[\w./*-]*$")
_DOTTED = re.compile(rf"^(?:{'|'.join(PACKAGES)})(?:\.\w+)+(?:\(\))?$")
_MANAGER_CALL = re.compile(r"^([A-Z]\w+)\.objects\.(\w+)\(\)$")
_SETTING = re.compile(r"^(FILMSITE_[A-Z0-9_]+)(?:=.*)?$")
_COMMAND = re.compile(r"^(?:(?:\.venv/bin/)?python )?(?:\./)?manage\.py (\w+)")
_MAKE = re.compile(r"^make ([\w-]+)$")


def code_names(text: str) -> list[tuple[str, str]]:
    """(kind, name) for each backticked span that names code."""
    found = []
    for span in _SPAN.findall(text):
        span = span.strip()
        if match := _MANAGER_CALL.match(span):
            found.append(("manager", span))
        elif _DOTTED.match(span):
            found.append(("dotted", span.removesuffix("()")))
        elif (match := _PATH.match(span)) and match.group(1).rstrip("/") in TOP_LEVEL:
            found.append(("path", span))
        elif match := _SETTING.match(span):
            found.append(("setting", match.group(1)))
        elif match := _COMMAND.match(span):
            found.append(("command", match.group(1)))
        elif match := _MAKE.match(span):
            found.append(("make", match.group(1)))
    return found


def missing(kind: str, name: str) -> bool:
    """Whether the code name a document cites is not in the code."""
    if kind == "path":
        path = name.removeprefix("./").rstrip("*")
        return not any(ROOT.glob(path.rstrip("/") or "."))
    if kind == "dotted":
        return not (_resolves(name) or _model_or_permission(name))
    if kind == "manager":
        model_name, method = _MANAGER_CALL.match(name).groups()
        models = [m for m in apps.get_models() if m.__name__ == model_name]
        return not any(hasattr(m.objects, method) for m in models)
    if kind == "setting":
        return name not in (ROOT / "filmsite" / "settings.py").read_text()
    if kind == "command":
        return name not in get_commands()
    if kind == "make":
        return not re.search(rf"^{re.escape(name)}:", (ROOT / "Makefile").read_text(), re.M)
    raise AssertionError(kind)


def _model_or_permission(dotted: str) -> bool:
    """Django's own spellings: a model label (`editorial.StatusChange`) or a permission
    (`editorial.publish_article`)."""
    label, _, name = dotted.partition(".")
    if "." in name or label not in {c.label for c in apps.get_app_configs()}:
        return False
    models = apps.get_app_config(label).get_models()
    permissions = set()
    for model in models:
        if model.__name__ == name:
            return True
        actions = model._meta.default_permissions
        permissions |= {f"{action}_{model._meta.model_name}" for action in actions}
        permissions |= {codename for codename, _ in model._meta.permissions}
    return name in permissions


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:end]))
        except ImportError:
            continue
        for attribute in parts[end:]:
            if not hasattr(target, attribute):
                return False
            target = getattr(target, attribute)
        return True
    return False


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_code_name_a_document_cites_exists(document):
    names = code_names(document.read_text())
    stale = [f"{kind} `{name}`" for kind, name in names if missing(kind, name)]
    assert not stale, f"{document.name} cites what the code no longer has: {stale}"


def test_the_checker_finds_names_that_do_not_exist():
    # Positive control: one made-up name of each kind is caught, its real twin is not.
    text = (
        "`Article.objects.published()` `Article.objects.with_nothing()` "
        "`importer.resolve.PeoplePool` `importer.resolve.NoSuchThing` "
        "`importer/parse/` `importer/nowhere.py` `FILMSITE_SQLITE_TIMEOUT_SECONDS` "
        "`FILMSITE_NO_SUCH_SETTING` `manage.py import_texts` `manage.py no_such_command` "
        "`make demo` `make no-such-target` `editorial.publish_article` `editorial.publish_all` "
        "`editorial.StatusChange` `a plain value` `4/5`"
    )
    verdicts = [(name, missing(kind, name)) for kind, name in code_names(text)]
    assert verdicts == [
        ("Article.objects.published()", False),
        ("Article.objects.with_nothing()", True),
        ("importer.resolve.PeoplePool", False),
        ("importer.resolve.NoSuchThing", True),
        ("importer/parse/", False),
        ("importer/nowhere.py", True),
        ("FILMSITE_SQLITE_TIMEOUT_SECONDS", False),
        ("FILMSITE_NO_SUCH_SETTING", True),
        ("import_texts", False),
        ("no_such_command", True),
        ("demo", False),
        ("no-such-target", True),
        ("editorial.publish_article", False),
        ("editorial.publish_all", True),
        ("editorial.StatusChange", False),
    ]
