"""Page furniture never becomes structure (issue #13, point 4): bylines, dates, app chrome, share
blocks, newsletter prompts, related links and comment forms are dropped and listed, with the
reason, and the review keeps its intro/analysis/verdict split."""

from decimal import Decimal

import pytest

from importer.parse.document import parse_text
from importer.parse.records import ParsedText
from tests.importer.helpers import messages

INTRO = "The Harbour Clock (2018) is a small film about a town that stops its clocks in winter."
MIDDLE = "Odile Brann plays the clockmaker with a stillness that makes every gesture count."
LAST = "It is a modest, lovely thing, and worth the trip to whatever cinema still shows it."


def structure(parsed: ParsedText) -> str:
    """Everything the article is built from: title, headings and section text."""
    parts = [parsed.article.title, parsed.article.verdict]
    for section in parsed.sections:
        parts += [section.heading or "", section.body]
    return "\n".join(parts)


def assert_dropped(parsed: ParsedText, lines: list[str]) -> None:
    dropped = {d.text for d in parsed.dropped}
    built = structure(parsed)
    for line in lines:
        assert line in dropped, line
        assert line not in built, line
    assert not any(s.heading in lines for s in parsed.sections)


def assert_review_split(parsed: ParsedText) -> None:
    assert [(s.heading, s.kind) for s in parsed.sections] == [
        (None, "intro"),
        (None, "analysis"),
        (None, "verdict"),
    ]
    assert [s.body for s in parsed.sections] == [INTRO, MIDDLE, LAST]


def test_a_letterboxd_paste():
    chrome = [
        "Hana Ostrova’s review published on Letterboxd:",
        "Watched on Sunday March 3, 2024",
        "Like review",
        "12 likes",
    ]
    text = (
        f"The Harbour Clock (2018)\n\n{chrome[0]}\n{chrome[1]}\n\n★★★★\n\n"
        f"{INTRO}\n\n{MIDDLE}\n\n{LAST}\n\n{chrome[2]}\n{chrome[3]}\n"
    )
    parsed = parse_text(text)
    assert_dropped(parsed, [line.replace("’", "'") for line in chrome])
    assert_review_split(parsed)
    assert parsed.byline == "Hana Ostrova"
    assert str(parsed.article.rating) == "4.0"  # control: the stars are read, not dropped
    reasons = {d.text: d.reason for d in parsed.dropped}
    assert reasons["Like review"] == reasons["12 likes"] == "app chrome"


def test_a_blog_footer_share_block():
    footer = [
        "Share this:",
        "Facebook",
        "Twitter",
        "X",
        "Reddit",
        "Email",
        "Print",
        "Like this:",
        "Like",
        "Loading...",
        "Related",
        "The Salt Road (2019) review: debts and borders",
        "Ten Winter Films to Watch by the Fire",
    ]
    text = f"The Harbour Clock (2018) review\n\n{INTRO}\n\n{MIDDLE}\n\n{LAST}\n\n" + "\n".join(
        footer
    )
    parsed = parse_text(text)
    assert_dropped(parsed, footer)
    assert_review_split(parsed)
    assert parsed.mentions == ()  # a related post's film is no mention
    assert any("dropped 13 line(s) of web-page furniture" in m for m in messages(parsed))


def test_a_wordpress_comment_form():
    form = [
        "Leave a Reply",
        "Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Comment *",
        "Name *",
        "Email *",
        "Website",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Post Comment",
    ]
    text = f"The Harbour Clock (2018) review\n\n{INTRO}\n\n{MIDDLE}\n\n{LAST}\n\n" + "\n".join(form)
    parsed = parse_text(text)
    assert_dropped(parsed, form)
    assert_review_split(parsed)
    assert {d.reason for d in parsed.dropped} == {"comment form"}


