"""The corpus: texts in the shapes critics paste, each imported and checked against what an
editor would have built from it (issue #13).

Every text in corpus/ has a YAML file beside it with its expected result (see corpus/README.md).
Each (text, rule) pair is one test, so a failure names the text and the rule. Rules that are not
built yet are listed under `pending:` in the text's YAML and run as strict xfails: when a rule
lands they fail until the entry is removed. test_corpus_score prints the score per rule.

The hard bar, for every text: the right film, zero spoiler text outside spoiler sections, no
furniture as a heading, no person whose name is not a name.
"""

from __future__ import annotations

import re
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.db import transaction

from importer.parse.records import ImportTextError
from importer.save import ImportResult, article_import_bytes
from people.models import Character, Credit, Person
from reviews.models import Article, html_to_text
from tests import factories as f

CORPUS = Path(__file__).parent / "corpus"
MAX_BYTES = 2 * 1024 * 1024
HARD_RULES = ("film", "spoilers", "furniture", "names")
SOFT_RULES = ("films", "credits", "sections", "public", "rating", "kind", "verdict", "author")
RULES = HARD_RULES + SOFT_RULES
TITLE_YEAR = re.compile(r"^(?P<title>.+?)(?: \((?P<year>\d{4})\))?$")

# Lines that are page furniture wherever they come from; no heading may read like one.
FURNITURE_HEADING = re.compile(
    r"^(by|words by|written by|reviewed by|posted( on)?|updated|published|watched( on)?|"
    r"like review|\d[\d,]* likes?|share( this( post)?)?|subscribe|related( posts)?|also read|"
    r"read more|advertisement|you may also like|trending|recommended|similar posts|"
    r"leave a (reply|comment)|cancel reply|post comment|comments?|print|facebook|twitter|email|"
    r"like this|like loading|thanks for reading)\b",
    re.IGNORECASE,
)
# A person's name: capitalised words (with particles), letters, hyphens, apostrophes and the
# full stop of an initial; no other punctuation, no digits, no titles or job words.
PARTICLES = {"de", "da", "das", "do", "dos", "di", "du", "del", "della", "van", "von", "der", "den",
             "le", "la", "bin", "al"}  # fmt: skip
NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
NOT_NAME_WORDS = {
    "the", "a", "an", "mr", "mrs", "ms", "dr", "sir", "dame", "director", "writer", "actor",
    "star", "stars", "cast", "hero", "heroine", "neighbour", "neighbor", "head", "production",
    "review", "film", "verdict", "sheriff", "captain", "lieutenant", "reverend", "deputy",
}  # fmt: skip


def fold(text: str) -> str:
    """Case, accents, typography and Markdown emphasis ignored, white space collapsed."""
    text = unicodedata.normalize("NFKC", text or "")
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        text = text.replace(curly, straight)
    text = re.sub(r"[*_`#>]+", "", text)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.split()).casefold()


def film_key(text: str | None) -> tuple[str, int | None] | None:
    if text is None:
        return None
    match = TITLE_YEAR.match(text.strip())
    assert match, text
    return fold(match["title"]), int(match["year"]) if match["year"] else None


# --- the corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    expected: dict[str, Any]

    @property
    def pending(self) -> dict[str, str]:
        return {rule: f"#13: {rule} not yet built" for rule in self.expected.get("pending", [])}


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix not in {".txt", ".md"} or path.name == "README.md":
            continue
        expected = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
        unknown = set(expected.get("pending", [])) - set(RULES)
        assert not unknown, f"{path.name}: unknown pending rules {unknown}"
        cases.append(Case(path.stem, path, expected))
    return cases


CASES = load_cases()


# --- what one import made -----------------------------------------------------------------------


@dataclass
class Section:
    heading: str
    kind: str
    is_spoiler: bool
    text: str  # plain text of the rendered body
    lines: list[str]  # the Markdown body's lines, folded


