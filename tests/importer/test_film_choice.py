"""Which film a text is about, from all its evidence; and texts about several films (no DB)."""

import pytest

from importer.parse.document import parse_text
from importer.parse.records import ImportTextError
from tests.importer.helpers import messages


def film_of(text: str, **kwargs: str) -> tuple[str, int | None]:
    film = parse_text(text, **kwargs).film
    assert film is not None
    return film.title, film.year


def credits_by_film(text: str) -> dict[str, set[tuple[str, str, str | None]]]:
    parsed = parse_text(text)
    result: dict[str, set[tuple[str, str, str | None]]] = {str(f): set() for f in parsed.films}
    for credit in parsed.credits:
        result[str(parsed.films[credit.film])].add((credit.person, credit.role, credit.character))
    return result


# --- the header -------------------------------------------------------------------------------

LETTERBOXD = """\
The Weir Keepers 2021
★★★½
Watched on Sunday March 3, 2024

I went in knowing nothing. It moves like Harbour Lights (2014) and Salt and Sorrow (2009), \
slow and patient, and it is better than both.

Ida Lund plays the keeper with great calm. Director Pia Holm lets the river do the talking.
"""


def test_letterboxd_header_title_year_beats_the_only_parenthesised_year_in_the_prose():
    assert film_of(LETTERBOXD) == ("The Weir Keepers", 2021)
    parsed = parse_text(LETTERBOXD)
    assert [str(m) for m in parsed.mentions] == ["Harbour Lights (2014)", "Salt and Sorrow (2009)"]
    # Control: without its header the text is about the film its prose names with a year.
    assert film_of(LETTERBOXD.split("\n", 1)[1])[1] in (2014, 2009)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Night Ferry, 1974", ("Night Ferry", 1974)),
        ("Night Ferry (1974)", ("Night Ferry", 1974)),
        ("Night Ferry 1974", ("Night Ferry", 1974)),
        ("Night Ferry \u2014 review", ("Night Ferry", None)),
        ("Night Ferry review", ("Night Ferry", None)),
        ("Review: Night Ferry", ("Night Ferry", None)),
    ],
)
def test_header_shapes_name_the_film(header, expected):
    text = f"{header}\n\nA ferry crosses at night and nobody on it sleeps.\n\nIt is good.\n"
    assert film_of(text) == expected


def test_a_year_at_the_end_of_a_sentence_like_header_is_not_a_film():
    # "Best of 2019" is a headline, not "Best of" released in 2019.
    text = "The best films of 2019\n\nNight Ferry (2019) tops it.\n\nIt is good.\n"
    assert film_of(text) == ("Night Ferry", 2019)
    assert film_of("Night Ferry, 2019\n\nIt crosses.\n\nIt is good.\n") == ("Night Ferry", 2019)


# --- the bare title against passing mentions ----------------------------------------------------

YEARLESS = """\
Harbour of Lights is the quietest film Mara Okafor has made, and the best.

Okafor made The Glass Orchard (2003) before it and Winter Roads (2019) after it; \
both are louder, and neither trusts its audience the way Harbour of Lights does.

In Harbour of Lights the sea is a character. Harbour of Lights never hurries, and \
Harbour of Lights's long final shot earns every second.

Ines Vale plays Ada, a harbour pilot. Harbour of Lights lets her breathe, and Vale makes \
Harbour of Lights hers.

I loved Harbour of Lights. Harbour of Lights ends where it began, and Harbour of Lights is \
patient to the last. Some will find Harbour of Lights slow; Harbour of Lights is not for them.
"""


def test_a_bare_title_repeated_a_dozen_times_beats_other_films_named_once_with_a_year():
    parsed = parse_text(YEARLESS)
    assert (parsed.film.title, parsed.film.year) == ("Harbour of Lights", None)
    assert [str(m) for m in parsed.mentions] == ["The Glass Orchard (2003)", "Winter Roads (2019)"]
    assert ("Ines Vale", "actor", "Ada") in credits_by_film(YEARLESS)["Harbour of Lights"]
    best = parsed.candidates[0]
    assert best.title == "Harbour of Lights" and "bare title in the prose x12" in best.evidence
    assert "no year found for film 'Harbour of Lights'" in messages(parsed)


def test_a_bare_title_named_only_twice_does_not_beat_a_film_named_with_its_year():
    # Control for the rule above: two bare uses are a passing mention too.
    text = (
        "Okafor made The Glass Orchard (2003) first, a film about an orchard.\n\n"
        "It is sharper than Harbour of Lights, and Harbour of Lights is sharp.\n"
    )
    assert film_of(text) == ("The Glass Orchard", 2003)


