"""Edit conflicts in the article form: what differs between the form and the saved version,
and the form's data with the editor's choices applied ("keep mine" or "take theirs").

A save typed over an older version is stopped (editorial.forms); the form then shows each
field and section where the two differ, and the next save needs a choice for every one of them.
Choosing "take theirs" writes the saved value into the form's data before anything validates,
so the save that follows goes through the form's and the sections' usual rules.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.timezone import localtime
from reversion.models import Version
from taggit.utils import edit_string_for_tags

from editorial.revisions import _segments
from filmsite.fields import unix_newlines
from reviews.models import Article, Section

PREFIX = "sections"
MINE, THEIRS = "mine", "theirs"
CHOICE = "resolve-"  # the radio for a difference is named CHOICE + its key
SECTION_FIELDS = [("heading", "Heading"), ("kind", "Kind"), ("is_spoiler", "Spoiler"),
                  ("body", "Body"), ("character", "Character"), ("image", "Image"),
                  ("image_slot", "Image slot")]  # fmt: skip


@dataclass
class Difference:
    """One field or section that differs; segments go from their version to the form's."""

    key: str
    label: str
    segments: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""  # for a section only one side has
    choice: str = ""  # what the editor chose, if anything

    @property
    def choice_name(self) -> str:
        return CHOICE + self.key


@dataclass
class Conflict:
    """The version saved meanwhile, who saved it, and how the form differs from it."""

    current: Article
    token: str
    who: str
    when: str
    differences: list[Difference]


# The article's own fields ------------------------------------------------------------------


def _field_text(name: str, value) -> str:
    """A value as an editor reads it, for comparing and for the diff."""
    if value is None:
        return ""
    if name == "films":
        return ", ".join(sorted(str(film) for film in value))
    if name == "tags":
        return ", ".join(sorted(str(tag).lower() for tag in value))
    if name == "published_at":
        return date_format(localtime(value).replace(microsecond=0), "DATETIME_FORMAT")
    if isinstance(value, Decimal):
        return f"{value.normalize()} / 5"
    if isinstance(value, str):
        return unix_newlines(value).strip()
    return str(value)


def _current_value(article: Article, name: str):
    if name == "films":
        return list(article.films.all())
    if name == "tags":
        return list(article.tags.names())
    return getattr(article, name)


def article_differences(article: Article, cleaned: Mapping, labels: Mapping) -> list[Difference]:
    """The article's fields where the form (cleaned values) and the saved version differ."""
    differences = []
    for name, label in labels.items():
        if name not in cleaned or name == "edit_token":
            continue
        theirs = _field_text(name, _current_value(article, name))
        mine = _field_text(name, cleaned[name])
        if theirs != mine:
            differences.append(Difference(f"field-{name}", str(label), _segments(theirs, mine)))
    return differences


def _encoded_field(article: Article, name: str) -> dict[str, list[str]]:
    """The saved value of an article field as the form posts it."""
    value = getattr(article, name) if name not in ("films", "tags") else None
    if name == "films":
        return {name: [str(pk) for pk in article.films.values_list("pk", flat=True)]}
    if name == "tags":
        return {name: [edit_string_for_tags(list(article.tags.all()))]}
    if name == "published_at":
        moment = localtime(value) if value else None
        return {
            "published_at_0": [moment.strftime("%Y-%m-%d") if moment else ""],
            "published_at_1": [moment.strftime("%H:%M:%S") if moment else ""],
        }
    if name in ("author", "lead_image"):
        return {name: [str(getattr(article, f"{name}_id") or "")]}
    return {name: ["" if value is None else str(value)]}


# Sections ------------------------------------------------------------------------------------


def _posted_sections(data: QueryDict) -> list[dict[str, list[str]]]:
    """Each section form in the posted data, as {field: values}, in the order posted."""
    try:
        total = int(data.get(f"{PREFIX}-TOTAL_FORMS", "0"))
    except ValueError:
        return []
    forms = []
    for i in range(min(total, 1000)):
        start = f"{PREFIX}-{i}-"
        forms.append({k.removeprefix(start): data.getlist(k) for k in data if k.startswith(start)})
    return forms