@dataclass
class Outcome:
    error: str | None = None
    result: ImportResult | None = None
    film: tuple[str, int | None] | None = None
    films: set[tuple[str, int | None]] = field(default_factory=set)
    credits: list[tuple[str, str, str | None, tuple[str, int | None]]] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    article: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def import_case(case: Case) -> Outcome:
    site = case.expected.get("site") or {}
    for film in site.get("films", []):
        title, year = TITLE_YEAR.match(film).group("title", "year")
        f.FilmFactory(title=title, year=int(year) if year else None)
    for name in site.get("authors", []):
        f.AuthorFactory(name=name)
    try:
        result = article_import_bytes(
            data=case.path.read_bytes(),
            max_bytes=MAX_BYTES,
            film_hint=case.expected.get("film_hint"),
        )
    except ImportTextError as exc:
        return Outcome(error=f"import refused: {exc}")
    except Exception:  # a crash is a failure of every rule, reported, not a broken run
        return Outcome(error=f"import crashed:\n{traceback.format_exc()}")
    article = Article.objects.select_related("author").get(pk=result.article.pk)
    outcome = Outcome(result=result, warnings=[w.message for w in result.warnings])
    if result.film is not None:
        outcome.film = (fold(result.film.title), result.film.year)
    outcome.films = {(fold(film.title), film.year) for film in article.films.all()}
    outcome.credits = [
        (
            credit.person.name,
            credit.role,
            credit.character.name if credit.character else None,
            (fold(credit.film.title), credit.film.year),
        )
        for credit in Credit.objects.select_related("person", "character", "film")
    ]
    outcome.people = list(Person.objects.values_list("name", flat=True))
    outcome.characters = list(Character.objects.values_list("name", flat=True))
    outcome.sections = [
        Section(
            heading=s.heading,
            kind=s.kind,
            is_spoiler=s.is_spoiler,
            text=fold(html_to_text(s.body_html)),
            lines=[fold(line) for line in s.body.splitlines() if line.strip()],
        )
        for s in article.sections.order_by("order")
    ]
    article.refresh_from_db()  # the search document is written by an UPDATE
    outcome.article = {
        "title": article.title,
        "standfirst": article.standfirst,
        "verdict": article.verdict,
        "summary": article.summary,
        "search_text": article.search_text,
        "public_text": article.public_text(),
        "rating": article.rating,
        "kind": article.kind,
        "author": article.author.name if article.author else None,
    }
    return outcome


@pytest.fixture(scope="module")
def outcomes(django_db_setup, django_db_blocker) -> dict[str, Outcome]:
    """Each text imported once, on its own site (a savepoint rolled back after it)."""
    found = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for case in CASES:
            with transaction.atomic():
                found[case.name] = import_case(case)
                transaction.set_rollback(True)
        transaction.set_rollback(True)
    return found


# --- the rules: each returns its problems, [] when the text passes -------------------------------


def check_film(case: Case, got: Outcome) -> list[str]:
    wanted = film_key(case.expected["film"])
    problems = [] if got.film == wanted else [f"film {got.film}, wanted {wanted}"]
    wrong = {film_key(title) for title in case.expected.get("not_films", [])}
    problems += [
        f"passing mention {film} is one of the article's films" for film in got.films & wrong
    ]
    return problems


def check_films(case: Case, got: Outcome) -> list[str]:
    listed = case.expected.get("films") or [case.expected["film"]]
    wanted = {film_key(film) for film in listed if film}
    return (
        []
        if got.films == wanted
        else [f"article films {sorted(got.films, key=str)}, wanted {sorted(wanted, key=str)}"]
    )


def _character_matches(wanted: str | None, got: str | None) -> bool:
    if wanted is None:
        return True
    return got is not None and (fold(wanted) in fold(got) or fold(got) in fold(wanted))


def credits_found(case: Case, got: Outcome) -> tuple[int, int, list[str]]:
    """(found, wanted, problems) for the expected credits and the forbidden ones."""
    wanted = case.expected.get("credits") or []
    problems, found = [], 0
    for person, role, character, *film in wanted:
        on_film = film_key(film[0]) if film else None
        if any(
            fold(p) == fold(person)
            and r == role
            and _character_matches(character, c)
            and (on_film is None or on == on_film)
            for p, r, c, on in got.credits
        ):
            found += 1
        else:
            problems.append(
                f"missing {person} ({role}, {character or 'any part'})"
                + (f" on {film[0]}" if film else "")
            )
    for person, role, *rest in case.expected.get("not_credits") or []:
        character = rest[0] if rest else None
        on_film = film_key(rest[1]) if len(rest) > 1 else None
        for p, r, c, on in got.credits:
            if (
                fold(person) in fold(p)
                and r == role
                and (character is None or _character_matches(character, c))
                and (on_film is None or on == on_film)
            ):
                problems.append(f"wrong credit {p} ({r}, {c}) on {on}")
    for person in case.expected.get("one_character_each") or []:
        parts = {c for p, r, c, _ in got.credits if fold(p) == fold(person) and r == "actor"}
        if len(parts) != 1:
            problems.append(f"{person} plays {len(parts)} characters: {sorted(map(str, parts))}")
    return found, len(wanted), problems