@pytest.mark.parametrize(
    ("line", "name", "reason"),
    [
        ("By Jane Doe", "Jane Doe", "byline"),
        ("By Jane Doe | Updated March 3, 2024", "Jane Doe", "byline"),
        ("By Jane Doe, Film Critic", "Jane Doe", "byline"),
        ("Words by Piers Holloway", "Piers Holloway", "byline"),
        ("Reviewed by Amara Quist", "Amara Quist", "byline"),
        ("March 3, 2024 by Jane Doe", "Jane Doe", "byline"),
        ("Updated March 3, 2024", None, "date line"),
        ("Posted on 3 March 2024", None, "date line"),
        ("Published Mar 3, 2024 · 6 min read", None, "date line"),
        ("Published: 2024-03-03 10:15", None, "date line"),
        ("BY JANE DOE", "Jane Doe", "byline"),
        ("Written by Jane Doe", "Jane Doe", "byline"),
        ("By Jane Doe and Tobias Wren", "Jane Doe", "byline"),
        ("Jane Doe | March 3, 2024", "Jane Doe", "byline"),
        ("Posted by admin on March 3, 2024", None, "date line"),
        ("Updated 2 hours ago", None, "date line"),
        ("Posted March 3, 2024 in Reviews", None, "date line"),
    ],
)
def test_bylines_and_dates_are_dropped_and_the_byline_names_the_critic(line, name, reason):
    text = f"The Harbour Clock (2018) review\n\n{line}\n\n{INTRO}\n\n{MIDDLE}\n\n{LAST}\n"
    parsed = parse_text(text)
    assert_dropped(parsed, [line])
    assert_review_split(parsed)
    assert parsed.byline == name
    assert [d.reason for d in parsed.dropped] == [reason]
    assert parsed.article.title == "The Harbour Clock (2018) review"  # control


def test_also_read_lines_between_paragraphs():
    links = [
        "Also Read: The Salt Road (2019) Ending Explained",
        "Read More: Ten Winter Films to Watch by the Fire",
    ]
    text = (
        f"The Harbour Clock (2018) review\n\n{INTRO}\n\n{links[0]}\n\n{MIDDLE}\n\n{links[1]}\n\n"
        f"{LAST}\n"
    )
    parsed = parse_text(text)
    assert_dropped(parsed, links)
    assert_review_split(parsed)
    assert parsed.mentions == ()


# Every entry of the furniture list on its own, between two paragraphs (some never matched
# before: the old list kept spaces around entries at its line breaks).
FURNITURE = [
    "Share", "Share this:", "Share this post", "Related", "Related Posts", "Advertisement",
    "ADVERTISEMENT", "Print", "Comments", "Trending", "Recommended", "You may also like",
    "Similar Posts", "Subscribe", "Leave a comment", "Thanks for reading The Reel Ledger! "
    "Subscribe for free to receive new posts.", "Also Read: Harbour Lights (2014) review",
    "Read More: Our top films of the year", "Like this:", "Loading...", "Facebook", "Twitter",
    "X", "Reddit", "Email", "Watched on 03 Mar 2024", "Like review", "1,204 likes",
    "Liked by Jane Doe and 3 others", "Posted on March 3, 2024", "Updated: 03/03/2024",
    "Facebook Twitter Email", "Cancel reply", "Leave a Reply",
    "Your email address will not be published.",
    "reelwatcher_88 12 January 2020", "Was this review helpful? Sign in to vote.", "Permalink",
    "45 out of 61 found this helpful.", "[Subscribe now](https://reelledger.example/subscribe)",
    "**[Share](https://reelledger.example/p/harbour-clock?utm_source=share)**",
    "Posted by u/kinoholic · 3 hours ago", "Upvote", "Save", "128 comments",
]  # fmt: skip


@pytest.mark.parametrize("line", FURNITURE)
def test_each_furniture_line_is_dropped(line):
    text = f"The Harbour Clock (2018) review\n\n{INTRO}\n\n{MIDDLE}\n\n{line}\n\n{LAST}\n"
    parsed = parse_text(text)
    assert_dropped(parsed, [line])
    assert_review_split(parsed)