def test_the_film_hint_accepts_a_candidate_as_the_admin_passes_it_back():
    parsed = parse_text(YEARLESS)
    picked = next(c for c in parsed.candidates if c.year == 2019)
    assert film_of(YEARLESS, film_hint=str(picked)) == ("Winter Roads", 2019)
    assert film_of(YEARLESS, film_hint=picked.title) == ("Winter Roads", 2019)
    assert film_of(YEARLESS, film_hint="Harbour of Lights") == ("Harbour of Lights", None)


def test_front_matter_film_is_decisive():
    text = "---\nfilm: Winter Roads (2019)\n---\n" + YEARLESS
    parsed = parse_text(text)
    assert (parsed.film.title, parsed.film.year) == ("Winter Roads", 2019)
    assert parsed.candidates[0].evidence[0] == "front matter"
    assert not any("close call" in m for m in messages(parsed))


# --- close calls --------------------------------------------------------------------------------

CLOSE_CALL = """\
Two roads out of town

Winter Roads (2019) and Summer Roads (2021) share a director and a road.

Winter Roads is colder. Summer Roads is kinder.

Winter Roads has the better ending; Summer Roads has the better cast.
"""


def test_two_close_candidates_import_with_a_warning_naming_both():
    parsed = parse_text(CLOSE_CALL)
    assert parsed.film.title in ("Winter Roads", "Summer Roads")
    [warning] = [m for m in messages(parsed) if "close call" in m]
    assert "'Winter Roads (2019)'" in warning and "'Summer Roads (2021)'" in warning
    assert {str(c) for c in parsed.candidates[:2]} == {"Winter Roads (2019)", "Summer Roads (2021)"}


def test_a_clear_winner_gives_no_close_call_warning():
    clear = CLOSE_CALL.replace("Summer Roads is kinder.", "It is kinder.").replace(
        "Summer Roads has the better cast", "it has the better cast"
    )
    clear = "Winter Roads review\n\n" + clear.split("\n", 1)[1]
    parsed = parse_text(clear)
    assert (parsed.film.title, parsed.film.year) == ("Winter Roads", 2019)
    assert not any("close call" in m for m in messages(parsed))


# --- texts about several films ------------------------------------------------------------------

DOUBLE_BILL = """\
# Double bill: The Salt Road and Harbour Lights

Two films about leaving, ten years apart, that play well on one night.

## The Salt Road (2019)

Director Mara Okafor keeps it tight. Ines Vale plays Ada, a smuggler who has had enough.

## Harbour Lights (2014)

Here Lev Arden plays Tomas, a ferryman, and director Jonah Pike takes his time.
"""


def test_a_double_bill_is_about_both_films_and_each_part_credits_its_own():
    parsed = parse_text(DOUBLE_BILL)
    assert [str(f) for f in parsed.films] == ["The Salt Road (2019)", "Harbour Lights (2014)"]
    assert parsed.film == parsed.films[0]
    by_film = credits_by_film(DOUBLE_BILL)
    assert by_film["The Salt Road (2019)"] == {
        ("Mara Okafor", "director", None),
        ("Ines Vale", "actor", "Ada"),
    }
    assert by_film["Harbour Lights (2014)"] == {
        ("Jonah Pike", "director", None),
        ("Lev Arden", "actor", "Tomas"),
    }


def test_a_review_with_one_part_per_topic_is_about_one_film():
    # Control: headings that name no film make no parts; every credit goes to the one film.
    text = DOUBLE_BILL.replace("## The Salt Road (2019)", "## The cast").replace(
        "## Harbour Lights (2014)", "## The direction"
    )
    text = text.replace("# Double bill: The Salt Road and Harbour Lights", "# The Salt Road (2019)")
    parsed = parse_text(text)
    assert [str(f) for f in parsed.films] == ["The Salt Road (2019)"]
    assert {c.film for c in parsed.credits} == {0}
    assert ("Lev Arden", "actor", "Tomas") in credits_by_film(text)["The Salt Road (2019)"]


COMPARISON = """\
Glass Harbour (2004) vs. Stone Harbour (2022): the remake that argued back

When Ferrante's Glass Harbour was remade, nobody expected much. Stone Harbour is a surprise.

Glass Harbour (2004)

Helga Brandt plays Ursula, a restorer who believes everything can be put back.

Stone Harbour (2022)

Agata Nowak plays Urszula, a civil servant, and director Tomasz Wiel keeps it moving.

Which is better?

Glass Harbour is the more beautiful film and Stone Harbour the more alive.
"""