def check_credits(case: Case, got: Outcome) -> list[str]:
    return credits_found(case, got)[2]


def check_sections(case: Case, got: Outcome) -> list[str]:
    problems, start = [], 0
    for wanted in case.expected.get("sections") or []:
        heading = fold(wanted["heading"])
        index = next(
            (
                i
                for i in range(start, len(got.sections))
                if heading in fold(got.sections[i].heading)
            ),
            None,
        )
        if index is None:
            problems.append(f"no section headed {wanted['heading']!r} (in order)")
            continue
        start = index + 1
        if got.sections[index].is_spoiler != wanted["spoiler"]:
            problems.append(
                f"section {wanted['heading']!r} spoiler={got.sections[index].is_spoiler}"
            )
    return problems


def public_surfaces(got: Outcome) -> dict[str, str]:
    """Everything a reader sees without opting in."""
    surfaces = {
        name: fold(got.article[name])
        for name in ("title", "standfirst", "verdict", "summary", "search_text", "public_text")
    }
    surfaces["public headings"] = " | ".join(
        fold(s.heading) for s in got.sections if not s.is_spoiler
    )
    surfaces["public sections"] = " | ".join(s.text for s in got.sections if not s.is_spoiler)
    return surfaces


def check_spoilers(case: Case, got: Outcome) -> list[str]:
    problems = []
    surfaces = public_surfaces(got)
    hidden = " | ".join(s.text for s in got.sections if s.is_spoiler)
    for twist in case.expected.get("twists") or []:
        leaks = [name for name, text in surfaces.items() if fold(twist) in text]
        problems += [f"twist {twist!r} leaks into the {name}" for name in leaks]
        if not leaks and fold(twist) not in hidden:  # the positive control: it was imported
            problems.append(f"twist {twist!r} is in no spoiler section")
    if case.expected.get("all_spoiler"):
        problems += [
            f"section {s.heading or s.kind!r} is public" for s in got.sections if not s.is_spoiler
        ]
        if not any("spoiler" in w.casefold() for w in got.warnings):
            problems.append("no warning that the article has no spoiler-free part")
    if case.expected.get("all_public"):
        problems += [
            f"section {s.heading or s.kind!r} is spoiler" for s in got.sections if s.is_spoiler
        ]
    return problems


def check_public(case: Case, got: Outcome) -> list[str]:
    public = fold(got.article["public_text"])
    return [
        f"{phrase!r} is not public"
        for phrase in case.expected.get("public") or []
        if fold(phrase) not in public
    ]


def _unspaced(text: str) -> str:
    return fold(text).rstrip(":").strip()


def furniture_problems(case: Case, got: Outcome) -> list[str]:
    problems = []
    headings = [s.heading for s in got.sections if s.heading]
    problems += [f"furniture heading {h!r}" for h in headings if FURNITURE_HEADING.match(h.strip())]
    for line in case.expected.get("furniture") or []:
        wanted = _unspaced(str(line))
        problems += [f"{line!r} is a heading" for h in headings if _unspaced(h) == wanted]
        for s in got.sections:
            if any(_unspaced(body_line) == wanted for body_line in s.lines):
                problems.append(f"{line!r} is in the body of section {s.heading or s.kind!r}")
        for name in ("title", "standfirst", "verdict"):
            if _unspaced(got.article[name]) == wanted:
                problems.append(f"{line!r} is the {name}")
    return problems


def check_furniture(case: Case, got: Outcome) -> list[str]:
    return furniture_problems(case, got)