def _first(values: Mapping[str, list[str]], name: str) -> str:
    return (values.get(name) or [""])[0]


def _section_text(values: Mapping[str, list[str]]) -> dict[str, str]:
    text = {name: unix_newlines(_first(values, name)).strip() for name, _ in SECTION_FIELDS}
    return text | {"is_spoiler": "yes" if _first(values, "is_spoiler") else "no"}


def _section_encoded(section: Section) -> dict[str, list[str]]:
    data = {
        "id": [str(section.pk)],
        "order": [str(section.order)],
        "heading": [section.heading],
        "kind": [section.kind],
        "body": [section.body],
        "character": [str(section.character_id or "")],
        "image": [str(section.image_id or "")],
        "image_slot": [section.image_slot],
    }
    return data | ({"is_spoiler": ["on"]} if section.is_spoiler else {})


def _section_label(values: Mapping[str, list[str]], position: int) -> str:
    heading = _first(values, "heading").strip()
    return f"Section {position} (“{heading}”)" if heading else f"Section {position}"


def _unplaced_label(values: Mapping[str, list[str]]) -> str:
    """A section that is not in the form's order (deleted there, or never in it)."""
    heading = _first(values, "heading").strip()
    return f"The section “{heading}”" if heading else "A section without a heading"


def _readable(text: dict[str, str]) -> str:
    return "\n".join(f"{label}: {text[name]}" for name, label in SECTION_FIELDS if text[name])


def section_differences(article: Article, data: QueryDict) -> list[Difference]:
    """Sections that differ between the posted form and the saved version, by section id."""
    saved = {section.pk: section for section in article.sections.all()}
    posted = _posted_sections(data)
    differences, mentioned = [], set()
    live = [values for values in posted if not _first(values, "DELETE")]
    positions = {id(values): n for n, values in enumerate(_by_position(live), start=1)}
    for values in posted:
        pk = _first(values, "id")
        if not pk.isdigit():
            continue  # a section added in this form: nobody else has it to differ from
        pk = int(pk)
        mentioned.add(pk)
        label = _section_label(values, positions.get(id(values), 0) or len(live) + 1)
        if difference := _posted_section_difference(pk, values, saved.get(pk), label):
            differences.append(difference)
    for pk, section in saved.items():
        if pk not in mentioned:
            values = _section_encoded(section)
            differences.append(
                Difference(
                    f"section-{pk}",
                    _unplaced_label(values),
                    _segments(_readable(_section_text(values)), ""),
                    note="They added this section; your form does not have it.",
                )
            )
    return differences


def _posted_section_difference(
    pk: int, values: dict[str, list[str]], saved: Section | None, label: str
) -> Difference | None:
    """How a posted section differs from its saved version: deleted there, here, or edited."""
    if saved is None:
        if _first(values, "DELETE"):
            return None
        return Difference(
            f"section-{pk}",
            label,
            _segments("", _readable(_section_text(values))),
            note="They deleted this section; you still have it.",
        )
    theirs = _section_text(_section_encoded(saved))
    if _first(values, "DELETE"):
        return Difference(
            f"section-{pk}",
            _unplaced_label(_section_encoded(saved)),
            _segments(_readable(theirs), ""),
            note="You deleted this section; it is still in their version.",
        )
    mine = _section_text(values)
    if mine == theirs:
        return None
    return Difference(f"section-{pk}", label, _segments(_readable(theirs), _readable(mine)))


def _by_position(forms: list[dict[str, list[str]]]) -> list[dict[str, list[str]]]:
    def key(item: tuple[int, dict]) -> tuple[bool, int, int]:
        raw = _first(item[1], "order").strip()
        return (not raw.isdigit(), int(raw) if raw.isdigit() else 0, item[0])

    return [values for _, values in sorted(enumerate(forms), key=key)]


# Choices applied -------------------------------------------------------------------------------


