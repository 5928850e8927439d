"""resolve: a text's films against the site and the rest of its run, then saved under them."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from importer.parse.document import parse_text
from importer.resolve import PeoplePool, Resolver
from importer.save import article_import
from people.models import Credit, Person
from reviews.models import Article, Film
from tests.factories import FilmFactory, PersonFactory

pytestmark = pytest.mark.django_db

YEARLESS = """\
Harbour of Lights is the quietest film Mara Okafor has made.

In Harbour of Lights the sea is a character, and Harbour of Lights never hurries.

Ines Vale plays Ada, a harbour pilot. Harbour of Lights lets her breathe.
"""


def resolved(text: str) -> tuple:
    parsed = Resolver().text(parse_text(text))
    return parsed, [w.message for w in parsed.warnings]


def import_text(text: str, **options):
    return article_import(parsed=parse_text(text), source_text=text, **options)


def run_command(folder: Path, *args: str) -> dict:
    out = io.StringIO()
    call_command("import_texts", str(folder), "--report", "json", *args, stdout=out)
    return json.loads(out.getvalue())


# --- the site ---------------------------------------------------------------------------------


def test_a_bare_title_that_names_exactly_one_film_on_the_site_is_that_film():
    site_film = FilmFactory(title="Harbour of Lights", year=2011)
    parsed, warnings = resolved(YEARLESS)
    assert (parsed.film.title, parsed.film.year) == ("Harbour of Lights", 2011)
    assert not any("no year" in w for w in warnings)
    assert "on the site as Harbour of Lights (2011)" in parsed.candidates[0].evidence

    result = import_text(YEARLESS)
    assert result.film.outcome == "matched" and result.film.slug == site_film.slug
    assert Film.objects.count() == 1
    assert Credit.objects.get(person__name="Ines Vale").film == site_film


def test_a_bare_title_naming_several_films_on_the_site_warns_and_takes_no_year():
    FilmFactory(title="Harbour of Lights", year=1958)
    FilmFactory(title="Harbour of Lights", year=2011)
    parsed, warnings = resolved(YEARLESS)
    assert parsed.film.year is None
    [warning] = [w for w in warnings if "site has 2 films" in w]
    assert "Harbour of Lights (1958)" in warning and "Harbour of Lights (2011)" in warning


def test_a_yearless_film_not_on_the_site_warns_and_names_the_candidates():
    FilmFactory(title="Some Other Film", year=2011)
    parsed, warnings = resolved(YEARLESS)
    assert parsed.film.year is None
    [warning] = [w for w in warnings if "not on the site" in w]
    assert "'Harbour of Lights'" in warning and "bare title in the prose" in warning
    # Control: the same text with its year says nothing of the kind.
    _, dated = resolved(
        YEARLESS.replace("quietest", "quietest (2011)").replace(
            "Harbour of Lights is the quietest (2011)", "Harbour of Lights (2011) is the quietest"
        )
    )
    assert not any("not on the site" in w or "no year" in w for w in dated)


def test_the_site_tips_a_choice_between_two_bare_titles_toward_the_film_it_knows():
    text = (
        "Two films this week\n\nThe Quiet Acre opens on Friday, and in The Quiet Acre a farmer "
        "waits. The Quiet Acre is slow; The Quiet Acre is long.\n\nPaper Moons opens too, and "
        "in Paper Moons a girl draws. Paper Moons is the better of the two.\n"
    )
    parsed, _ = resolved(text)
    assert parsed.film.title == "The Quiet Acre"  # named more often
    FilmFactory(title="Paper Moons", year=2020)
    parsed, warnings = resolved(text)
    assert (parsed.film.title, parsed.film.year) == ("Paper Moons", 2020)
    assert any("chose 'Paper Moons (2020)', which is on the site" in w for w in warnings)


def test_a_passing_mention_on_the_site_does_not_beat_a_repeated_bare_title():
    FilmFactory(title="The Glass Orchard", year=2003)
    text = YEARLESS + "\nOkafor made The Glass Orchard (2003) before it.\n"
    parsed, _ = resolved(text)
    assert parsed.film.title == "Harbour of Lights"
    assert [str(m) for m in parsed.mentions] == ["The Glass Orchard (2003)"]


# --- the run ----------------------------------------------------------------------------------


def test_a_yearless_review_and_a_dated_article_of_one_run_end_under_one_film(tmp_path):
    (tmp_path / "a_review.txt").write_text(YEARLESS)
    (tmp_path / "b_essay.txt").write_text(
        "Harbour of Lights (2011): the sea as a character\n\nHarbour of Lights (2011) is "
        "about a harbour pilot and the sea she cannot leave.\n\nIt is Okafor's best.\n"
    )
    report = run_command(tmp_path)
    assert report["totals"]["imported"] == 2
    assert Film.objects.count() == 1
    film = Film.objects.get()
    assert (film.title, film.year) == ("Harbour of Lights", 2011)
    assert {a.films.get() for a in Article.objects.all()} == {film}
    review = next(f for f in report["files"] if f["source"].endswith("a_review.txt"))
    assert not any("no year" in w["message"] for w in review["warnings"])


def test_texts_of_one_run_about_different_titles_stay_apart(tmp_path):
    (tmp_path / "a_review.txt").write_text(YEARLESS)
    (tmp_path / "b_essay.txt").write_text(
        "Winter Roads (2011): a road movie\n\nWinter Roads (2011) follows a bus.\n\nGood.\n"
    )
    run_command(tmp_path)
    assert sorted((f.title, f.year) for f in Film.objects.all()) == [
        ("Harbour of Lights", None),
        ("Winter Roads", 2011),
    ]


def test_a_dry_run_of_two_texts_about_one_new_film_reports_it_new_twice_and_saves_nothing(
    tmp_path,
):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(
            f"Winter Roads (2011) review {name}\n\nWinter Roads (2011) follows a bus.\n\nGood.\n"
        )
    report = run_command(tmp_path, "--dry-run")
    assert [f["film"]["outcome"] for f in report["files"]] == ["created", "created"]
    assert not Film.objects.exists()
    # Control: the real run creates the film once and matches it for the second text.
    report = run_command(tmp_path)
    assert [f["film"]["outcome"] for f in report["files"]] == ["created", "matched"]
    assert Film.objects.count() == 1


# --- several films ----------------------------------------------------------------------------

DOUBLE_BILL = """\
# Double bill: The Salt Road and Harbour Lights