# --- negative controls: real prose and real headings stay ------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "By the end of the film, the clocks have started again and nobody remembers why.",
        "Related to this, the director shoots every interior through a pane of old glass.",
        "Share the blame, the film says, and the winter gets shorter.",
        "Subscribe to its slow rhythm and the film gives back more than it takes.",
        "Print is how the town learns everything: the weekly sheet pinned to the church door.",
        "Posted in 1962 to a lighthouse, the keeper has kept its clock for sixty years.",
        "Thanks for reading the clocks so well, Brann's clockmaker seems to say to the town.",
        "Written by Mara Okafor and Dario Benn, the script never wastes a line.",
        "Published in 1998, the novel it adapts is twice as long and half as kind.",
        "BY THE END OF THE FILM THE TOWN HAS FORGOTTEN ITS CLOCKS, AND SO HAVE WE.",
    ],
)
def test_prose_that_starts_like_furniture_stays(paragraph):
    text = f"The Harbour Clock (2018) review\n\n{INTRO}\n\n{paragraph}\n\n{MIDDLE}\n\n{LAST}\n"
    parsed = parse_text(text)
    assert paragraph in parsed.sections[1].body.split("\n\n")
    assert [s.kind for s in parsed.sections] == ["intro", "analysis", "verdict"]
    assert parsed.dropped == ()


def test_a_heading_that_starts_like_furniture_stays_a_heading():
    text = (
        f"The Harbour Clock (2018) review\n\n{INTRO}\n\nShare of the Spoils\n\n{MIDDLE}\n\n"
        f"Related Stories We Tell\n\n{LAST}\n\nShare\n"
    )
    parsed = parse_text(text)
    headings = [s.heading for s in parsed.sections]
    assert "Share of the Spoils" in headings and "Related Stories We Tell" in headings
    assert [d.text for d in parsed.dropped] == ["Share"]  # control: the button still goes


def test_a_heading_with_no_body_is_not_a_section():
    text = (
        f"# The Harbour Clock (2018) review\n\n{INTRO}\n\n## The performances\n\n{MIDDLE}\n\n"
        "## Odds and ends\n\n## Verdict\n\n{LAST}\n"
    )
    parsed = parse_text(text.replace("{LAST}", LAST))
    assert [s.heading for s in parsed.sections] == [None, "The performances", "Verdict"]
    assert all(s.body for s in parsed.sections)


def test_a_directed_by_line_under_the_title_is_a_credit_not_a_heading():
    text = f"The Harbour Clock 2018\nDirected by Saoirse Lund\n★★★★\n{INTRO}\n{MIDDLE}\n{LAST}\n"
    parsed = parse_text(text)
    assert_review_split(parsed)
    assert ("Saoirse Lund", "director") in {(c.person, c.role) for c in parsed.credits}
    prose = "Directed by a woman who once ran a lighthouse, the film never hurries."
    kept = parse_text(text.replace("Directed by Saoirse Lund", prose))  # control: prose stays
    assert prose in structure(kept)


@pytest.mark.parametrize("rule", ["---", "* * *", "***", "___"])
def test_a_section_break_is_no_section(rule):
    text = f"The Harbour Clock (2018) review\n\n{INTRO}\n\n{MIDDLE}\n\n{rule}\n\n{LAST}\n"
    parsed = parse_text(text)
    assert_review_split(parsed)
    assert [(d.text, d.reason) for d in parsed.dropped] == [(rule, "separator")]


def test_a_setext_underline_is_still_a_heading():
    text = f"# The Harbour Clock (2018) review\n\n{INTRO}\n\nThe Clocks\n---\n\n{MIDDLE}\n"
    parsed = parse_text(text)
    assert "The Clocks" in [s.heading for s in parsed.sections]
    assert parsed.dropped == ()


