"""Ratings only when explicit (#13), and a rating never makes a text fail to import: an explicit
front-matter kind wins, and without one a rating makes the piece a review."""

from decimal import Decimal

import pytest

from importer.parse.document import parse_text
from importer.save import article_import_bytes
from reviews.models import Article
from tests.importer.helpers import messages

BODY = "Harbour Lamps (2018) review\n\nA barge, a river, a long night.\n\n{line}\n"


def rating_of(line: str) -> Decimal | None:
    return parse_text(BODY.format(line=line)).article.rating


@pytest.mark.parametrize(
    ("line", "rating"),
    [
        ("★★★½", "3.5"),
        ("★★★★☆", "4.0"),
        ("3.5 stars", "3.5"),
        ("3½ stars", "3.5"),
        ("4 out of 5 stars", "4.0"),
        ("4/5", "4.0"),
        ("8/10", "4.0"),
        ("7/10", "3.5"),
        ("9/10", "4.5"),
        ("Rating: 4.5/5", "4.5"),
        ("Rating: 4/5", "4.0"),
        ("It runs long, but the river scenes earn it. 3.5 stars.", "3.5"),
        ("I would give it 4 stars, and a medal for the barge.", "4.0"),
    ],
)
def test_explicit_ratings_in_half_stars_out_of_five(line, rating):
    assert rating_of(line) == Decimal(rating)


@pytest.mark.parametrize(
    "line",
    [
        "Verdict: one film to see before the year is out.",
        "It borrows two stars of the silent era for a single scene.",
        "A five-star cast in a three-star boat.",
        "Four out of five stars.",
        "Rating: four out of five",
        "Verdict: 2 hours well spent on a river.",
        "The 2 stars of the film share one scene.",
    ],
)
def test_numbers_in_words_and_counts_are_never_ratings(line):
    assert rating_of(line) is None
    assert rating_of(f"{line}\n\n4/5") == Decimal("4.0")  # control: an explicit rating is read


def test_verdict_line_with_a_number_in_words_keeps_its_words_and_gives_no_rating():
    parsed = parse_text(BODY.format(line="Verdict: one film that earns every one of its tears."))
    assert parsed.article.rating is None
    assert parsed.article.verdict.startswith("one film that earns")


# --- kind and rating ----------------------------------------------------------------------------

ESSAY_WITH_RATING = """\
---
title: What the river keeps
film: Harbour Lamps (2018)
kind: essay
rating: 4.5
---
# What the river keeps

The barge never docks, and the film never says why.

## The ending, and what it means

The last shot holds on the lamps going out one by one.
"""


def test_an_explicit_kind_wins_and_its_rating_is_dropped_with_a_warning_not_an_error():
    parsed = parse_text(ESSAY_WITH_RATING)
    assert (parsed.article.kind, parsed.article.rating) == ("essay", None)
    assert any("'rating' 4.5 dropped" in message for message in messages(parsed))
    # control: a review's front-matter rating is kept
    review = parse_text(ESSAY_WITH_RATING.replace("kind: essay", "kind: review"))
    assert (review.article.kind, review.article.rating) == ("review", Decimal("4.5"))


def test_without_a_kind_a_front_matter_rating_makes_a_markdown_essay_a_review():
    # Before #13 this was "front matter 'rating' is only for reviews": the ending heading made
    # the detector say "ending", and a normal Markdown essay could not be imported.
    parsed = parse_text(ESSAY_WITH_RATING.replace("kind: essay\n", ""))
    assert (parsed.article.kind, parsed.article.rating) == ("review", Decimal("4.5"))
    without_rating = parse_text(ESSAY_WITH_RATING.replace("kind: essay\nrating: 4.5\n", ""))
    assert without_rating.article.kind != "review"  # control: the headings alone say otherwise
    assert without_rating.article.rating is None


def test_without_a_kind_a_rating_in_the_text_makes_it_a_review():
    text = (
        "Harbour Lamps (2018) ending explained\n\nThe barge never docks.\n\n"
        "The ending\n\nThe lamps go out one by one.\n\n{rating}"
    )
    rated = parse_text(text.format(rating="Rating: 4/5\n"))
    assert (rated.article.kind, rated.article.rating) == ("review", Decimal("4.0"))
    assert any("imported as a review" in message for message in messages(rated))
    unrated = parse_text(text.format(rating=""))
    assert unrated.article.kind == "ending"  # control: the title's kind stands without a rating


@pytest.mark.django_db
def test_an_essay_with_a_front_matter_rating_imports_without_a_rating():
    result = article_import_bytes(data=ESSAY_WITH_RATING.encode(), max_bytes=1 << 20)
    article = Article.objects.get(pk=result.article.pk)
    assert (article.kind, article.rating) == ("essay", None)
    assert any("only reviews have a rating" in w.message for w in result.warnings)


def test_fewer_star_symbols_ending_the_text_are_a_rating_but_not_mid_sentence():
    head = "Harbour Lamps (2018) review\n\n"
    closing = "A barge, a river, a long night, and worth it for the last storm. ★★½"
    assert parse_text(f"{head}{closing}\n").article.rating == Decimal("2.5")
    middle = "The ★★ hotel on the quay is where the film ends, with a storm."
    assert parse_text(f"{head}{middle}\n\nA patient film.\n").article.rating is None
