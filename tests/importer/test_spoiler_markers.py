"""Spoilers fail closed (issue #13, point 3): every phrasing of a spoiler notice, at a line's start
or inside a paragraph, hides what follows; promises of no spoilers hide nothing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importer.parse.document import parse_text
from importer.parse.records import ParsedText
from importer.save import article_import_bytes
from reviews.models import Article
from tests.importer.helpers import messages

OPENING = "Selma Ravn shoots the lighthouse drama in long, patient takes"
TWIST = "the keeper turns out to be the drowned man's brother"
TITLE = "The Lantern Keeper (2021) review"
# A plot sentence with no twist words: public in a review nobody marked (the control for TWIST,
# which reads like a twist given away and is hidden wherever it stands).
PLAIN_PLOT = "the keeper rows out to the rocks alone"


def public_words(parsed: ParsedText) -> str:
    """Everything a reader sees without opening a spoiler: what must never hold the twist."""
    article = parsed.article
    parts = [article.title, article.standfirst, article.verdict]
    for section in parsed.sections:
        if not section.is_spoiler:
            parts += [section.heading or "", section.body]
    return "\n".join(parts).casefold()


def spoiler_words(parsed: ParsedText) -> str:
    spoilers = [s for s in parsed.sections if s.is_spoiler]
    return "\n".join(f"{s.heading or ''}\n{s.body}" for s in spoilers).casefold()


def assert_twist_hidden(parsed: ParsedText) -> None:
    assert TWIST not in public_words(parsed)
    assert TWIST in spoiler_words(parsed)  # kept, only hidden
    assert OPENING.casefold() in public_words(parsed)  # control: the text before stays public


# Notices on a line of their own, in the shapes critics and sites write them.
LINE_MARKERS = [
    "Spoilers ahead",
    "Spoilers ahead!",
    "SPOILER ALERT",
    "spoiler alert!!",
    "Spoiler warning",
    "SPOILER WARNING",
    "Spoilers below.",
    "⚠️ SPOILERS BELOW ⚠️",
    "🚨 Spoiler alert 🚨",
    "[Spoilers]",
    "(spoilers)",
    "*** SPOILERS ***",
    "**Major spoilers ahead**",
    "— Spoilers —",
    ">> SPOILERS <<",
    "spoilers",
    "Heavy spoilers from here on",
    "Mild spoilers follow.",
    "Full spoilers below:",
    "Warning: spoilers follow",
    "Warning: spoilers ahead",
    "Beware: spoilers!",
    "Heads up, spoilers.",
    "Here be spoilers.",
    "Spoiler territory",
    "Spoilers, obviously.",
    "Spoilers galore.",
    "Spoilers within",
    "Contains spoilers",
    "This review may contain spoilers",
    "This review contains spoilers.",
    "This section contains spoilers.",
    "The following contains spoilers.",
    "The following contains major plot details",
    "What follows is a spoiler-heavy discussion.",
    "Spoiler-filled analysis follows",
    "Massive spoilers for the final act below.",
    "Spoilers for The Lantern Keeper follow.",
    "Warning: this article contains spoilers for the whole film.",
    "SPOILER WARNING: this piece discusses the ending.",
    "SPOILER WARNING: This article discusses the ending of The Lantern Keeper in full.",
    "SPOILERS AHEAD — YOU HAVE BEEN WARNED",
    "Consider yourself warned: spoilers.",
    "From here on I discuss the ending",
    "Past this point, I'll be discussing the ending in detail.",
    "The rest of this review gives away the ending",
    "Caution: the rest of this piece reveals the twist.",
    "Stop reading now if you haven't seen it",
    "If you haven't seen the film, look away now.",
    "Turn back now if you haven't seen it.",
    "Plot details follow.",
    "Everything below this line is a spoiler.",
    "I'm going to spoil the ending now, so look away.",
    "I can't discuss this film without spoiling it.",
    "Let's talk about the ending.",
    "Now, for the ending.",
    "Okay, spoiler time.",
    "Here's where it gets spoilery.",
    "Entering spoiler territory.",
    "The rest of this essay assumes you've seen the film.",
    "Don't read on unless you've seen it.",
    "Only read this if you have seen the movie.",
    "This section is for those who have seen the film.",
    "Proceed at your own risk.",
    "Editor's note: this review contains spoilers.",  # a note is furniture, but not this one
    "Spoiler (click to view)",  # a forum's toggle, pasted as text
    "Show spoiler",
]


@pytest.mark.parametrize("marker", LINE_MARKERS)
def test_a_notice_line_hides_everything_after_it(marker):
    text = f"{TITLE}\n\n{OPENING}.\n\n{marker}\n\nIn the last reel {TWIST}.\n\nA fine film.\n"
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert parsed.sections[-1].is_spoiler  # the spoilers never end without an explicit line
    assert parsed.article.title == TITLE


# A notice inside a paragraph: the paragraph is split there.
MID_PARAGRAPH = [
    "Spoilers follow.",
    "Spoilers ahead!",
    "SPOILER ALERT:",
    "From here on, spoilers.",
    "What follows contains spoilers.",
    "The rest of this review gives away the ending.",
    "Heavy spoilers from this point on.",
    "I'll discuss the ending below, so stop reading now if you haven't seen it.",
    "Beyond this point there be spoilers.",
    "Now for the twist, so consider yourself warned.",
]


@pytest.mark.parametrize("marker", MID_PARAGRAPH)
def test_a_notice_inside_a_paragraph_splits_it(marker):
    text = f"{TITLE}\n\n{OPENING}. {marker} In the last reel {TWIST}. It lands hard.\n"
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert any("paragraph split at a spoiler notice" in m for m in messages(parsed))


def test_a_banner_followed_by_a_sentence_keeps_the_sentence_as_spoiler():
    text = f"{TITLE}\n\n{OPENING}.\n\nSPOILER WARNING: in the last reel {TWIST}.\n\nFine.\n"
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert "SPOILER WARNING" not in spoiler_words(parsed).upper()  # the banner itself goes


@pytest.mark.parametrize(
    "notice",
    [
        "[Spoilers ahead \u2013 skip to the verdict if you haven't seen it]",
        "(Spoilers below. You have been warned, and the verdict is at the end.)",
        "*[Full spoilers from here: come back after you've seen it]*",
    ],
)
def test_a_bracketed_notice_is_a_marker_whole(notice):
    text = f"{TITLE}\n\n{OPENING}.\n\n{notice}\n\nIn the last reel {TWIST}.\n"
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert "come back" not in spoiler_words(parsed) and "skip to" not in spoiler_words(parsed)
    assert "warned" not in spoiler_words(parsed)


def test_a_bracketed_aside_without_spoilers_stays_text():
    # Control: brackets alone make no notice.
    aside = "(The print I saw was the restored one, with the longer ending.)"
    parsed = parse_text(f"{TITLE}\n\n{OPENING}.\n\n{aside}\n\nA fine film.\n")
    assert aside.casefold() in public_words(parsed)
    assert not any(s.is_spoiler for s in parsed.sections)


@pytest.mark.parametrize(
    "hidden",
    [
        f">!In the last reel {TWIST}!<",
        f"In the last reel ||{TWIST}||.",
        f"It is plain sailing until >!in the last reel {TWIST}!< and then the credits.",
        f">!In the last reel {TWIST}, and the markup is never closed.",
    ],
)
def test_words_hidden_with_forum_spoiler_markup_are_spoiler(hidden):
    text = f"{TITLE}\n\n{OPENING}.\n\n{hidden}\n\nA fine film.\n"
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert ">!" not in spoiler_words(parsed) and "||" not in spoiler_words(parsed)


def test_an_inline_spoiler_mid_paragraph_keeps_the_sentences_before_it_public():
    text = f"{TITLE}\n\n{OPENING}. It ends >!and {TWIST}!< in the rain.\n"
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert any("words hidden as a spoiler" in m for m in messages(parsed))


def test_bbcode_spoiler_tags_hide_their_words():
    text = f"{TITLE}\n\n{OPENING}. [spoiler]In the last reel {TWIST}.[/spoiler]\n\nFine.\n"
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert "[spoiler]" not in spoiler_words(parsed) and "[/spoiler]" not in spoiler_words(parsed)


def test_an_html_details_block_is_a_spoiler_part_and_ends_with_it():
    text = (
        f"{TITLE}\n\n{OPENING}.\n\n<details><summary>Spoilers</summary>\n\n"
        f"In the last reel {TWIST}.\n\n</details>\n\nA fine film, all the same.\n"
    )
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert "a fine film, all the same" in public_words(parsed)  # the block's end is the end
    assert "<details" not in spoiler_words(parsed) + public_words(parsed)
    assert "<summary" not in spoiler_words(parsed) + public_words(parsed)


def test_double_bars_with_spaces_are_no_spoiler_markup():
    # Control: "a || b" is no hidden text.
    line = "The cast list reads Ada || Ben, as if either would do."
    parsed = parse_text(f"{TITLE}\n\n{OPENING}.\n\n{line}\n")
    assert line.casefold() in public_words(parsed)
    assert not any(s.is_spoiler for s in parsed.sections)


@pytest.mark.parametrize("remark", ["Spoiler, obviously.", "(Spoilers!)", "Sorry for the spoiler."])
def test_a_spoiler_remark_after_the_twist_makes_its_whole_paragraph_spoiler(remark):
    text = f"{TITLE}\n\n{OPENING}.\n\nIn the last reel {PLAIN_PLOT}. {remark}\n\nA fine film.\n"
    parsed = parse_text(text)
    assert PLAIN_PLOT in spoiler_words(parsed) and PLAIN_PLOT not in public_words(parsed)
    assert OPENING.casefold() in public_words(parsed)
    assert any("does not say the spoilers come after it" in m for m in messages(parsed))


def test_a_notice_that_looks_ahead_keeps_the_sentences_before_it_public():
    # Control: "Spoilers ahead." speaks of what follows; the sentence before it stays public.
    text = f"{TITLE}\n\n{OPENING}. It is a fine film. Spoilers ahead. In the end {TWIST}.\n"
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert "it is a fine film" in public_words(parsed)


@pytest.mark.parametrize(
    "sentence",
    [
        "TL;DR: lovely, and the narrator turns out to be the killer.",
        "Everyone forgets that the mother was dead all along.",
        "The killer is the projectionist, which the poster hints at.",
        "It turns out that she built the lighthouse herself.",
    ],
)
def test_a_sentence_that_gives_the_twist_away_is_hidden_without_a_notice(sentence):
    parsed = parse_text(f"{TITLE}\n\n{OPENING}.\n\n{sentence}\n\nA fine film.\n")
    assert sentence.casefold() not in public_words(parsed)
    assert sentence.casefold() in spoiler_words(parsed)
    assert any("reads like an ending or a twist" in m for m in messages(parsed))
    assert OPENING.casefold() in public_words(parsed)


@pytest.mark.parametrize(
    "sentence",
    ["It turns out to be a delight.", "The killer whale scene is the best thing in it."],
)
def test_twist_words_in_an_ordinary_sentence_hide_nothing(sentence):
    parsed = parse_text(f"{TITLE}\n\n{OPENING}.\n\n{sentence}\n")
    assert sentence.casefold() in public_words(parsed)


def test_a_line_labelled_as_the_ending_is_spoiler_with_what_follows():
    notes = "00:12:30 - Introductions\n00:41:10 - The ending: the keeper was never there.\n"
    parsed = parse_text(f"{TITLE}\n\n{OPENING}.\n\n{notes}\nA fine film.\n")
    assert "the keeper was never there" in spoiler_words(parsed)
    assert "the keeper was never there" not in public_words(parsed)
    assert "introductions" in public_words(parsed)


def test_a_passing_mention_of_spoilers_is_a_marker_with_a_warning():
    text = (
        f"{TITLE}\n\n{OPENING}.\n\nThe trailer is full of spoilers, so avoid it.\n\n"
        f"In the last reel {TWIST}.\n"
    )
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert any("speaks of spoilers" in m for m in messages(parsed))


def test_a_promise_and_a_notice_in_one_sentence_fails_closed_and_warns():
    text = (
        f"{TITLE}\n\n{OPENING}.\n\nI won't spoil it here, but below I discuss the twist.\n\n"
        f"In the last reel {TWIST}.\n"
    )
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert any("speaks of spoilers" in m for m in messages(parsed))


def test_a_clear_notice_does_not_warn_that_it_is_unsure():
    parsed = parse_text(f"{TITLE}\n\n{OPENING}.\n\nSpoilers ahead\n\nIn the last reel {TWIST}.\n")
    assert_twist_hidden(parsed)
    assert not any("speaks of spoilers" in m for m in messages(parsed))


# Lines that promise no spoilers: nothing after them is hidden.
NOT_MARKERS = [
    "This is a spoiler-free review.",
    "No spoilers here, promise.",
    "I'll keep this spoiler free.",
    "Spoiler-free review",
    "(no spoilers)",
    "I won't spoil the ending.",
    "Without spoilers, all I can say is that the last act is extraordinary.",
    "There are no spoilers in this review.",
    "I'll try not to spoil anything.",
    "Non-spoiler review",
    "Don't worry, no spoilers.",
    "I won't give away the ending.",
    "A spoiled heiress arrives on the island in the first scene.",
    "The twist is well handled, and the ending feels earned.",
    "The plot follows a keeper and his grown daughter through one winter.",
    "I will look at everything the film does well, and there is plenty.",
    "Anyone who has seen the first film will enjoy the callbacks.",
]


@pytest.mark.parametrize("line", NOT_MARKERS)
def test_a_promise_of_no_spoilers_hides_nothing(line):
    text = (
        f"{TITLE}\n\n{OPENING}.\n\n{line}\n\nThe sea is a character of its own.\n\n"
        f"Spoilers ahead\n\nIn the last reel {TWIST}.\n"
    )
    parsed = parse_text(text)
    public = public_words(parsed)
    assert line.casefold() in public and "a character of its own" in public
    assert_twist_hidden(parsed)  # control: the real notice below still hides the twist


# --- where spoilers end ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "end", ["Spoilers end here", "/spoilers", "END SPOILERS", "[/spoiler]", "End of spoilers."]
)
def test_an_end_of_spoilers_line_makes_what_follows_public(end):
    text = (
        f"{TITLE}\n\n{OPENING}.\n\nSpoilers ahead\n\nIn the last reel {TWIST}.\n\n{end}\n\n"
        "The score is by a newcomer, and it hums like a foghorn.\n\n"
        "Verdict: see it on the biggest screen you can find.\n"
    )
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert "foghorn" in public_words(parsed)
    assert parsed.article.verdict == "see it on the biggest screen you can find."
    assert end.casefold() not in public_words(parsed) + spoiler_words(parsed)  # the line goes


def test_without_an_end_line_the_spoilers_run_to_the_end():
    text = (
        f"{TITLE}\n\n{OPENING}.\n\nSpoilers ahead\n\nIn the last reel {TWIST}.\n\n"
        "Anyway, on to the performances, which are superb.\n"
    )
    parsed = parse_text(text)
    assert "superb" in spoiler_words(parsed) and "superb" not in public_words(parsed)


def test_an_end_line_inside_a_paragraph_does_not_end_the_spoilers():
    text = (
        f"{TITLE}\n\n{OPENING}.\n\nSpoilers ahead\n\nIn the last reel {TWIST}. Spoilers end "
        "here. The score is by a newcomer.\n"
    )
    parsed = parse_text(text)
    assert "newcomer" in spoiler_words(parsed) and "newcomer" not in public_words(parsed)
    assert any("does not end the spoilers" in m for m in messages(parsed))


# --- a notice at the very top ---------------------------------------------------------------


@pytest.mark.parametrize(
    "notice",
    [
        "This review may contain spoilers.",
        "SPOILER WARNING: this piece discusses the ending.",
        "Warning: spoilers ahead",
    ],
)
def test_a_notice_at_the_top_makes_the_whole_text_spoiler_and_warns(notice):
    text = f"{TITLE}\n\n{notice}\n\n{OPENING}.\n\nIn the last reel {TWIST}.\n\nFine work.\n"
    parsed = parse_text(text)
    assert parsed.sections and all(s.is_spoiler for s in parsed.sections)
    assert OPENING.casefold() in spoiler_words(parsed)
    assert any("no spoiler-free part to show" in m for m in messages(parsed))
    assert parsed.article.title == TITLE


def test_no_top_notice_no_whole_text_warning():
    text = f"{TITLE}\n\n{OPENING}.\n\nSpoilers ahead\n\nIn the last reel {TWIST}.\n"
    parsed = parse_text(text)
    assert not any("no spoiler-free part" in m for m in messages(parsed))
    assert any(not s.is_spoiler for s in parsed.sections)


def test_a_front_matter_standfirst_silences_the_whole_text_warning():
    text = (
        "---\ntitle: The Lantern Keeper\nfilm: The Lantern Keeper (2021)\n"
        "standfirst: A lighthouse drama with one great secret.\n---\n\n"
        f"Spoilers ahead\n\n{OPENING}. In the last reel {TWIST}.\n"
    )
    parsed = parse_text(text)
    assert all(s.is_spoiler for s in parsed.sections)
    assert not any("no spoiler-free part" in m for m in messages(parsed))


def test_a_title_is_never_taken_from_below_a_notice():
    text = f"Spoilers ahead!\n\nThe keeper is the brother\n\n{OPENING} in {TITLE[:-7]}."
    parsed = parse_text(text)
    assert "brother" not in parsed.article.title.casefold()
    assert "brother" in spoiler_words(parsed)


# --- verdicts below a marker -----------------------------------------------------------------


def test_a_verdict_line_below_a_marker_is_spoiler_text_not_the_verdict():
    text = (
        f"{TITLE}\n\n{OPENING}.\n\nSpoilers ahead\n\nIn the last reel {TWIST}.\n\n"
        "Verdict: the reveal that he is the brother earns every minute. ★★★★☆\n"
    )
    parsed = parse_text(text)
    assert parsed.article.verdict == ""
    assert "earns every minute" in spoiler_words(parsed)
    assert "earns every minute" not in public_words(parsed)
    assert parsed.article.rating is not None  # the stars are no spoiler


def test_a_verdict_line_above_a_marker_is_the_verdict():
    text = (
        f"{TITLE}\n\n{OPENING}.\n\nVerdict: a patient, generous drama. ★★★★☆\n\n"
        f"Spoilers ahead\n\nIn the last reel {TWIST}.\n"
    )
    assert parse_text(text).article.verdict == "a patient, generous drama."


def test_a_verdict_heading_below_a_marker_is_a_spoiler_section():
    text = (
        f"{TITLE}\n\n{OPENING}.\n\nSpoilers ahead\n\nIn the last reel {TWIST}.\n\n"
        "Final Thoughts\n\nKnowing he is the brother changes every earlier scene.\n"
    )
    parsed = parse_text(text)
    verdicts = [s for s in parsed.sections if s.kind == "verdict"]
    assert verdicts and all(s.is_spoiler for s in verdicts)
    assert "every earlier scene" not in public_words(parsed)


# --- plot and ending headings -----------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["The Twist", "How It Ends", "What the Final Scene Means", "Plot", "Synopsis", "Recap",
     "What Happens", "The Ending"],
)  # fmt: skip
def test_plot_and_ending_headings_are_spoilers_and_so_is_what_follows(heading):
    text = (
        f"{TITLE}\n\n{OPENING}.\n\nThe Performances\n\nRavn's cast is excellent.\n\n"
        f"{heading}\n\nIn the last reel {TWIST}.\n\nThe Music\n\nThe score hums like a foghorn.\n"
    )
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert "foghorn" in spoiler_words(parsed)  # what follows stays spoiler
    assert "cast is excellent" in public_words(parsed)  # control: what comes before does not


def test_question_headings_after_an_ending_section_are_spoilers():
    text = (
        "# The Lantern Keeper (2021) ending explained\n\n"
        f"{OPENING}.\n\n## The ending\n\nIn the last reel {TWIST}.\n\n"
        "## Is the keeper dead?\n\nHe walks into the sea, and the light goes out.\n\n"
        "## What does the final shot mean?\n\nThe lamp turns without anyone to tend it.\n"
    )
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    questions = [s for s in parsed.sections if s.heading and s.heading.endswith("?")]
    assert len(questions) == 2 and all(s.is_spoiler for s in questions)
    assert "the light goes out" not in public_words(parsed)


def test_a_question_heading_before_any_ending_stays_public():
    text = (
        "# The Lantern Keeper (2021) essay\n\n"
        f"{OPENING}.\n\n## Is the lighthouse a character?\n\nIt has moods and a voice.\n\n"
        f"## The ending\n\nIn the last reel {TWIST}.\n"
    )
    parsed = parse_text(text)
    assert "moods and a voice" in public_words(parsed)
    assert_twist_hidden(parsed)


# --- end to end: the search index only sees spoiler-free text ---------------------------------


@pytest.mark.django_db
def test_the_search_document_holds_no_spoiler_text():
    text = (
        f"{TITLE}\n\n{OPENING}.\n\nThe acting is superb throughout. Heavy spoilers from here "
        f"on. In the last reel {TWIST}.\n\nVerdict: the brother reveal makes it. ★★★★☆\n"
    )
    result = article_import_bytes(data=text.encode("utf-8"), max_bytes=100_000)
    article = Article.objects.get(pk=result.article.pk)
    article.refresh_from_db()
    searchable = article.search_text + article.title + article.standfirst + article.verdict
    assert "acting is superb" in article.search_text  # control: the public text is indexed
    assert "drowned man" not in searchable.casefold()
    assert "brother reveal" not in searchable.casefold()
    assert article.sections.filter(is_spoiler=True, body__contains="drowned man").exists()


def test_a_title_line_that_says_spoilers_stays_the_title_and_hides_the_text():
    title = "The Lantern Keeper (2021) ending explained (spoilers!)"
    parsed = parse_text(f"{title}\n\n{OPENING}.\n\nIn the last reel {TWIST}.\n")
    assert parsed.article.title == title
    assert all(s.is_spoiler for s in parsed.sections) and TWIST in spoiler_words(parsed)


def test_letterboxds_spoiler_banner_hides_the_whole_review():
    text = (
        "The Lantern Keeper (2021)\n\nThis review may contain spoilers. I can handle the truth."
        f"\n\n{OPENING}.\n\nIn the last reel {TWIST}.\n"
    )
    parsed = parse_text(text)
    assert all(s.is_spoiler for s in parsed.sections)
    assert "handle the truth" not in spoiler_words(parsed)  # the banner is no text
    assert OPENING.casefold() in spoiler_words(parsed)


def test_headings_in_an_ending_explained_piece_are_spoilers_without_a_notice():
    body = (
        f"{OPENING}.\n\nIs the Keeper Dead?\n\nNo: in the last reel {TWIST}.\n\n"
        "Why the Light Goes Out\n\nThe lamp stops because nobody is left to tend it.\n"
    )
    explained = parse_text(f"The Lantern Keeper (2021) Ending Explained\n\n{body}")
    assert_twist_hidden(explained)
    assert "nobody is left" in spoiler_words(explained)
    # control: a review's headings are not spoilers
    review = parse_text(f"{TITLE}\n\n{body.replace(TWIST, PLAIN_PLOT)}")
    assert PLAIN_PLOT in public_words(review)


def test_a_notice_between_emoji_is_dropped_whole():
    text = f"{TITLE}\n\n{OPENING}.\n\n🛑🛑 SPOILERS 🛑🛑\n\nIn the last reel {TWIST}.\n"
    parsed = parse_text(text)
    assert_twist_hidden(parsed)
    assert "🛑" not in spoiler_words(parsed)
    assert not any("speaks of spoilers" in m for m in messages(parsed))


def test_a_verdict_line_under_a_heading_of_an_ending_explained_piece_is_no_verdict():
    text = (
        f"The Lantern Keeper (2021) Ending Explained\n\n{OPENING}.\n\nIs the Keeper Dead?\n\n"
        f"No: in the last reel {TWIST}.\n\nVerdict: the brother reveal earns its wait.\n"
    )
    parsed = parse_text(text)
    assert parsed.article.verdict == ""
    assert "earns its wait" in spoiler_words(parsed)
    control = parse_text(text.replace("Ending Explained", "review").replace(TWIST, PLAIN_PLOT))
    assert control.article.verdict == "the brother reveal earns its wait."


@pytest.mark.django_db
def test_a_text_behind_a_top_notice_imports_with_nothing_public_to_quote():
    text = (
        f"{TITLE}\n\nThis review may contain spoilers.\n\n{OPENING}. In the last reel {TWIST}."
        "\n\nVerdict: the brother reveal makes it.\n"
    )
    result = article_import_bytes(data=text.encode("utf-8"), max_bytes=100_000)
    article = Article.objects.get(pk=result.article.pk)
    assert (article.summary, article.verdict, article.search_text) == ("", "", "")
    assert article.sections.filter(is_spoiler=True, body__contains="drowned man").exists()
    assert any("no spoiler-free part to show" in w.message for w in result.warnings)


@pytest.mark.django_db
def test_the_summary_of_a_split_paragraph_stops_at_the_notice():
    text = f"{TITLE}\n\n{OPENING}. Spoilers follow. In the last reel {TWIST}.\n\nFine.\n"
    result = article_import_bytes(data=text.encode("utf-8"), max_bytes=100_000)
    summary = Article.objects.get(pk=result.article.pk).summary
    assert summary.startswith("Selma Ravn shoots") and "drowned" not in summary


# --- any case, any punctuation -----------------------------------------------------------------

DECORATIONS = [("", ""), ("**", "**"), ("*", "*"), ("[", "]"), ("(", ")"), ("⚠️ ", " ⚠️"),
               ("🚨 ", ""), ("— ", " —"), ("> ", ""), ("## ", ""), ("<<< ", " >>>")]  # fmt: skip
CASES = [str, str.upper, str.lower, str.title]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(LINE_MARKERS),
    st.sampled_from(DECORATIONS),
    st.sampled_from(CASES),
    st.sampled_from(["", "!", "!!", "...", ":", "."]),
)
def test_any_case_and_punctuation_of_a_notice_hides_the_twist(marker, decoration, case, end):
    line = decoration[0] + case(marker.rstrip(".!:")) + end + decoration[1]
    text = f"{TITLE}\n\n{OPENING}.\n\n{line}\n\nIn the last reel {TWIST}.\n\nA fine film.\n"
    assert_twist_hidden(parse_text(text))
