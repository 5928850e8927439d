"""The film, its hint, ranked lists and the errors when nothing can be found."""

import pytest

from importer.parse.document import parse_text
from importer.parse.records import ImportTextError
from tests.importer.helpers import messages, parse_sample


def test_film_hint_overrides_detection():
    parsed = parse_sample("review_glass_orchard.txt", film_hint="The Quiet Acre (2016)")
    assert (parsed.film.title, parsed.film.year) == ("The Quiet Acre", 2016)
    assert "The Glass Orchard" in [m.title for m in parsed.mentions]


def test_film_hint_without_year_takes_the_year_from_the_text():
    parsed = parse_sample("review_salt_road.txt", film_hint="The Salt Road")
    assert (parsed.film.title, parsed.film.year) == ("The Salt Road", 2019)


def test_film_hint_rescues_a_text_without_a_film():
    text = "A quiet thriller about salt.\n\nIt is good.\n"
    with pytest.raises(ImportTextError, match="no film detectable"):
        parse_text(text)
    parsed = parse_text(text, film_hint="The Salt Road (2019)")
    assert (parsed.film.title, parsed.film.year) == ("The Salt Road", 2019)


def test_film_hint_that_contradicts_front_matter_is_an_error():
    text = "---\nfilm: The Salt Road (2019)\n---\nA thriller.\n"
    with pytest.raises(ImportTextError, match="disagrees"):
        parse_text(text, film_hint="Cold Harbour (2020)")
    assert parse_text(text, film_hint="The Salt Road (2019)").film.year == 2019  # control


def test_film_from_title_line_without_year_warns():
    parsed = parse_text("The Salt Road review\n\nA thriller about salt.\n\nGood.\n")
    assert (parsed.film.title, parsed.film.year) == ("The Salt Road", None)
    assert "no year found for film 'The Salt Road'" in messages(parsed)


def test_year_from_a_release_date_line():
    text = "The Salt Road review\n\nA thriller about salt.\n\nRelease date: 4 May 2019\n"
    assert parse_text(text).film.year == 2019


def test_ranked_list_has_entries_and_no_single_film():
    parsed = parse_sample("list_heist_films.txt")
    assert parsed.article.kind == "list"
    assert parsed.film is None
    assert [s.kind for s in parsed.sections] == ["intro"] + ["entry"] * 5
    assert [f.title for f in parsed.films][:2] == ["The Salt Road", "Cold Harbour"]
    assert parsed.mentions == ()  # the ranked films are the list's films, not mentions


def test_only_metadata_is_an_error():
    with pytest.raises(ImportTextError, match="no prose"):
        parse_text("The Salt Road (2019) Movie Cast: Ines Vale, Dario Benn\nShare this\n")


@pytest.mark.parametrize("text", ["", "  \n\n\t", "\ufeff"])
def test_empty_text_is_an_error(text):
    with pytest.raises(ImportTextError, match="empty"):
        parse_text(text)


def test_too_many_lines_is_an_error():
    with pytest.raises(ImportTextError, match="limit is 50,000"):
        parse_text("The Salt Road (2019)\n" * 60_000)


def test_short_sign_off_is_not_a_heading():
    text = "The Salt Road (2019) review\n\nA thriller about salt.\n\nMara Okafor\n"
    sections = parse_text(text).sections
    assert all(s.heading is None for s in sections)
    assert sections[-1].body == "Mara Okafor"


def test_wrapped_paragraph_lines_are_not_headings():
    text = (
        "The Salt Road (2019) review\n\nAda waits at the border while the\n"
        "storm comes in over the salt flats\nand Tomas sleeps in the cab.\n\nGood.\n"
    )
    sections = parse_text(text).sections
    assert all(s.heading is None for s in sections)
    assert "storm comes in" in sections[0].body


def test_title_like_line_between_paragraphs_is_a_heading():
    text = (
        "The Salt Road (2019) review\n\nA thriller about salt.\n\nThe Performances\n\n"
        "Ines Vale is superb.\n"
    )
    sections = parse_text(text).sections
    assert [s.heading for s in sections] == [None, "The Performances"]


def test_plain_text_hash_lines_are_escaped_for_markdown():
    text = "The Salt Road (2019) review\n\nA thriller.\n#1 at the box office, somehow.\n"
    bodies = [s.body for s in parse_text(text).sections]
    assert bodies == ["A thriller.", "\\#1 at the box office, somehow."]


def test_ranked_list_with_hash_numbers():
    entries = "\n\n".join(
        f"#{n} – Film Number {n} ({2000 + n})\n\nWhy it ranks." for n in (1, 2, 3)
    )
    parsed = parse_text(f"Three Films, Ranked\n\nAn intro.\n\n{entries}\n")
    assert parsed.article.kind == "list"
    assert [s.kind for s in parsed.sections] == ["intro", "entry", "entry", "entry"]


def test_a_newsletters_numbered_contents_are_no_ranked_list():
    text = (
        "Hi friends,\n\nThis week:\n1. Review: Lantern Season (2024)\n2. What I'm streaming\n"
        "3. Reader mail\n\n## Review: Lantern Season (2024)\n\nA small, bruised family drama."
        "\n\nRating: 8/10\n"
    )
    parsed = parse_text(text)
    assert (parsed.film.title, parsed.film.year) == ("Lantern Season", 2024)
    assert parsed.article.kind == "review" and parsed.article.rating is not None
    assert {d.reason for d in parsed.dropped} >= {"contents"}
    # Control: numbered film lines one under another, with their years, are a ranked list.
    ranked = parse_text(
        "Three harbour films\n\n1. The Salt Road (2019)\n2. Harbour Lights (2014)\n"
        "3. Tide Ledger (1999)\n\nAll three are worth a night.\n"
    )
    assert ranked.article.kind == "list" and len(ranked.films) == 3