Two films about leaving, ten years apart, that play well on one night.

## The Salt Road (2019)

Director Mara Okafor keeps it tight. Ines Vale plays Ada, a smuggler who has had enough.

## Harbour Lights (2014)

Here Lev Arden plays Tomas, a ferryman, and director Jonah Pike takes his time.
"""


def test_a_double_bill_is_filed_under_both_films_with_each_cast_on_its_own():
    result = import_text(DOUBLE_BILL)
    article = Article.objects.get(pk=result.article.pk)
    assert sorted(str(f) for f in article.films.all()) == [
        "Harbour Lights (2014)",
        "The Salt Road (2019)",
    ]
    assert [f.title for f in result.films] == ["The Salt Road", "Harbour Lights"]
    credits = {
        (c.person.name, c.film.title) for c in Credit.objects.select_related("person", "film")
    }
    assert credits == {
        ("Mara Okafor", "The Salt Road"),
        ("Ines Vale", "The Salt Road"),
        ("Lev Arden", "Harbour Lights"),
        ("Jonah Pike", "Harbour Lights"),
    }
    assert Credit.objects.get(person__name="Lev Arden").character.film.title == "Harbour Lights"


def test_a_double_bill_matches_the_film_already_on_the_site():
    harbour = FilmFactory(title="Harbour Lights", year=2014)
    result = import_text(DOUBLE_BILL)
    assert [f.outcome for f in result.films] == ["created", "matched"]
    assert Credit.objects.get(person__name="Jonah Pike").film == harbour
    assert Film.objects.count() == 2


def test_resolving_a_resolved_text_changes_nothing():
    FilmFactory(title="Harbour of Lights", year=None)
    once, _ = resolved(YEARLESS)
    assert Resolver().text(once) == once
    assert "on the site as Harbour of Lights" in once.candidates[0].evidence


# --- people: one query for a text's names -----------------------------------------------------

TWO_SPELLINGS = """\
The Quarry Road (2016) is a patient film.

Director O'Hara Vale keeps the camera low. Ohara Vale plays Tomas, the quarry's night watchman.
"""


def test_two_names_of_one_slug_in_one_text_become_two_people_with_free_slugs():
    result = import_text(TWO_SPELLINGS)
    assert result.outcome == "imported"
    people = dict(Person.objects.values_list("name", "slug"))
    assert people == {"O'Hara Vale": "ohara-vale", "Ohara Vale": "ohara-vale-2"}


def test_a_name_already_on_the_site_is_that_person_among_new_ones():
    site_person = PersonFactory(name="Ohara Vale", slug="ohara-vale")
    result = import_text(TWO_SPELLINGS)
    outcomes = {c.person: c.person_outcome for c in result.credits}
    assert outcomes == {"O'Hara Vale": "created", "Ohara Vale": "matched"}
    assert Credit.objects.get(role="actor").person == site_person
    assert Person.objects.get(name="O'Hara Vale").slug == "ohara-vale-2"


def test_the_people_a_text_names_are_read_in_one_query(django_assert_num_queries):
    PersonFactory(name="Ohara Vale", slug="ohara-vale")
    pool = PeoplePool()
    with django_assert_num_queries(1):
        pool.read(["O'Hara Vale", "Ohara Vale", "Mara Okafor"])
        assert [p.name for p in pool.named("Ohara Vale")[0]] == ["Ohara Vale"]
        assert pool.named("O'Hara Vale") == ([], [pool.named("Ohara Vale")[0][0]])
        assert pool.named("Mara Okafor") == ([], [])
    with django_assert_num_queries(1):  # a name not read before is asked for
        assert pool.named("Ines Vale") == ([], [])
