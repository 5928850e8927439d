"""Whatever the text, the parser returns a ParsedText or raises ImportTextError."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importer.parse.document import parse_text
from importer.parse.records import ImportTextError, ParsedText

LINES = st.sampled_from(
    [
        "The Salt Road (2019)",
        "A still from “The Salt Road” (2019)",
        "Spoilers ahead",
        "SPOILER ALERT",
        "Who is Ada?",
        "What role does Tomas play in the heist?",
        "The Salt Road (2019) Plot Summary & Movie Synopsis:",
        "The Salt Road (2019) Movie Ending Explained:",
        "The Salt Road (2019) Movie Theme Analysed:",
        "The Salt Road (2019) Movie Cast: Ines Vale, Dario Benn as Tomas, Cher",
        "The Salt Road (2019) Movie Runtime: 1h 50m, Genre: Crime/Drama/Action",
        "Movie Links: IMDb, https://www.imdb.com/title/tt0000001/",
        "Where to watch: Netflix",
        "Watch the trailer",
        "Share it",
        "Similar Posts",
        "Leave a Reply",
        "Comment *",
        "Rating: 4.5",
        "★★★★☆",
        "Verdict: good. 8/10",
        "1. Cold Harbour (2020)",
        "## A heading",
        "# Title",
        '![alt](http://x/y.jpg "cap")',
        "---",
        "```",
        "",
        "Director Mara Okafor, co-written with Lev Arden, stars Ines Vale as Ada.",
        "Ada (Ines Vale, superb) and Tomas (Dario Benn) argue.",
        "It is a slow film about salt, and it is very good.",
        "(((((",
        "a(a(a(a(",
    ]
)


def _check(text: str, hint: str | None = None) -> None:
    try:
        result = parse_text(text, film_hint=hint)
    except ImportTextError as error:
        assert str(error)
    else:
        assert isinstance(result, ParsedText)
        assert all(section.kind for section in result.sections)
        assert result.article.rating is None or result.article.kind == "review"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text(text):
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES | st.text(max_size=80), max_size=40), st.sampled_from(["\n", "\r\n"]))
def test_structured_mixes(lines, newline):
    _check(newline.join(lines))


@settings(max_examples=100, deadline=None)
@given(st.lists(LINES, max_size=30), st.one_of(st.none(), st.text(max_size=40)))
def test_structured_mixes_with_hint(lines, hint):
    _check("\n".join(lines), hint)


@settings(max_examples=100, deadline=None)
@given(st.lists(LINES, max_size=30))
def test_front_matter_mixes(lines):
    front = "---\nfilm: The Salt Road (2019)\nkind: ending\ntags: [a, b]\n---\n"
    _check(front + "\n".join(lines))
