"""Article revisions: what an article looked like at a revision, diffs between two, restore."""

import difflib
import re
from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from reversion.models import Revision, Version

from reviews.models import Article, Section

ARTICLE_FIELDS = [("title", "Title"), ("standfirst", "Standfirst"), ("status", "Status"),
                  ("verdict", "Verdict"), ("rating", "Rating"), ("slug", "Slug")]  # fmt: skip
SECTION_FIELDS = [("heading", "Heading"), ("kind", "Kind"), ("is_spoiler", "Spoiler"),
                  ("body", "Body")]  # fmt: skip
WORDS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Snapshot:
    """An article as stored in one revision: its own fields and its sections by position."""

    fields: dict[str, str]
    sections: dict[int, dict[str, str]]


@dataclass
class Change:
    """One field that differs; segments are (op, text) with op in {"same", "del", "ins"}."""

    label: str
    segments: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class SectionChange:
    order: int
    status: str  # "added", "removed" or "changed"
    changes: list[Change]


def article_versions(article: Article):
    return Version.objects.get_for_object(article).select_related("revision__user")


def snapshot(version: Version) -> Snapshot:
    section_type = ContentType.objects.get_for_model(Section)
    data = version.field_dict
    sections = {}
    for section_version in version.revision.version_set.filter(content_type=section_type):
        values = section_version.field_dict
        if str(values.get("article_id")) == str(version.object_id):
            sections[values["order"]] = {
                name: _text(values.get(name)) for name, _ in SECTION_FIELDS
            }
    return Snapshot(
        fields={name: _text(data.get(name)) for name, _ in ARTICLE_FIELDS},
        sections=dict(sorted(sections.items())),
    )


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _segments(old: str, new: str) -> list[tuple[str, str]]:
    a, b = WORDS.findall(old), WORDS.findall(new)
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("ins", "".join(b[j1:j2])))
    return segments


def _changes(old: dict[str, str], new: dict[str, str], labels) -> list[Change]:
    return [
        Change(label, _segments(old.get(name, ""), new.get(name, "")))
        for name, label in labels
        if old.get(name, "") != new.get(name, "")
    ]


def snapshot_diff(old: Snapshot, new: Snapshot) -> tuple[list[Change], list[SectionChange]]:
    """Field changes to the article, then section by section (matched by position)."""
    sections = []
    for order in sorted(old.sections.keys() | new.sections.keys()):
        before, after = old.sections.get(order), new.sections.get(order)
        status = "added" if before is None else "removed" if after is None else "changed"
        changes = _changes(before or {}, after or {}, SECTION_FIELDS)
        if changes:
            sections.append(SectionChange(order, status, changes))
    return _changes(old.fields, new.fields, ARTICLE_FIELDS), sections


@transaction.atomic
def revision_restore(*, article: Article, version: Version, by: AbstractBaseUser) -> Revision:
    """Put the article and its sections back as they were; the restore is a new revision."""
    when = date_format(localtime(version.revision.date_created), "DATETIME_FORMAT")
    with reversion.create_revision():
        version.revision.revert(delete=True)
        restored = Article.objects.get(pk=article.pk)
        restored.save()  # a fresh updated_at, so forms opened before the restore are stale
        reversion.set_user(by)
        reversion.set_comment(f"Restored the version of {when}.")
    return article_versions(restored).first().revision
