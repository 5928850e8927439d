"""Plain-text review essays: film, credits, mentions, sections and explicit ratings only."""

from decimal import Decimal

import pytest

from importer.parse.document import parse_text
from tests.importer.helpers import credits_of, messages, parse_sample


@pytest.mark.parametrize(
    ("sample", "title", "year"),
    [
        ("review_salt_road.txt", "The Salt Road", 2019),
        ("review_glass_orchard.txt", "The Glass Orchard", 2021),
        ("review_tin_lanterns.txt", "Tin Lanterns", 2018),
        ("review_paper_moons.txt", "Paper Moons", 2015),
    ],
)
def test_review_finds_the_film_under_review(sample, title, year):
    parsed = parse_sample(sample)
    assert (parsed.film.title, parsed.film.year) == (title, year)
    assert parsed.article.kind == "review"


@pytest.mark.parametrize(
    ("sample", "rating"),
    [
        ("review_salt_road.txt", Decimal("4.0")),  # ★★★★☆
        ("review_glass_orchard.txt", Decimal("3.5")),  # 7/10
        ("review_paper_moons.txt", Decimal("3.5")),  # Rating: 3.5/5
        ("review_markdown_headings.md", Decimal("4.0")),  # 4 out of 5 stars
    ],
)
def test_review_rating_read_from_explicit_forms(sample, rating):
    assert parse_sample(sample).article.rating == rating


def test_praise_is_not_a_rating():
    # "a masterpiece of mood" and "a five-star ending to a three-star story" are praise.
    parsed = parse_sample("review_tin_lanterns.txt")
    assert parsed.article.rating is None
    assert "rating not given" in messages(parsed)
    assert parse_sample("review_salt_road.txt").article.rating is not None  # control


@pytest.mark.parametrize(
    ("line", "rating"),
    [
        ("★★★★☆", "4.0"),
        ("★★★½", "3.5"),
        ("4/5", "4.0"),
        ("3.5/5", "3.5"),
        ("I give it 4 out of 5 stars.", "4.0"),
        ("8/10", "4.0"),
        ("Rating: 4.5", "4.5"),
        ("Our rating: 2 stars", "2.0"),
        ("Verdict: ★★★", "3.0"),
    ],
)
def test_rating_forms(line, rating):
    text = f"The Salt Road (2019) is a thriller.\n\nIt is very good.\n\n{line}\n"
    assert parse_text(text).article.rating == Decimal(rating)


@pytest.mark.parametrize(
    "line",
    [
        "A masterpiece.",
        "A five-star cast in a two-star film.",
        "Two out of five characters survive.",
        "It opened on 12/10/2019 in cinemas.",
        "The film's four stars share one scene.",
        "Four out of five stars.",  # a number in words is never a rating (#13)
    ],
)
def test_not_a_rating(line):
    text = f"The Salt Road (2019) is a thriller.\n\n{line}\n\nIt is very good.\n"
    parsed = parse_text(text)
    assert parsed.article.rating is None
    assert parse_text(text + "\n4/5\n").article.rating == Decimal("4.0")  # control


def test_rating_rounded_to_half_stars_with_warning():
    parsed = parse_text("The Salt Road (2019) is a thriller.\n\nGood.\n\n7.5/10\n")
    assert parsed.article.rating == Decimal("4.0")
    assert any("rounded" in message for message in messages(parsed))


def test_several_ratings_warn_and_use_the_last():
    parsed = parse_text("The Salt Road (2019): 3/5 at first.\n\nOn a second look, 4/5.\n")
    assert parsed.article.rating == Decimal("4.0")
    assert any("several ratings" in message for message in messages(parsed))


def test_director_co_writer_and_cast_in_parentheses():
    assert credits_of(parse_sample("review_salt_road.txt")) == {
        ("Mara Okafor", "director", None),
        ("Mara Okafor", "writer", None),  # "co-written with" Lev Arden
        ("Lev Arden", "writer", None),
        ("Ines Vale", "actor", "Ada"),
        ("Dario Benn", "actor", "Tomas"),
        ("Kofi Mensah", "actor", "Hale"),
    }


