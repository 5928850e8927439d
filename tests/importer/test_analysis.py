"""Analysis articles: spoiler markers, headed parts, image pairs, metadata lines, web cruft."""

import pytest

from importer.parse.document import parse_text
from importer.parse.records import ImageSlot, LinkRecord
from tests.importer.helpers import credits_of, messages, parse_sample

ENDING = "analysis_salt_road_ending.txt"
THEMES = "analysis_night_ferry_themes.txt"
SYNOPSIS = "synopsis_lantern_season.txt"


@pytest.mark.parametrize(
    ("sample", "kind"), [(ENDING, "ending"), (THEMES, "essay"), (SYNOPSIS, "synopsis")]
)
def test_article_kind(sample, kind):
    assert parse_sample(sample).article.kind == kind


def test_sections_have_headings_and_kinds():
    sections = parse_sample(ENDING).sections
    assert [(s.heading, s.kind) for s in sections] == [
        (None, "intro"),
        (None, "analysis"),  # "Below we ... explain that final shot": a notice, split off
        ("Who is Ada?", "character"),
        ("What role does Tomas play in the heist?", "synopsis"),
        ("The Salt Road (2019) Movie Ending Explained", "ending"),  # trailing colon dropped
        ("Roads That Lead Home", "theme"),
    ]


def test_who_is_heading_names_the_character():
    sections = parse_sample(SYNOPSIS).sections
    assert [s.character for s in sections if s.kind == "character"] == ["Maud Carrow", "Pim"]


def test_everything_after_the_marker_is_a_spoiler():
    sections = parse_sample(THEMES).sections
    assert sections[0].kind == "intro" and not sections[0].is_spoiler
    assert all(s.is_spoiler for s in sections[1:])
    assert any(s.kind == "theme" for s in sections[1:])


def test_synopsis_and_ending_are_spoilers_without_a_marker():
    text = (
        "The Salt Road (2019) Movie Ending Explained: Footprints\n\n"
        "Okafor's film is a quiet one.\n\n"
        "The Salt Road (2019) Plot Summary:\n\nAda and Tomas run salt.\n\n"
        "The Salt Road (2019) Movie Ending Explained:\n\nAda walks away.\n\n"
        "The Salt Road (2019) Movie Themes:\n\nDebt runs through it.\n"
    )
    spoilers = {s.kind: s.is_spoiler for s in parse_text(text).sections}
    # What follows a plot or ending part stays spoiler, themes included (#13).
    assert spoilers == {"intro": False, "synopsis": True, "ending": True, "theme": True}


@pytest.mark.parametrize(
    "marker",
    [
        "Spoilers ahead",
        "SPOILER ALERT",
        "Spoiler warning",
        "Spoilers below!",
        "Warning: spoilers follow",
        "**Major spoilers ahead**",
        "— Spoilers —",
    ],
)
def test_spoiler_marker_forms(marker):
    text = f"The Salt Road (2019) essay\n\nA lead.\n\n{marker}\n\nAda walks away at the end.\n"
    sections = parse_text(text).sections
    assert [s.is_spoiler for s in sections] == [False, True]
    assert all(marker.strip("*— ") not in s.body for s in sections)


@pytest.mark.parametrize("line", ["No spoilers here, promise.", "Spoiler-free review"])
def test_spoiler_free_notes_are_not_markers(line):
    text = f"The Salt Road (2019) essay\n\nA lead.\n\n{line}\n\nMore.\n\nSpoilers ahead\n\nEnd.\n"
    sections = parse_text(text).sections
    assert not any(s.is_spoiler for s in sections[:-1])
    assert sections[-1].is_spoiler  # control: the real marker still works


@pytest.mark.parametrize(
    ("sample", "alt", "caption"),
    [
        (ENDING, "The Salt Road (2019)", "A still from “The Salt Road” (2019)"),
        (THEMES, "The Night Ferry (2022)", "A still from 'The Night Ferry' (2022)"),
    ],
)
def test_image_pair_becomes_image_slot(sample, alt, caption):
    parsed = parse_sample(sample)
    images = [s.image for s in parsed.sections if s.image]
    assert images == [ImageSlot(alt, caption)]
    assert not any(caption in s.body or s.heading == alt for s in parsed.sections)


def test_image_attaches_to_the_section_it_sits_in():
    text = (
        "The Salt Road (2019) essay\n\nA lead.\n\nThe Salt Road (2019) Movie Themes:\n\n"
        "Debt runs through it.\n\nSalt flats at noon\nA still from The Salt Road (2019)\n\n"
        "And weather, too.\n\nFinal Thoughts\n\nIt is a good film.\n"
    )
    sections = parse_text(text).sections
    assert [(s.kind, s.image is not None) for s in sections] == [
        ("intro", False),
        ("theme", True),
        ("verdict", False),
    ]
    assert sections[1].body == "Debt runs through it.\n\nAnd weather, too."