def conflict_resolved_data(article: Article, data: QueryDict) -> QueryDict:
    """The posted data with every "take theirs" choice replaced by the saved version."""
    resolved = data.copy()
    choices = {
        name.removeprefix(CHOICE): value
        for name, value in data.items()
        if name.startswith(CHOICE) and value in (MINE, THEIRS)
    }
    for key, choice in choices.items():
        if choice == THEIRS and key.startswith("field-"):
            name = key.removeprefix("field-")
            if name in data or f"{name}_0" in data or name in ("films", "tags"):
                for field_name, values in _encoded_field(article, name).items():
                    resolved.setlist(field_name, values)
    section_choices = {
        int(key.removeprefix("section-")): choice
        for key, choice in choices.items()
        if key.startswith("section-") and key.removeprefix("section-").isdigit()
    }
    if section_choices:
        _resolve_sections(article, resolved, section_choices)
    return resolved


def _resolve_sections(article: Article, data: QueryDict, choices: dict[int, str]) -> None:
    saved = {section.pk: section for section in article.sections.all()}
    forms, seen = [], set()
    for values in _posted_sections(data):
        pk = _first(values, "id")
        pk = int(pk) if pk.isdigit() else None
        seen.add(pk)
        choice = choices.get(pk)
        if pk is not None and pk not in saved and choice:  # they deleted it
            if choice == THEIRS:
                continue  # gone, as in their version
            values = {**values, "id": [""], "DELETE": []}  # kept: saved again as a new section
        elif pk is not None and choice == THEIRS:
            values = _section_encoded(saved[pk]) | {"order": values.get("order", [""])}
        forms.append(values)
    for pk, section in saved.items():
        if pk not in seen and choices.get(pk) == MINE:  # they added it; the editor drops it
            forms.append(_section_encoded(section) | {"DELETE": ["on"]})
    for key in [k for k in data if k.startswith(f"{PREFIX}-") and k[len(PREFIX) + 1].isdigit()]:
        del data[key]
    forms.sort(key=lambda values: not _first(values, "id"))  # stored sections come first
    for i, values in enumerate(forms):
        for name, field_values in values.items():
            if field_values:
                data.setlist(f"{PREFIX}-{i}-{name}", field_values)
        data[f"{PREFIX}-{i}-article"] = str(article.pk)
    data[f"{PREFIX}-TOTAL_FORMS"] = str(len(forms))
    data[f"{PREFIX}-INITIAL_FORMS"] = str(sum(1 for values in forms if _first(values, "id")))


# Who changed what ----------------------------------------------------------------------------


def _base_version(article: Article, token: str) -> Version | None:
    """The revision the editor's form was opened from: the save whose time is its token."""
    try:
        opened = datetime.fromisoformat(token)
    except ValueError:
        return None
    for version in Version.objects.get_for_object(article)[:50]:
        saved = version.field_dict.get("updated_at")
        # Revisions keep milliseconds; the token has microseconds.
        if saved and abs(saved - opened) < timedelta(milliseconds=1):
            return version
    return None


def conflict_annotate(differences: list[Difference], article: Article, token: str) -> None:
    """Say, where the version the form was opened from is known, which side changed each
    difference: the choice means something else when only the other editor did."""
    base = _base_version(article, token)
    if base is None:
        return
    fields = base.field_dict
    section_type = ContentType.objects.get_for_model(Section)
    sections = {
        int(version.object_id): version.field_dict
        for version in base.revision.version_set.filter(content_type=section_type)
    }
    current = {section.pk: section for section in article.sections.all()}
    for difference in differences:
        kind, _, name = difference.key.partition("-")
        if kind == "field" and name not in ("films", "tags"):
            was = _field_text(name, fields.get(name))
            theirs = _field_text(name, _current_value(article, name))
        elif kind == "section" and name.isdigit():
            before, now = sections.get(int(name)), current.get(int(name))
            was = _section_readable(Section(**_own(before))) if before else None
            theirs = _section_readable(now) if now else None
        else:
            continue
        if difference.note:
            continue  # a section only one side has: the note already says who
        if was == theirs:
            difference.note = "Only you changed this."
        else:
            difference.note = (
                "They changed this since you opened the form; “Keep mine” undoes their change."
            )


def _section_readable(section: Section) -> str:
    return _readable(_section_text(_section_encoded(section)))


def _own(values: dict) -> dict:
    """A section version's fields that Section() accepts."""
    names = {f.attname for f in Section._meta.concrete_fields}
    return {name: value for name, value in values.items() if name in names}
