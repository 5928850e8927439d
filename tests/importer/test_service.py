"""article_import(): a text saved all or nothing, matched not duplicated, re-importable."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importer.parse.document import decode_and_parse, parse_text
from importer.parse.records import ImportTextError, LinkRecord, SectionRecord
from importer.save import ImportResult, article_import, article_import_bytes
from people.models import Character, Credit, Person
from reviews.models import Article, Author, Film, Genre, Section
from tests.factories import (
    ActorCreditFactory,
    ArticleFactory,
    AuthorFactory,
    CharacterFactory,
    CreditFactory,
    FilmFactory,
    PersonFactory,
)
from tests.importer.helpers import SAMPLES

pytestmark = pytest.mark.django_db
MAX_BYTES = 2 * 1024 * 1024
MODELS = (Film, Genre, Person, Character, Credit, Author, Article, Section)


def import_sample(name: str, **options) -> ImportResult:
    return article_import_bytes(data=(SAMPLES / name).read_bytes(), max_bytes=MAX_BYTES, **options)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


# --- what one import saves ----------------------------------------------------------------------


def test_review_saves_film_people_credits_article_and_sections():
    result = import_sample("review_salt_road.txt")

    film = Film.objects.get()
    assert (film.title, film.year) == ("The Salt Road", 2019)
    article = Article.objects.get()
    assert article.pk == result.article.pk
    assert list(article.films.all()) == [film]
    assert (article.kind, article.status, article.rating) == ("review", "draft", 4)
    assert article.title == "The Salt Road review: a slow burn across the border"
    credits = {
        (c.person.name, c.role, c.character.name if c.character else None)
        for c in film.credits.select_related("person", "character")
    }
    assert credits == {
        ("Mara Okafor", "director", None),
        ("Mara Okafor", "writer", None),
        ("Lev Arden", "writer", None),
        ("Ines Vale", "actor", "Ada"),
        ("Dario Benn", "actor", "Tomas"),
        ("Kofi Mensah", "actor", "Hale"),
    }
    assert Person.objects.count() == 5
    assert [(s.order, s.kind, s.is_spoiler) for s in article.sections.all()] == [
        (1, "intro", False),
        (2, "analysis", False),
        (3, "verdict", False),
    ]
    assert "<p>" in article.sections.first().body_html


def test_original_text_and_fingerprint_are_kept():
    data = (SAMPLES / "review_salt_road.txt").read_bytes()
    text, parsed = decode_and_parse(data, max_bytes=MAX_BYTES)

    article_import(parsed=parsed, source_text=text)

    article = Article.objects.get()
    assert article.source_text == data.decode("utf-8")
    assert article.source_fingerprint == parsed.fingerprint
    assert len(article.source_fingerprint) == 64


def test_runtime_genres_and_character_sections_from_an_analysis():
    import_sample("analysis_salt_road_ending.txt")

    film = Film.objects.get()
    assert film.runtime_minutes == 110
    assert sorted(film.genres.values_list("name", flat=True)) == ["Action", "Crime", "Drama"]
    article = Article.objects.get()
    assert article.kind == "ending"
    sections = list(article.sections.select_related("character"))
    assert [(s.kind, s.is_spoiler) for s in sections] == [
        ("intro", False),
        ("analysis", True),  # the intro's last sentence announces the ending: split off
        ("character", True),
        ("synopsis", True),
        ("ending", True),
        ("theme", True),
    ]
    ada = sections[2].character
    assert (ada.name, ada.film) == ("Ada", film)
    assert Character.objects.filter(film=film, name="Ada").count() == 1  # the credit's, reused


def test_image_slots_are_kept_on_their_section_and_reported():
    result = import_sample("analysis_salt_road_ending.txt")
    stored = Article.objects.get(slug=result.article.slug).sections.order_by("order")
    assert stored[2].image_slot == "A still from “The Salt Road” (2019)"
    assert stored[0].image_slot == stored[1].image_slot == ""

    slot = result.sections[2].image
    assert slot == {
        "alt_text": "The Salt Road (2019)",
        "caption": "A still from “The Salt Road” (2019)",
    }
    assert any("upload the picture" in w.message for w in result.warnings)
    assert result.sections[0].image is None


def test_rating_only_on_reviews():
    essay = import_sample("essay_front_matter.md")
    review = import_sample("review_paper_moons.txt")

    assert Article.objects.get(pk=essay.article.pk).rating is None
    assert any("only reviews have a rating" in w.message for w in essay.warnings)
    assert Article.objects.get(pk=review.article.pk).rating == 3.5


def test_front_matter_sets_slug_status_tags_author_and_date():
    import_sample("essay_front_matter.md")

    article = Article.objects.get()
    assert article.slug == "salt-road-landscape"
    assert article.status == "review"
    assert sorted(article.tags.names()) == ["borders", "landscape", "slow cinema"]
    assert article.author.name == "Priya Nandakumar"
    assert article.published_at.date() == date(2024, 3, 1)
    assert article.standfirst == "Mara Okafor's thriller is really a film about weather."


def test_author_matched_by_name_not_duplicated():
    existing = AuthorFactory(name="PRIYA Nandakumar", slug="priya")

    import_sample("essay_front_matter.md")

    assert Author.objects.get() == existing
    assert Article.objects.get().author == existing


def test_imported_articles_are_drafts_unless_published():
    draft = import_sample("review_salt_road.txt")
    published = import_sample("review_paper_moons.txt", publish=True)

    assert Article.objects.get(pk=draft.article.pk).status == "draft"
    article = Article.objects.get(pk=published.article.pk)
    assert article.status == "published" and article.published_at is not None
    assert article.is_live


def test_slug_is_unique_when_titles_repeat():
    first = import_sample("review_salt_road.txt")
    text = (SAMPLES / "review_salt_road.txt").read_text() + "\nA second look, a week later.\n"
    second = article_import(parsed=parse_text(text), source_text=text)

    assert first.article.slug == "the-salt-road-review-a-slow-burn-across-the-border"
    assert second.article.slug == first.article.slug + "-2"
    assert Article.objects.count() == 2


def test_front_matter_slug_taken_by_another_article_gets_a_suffix_and_a_warning():
    ArticleFactory(slug="salt-road-landscape")

    result = import_sample("essay_front_matter.md")

    assert result.article.slug == "salt-road-landscape-2"
    assert any("slug 'salt-road-landscape' is taken" in w.message for w in result.warnings)


def test_ranked_list_is_about_the_films_it_ranks():
    salt_road = FilmFactory(title="The Salt Road", year=2019)
    other = FilmFactory(title="Another Film", year=2019)

    result = import_sample("list_heist_films.txt")

    article = Article.objects.get()
    assert article.kind == "list"
    # Every ranked film is one of the list's films: matched if on the site, else created (#13).
    assert salt_road in article.films.all() and other not in article.films.all()
    assert article.films.count() == 5 and Film.objects.count() == 6
    assert [f.outcome for f in result.films] == ["matched"] + ["created"] * 4
    assert result.mentions == [] and result.film is None


# --- matching: films, people, characters, credits ------------------------------------------------


def test_film_matched_not_duplicated():
    film = FilmFactory(title="The Salt Road", year=2019, runtime_minutes=None)

    result = import_sample("analysis_salt_road_ending.txt")

    assert Film.objects.get() == film
    assert result.film.outcome == "matched"
    film.refresh_from_db()
    assert film.runtime_minutes == 110  # a blank is filled in


def test_film_match_ignores_case_and_accents():
    film = FilmFactory(title="EGLISE des vents", year=2012)

    result = import_sample("review_eglise_des_vents.txt")

    assert result.film.outcome == "matched"
    assert Film.objects.get() == film


def test_film_matched_by_original_title():
    film = FilmFactory(title="Church of the Winds", original_title="Église des Vents", year=2012)

    import_sample("review_eglise_des_vents.txt")

    assert Film.objects.get() == film
    assert list(Article.objects.get().films.all()) == [film]


def test_same_title_other_year_is_another_film():
    FilmFactory(title="The Salt Road", year=1961)

    result = import_sample("review_salt_road.txt")

    assert result.film.outcome == "created"
    assert sorted(Film.objects.values_list("year", flat=True)) == [1961, 2019]


def test_matched_film_keeps_what_the_editor_set():
    film = FilmFactory(title="The Salt Road", year=2019, runtime_minutes=104)

    result = import_sample("analysis_salt_road_ending.txt")

    film.refresh_from_db()
    assert film.runtime_minutes == 104
    assert any("kept" in w.message and "110" in w.message for w in result.warnings)
    assert film.genres.count() == 3  # genres are added


def test_links_saved_where_the_text_gives_a_url():
    data = (SAMPLES / "analysis_salt_road_ending.txt").read_bytes()
    text, parsed = decode_and_parse(data, max_bytes=MAX_BYTES)
    links = (
        LinkRecord("IMDb", "https://www.imdb.com/title/tt0000001/"),
        LinkRecord("Letterboxd", "https://example.org/not-letterboxd"),
        LinkRecord("Rotten Tomatoes"),
    )
    parsed = replace(parsed, film=replace(parsed.film, links=links))

    result = article_import(parsed=parsed, source_text=text)

    film = Film.objects.get()
    assert film.imdb_url == "https://www.imdb.com/title/tt0000001/"
    assert film.letterboxd_url == "" and film.rotten_tomatoes_url == ""
    assert any("Letterboxd link" in w.message for w in result.warnings)


def test_people_never_duplicated_across_texts_spellings_and_roles():
    PersonFactory(name="Ines Vale", slug="ines-vale-actress")
    PersonFactory(name="Agnès Thorsen")

    import_sample("review_salt_road.txt")
    import_sample("analysis_salt_road_ending.txt")
    import_sample("review_markdown_headings.md")

    names = list(Person.objects.values_list("name", flat=True))
    assert len(names) == len(set(names))
    assert Person.objects.filter(name="Ines Vale").count() == 1
    assert not Person.objects.filter(name="Agnes Thorsen").exists()
    assert Credit.objects.get(role="director", film__title="Cold Harbour").person.name == (
        "Agnès Thorsen"
    )
    okafor = Person.objects.get(name="Mara Okafor")
    assert sorted(okafor.credits.values_list("role", flat=True)) == ["director", "writer"]


def test_people_only_from_names():
    import_sample("review_tin_lanterns.txt")

    assert set(Person.objects.values_list("name", flat=True)) == {
        "Oona Blackwood",
        "Piers Lindqvist",
        "Marguerite Okonjo",
    }


def test_credits_respect_the_credit_constraints():
    import_sample("review_paper_moons.txt")

    assert not Credit.objects.exclude(role="actor").filter(character__isnull=False).exists()
    assert Credit.objects.filter(role="actor", character__isnull=False).count() == 2
    assert Credit.objects.filter(role="composer", person__name="Ilse Marchetti").exists()


def test_existing_credit_without_character_gets_the_character():
    film = FilmFactory(title="The Salt Road", year=2019)
    ines = PersonFactory(name="Ines Vale")
    credit = CreditFactory(film=film, person=ines, role="actor", character=None)

    import_sample("review_salt_road.txt")

    credit.refresh_from_db()
    assert credit.character.name == "Ada"
    assert Credit.objects.filter(film=film, person=ines).count() == 1


def test_existing_cast_is_matched():
    film = FilmFactory(title="The Salt Road", year=2019)
    ada = CharacterFactory(film=film, name="Ada", slug="ada")
    ActorCreditFactory(film=film, person=PersonFactory(name="Ines Vale"), character=ada)

    result = import_sample("review_salt_road.txt")

    ines = next(c for c in result.credits if c.person == "Ines Vale")
    assert (ines.outcome, ines.person_outcome) == ("matched", "matched")
    assert Character.objects.filter(film=film, name="Ada").count() == 1


# --- all or nothing -----------------------------------------------------------------------------


def test_a_failure_mid_save_leaves_nothing_of_the_text():
    data = (SAMPLES / "review_salt_road.txt").read_bytes()
    text, parsed = decode_and_parse(data, max_bytes=MAX_BYTES)
    # The database needs a body for every section: the last one fails after all else is saved.
    broken = SectionRecord(heading="Afterword", kind="analysis", is_spoiler=False, body="")
    parsed = replace(parsed, sections=(*parsed.sections, broken))
    before = counts()

    with pytest.raises(ImportTextError, match=r"section 4 \(Afterword\).*body"):
        article_import(parsed=parsed, source_text=text)

    assert counts() == before == dict.fromkeys(before, 0)


def test_failure_keeps_what_other_texts_saved():
    import_sample("review_paper_moons.txt")
    before = counts()
    text, parsed = decode_and_parse(
        (SAMPLES / "review_salt_road.txt").read_bytes(), max_bytes=MAX_BYTES
    )
    bad = SectionRecord(heading=None, kind="not-a-kind", is_spoiler=False, body="Text.")

    with pytest.raises(ImportTextError, match="kind"):
        article_import(parsed=replace(parsed, sections=(bad,)), source_text=text)

    assert counts() == before
    assert Article.objects.get().title == "Paper Moons (2015) review"


# --- re-import ----------------------------------------------------------------------------------


def test_reimport_updates_the_same_article_and_duplicates_nothing():
    first = import_sample("analysis_salt_road_ending.txt")
    before = counts()

    again = import_sample("analysis_salt_road_ending.txt")

    assert counts() == before
    assert again.article.pk == first.article.pk
    assert again.outcome == "unchanged"
    assert again.film.outcome == "matched"
    assert {c.outcome for c in again.credits} == {"matched"}


def test_reimport_with_other_line_endings_is_the_same_text():
    first = import_sample("review_salt_road.txt")
    windows = (SAMPLES / "review_salt_road.txt").read_bytes().replace(b"\n", b"\r\n")

    again = article_import_bytes(data=b"\xef\xbb\xbf" + windows, max_bytes=MAX_BYTES)

    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1


def test_reimport_with_publish_publishes_the_draft():
    first = import_sample("review_salt_road.txt")

    again = import_sample("review_salt_road.txt", publish=True)

    assert again.outcome == "updated"
    article = Article.objects.get()
    assert (article.pk, article.status) == (first.article.pk, "published")


def test_reimport_leaves_an_edited_article_alone():
    first = import_sample("review_salt_road.txt")
    article = Article.objects.get()
    article.title = "Salt and silence"
    article.save()
    section = article.sections.get(order=2)
    section.body = "An editor rewrote this paragraph."
    section.save()

    again = import_sample("review_salt_road.txt")

    assert again.outcome == "skipped"
    assert any("left as it is" in w.message for w in again.warnings)
    article.refresh_from_db()
    assert article.title == "Salt and silence"
    assert article.sections.get(order=2).body == "An editor rewrote this paragraph."
    assert Article.objects.get().pk == first.article.pk


def test_reimport_with_overwrite_replaces_the_edits():
    import_sample("review_salt_road.txt")
    Article.objects.update(title="Salt and silence")

    again = import_sample("review_salt_road.txt", overwrite=True)

    assert again.outcome == "updated"
    assert Article.objects.get().title == "The Salt Road review: a slow burn across the border"
    assert Section.objects.count() == 3


def test_reimport_does_not_publish_an_article_an_editor_unpublished():
    import_sample("review_salt_road.txt")
    Article.objects.update(status="unpublished")

    again = import_sample("review_salt_road.txt", publish=True)

    assert again.outcome == "unchanged"
    assert Article.objects.get().status == "unpublished"
    assert any("not published" in w.message for w in again.warnings)


# --- dry run ------------------------------------------------------------------------------------


def test_dry_run_writes_nothing_and_reports_the_same():
    dry = import_sample("review_salt_road.txt", dry_run=True)

    assert counts() == dict.fromkeys(counts(), 0)
    assert dry.dry_run and dry.outcome == "imported" and dry.article.pk is None
    real = import_sample("review_salt_road.txt")
    reports = [dry.as_dict(), real.as_dict()]
    for report in reports:
        del report["dry_run"], report["article"]["pk"]
    assert reports[0] == reports[1]


def test_dry_run_of_a_reimport_reports_matches():
    import_sample("review_salt_road.txt", publish=False)
    before = counts()

    dry = import_sample("review_salt_road.txt", dry_run=True, publish=True)

    assert dry.outcome == "updated" and dry.film.outcome == "matched"
    assert counts() == before
    assert Article.objects.get().status == "draft"


# --- any text: an import or a clean error -------------------------------------------------------

LINES = st.sampled_from(
    [
        "The Salt Road (2019)",
        "A still from “The Salt Road” (2019)",
        "Spoilers ahead",
        "Who is Ada?",
        "The Salt Road (2019) Movie Ending Explained:",
        "The Salt Road (2019) Movie Cast: Ines Vale, Dario Benn as Tomas, Cher",
        "Runtime: 1h 50m, Genre: Crime/Drama",
        "Movie Links: IMDb, https://www.imdb.com/title/tt0000001/",
        "Rating: 4.5",
        "1. Cold Harbour (2020)",
        "## A heading",
        "---",
        "",
        "Director Mara Okafor, co-written with Lev Arden, stars Ines Vale as Ada.",
        "Ada (Ines Vale, superb) and Tomas (Dario Benn) argue.",
        "It is a patient film. ★★★★☆",
    ]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=25))
def test_any_text_imports_or_fails_cleanly(lines):
    data = "\n".join(lines).encode()
    try:
        result = article_import_bytes(data=data, max_bytes=MAX_BYTES, dry_run=True)
    except ImportTextError as exc:
        assert exc.message
    else:
        assert result.sections and result.article.title