def bad_name(name: str) -> bool:
    words = name.split()
    return (
        not 1 <= len(words) <= 5
        or name != name.strip()
        or any(
            not NAME_WORD.match(word)
            or not (word[0].isupper() or word in PARTICLES)
            or word.rstrip(".").casefold() in NOT_NAME_WORDS
            for word in words
        )
        or bool(re.search(r"[,;:()\[\]\"!?/\\|&*#@\d]|[.'-]$", name))
    )


def bad_character(name: str) -> bool:
    """A part is a name, perhaps with a title ("Dr Ansel Pike"), never a description."""
    words = name.split()
    return (
        not 1 <= len(words) <= 6
        or name != name.strip()
        or not name[0].isupper()
        or bool(re.search(r"[,;:()\[\]\"!?/\\|&*#@\d]|[.'-]$", name))
    )


def check_names(case: Case, got: Outcome) -> list[str]:
    return [f"person {name!r} is not a name" for name in got.people if bad_name(name)] + [
        f"character {name!r} is not a name" for name in got.characters if bad_character(name)
    ]


def check_rating(case: Case, got: Outcome) -> list[str]:
    wanted = case.expected.get("rating")
    wanted = None if wanted is None else Decimal(str(wanted))
    return (
        []
        if got.article["rating"] == wanted
        else [f"rating {got.article['rating']}, wanted {wanted}"]
    )


def check_kind(case: Case, got: Outcome) -> list[str]:
    wanted = case.expected.get("kind")
    if wanted is None or got.article["kind"] == wanted:
        return []
    return [f"kind {got.article['kind']}, wanted {wanted}"]


def check_verdict(case: Case, got: Outcome) -> list[str]:
    wanted = case.expected.get("verdict")
    if wanted is None or fold(wanted) in fold(got.article["verdict"]):
        return []
    return [f"verdict {got.article['verdict']!r}, wanted one with {wanted!r}"]


def check_author(case: Case, got: Outcome) -> list[str]:
    wanted = case.expected.get("author")
    if wanted is None or got.article["author"] == wanted:
        return []
    return [f"author {got.article['author']!r}, wanted {wanted!r}"]


CHECKS: dict[str, Callable[[Case, Outcome], list[str]]] = {
    "film": check_film,
    "films": check_films,
    "credits": check_credits,
    "sections": check_sections,
    "spoilers": check_spoilers,
    "public": check_public,
    "furniture": check_furniture,
    "names": check_names,
    "rating": check_rating,
    "kind": check_kind,
    "verdict": check_verdict,
    "author": check_author,
}
assert set(CHECKS) == set(RULES)


def problems_of(case: Case, rule: str, got: Outcome) -> list[str]:
    if got.error:
        return [got.error]
    return CHECKS[rule](case, got)


# --- the tests ----------------------------------------------------------------------------------


def _params() -> list:
    params = []
    for case in CASES:
        for rule in RULES:
            marks = []
            if rule in case.pending:
                marks.append(pytest.mark.xfail(strict=True, reason=case.pending[rule]))
            params.append(pytest.param(case, rule, id=f"{case.name}-{rule}", marks=marks))
    return params


@pytest.mark.django_db  # also makes pytest-django set up the database for `outcomes`
@pytest.mark.parametrize(("case", "rule"), _params())
def test_corpus(outcomes: dict[str, Outcome], case: Case, rule: str):
    problems = problems_of(case, rule, outcomes[case.name])
    assert not problems, "\n".join(problems)


def test_the_corpus_has_the_shapes_of_issue_13():
    assert len(CASES) >= 24
    shapes = " ".join(case.expected["shape"].casefold() for case in CASES)
    for shape in (
        "letterboxd",
        "newsletter",
        "ending-explained",
        "non-english",
        "ranked list",
        "word paste",
        "double bill",
        "mid-paragraph",
        "without a year",
        "may contain spoilers",
        "neighbour dr x",
        "early role",
        "writer-director",
        "verdict: one film",
    ):
        assert shape in shapes, shape
    # Every hard rule has something to bite on, and a negative control beside it.
    assert sum(bool(c.expected.get("twists")) for c in CASES) >= 8
    assert any(c.expected.get("all_public") for c in CASES)
    assert sum(bool(c.expected.get("furniture")) for c in CASES) >= 8


