"""Article revisions: what an article looked like at a revision, diffs between two, restore."""

import difflib
import re
from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from reversion.models import Revision, Version
from taggit.models import TaggedItem

from editorial.models import RevisionTags
from editorial.services import article_status_record, can_edit_article, can_publish
from people.models import Character
from reviews.models import Article, Author, Film, Image, Section

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


class RestoreRefused(ValueError):
    """A revision that cannot be restored onto the article as it is now; nothing was changed."""


@dataclass(frozen=True)
class Writing:
    """What a restore brings back: the article's words and pictures, never its workflow."""

    fields: dict[str, object]
    films: frozenset[int]
    tags: frozenset[str] | None  # None: the revision kept no tags (saved before they were)
    sections: tuple[tuple[int | None, dict[str, object]], ...]  # (pk in the revision, values)


# The article's writing. Status, publication time, author, slug and the imported source stay
# as they are now: those belong to the workflow and to the page's address, not to the text.
WRITING_FIELDS = ("kind", "title", "standfirst", "verdict", "rating", "lead_image_id")
SECTION_WRITING_FIELDS = ("order", "heading", "kind", "is_spoiler", "body", "image_id",
                          "image_slot", "character_id")  # fmt: skip


def article_writing(article: Article) -> Writing:
    sections = article.sections.order_by("order")
    return Writing(
        fields={name: getattr(article, name) for name in WRITING_FIELDS},
        films=frozenset(article.films.values_list("pk", flat=True)),
        tags=frozenset(article.tags.names()),
        sections=tuple(
            (s.pk, {name: getattr(s, name) for name in SECTION_WRITING_FIELDS}) for s in sections
        ),
    )


def revision_writing(version: Version, *, article: Article) -> tuple[Writing, list[str]]:
    """The article's writing in a revision, with notes on references to rows deleted since."""
    notes = []
    try:
        data = version.field_dict
        section_type = ContentType.objects.get_for_model(Section)
        section_data = [
            (int(v.object_id), v.field_dict)
            for v in version.revision.version_set.filter(content_type=section_type)
        ]
    except Exception as exc:  # the stored data no longer fits the models (a field was removed)
        raise RestoreRefused(f"This revision can no longer be read: {exc}") from exc
    fields = {name: data.get(name) for name in WRITING_FIELDS}
    image_ids = {fields["lead_image_id"]} | {v.get("image_id") for _, v in section_data}
    images = set(Image.objects.filter(pk__in=image_ids - {None}).values_list("pk", flat=True))
    if fields["lead_image_id"] is not None and fields["lead_image_id"] not in images:
        fields["lead_image_id"] = None
        notes.append("The lead image of that version has been deleted; there is none now.")
    films = set(data.get("films") or [])
    existing_films = set(Film.objects.filter(pk__in=films).values_list("pk", flat=True))
    if films - existing_films:
        notes.append(f"{len(films - existing_films)} of its films have been deleted since.")
    character_ids = {v.get("character_id") for _, v in section_data} - {None}
    characters = set(Character.objects.filter(pk__in=character_ids).values_list("pk", flat=True))
    sections = _revision_sections(section_data, article, images, characters, notes)
    recorded = RevisionTags.objects.filter(
        revision_id=version.revision_id, article_id=article.pk
    ).first()
    if recorded is None:
        notes.append("That version's tags were not recorded, so the tags are as they were.")
    writing = Writing(
        fields=fields,
        films=frozenset(existing_films),
        tags=frozenset(recorded.names) if recorded else None,
        sections=tuple(sections),
    )
    return writing, notes


def _revision_sections(
    section_data: list[tuple[int, dict]],
    article: Article,
    images: set[int],
    characters: set[int],
    notes: list[str],
) -> list[tuple[int, dict]]:
    """The article's own sections in order, links to deleted images and characters unset."""
    sections = []
    for pk, values in sorted(section_data, key=lambda item: item[1].get("order") or 0):
        if str(values.get("article_id")) != str(article.pk):
            continue  # another article's section, in the same revision (an import's)
        values = {name: values.get(name) for name in SECTION_WRITING_FIELDS}
        for name, alive in (("image_id", images), ("character_id", characters)):
            if values[name] is not None and values[name] not in alive:
                values[name] = None
                notes.append(f"Section {values['order']}: its {name[:-3]} has been deleted.")
        sections.append((pk, values))
    return sections


def _validated(article: Article, writing: Writing) -> list[Section]:
    """Apply the writing's fields to `article` and build its sections, validated like a form."""
    for name, value in writing.fields.items():
        setattr(article, name, value)
    errors = []
    try:
        article.full_clean(exclude=["films", "tags"])
    except ValidationError as exc:
        errors += [f"{_label(Article, k)}: {' '.join(m)}" for k, m in exc.message_dict.items()]
    sections = []
    for pk, values in writing.sections:
        section = Section(pk=pk, article=article, **values)
        try:
            # Orders come from one revision, so unique; other rows are replaced wholesale.
            section.full_clean(exclude=["article"], validate_unique=False,
                               validate_constraints=False)  # fmt: skip
        except ValidationError as exc:
            errors += [
                f"Section {values['order']}, {_label(Section, k)}: {' '.join(m)}"
                for k, m in exc.message_dict.items()
            ]
        sections.append(section)
    if errors:
        raise RestoreRefused("That version cannot be restored as it is. " + " ".join(errors))
    return sections


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except Exception:
        return name


@dataclass(frozen=True)
class Restored:
    revision: Revision | None  # None: that version's writing is what the article has now
    notes: list[str]