def test_readers_comments_after_a_comment_count_are_dropped_to_the_end():
    comments = [
        "3 thoughts on “The Harbour Clock review”",
        "Kofi Mensah says:",
        "March 4, 2024 at 9:12 am",
        "Great review, I loved this film too.",
        "Reply",
        "Greta Voss says:",
        "I found it slow, but the ending is lovely.",
    ]
    text = f"The Harbour Clock (2018) review\n\n{INTRO}\n\n{MIDDLE}\n\n{LAST}\n\n" + "\n\n".join(
        comments
    )
    parsed = parse_text(text)
    assert_dropped(parsed, [line.replace("“", '"').replace("”", '"') for line in comments])
    assert_review_split(parsed)
    assert parsed.dropped[0].reason == "reader comments"
    control = parse_text(text.replace(comments[0], "Comments"))  # no count: a form, not a thread
    assert "Great review, I loved this film too." in structure(control)


# --- breadcrumbs, Letterboxd's "Review by", short sign-offs ------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "HOME » FILM » REVIEWS",
        "Home › Reviews",
        "Home / Reviews / Drama",
        "Film › Reviews › Drama",
        "Home > Film > Lantern Season",
        "Thanks for reading!",
        "Words by Colm Ashby | Last updated 2 days ago",
        "Review by tomasq",
        "r/movies \u2022 Posted by u/quietframe 4 hours ago",
        "124 comments \u00b7 Share \u00b7 Save",
        "quietframe_77",
        "@reel.watcher9",
        "Listen to this post",
        "0:00 / 12:41",
        "MORE INTERVIEWS",
        "Which ones did we miss? Tell us in the comments.",
        "Unsubscribe \u00b7 Manage preferences \u00b7 View in browser",
        "\u25b6\ufe0f Listen on Apple Podcasts | Spotify | Overcast",
        "Posts: 2,318 | Joined: Aug 2011 | Location: Leeds",
        "*Editor's note: This review first ran in our spring issue.*",
        "Correction: An earlier version misnamed the cinematographer.",
        '<div class="share-buttons">Share on Twitter \u00b7 Share on Facebook</div>',
        "Posted by reelrover \u00bb Sat Mar 09, 2024 9:14 pm",
        "[size=1]Last edited by reelrover on Sat Mar 09, 2024 9:20 pm.[/size]",
        "More from Rotterdam tomorrow. Follow our coverage at @screendispatch.",
        "3 DAYS AGO",
        "Add a comment\u2026",
        "Subject: Frame by Frame #47",
        "*Reel Talk Podcast \u00b7 1 hr 14 min \u00b7 Released 14 February 2024*",
        "CineForum.net \u203a Reviews \u203a Members \u203a Harbour Clock (2018) \u2013 mine",
    ],
)
def test_breadcrumbs_sign_offs_and_app_headers_are_dropped(line):
    parsed = parse_text(f"The Harbour Clock (2018)\n\n{line}\n\n{INTRO}\n\n{MIDDLE}\n\n{LAST}\n")
    assert line not in structure(parsed)
    assert [d.line for d in parsed.dropped] == [3]  # listed in the report, as plain text
    assert_review_split(parsed)


@pytest.mark.parametrize(
    "line",
    [
        "Sound/Vision/Silence",
        "Love > Hate",
        "Thanks for reading my mind, she says, and smiles.",
        "Thanks for reading the room, Ada tells her brother.",
        "Drama \u00b7 104 min \u00b7 2019",
        "Fin.",
        "M3GAN",
        "The correction: she was right all along, and says so.",
        "More from the director, who has never been better.",
        "The sea \u00b7 the sky \u00b7 the share of grief",
    ],
)
def test_lines_shaped_like_breadcrumbs_or_sign_offs_stay_the_critic_s(line):
    parsed = parse_text(f"The Harbour Clock (2018)\n\n{INTRO}\n\n{line}\n\n{MIDDLE}\n\n{LAST}\n")
    assert line in structure(parsed)
    assert line not in {d.text for d in parsed.dropped}