def test_directed_by_written_by_and_actor_as_character():
    assert credits_of(parse_sample("review_glass_orchard.txt")) == {
        ("Tobias Wren", "director", None),
        ("Selma Quist", "writer", None),
        ("Jonah Pike", "writer", None),
        ("Noor Haddad", "actor", "Leila"),
        ("Elsie Tran", "actor", "Mira"),  # "her sister Mira, played by Elsie Tran"
    }


def test_hard_wrapped_text_keeps_names_across_line_breaks():
    assert credits_of(parse_sample("review_tin_lanterns.txt")) == {
        ("Oona Blackwood", "writer", None),
        ("Piers Lindqvist", "writer", None),  # "Piers\nLindqvist"
        ("Marguerite Okonjo", "actor", "Bess"),  # "Marguerite Okonjo plays Bess"
    }


def test_crew_roles_from_prose():
    credits = credits_of(parse_sample("review_paper_moons.txt"))
    assert ("Ilse Marchetti", "composer", None) in credits
    assert ("Ravi Menon", "cinematographer", None) in credits
    assert ("Benedikt Laine", "writer", None) in credits  # "co-wrote the script with"
    assert ("Amara Diallo", "actor", "Rue") in credits


def test_other_films_with_years_are_mentions_not_the_film():
    parsed = parse_sample("review_glass_orchard.txt")
    assert parsed.film.title == "The Glass Orchard"
    assert [(m.title, m.year) for m in parsed.mentions] == [
        ("The Quiet Acre", 2016),
        ("The Glass Orchard 2", 2024),  # the sequel is a mention, not the film
    ]


def test_film_named_most_wins_over_earlier_mention():
    text = (
        "Unlike Harbour Lights (2014), The Salt Road (2019) is quiet.\n\n"
        "The Salt Road (2019) listens. The Salt Road (2019) waits.\n"
    )
    parsed = parse_text(text)
    assert parsed.film.title == "The Salt Road"
    assert [m.title for m in parsed.mentions] == ["Harbour Lights"]


def test_review_sections_intro_analysis_verdict():
    sections = parse_sample("review_salt_road.txt").sections
    assert [s.kind for s in sections] == ["intro", "analysis", "verdict"]
    assert sections[-1].body.startswith("A patient, salt-dry thriller")
    assert not any(s.is_spoiler for s in sections)


def test_title_line_becomes_article_title():
    parsed = parse_sample("review_salt_road.txt")
    assert parsed.article.title == "The Salt Road review: a slow burn across the border"
    assert "The Salt Road review" not in parsed.sections[0].body


def test_missing_title_is_derived_with_warning():
    parsed = parse_sample("review_glass_orchard.txt")
    assert parsed.article.title == "The Glass Orchard (2021) review"
    assert any("no title line" in message for message in messages(parsed))


def test_review_prose_keeps_typographic_quotes():
    text = "The Salt Road (2019) is “quiet”, and Ada’s silence says it all.\n\nGood.\n"
    assert "“quiet”" in parse_text(text).sections[0].body


@pytest.mark.parametrize(
    "sentence",
    [
        "When The Salt Road opens, the wind is already blowing.",
        "This Monday matinee was quiet, and The Crowd Stayed put.",
        "In March Hare country the salt is white.",
        "The Salt Road is the film; The Director Cut is not.",
    ],
)
def test_no_person_from_capitalised_non_names(sentence):
    text = f"The Salt Road (2019) review\n\n{sentence}\n\nDirector Mara Okafor keeps it taut.\n"
    parsed = parse_text(text)
    assert {c.person for c in parsed.credits} == {"Mara Okafor"}


def test_verdict_line_sets_the_verdict():
    text = (
        "The Salt Road (2019) review\n\nIt is a thriller.\n\nIt is a good one.\n\n"
        "Verdict: A patient, salt-dry thriller. ★★★★☆\n"
    )
    parsed = parse_text(text)
    assert parsed.article.verdict == "A patient, salt-dry thriller."
    assert parsed.article.rating == Decimal("4.0")
    assert all("Verdict:" not in s.body for s in parsed.sections)