def test_metadata_lines_set_film_data_and_are_not_prose():
    parsed = parse_sample(ENDING)
    film = parsed.film
    assert film.runtime_minutes == 110
    assert film.genres == ("Crime", "Drama", "Action")
    assert film.links == (
        LinkRecord("IMDb"),
        LinkRecord("Rotten Tomatoes"),
        LinkRecord("Letterboxd"),
    )
    assert film.watch_on == ("Kinoteka", "Netflix")
    bodies = " ".join(s.body for s in parsed.sections)
    assert "Movie Cast" not in bodies and "Runtime" not in bodies and "trailer" not in bodies
    assert "salt flats" in bodies  # control: the prose is there


def test_cast_line_with_characters_and_a_skipped_single_name():
    parsed = parse_sample(THEMES)
    assert {("Yusuf Kaya", "actor", "Father Idris"), ("Maren Holt", "actor", "The Widow")} <= (
        credits_of(parsed)
    )
    assert not any(c.person == "Cher" for c in parsed.credits)
    assert any("'Cher' skipped" in message for message in messages(parsed))


@pytest.mark.parametrize(
    ("line", "minutes", "genres"),
    [
        ("The Salt Road (2019) Movie Runtime: 1h 50m, Genre: Crime/Drama/Action", 110, 3),
        ("Runtime: 110 min | Genres: Crime, Drama", 110, 2),
        ("The Salt Road Movie Running time: 1 hr 50 min; Genre: Crime", 110, 1),
        ("Length: 1:50", 110, 0),
    ],
)
def test_runtime_and_genre_forms(line, minutes, genres):
    parsed = parse_text(f"The Salt Road (2019) review\n\nA thriller.\n\nGood.\n\n{line}\n")
    assert parsed.film.runtime_minutes == minutes
    assert len(parsed.film.genres) == genres


def test_web_cruft_is_dropped_with_one_warning():
    parsed = parse_sample(ENDING)
    bodies = "\n".join(s.body for s in parsed.sections)
    for cruft in ("Share it", "Read More", "Similar Posts", "Leave a Reply", "Post Comment"):
        assert cruft not in bodies
    assert "Harbour Lights" not in bodies  # a related-post title
    assert any("dropped 14 line(s)" in message for message in messages(parsed))
    assert "ledger" in bodies  # control


def test_related_post_titles_are_not_mentions():
    assert parse_sample(ENDING).mentions == ()
    assert [m.title for m in parse_sample(THEMES).mentions] == ["Low Tide"]  # named in prose


def test_credits_come_from_prose_and_cast_line():
    assert credits_of(parse_sample(ENDING)) == {
        ("Ines Vale", "actor", "Ada"),
        ("Dario Benn", "actor", "Tomas"),
        ("Kofi Mensah", "actor", "Hale"),
    }


def test_writer_director_gets_both_credits():
    credits = credits_of(parse_sample(THEMES))
    assert {("Colm Ashby", "director", None), ("Colm Ashby", "writer", None)} <= credits


@pytest.mark.parametrize("spelling", ["Analysed", "Analyzed", "Themes Explained"])
def test_theme_part_spellings(spelling):
    text = (
        f"The Salt Road (2019) essay\n\nA lead.\n\nThe Salt Road (2019) Movie Theme {spelling}:\n\n"
        "Debt runs through it.\n"
    )
    assert [s.kind for s in parse_text(text).sections] == ["intro", "theme"]


def test_unclear_kind_warns():
    text = (
        "Okafor's The Salt Road (2019) has a plot and an ending.\n\n"
        "The Salt Road (2019) Plot Summary:\n\nAda and Tomas run salt.\n\n"
        "The Salt Road (2019) Movie Ending Explained:\n\nAda walks away.\n\n"
        "The Salt Road (2019) Movie Themes:\n\nDebt runs through it.\n"
    )
    parsed = parse_text(text)
    assert parsed.article.kind == "ending"
    assert any("could not tell the article kind" in message for message in messages(parsed))


def test_cast_label_alone_takes_names_from_the_next_lines():
    text = (
        "The Salt Road (2019) review\n\nA thriller.\n\nIt is good.\n\n"
        "Cast:\nInes Vale as Ada\nDario Benn (Tomas)\n"
    )
    assert credits_of(parse_text(text)) == {
        ("Ines Vale", "actor", "Ada"),
        ("Dario Benn", "actor", "Tomas"),
    }


def test_second_image_in_a_section_starts_a_continuation_section():
    text = (
        "The Salt Road (2019) essay\n\nA lead.\n\nThe Salt Road (2019) Movie Themes:\n\n"
        "Debt.\n\nFlats\nA still from The Salt Road (2019)\n\nWeather.\n\n"
        "Lorry\nA still from The Salt Road (2019), the lorry\n\nRoads.\n"
    )
    sections = parse_text(text).sections
    assert [(s.heading, s.kind, s.image.alt_text if s.image else None) for s in sections] == [
        (None, "intro", None),
        ("The Salt Road (2019) Movie Themes", "theme", "Flats"),
        (None, "theme", "Lorry"),
    ]
    assert sections[2].body == "Roads."
