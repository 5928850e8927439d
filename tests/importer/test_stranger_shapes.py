"""Rules learnt from texts in shapes the corpus had not seen (#13), each with a negative control."""

from __future__ import annotations

import pytest

from importer.parse.document import parse_text
from importer.parse.films import titles_with_years
from importer.parse.spoilers import START, spoiler_note
from importer.parse.text import key


@pytest.mark.parametrize(
    "sentence",
    [
        "Here is where I have to give things away.",
        "I'm going to give it all away now.",
        "Time to spill the beans.",
        "Let me give the game away.",
        "If you haven't seen it, stop here.",
        "From here on I give it all away.",
        "I will reveal everything.",
        "Attention, la suite dévoile la fin du film.",
        "Attention : divulgâcheurs !",
        "The next two paragraphs reveal the twist.",
        "(The last paragraph discusses the ending.)",
        "I'm about to ruin the ending.",
        "Here comes the twist.",
        "Fair warning: I talk about the final scene.",
        "Contains plot reveals.",
        "Now the twist, which you should not read before seeing it.",
        # Fail closed: telling readers to skip to the verdict implies what comes before spoils.
        "Skip to the verdict if you want to stay fresh.",
    ],
)
def test_giving_it_away_is_a_notice_without_the_word_spoiler(sentence: str) -> None:
    note = spoiler_note(key(sentence))
    assert note is not None and note.kind == START and note.sure


@pytest.mark.parametrize(
    "sentence",
    [
        "I won't give anything away.",
        "I'll try not to give too much away.",
        "Without giving anything away, the ending is good.",
        # A critic's sentence about pacing: the film, not the writer, gives things away. Decided:
        # not a notice (stays public, no warning); only the writer giving it away is one.
        "The film gives away its secrets slowly.",
        "Judy gives herself away with the necklace.",
        "She decides to give the baby away.",
        "Sans rien dévoiler, la fin est belle.",
        "Le film dévoile ses secrets lentement.",
        "The last paragraph of the novel is missing from the film.",
        "Here is the twist on the genre: it is a comedy.",
        "The film contains a late twist that works.",
        "I'm about to watch it again.",
        "Fair warning: it is long.",
        "You should read the novel before seeing it.",
        "The next two paragraphs are about the score.",
    ],
)
def test_promises_and_plot_sentences_are_not_notices(sentence: str) -> None:
    assert spoiler_note(key(sentence)) is None


def test_an_ending_question_title_makes_everything_spoiler() -> None:
    parsed = parse_text(
        "What happens at the end of Hollowmere?\n\nHollowmere (2023) ends in the church, and "
        "Reeve admits he opened the gates.\n\nIs Ada dead?\n\nThe film leaves her body unseen.\n"
    )
    assert parsed.sections and all(s.is_spoiler for s in parsed.sections)


def test_a_question_title_not_about_the_ending_keeps_the_text_public() -> None:
    parsed = parse_text(
        "What makes Hollowmere so cold?\n\nHollowmere (2023) is a grim, handsome fable about a "
        "village and its reservoir.\n\nIt is the weather, mostly.\n"
    )
    assert not any(s.is_spoiler for s in parsed.sections)


def test_possessive_titles_are_whole() -> None:
    assert [t.title for t in titles_with_years("5. The Keeper's Log (1987)")] == [
        "The Keeper's Log"
    ]
    assert [t.title for t in titles_with_years("The Orchard Keeper's Son (2020)")] == [
        "The Orchard Keeper's Son"
    ]
    # Control: a director's possessive is not part of the title.
    assert [t.title for t in titles_with_years("I loved Nolan's Oppenheimer (2023).")] == [
        "Oppenheimer"
    ]


def test_a_title_year_line_below_a_top_notice_is_the_title_not_an_image() -> None:
    parsed = parse_text(
        "This review contains spoilers.\n\nThe Orchard Keeper's Son (2020)\n\nThe Orchard "
        "Keeper's Son is a family saga. The father dies in the final scene.\n"
    )
    assert (parsed.film.title, parsed.film.year) == ("The Orchard Keeper's Son", 2020)
    assert not any(s.image for s in parsed.sections)
    assert all(s.is_spoiler for s in parsed.sections)


