"""Text is clean at the door (issue 14, point 9): no text field takes a C0 control character but
tab and newline; the import strips them with a warning; a migration cleans the rows before that.
"""

import importlib
import json
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from reversion.models import Revision, Version

from editorial.models import AutosavedDraft, StatusChange
from importer.save import article_import_bytes
from people.models import Person
from reviews.models import Article, Section
from tests import factories as f

pytestmark = pytest.mark.django_db

HOSTILE = ["\x0b", "\x02", "\x0c", "\x00", "\x1b", "\x7f\x08", "\ufffe", "\r"]
FRIENDLY = ["tab\there", "right-to-left \u200f\u05e9\u05dc\u05d5\u05dd", "emoji 🎬🍿", "trailing  "]


def article_form(film, **changes) -> dict:
    data = {
        "kind": "review",
        "title": "Salt Road",
        "slug": "salt-road",
        "films": [film.pk],
        "status": "draft",
        "tags": "",
        "standfirst": "A patient film.",
        "sections-TOTAL_FORMS": 1,
        "sections-INITIAL_FORMS": 0,
        "sections-0-order": 1,
        "sections-0-kind": "other",
        "sections-0-heading": "Opening",
        "sections-0-body": "The harbour is quiet.\r\n\r\nThen it is not.",
    }
    return data | changes