def test_a_comparison_named_in_its_title_line_is_about_both_films_in_the_order_named():
    parsed = parse_text(COMPARISON)
    assert [str(f) for f in parsed.films] == ["Glass Harbour (2004)", "Stone Harbour (2022)"]
    by_film = credits_by_film(COMPARISON)
    assert ("Helga Brandt", "actor", "Ursula") in by_film["Glass Harbour (2004)"]
    assert ("Agata Nowak", "actor", "Urszula") in by_film["Stone Harbour (2022)"]
    assert ("Agata Nowak", "actor", "Urszula") not in by_film["Glass Harbour (2004)"]


def test_a_film_compared_in_passing_is_a_mention_not_one_of_the_films():
    text = (
        "Stone Harbour (2022) review\n\nIt is a remake of Glass Harbour (2004), and better.\n\n"
        "Agata Nowak plays Urszula with a dry wit.\n"
    )
    parsed = parse_text(text)
    assert [str(f) for f in parsed.films] == ["Stone Harbour (2022)"]
    assert [str(m) for m in parsed.mentions] == ["Glass Harbour (2004)"]


def test_a_sequel_header_is_not_also_about_the_first_film_inside_its_title():
    text = (
        "Moth Season 2 2024\n★★★★☆\n\nBetter than Moth Season (2019). Moth Season 2 keeps the "
        "moths.\n\nIt is silly and I do not care.\n"
    )
    parsed = parse_text(text)
    assert [str(f) for f in parsed.films] == ["Moth Season 2 (2024)"]
    assert [str(m) for m in parsed.mentions] == ["Moth Season (2019)"]


def test_no_film_at_all_is_still_an_error():
    with pytest.raises(ImportTextError, match="no film detectable"):
        parse_text("A quiet thriller about salt.\n\nIt is good, and I liked it.\n")


@pytest.mark.parametrize(
    "header",
    ["The Weir Keepers\n2021", "The Weir Keepers 2021 directed by Pia Holm"],
    ids=["year on its own line", "directed by"],
)
def test_letterboxd_headers_pasted_other_ways(header):
    text = (
        f"{header}\n★★★½\n\nPatient, unlike Salt and Sorrow (2009).\n\nIda Lund plays the keeper.\n"
    )
    assert film_of(text) == ("The Weir Keepers", 2021)


@pytest.mark.parametrize(
    "marked", ["*The Weir Keepers*", '"The Weir Keepers"', "_The Weir Keepers_"]
)
def test_a_title_italicised_or_quoted_twice_beats_a_passing_mention(marked):
    text = (
        f"# A river that listens\n\n{marked} is patient. I liked {marked} more than Salt and "
        "Sorrow (2009).\n\nIda Lund plays the keeper.\n"
    )
    assert film_of(text) == ("The Weir Keepers", None)


def test_bold_is_emphasis_not_a_title():
    # Control: the same phrase in bold twice is a lead-in, and the dated film wins.
    text = (
        "# A river that listens\n\n**The Weir Keepers** is patient. **The Weir Keepers** is "
        "slow, unlike Salt and Sorrow (2009).\n\nIda Lund plays the keeper.\n"
    )
    assert film_of(text) == ("Salt and Sorrow", 2009)


# --- a yearless title line ----------------------------------------------------------------------

BYLINE_THEN_TITLE = """\
Posted by Wren Halloran on March 3, 2026

{title}

An hour into The Amber Ferry the whole film tilts, and The Amber Ferry earns it. It recalls
Copper Harvest (2011) and Narrow Station (2015), which came before.
"""


def test_a_yearless_title_line_the_prose_repeats_beats_passing_films_with_years():
    parsed = parse_text(BYLINE_THEN_TITLE.format(title="The Amber Ferry"))
    assert (parsed.film.title, parsed.film.year) == ("The Amber Ferry", None)
    assert {m.title for m in parsed.mentions} >= {"Copper Harvest", "Narrow Station"}
    assert "film 'The Amber Ferry' has no year" in " ".join(messages(parsed)) or any(
        "no year found for film 'The Amber Ferry'" in m for m in messages(parsed)
    )


@pytest.mark.parametrize("headline", ["A Quiet Triumph", "a ferry, and a reckoning"])
def test_a_yearless_headline_the_prose_never_uses_is_no_film(headline):
    # Control: the title line must recur in the prose, as written, to name the film.
    parsed = parse_text(BYLINE_THEN_TITLE.format(title=headline))
    assert parsed.film.title != headline