def test_title_year_lines_mid_text_are_headings_not_images() -> None:
    parsed = parse_text(
        "Venice dispatch\n\nThe weekend belonged to departures.\n\nStill Water (2025)\n\n"
        "Still Water follows a ferryman on his last week.\n\nNorthbound (2025)\n\n"
        "Northbound never gets out of second gear.\n"
    )
    assert [s.heading for s in parsed.sections if s.heading] == [
        "Still Water (2025)",
        "Northbound (2025)",
    ]
    assert not any(s.image for s in parsed.sections)


def test_a_bare_title_in_the_title_line_beats_passing_year_mentions() -> None:
    parsed = parse_text(
        "Why Vertigo Still Makes Me Dizzy\n\nVertigo is the Hitchcock film people admire. I "
        "came to it after Rear Window (1954) and Psycho (1960).\n\nVertigo rewards every visit.\n"
    )
    assert parsed.film.title == "Vertigo"


def test_a_person_in_the_title_line_is_not_the_film() -> None:
    # Control: "Stewart" recurs, but always inside a longer name ("James Stewart").
    parsed = parse_text(
        "Why Stewart Still Matters\n\nJames Stewart is wonderful in Rear Window (1954). James "
        "Stewart never looked more tired.\n\nWatch it for James Stewart.\n"
    )
    assert parsed.film.title == "Rear Window"


def test_medium_chrome_is_dropped_not_a_heading() -> None:
    parsed = parse_text(
        "Why Vertigo Still Makes Me Dizzy\nPenelope Starck\nFollow\n7 min read\n·\nMar 3, 2024\n"
        "--\nListen\nShare\n\nVertigo (1958) is the Hitchcock film people admire.\n\nIt rewards "
        "every visit.\n\nWritten by Penelope Starck\nRecommended from Medium\n"
    )
    dropped = {d.text for d in parsed.dropped}
    assert {"Penelope Starck", "·", "--", "Listen", "Recommended from Medium"} <= dropped
    assert not any(s.heading for s in parsed.sections)
    assert parsed.byline == "Penelope Starck"


def test_a_name_line_not_followed_by_follow_stays() -> None:
    parsed = parse_text(
        "Vertigo (1958)\n\nJames Stewart\n\nHe gives a performance that curdles as you watch.\n"
    )
    assert "James Stewart" not in {d.text for d in parsed.dropped}


def test_a_heading_whose_body_opens_with_the_notice_keeps_its_heading() -> None:
    parsed = parse_text(
        "---\ntitle: Mothers and mirrors\nfilm: Volver (2006)\nkind: essay\n---\n\nIntro text "
        "about cleaning.\n\n## The ghost\n\nSpoilers follow for the final act. Irene is alive.\n"
    )
    ghost = [s for s in parsed.sections if s.heading == "The ghost"]
    assert ghost and ghost[0].is_spoiler and "Irene is alive" in ghost[0].body


def test_hashtag_lines_are_tags_and_capital_capsule_headers_name_the_film() -> None:
    parsed = parse_text(
        "THE COPPER HOUR (15)\nDir: Selma Anwar\n104 min\n\nA night-shift nurse suspects the "
        "new consultant in this tidy thriller.\n\n#thrillers #hospital\n\n★★★☆☆\n"
    )
    assert parsed.film.title == "The Copper Hour"
    assert "#thrillers #hospital" in {d.text for d in parsed.dropped}
    assert ("Selma Anwar", "director") in {(c.person, c.role) for c in parsed.credits}


def test_a_handle_atop_a_post_is_dropped_and_a_title_in_capitals_takes_the_prose_spelling() -> None:
    parsed = parse_text(
        "cinemagpie\n\nSALTMARSH (2019) - A REVIEW\n\nSaltmarsh is a modest thriller about a "
        "tide.\n\nTense, a little silly.\n"
    )
    assert "cinemagpie" in {d.text for d in parsed.dropped}
    assert parsed.film.title == "Saltmarsh"
    # Control: a capitalised first word line is not a handle.
    kept = parse_text("Saltmarsh (2019)\n\nokay\n\nSaltmarsh is a modest thriller.\n")
    assert "okay" not in {d.text for d in kept.dropped}


def test_an_all_spoiler_ending_page_does_not_warn_that_no_ending_was_found() -> None:
    parsed = parse_text(
        "Ember Falls Ending Explained: Who Lit The Fire?\n\nWarning: the following discusses "
        "the ending of Ember Falls in detail.\n\nEmber Falls (2024) is a missing-persons story."
        "\n\nWho lit the fire?\n\nDana set the blaze herself.\n"
    )
    assert not any("none found" in w.message for w in parsed.warnings)