def test_the_checks_catch_what_they_look_for():
    """Each rule fails on a made-up bad outcome and passes on the good one beside it."""
    case = Case(
        "made-up",
        CORPUS,
        {
            "film": "Tideline (2016)",
            "twists": ["the ferryman did it"],
            "furniture": ["Like review"],
            "credits": [["Niamh Devlin", "actor", "Orla"]],
        },
    )
    good = Outcome(
        film=("tideline", 2016),
        films={("tideline", 2016)},
        credits=[("Niamh Devlin", "actor", "Orla", ("tideline", 2016))],
        people=["Niamh Devlin", "Peadar Ó Munnelly", "J. R. Hale", "Saoirse Kavanagh-Bell"],
        sections=[
            Section("Waves", "analysis", False, "the sea is grey", ["the sea is grey"]),
            Section("The ending", "ending", True, "the ferryman did it", ["the ferryman did it"]),
        ],
        article={
            "title": "Tideline review",
            "standfirst": "",
            "verdict": "",
            "summary": "the sea is grey",
            "search_text": "the sea is grey",
            "public_text": "the sea is grey",
            "rating": None,
            "kind": "review",
            "author": None,
        },
    )
    for rule in ("film", "spoilers", "furniture", "names", "credits"):
        assert problems_of(case, rule, good) == [], rule

    leaked = Outcome(
        **{**good.__dict__, "article": {**good.article, "verdict": "The ferryman did it."}}
    )
    assert problems_of(case, "spoilers", leaked) == [
        "twist 'the ferryman did it' leaks into the verdict"
    ]
    lost = Outcome(**{**good.__dict__, "sections": good.sections[:1]})
    assert problems_of(case, "spoilers", lost) == [
        "twist 'the ferryman did it' is in no spoiler section"
    ]
    heading = Section("Like review", "other", False, "x", ["x"])
    chrome = Outcome(**{**good.__dict__, "sections": [*good.sections, heading]})
    assert "'Like review' is a heading" in problems_of(case, "furniture", chrome)
    for name in (
        "Colm Brady,",
        "the hero's neighbour",
        "Dr Ansel Pike",
        "Mr Vance",
        "Ines Vale (2019)",
    ):
        assert bad_name(name), name
    for name in (
        "the surveyor who wants her land",
        "Ada,",
        "Ada (Ines Vale)",
        "Lin Mei.",
        "Ursula 2",
    ):
        assert bad_character(name), name
    assert not any(
        map(bad_character, ("Dr Ansel Pike", "Mrs Edda Thorn", "Cléo", "Hugo Saint-Amand"))
    )
    wrong = Outcome(**{**good.__dict__, "film": ("glass harbour", 2009)})
    assert problems_of(case, "film", wrong) == [
        "film ('glass harbour', 2009), wanted ('tideline', 2016)"
    ]


@pytest.mark.django_db
def test_corpus_score(outcomes: dict[str, Outcome], capsys):
    """Prints the score per rule; the per-text tests above do the asserting."""
    passed = dict.fromkeys(RULES, 0)
    leaks = furniture = bad = found = wanted = 0
    for case in CASES:
        got = outcomes[case.name]
        for rule in RULES:
            passed[rule] += not problems_of(case, rule, got)
        if got.error:
            continue
        leaks += sum("leaks into" in p for p in check_spoilers(case, got))
        furniture += len(furniture_problems(case, got))
        bad += len(check_names(case, got))
        hits, total, _ = credits_found(case, got)
        found, wanted = found + hits, wanted + total
    failed = [case.name for case in CASES if outcomes[case.name].error]
    n = len(CASES)
    line = (
        f"corpus of {n}: film {passed['film']}/{n}, spoiler leaks {leaks}, furniture {furniture}, "
        f"bad names {bad}, credits {found * 100 // max(wanted, 1)}% ({found}/{wanted}), "
        + ", ".join(f"{rule} {passed[rule]}/{n}" for rule in RULES if rule not in HARD_RULES[:1])
        + (f"; failed to import: {', '.join(failed)}" if failed else "")
    )
    with capsys.disabled():
        print(f"\n{line}")
    assert len(outcomes) == n and line.startswith(f"corpus of {n}: film ")