def test_letterboxd_review_by_a_handle_is_dropped_and_its_stars_are_the_rating():
    parsed = parse_text(f"The Harbour Clock 2018\nReview by tomasq ★★★½\n\n{INTRO}\n")
    assert parsed.article.rating == Decimal("3.5")
    assert "Review by tomasq ★★★½" in {d.text for d in parsed.dropped}
    # Control: a critic's byline names the author and gives no rating.
    parsed = parse_text(f"The Harbour Clock 2018\nReview by Jane Doe\n\n{INTRO}\n")
    assert parsed.article.rating is None
    assert parsed.byline == "Jane Doe"


@pytest.mark.parametrize(
    "line", ["A review by Ines Okafor", "An essay by Ines Okafor", "A film review by Ines Okafor"]
)
def test_a_review_by_byline_names_the_critic(line):
    parsed = parse_text(f"The Harbour Clock (2018)\n\n{line}\n\n{INTRO}\n\n{MIDDLE}\n\n{LAST}\n")
    assert parsed.byline == "Ines Okafor"
    assert_review_split(parsed)
    # Control: "A review by the river" names nobody and stays the critic's line.
    parsed = parse_text(f"The Harbour Clock (2018)\n\n{INTRO}\n\nA review by the river\n\n{LAST}\n")
    assert "A review by the river" in structure(parsed)


def test_a_pdf_s_running_heads_and_page_counts_are_dropped():
    text = (
        "FILM QUARTERLY REVIEW \u2014 WINTER 2024        23\n\nThe Harbour Clock (2018)\n\n"
        f"{INTRO}\n\nPage 1 of 2\n\nFILM QUARTERLY REVIEW \u2014 WINTER 2024        24\n\n"
        f"{MIDDLE}\n\n{LAST}\n"
    )
    parsed = parse_text(text)
    assert "FILM QUARTERLY" not in structure(parsed)
    assert "Page 1 of 2" not in structure(parsed)
    assert parsed.film.title == "The Harbour Clock"
    assert [d.reason for d in parsed.dropped].count("running head") == 3


def test_a_line_said_once_with_a_number_is_no_running_head():
    # Control: a heading with a year, said once, stays; so does a rating line.
    parsed = parse_text(f"The Harbour Clock (2018)\n\n{INTRO}\n\nBest of 2018\n\n{MIDDLE}\n\n4/5\n")
    assert "Best of 2018" in structure(parsed)
    assert parsed.article.rating == Decimal("4")


def test_view_all_comments_drops_the_readers_comments_after_it():
    comments = "View all 58 comments\n\noskar.fan.account this film RUINED me\n\nso good omg"
    parsed = parse_text(
        f"The Harbour Clock (2018)\n\n{INTRO}\n\n{MIDDLE}\n\n{LAST}\n\n{comments}\n"
    )
    assert "RUINED" not in structure(parsed) and "omg" not in structure(parsed)
    assert_review_split(parsed)


def test_a_forum_reply_and_what_follows_are_dropped_and_bbcode_reads_as_markdown():
    text = (
        "[b]The Harbour Clock (2018)[/b]\n\n"
        f"{INTRO}\n\n{MIDDLE}\n\n[b]Rating:[/b] 8/10\n\n"
        "Re: The Harbour Clock (2018)\n\nThanks, adding it to my list!\n"
    )
    parsed = parse_text(text)
    assert parsed.film.title == "The Harbour Clock"
    assert parsed.article.rating == Decimal("4")
    assert "adding it to my list" not in structure(parsed)
    assert "[b]" not in structure(parsed)
    # Control: a sentence that starts "Re:" inside a paragraph is the critic's.
    control = parse_text(f"The Harbour Clock (2018)\n\n{INTRO} Re: the clocks, see below.\n")
    assert "Re: the clocks" in structure(control)