@pytest.mark.parametrize(
    ("field", "char"),
    [("title", "\x0b"), ("standfirst", "\x0c"), ("sections-0-body", "\x02"),
     ("sections-0-heading", "\x1f"), ("verdict", "\x00")],
)  # fmt: skip
def test_the_article_form_refuses_a_control_character_and_names_it(client, editor, field, char):
    film = f.FilmFactory()
    client.force_login(editor)
    url = reverse("admin:reviews_article_add")
    text = f"Before{char}after"

    response = client.post(url, article_form(film, **{field: text}))

    assert response.status_code == 200  # the form again, with what was typed
    body = response.content.decode()
    if char == "\x00":  # Django's form fields refuse it first, in their own words
        assert "Null characters are not allowed." in body
    else:
        assert f"U+{ord(char):04X}" in body and "control character" in body
    assert not Article.objects.exists()
    # The control: the same form without the character saves, \r\n stored as \n.
    response = client.post(url, article_form(film, **{field: "Before after"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    body = Section.objects.get().body
    assert "\r" not in body and (field == "sections-0-body" or body.count("\n") == 2)


@pytest.mark.parametrize("char", HOSTILE)
def test_model_validation_refuses_control_characters(char):
    person = Person(name=f"Mara{char}Okafor", slug="mara-okafor")
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "name" in error.value.message_dict
    if char == "\r":  # a carriage return in prose is normalised, not refused
        person = Person(name="Mara Okafor", slug="mara-okafor", bio="One.\r\nTwo.\rThree.")
        person.full_clean()
        assert person.bio == "One.\nTwo.\nThree."


@pytest.mark.parametrize("text", FRIENDLY)
def test_model_validation_keeps_tabs_right_to_left_marks_emoji_and_spaces(text):
    person = Person(name=text, slug="someone", bio=f"{text}\n\n{text}")
    person.full_clean()
    assert person.name == text and person.bio == f"{text}\n\n{text}"


def test_a_theme_name_with_a_control_character_is_refused(client, editor):
    from taggit.models import Tag

    with pytest.raises(ValidationError):
        Tag(name="sea\x0bside", slug="seaside").full_clean()
    Tag(name="seaside", slug="seaside").full_clean()
    film = f.FilmFactory()
    client.force_login(editor)
    url = reverse("admin:reviews_article_add")
    response = client.post(url, article_form(film, tags="harbours, sea\x0bside"))
    assert response.status_code == 200 and "U+000B" in response.content.decode()
    assert not Tag.objects.exists() and not Article.objects.exists()
    response = client.post(url, article_form(film, tags="harbours, seaside"))  # the control
    assert response.status_code == 302
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["harbours", "seaside"]


PROSE = (
    "It never leaves on time, and the town waits for it as for a letter that might bring news "
    "of anyone at all: the baker, the pilot's sister, the schoolteacher who came for a year.\n\n"
)
IMPORTED = (
    "Salt\x0bRoad (2019)\n\nDirected by Ada Lind.\n\n"
    "The harbour is quiet\x02 until the ferry comes.\x0cIt never leaves on time.\n\n" + PROSE * 4
)


def test_the_import_strips_control_characters_with_a_warning(db):
    result = article_import_bytes(data=IMPORTED.encode(), max_bytes=100_000)

    article = Article.objects.get(pk=result.article.pk)
    stored = [article.title, article.source_text, *article.sections.values_list("body", flat=True)]
    assert all("\x0b" not in t and "\x02" not in t and "\x0c" not in t for t in stored)
    assert "quiet until the ferry" in article.source_text  # removed, not replaced by a space
    assert "ferry comes.\nIt never leaves" in article.source_text  # a page break: a new line
    warning = next(w for w in result.warnings if "control character" in w.message)
    assert "3 invisible control character" in warning.message and warning.line == 1
    # The control: a clean text imports without that warning.
    clean = article_import_bytes(data=IMPORTED.replace("\x02", "").replace("\x0b", " ")
                                 .replace("\x0c", " ").replace("Salt", "Sand").encode(),
                                 max_bytes=100_000)  # fmt: skip
    assert not [w for w in clean.warnings if "control character" in w.message]


def raw_update(model, pk, **values) -> None:
    """Write past every validator, as rows saved before the fix were."""
    table = model._meta.db_table
    columns = ", ".join(f"{connection.ops.quote_name(c)} = %s" for c in values)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {columns} WHERE id = %s", [*values.values(), pk])


def run_cleaning_migration() -> None:
    migration = importlib.import_module("editorial.migrations.0007_clean_control_characters")
    migration.clean(apps, SimpleNamespace(connection=connection))


def test_the_migration_cleans_every_stored_text_and_leaves_clean_text_alone(django_user_model):
    nul = "\x00" if connection.vendor == "sqlite" else ""  # PostgreSQL could never store NUL
    article = f.ArticleFactory(title="Salt Road")
    section = f.SectionFactory(article=article, body="Quiet.")
    control = f.ArticleFactory(title=FRIENDLY[1], standfirst="\t".join(FRIENDLY))
    person = f.PersonFactory(name="Ada Lind")
    raw_update(Article, article.pk, title="Salt\x0bRoad", standfirst=f"One\x02{nul}two\r\nthree",
               source_text="Imported\x0cfrom a page\x1b[0m.")  # fmt: skip
    raw_update(Section, section.pk, body="Quiet\x02.\x0bLoud.")
    raw_update(Person, person.pk, name="Ada\x01 Lind", bio=f"Bio{nul}graphy")
    user = django_user_model.objects.create(username="ed")
    StatusChange.objects.create(article=article, to_status="draft", changed_by=user)
    entry = LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(article.pk),
        object_repr="x",
        action_flag=CHANGE,
        change_message=json.dumps([{"changed": {"fields": ["Title\x0b"]}}]),
    )
    raw_update(LogEntry, entry.pk, object_repr="Salt\x0bRoad")
    revision = Revision.objects.create(date_created=article.created_at, comment="ok")
    raw_update(Revision, revision.pk, comment="Saved\x02.")
    version = Version.objects.create(
        revision=revision,
        object_id=str(article.pk),
        content_type=ContentType.objects.get_for_model(Article),
        db="default",
        format="json",
        serialized_data=json.dumps([{"model": "reviews.article", "fields": {"title": "A\x0bB"}}]),
        object_repr="A\x0bB",
    )
    draft = AutosavedDraft.objects.create(
        user=user, key=f"article-{article.pk}", data={"title": "Typed\x0cthen", "n": ["\x02"]}
    )
    before_control = Article.objects.filter(pk=control.pk).values().get()

    run_cleaning_migration()

    article.refresh_from_db()
    assert article.title == "Salt Road"  # a single line: the break is a space
    assert article.standfirst == "Onetwo\nthree"
    assert article.source_text == "Imported\nfrom a page[0m."
    assert Section.objects.get(pk=section.pk).body == "Quiet.\nLoud."
    assert Person.objects.get(pk=person.pk).name == "Ada Lind"
    assert Person.objects.get(pk=person.pk).bio == "Biography"
    assert LogEntry.objects.get(pk=entry.pk).object_repr == "Salt Road"
    assert "\\u000b" not in LogEntry.objects.get(pk=entry.pk).change_message
    assert json.loads(LogEntry.objects.get(pk=entry.pk).change_message)[0]["changed"] == {
        "fields": ["Title\n"]
    }
    assert Revision.objects.get(pk=revision.pk).comment == "Saved."
    version = Version.objects.get(pk=version.pk)
    assert json.loads(version.serialized_data)[0]["fields"]["title"] == "A\nB"
    assert version.object_repr == "A\nB"
    assert AutosavedDraft.objects.get(pk=draft.pk).data == {"title": "Typed\nthen", "n": [""]}
    # The control: clean text, right-to-left marks, emoji, tabs and spaces are untouched.
    assert Article.objects.filter(pk=control.pk).values().get() == before_control
    assert "\t" in before_control["standfirst"]

    run_cleaning_migration()  # idempotent
    article.refresh_from_db()
    assert article.title == "Salt Road"
