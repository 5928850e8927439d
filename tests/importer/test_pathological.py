"""Large hostile inputs take linear time: no regex backtracks catastrophically.

Each shape is parsed at n and 4n characters: a linear parser takes about 4 times as long, a
quadratic one 16 times; a backtracking regex beside them fails the same check.
"""

import contextlib
import re

import pytest

from importer.parse.document import MAX_LINES, parse_text
from importer.parse.records import ImportTextError
from tests.helpers import GROWTH_LIMIT, growth

# name: (text of about n characters, n). Each n makes t(n) some 20-40 ms; the line-based shapes
# stay under MAX_LINES at 4n, past which a text is refused before it is parsed.
CASES = {
    "a( repeated on one line": (lambda n: "a(" * (n // 2), 30_000),
    "single line of letters": (lambda n: "abc " * (n // 4), 40_000),
    "spaces then a letter": (lambda n: " " * n + "x", 2_000_000),
    "single line of years": (lambda n: "The Salt Road (2019) " * (n // 21), 30_000),
    "names and roles": (
        lambda n: "director Mara Okafor as Ada (Ines Vale, x) " * (n // 43),
        20_000,
    ),
    "digits and slashes": (lambda n: "4/5/" * (n // 4), 40_000),
    "stars": (lambda n: "★☆" * (n // 2), 30_000),
    "short lines": (lambda n: "a(\n" * (n // 3), 10_000),
    "heading-like lines": (lambda n: "Who is Ada?\n\nThe Salt Road (2019)\n" * (n // 34), 15_000),
    "newlines": (lambda n: "\n" * n, 1_000_000),
}


def parse(text: str) -> None:
    # Refusing the text is an answer too; only the time matters here.
    with contextlib.suppress(ImportTextError):
        parse_text(text, film_hint="The Salt Road (2019)")


@pytest.mark.parametrize(("make", "n"), CASES.values(), ids=CASES.keys())
def test_pathological_input_takes_linear_time(make, n):
    assert growth(parse, make, n) < GROWTH_LIMIT


def test_line_based_shapes_are_parsed_not_refused_for_length():
    """The line-based shapes reach the parser at 4n: under MAX_LINES."""
    for name in ("short lines", "heading-like lines"):
        make, n = CASES[name]
        assert make(4 * n).count("\n") < MAX_LINES


def test_the_linear_time_check_fails_a_backtracking_regex():
    """Positive control: trailing spaces found by " +$" backtrack from every space (quadratic);
    the same search anchored after a non-space is linear."""
    spaces = lambda n: " " * n + "a"  # noqa: E731
    assert growth(re.compile(" +$").search, spaces, 3_000) > GROWTH_LIMIT
    assert growth(re.compile("(?<! ) +$").search, spaces, 1_000_000) < GROWTH_LIMIT