@transaction.atomic
def revision_restore(*, article: Article, version: Version, by: AbstractBaseUser) -> Restored:
    """Bring back the article's writing from a revision, as a new revision.

    Only the writing (WRITING_FIELDS, sections, films linked, tags): status, publication time,
    author and slug stay as they are, and films, people and credits saved in the same revision
    (an import's) are left alone. Whoever restores must be allowed to edit the article now.
    """
    current = Article.objects.select_for_update().filter(pk=article.pk).first()
    if current is None:
        raise RestoreRefused("This article has been deleted.")
    if not can_edit_article(by, current):
        raise PermissionDenied("You cannot edit this article now, so you cannot restore it.")
    writing, sections, notes = _restorable(current, version)
    if writing is None:
        return Restored(revision=None, notes=notes)
    when = date_format(localtime(version.revision.date_created), "DATETIME_FORMAT")
    with reversion.create_revision(atomic=False):
        _write(current, writing, sections)
        reversion.add_to_revision(current)
        reversion.set_user(by)
        reversion.set_comment(f"Restored the writing of the version of {when}.")
    return Restored(revision=article_versions(current).first().revision, notes=notes)


def revision_restore_preview(*, article: Article, version: Version) -> int:
    """Write what a restore would (no revision, no permission check): for a rolled-back preview."""
    current = Article.objects.get(pk=article.pk)
    writing, sections, _ = _restorable(current, version)
    if writing is not None:
        _write(current, writing, sections)
    return current.pk


def _restorable(
    current: Article, version: Version
) -> tuple[Writing | None, list[Section], list[str]]:
    """The revision's writing for `current`, validated; None when it is what the article has."""
    article_type = ContentType.objects.get_for_model(Article)
    if version.content_type_id != article_type.pk or version.object_id != str(current.pk):
        raise RestoreRefused("That revision is not one of this article's.")
    writing, notes = revision_writing(version, article=current)
    before = article_writing(current)
    if writing.tags is None:
        writing = Writing(writing.fields, writing.films, before.tags, writing.sections)
    if _same(before, writing):
        return None, [], notes
    return writing, _validated(current, writing), notes


def _write(current: Article, writing: Writing, sections: list[Section]) -> None:
    current.save()  # a fresh updated_at, so forms opened before the restore are stale
    # Replaced wholesale: moving orders in place would trip (article, order) uniqueness.
    current.sections.all().delete()
    for section in sections:
        if section.pk is not None and Section.objects.filter(pk=section.pk).exists():
            section.pk = None
        section.save(force_insert=True)
    current.films.set(writing.films)
    current.tags.set(sorted(writing.tags or ()))


def _same(current: Writing, restored: Writing) -> bool:
    def sections(writing: Writing) -> list[dict]:
        return [values for _, values in writing.sections]

    def fields(writing: Writing) -> dict:
        return {k: _text(v) for k, v in writing.fields.items()}

    return (
        fields(current) == fields(restored)
        and current.films == restored.films
        and current.tags == restored.tags
        and [{k: _text(v) for k, v in s.items()} for s in sections(current)]
        == [{k: _text(v) for k, v in s.items()} for s in sections(restored)]
    )


def revision_tags_record(*, revision: Revision, article_ids: list[int]) -> None:
    """Keep the articles' tags with a revision (called as each revision is saved)."""
    if not article_ids:
        return
    names: dict[int, list[str]] = {pk: [] for pk in article_ids}
    tagged = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Article), object_id__in=article_ids
    ).values_list("object_id", "tag__name")
    for article_id, name in tagged:
        names[article_id].append(name)
    RevisionTags.objects.bulk_create(
        RevisionTags(revision=revision, article_id=pk, names=sorted(tags))
        for pk, tags in names.items()
    )


@transaction.atomic
def _recovered_fields(version: Version) -> dict:
    """The deleted article's own fields, fitted to the site as it is now."""
    try:
        data = version.field_dict
    except Exception as exc:  # the stored data no longer fits the models
        raise RestoreRefused(f"This revision can no longer be read: {exc}") from exc
    fields = {
        f.attname: data[f.attname] for f in Article._meta.concrete_fields if f.attname in data
    }
    if Article.objects.filter(slug=fields.get("slug")).exists():
        raise RestoreRefused(
            f"Its address ({fields.get('slug')}) now belongs to another article: change that "
            "one's slug first, or write this one again."
        )
    if fields.get("author_id") and not Author.objects.filter(pk=fields["author_id"]).exists():
        fields["author_id"] = None
    fingerprint = fields.get("source_fingerprint")
    if fingerprint and Article.objects.filter(source_fingerprint=fingerprint).exists():
        fields["source_fingerprint"] = ""  # the text was imported again since
    return fields


def article_recover(*, version: Version, by: AbstractBaseUser) -> Article:
    """Bring a deleted article back from one of its revisions, as a new revision.

    The article with its own fields, sections, films linked and tags; films, people and credits
    saved in the same revision (an import's) are left as they are now. Editors only.
    """
    if not can_publish(by):
        raise PermissionDenied("Only editors recover deleted articles.")
    article_type = ContentType.objects.get_for_model(Article)
    if version.content_type_id != article_type.pk:
        raise RestoreRefused("That revision is not an article's.")
    if Article.objects.filter(pk=version.object_id).exists():
        raise RestoreRefused("This article was not deleted: restore it from its History.")
    article = Article(**_recovered_fields(version))
    with reversion.create_revision(atomic=False):
        article.save(force_insert=True)
        writing, _ = revision_writing(version, article=article)
        if writing.tags is None:
            writing = Writing(writing.fields, writing.films, frozenset(), writing.sections)
        _write(article, writing, _validated(article, writing))
        reversion.set_user(by)
        when = date_format(localtime(version.revision.date_created), "DATETIME_FORMAT")
        reversion.set_comment(f"Recovered the deleted article as saved on {when}.")
    article_status_record(article=article, from_status="", by=by)
    return article
