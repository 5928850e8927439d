"""Credits only from real evidence (#13): cast and crew phrasing, never a character's job, never
a name with punctuation in it; when unsure, no credit and a warning naming it."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importer.parse.document import parse_text
from importer.parse.names import checked_credits
from importer.parse.records import CreditRecord, ParseWarning
from importer.save import article_import_bytes
from people.models import Character, Credit, Person
from tests.importer.helpers import credits_of, messages

# Words of letters with inner hyphens or apostrophes, or an initial: what a stored name may hold.
_WORD = r"(?:[^\W\d_]+(?:['’-][^\W\d_]+)*|[^\W\d_]\.)"
CLEAN_NAME = re.compile(rf"^{_WORD}(?: {_WORD})*$")


def review(*paragraphs: str, title: str = "Harbour Lamps (2018) review") -> str:
    return "\n\n".join((title, *paragraphs, "A patient, odd little film.")) + "\n"


def credits(*paragraphs: str, **kwargs: str) -> set[tuple[str, str, str | None]]:
    return credits_of(parse_text(review(*paragraphs, **kwargs)))


def warned(parsed, *words: str) -> bool:
    return any(all(word in message for word in words) for message in messages(parsed))


# --- cast phrasing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        (
            "Mara Quell, as the hero's neighbour Dr Oswin Pike, steals every scene.",
            ("Mara Quell", "actor", "Dr Oswin Pike"),
        ),
        (
            "Tobias Renn, as Captain Holloway, barks his way through the storm.",
            ("Tobias Renn", "actor", "Captain Holloway"),
        ),
        ("Tobias Renn as Captain Holloway is stiff.", ("Tobias Renn", "actor", "Captain Holloway")),
        (
            "Later the ferryman, Halloran (Oskar Lind in an early role), rows them out.",
            ("Oskar Lind", "actor", "Halloran"),
        ),
        (
            "Later the ferryman, Halloran (Oskar Lind, in an early role), rows them out.",
            ("Oskar Lind", "actor", "Halloran"),
        ),
        ("Halloran (Oskar Lind) rows them out.", ("Oskar Lind", "actor", "Halloran")),
        (
            "Halfway through, Ilse Varga turns up as Madame Orlov and the film wakes up.",
            ("Ilse Varga", "actor", "Madame Orlov"),
        ),
        ("Ilse Varga plays Madame Orlov with relish.", ("Ilse Varga", "actor", "Madame Orlov")),
        (
            "Ilse Varga, playing Madame Orlov, gets the last word.",
            ("Ilse Varga", "actor", "Madame Orlov"),
        ),
        (
            "Wim Osei is very funny as Ruth's husband Bertie, who only wants to fish.",
            ("Wim Osei", "actor", "Bertie"),
        ),
        (
            "Priya Salk is the ferryman's daughter Nell, home for the summer.",
            ("Priya Salk", "actor", "Nell"),
        ),
    ],
)
def test_cast_phrasing_gives_actor_and_character(sentence, credit):
    found = credits(sentence)
    assert credit in found
    # never the description ("the hero") and never a name with its comma
    assert all(CLEAN_NAME.match(person) for person, _, _ in found)
    assert not any(character and character.startswith("the ") for *_, character in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ilse Varga plays opposite Tom Reed for most of the film.",  # Tom Reed is a colleague
        "Konrad Bell, as ever, keeps the camera perfectly still.",
        "Halloran is played, as Pauline Kael said of another film, like a man late for a bus.",
        "Ilse Varga plays the piano in one scene and the accordion in another.",
        "Tobias Renn is as good as Ilse Varga, which is saying something.",
    ],
)
def test_no_actor_credit_without_cast_phrasing(sentence):
    found = credits(sentence, "Halloran (Oskar Lind) rows them out.")
    assert ("Oskar Lind", "actor", "Halloran") in found  # control: the cast line is read
    assert {person for person, _, _ in found} == {"Oskar Lind"}


def test_an_unnamed_part_is_an_actor_credit_without_a_character():
    found = credits(
        "Felix Dunmore turns up as a bank manager who swims in his suit.",
        "Rafe Olsen, as the lodger who used to teach, has the best scene.",
        "Konrad Bell, as a director, prefers long takes.",  # a job, not a part
    )
    assert ("Felix Dunmore", "actor", None) in found
    assert ("Rafe Olsen", "actor", None) in found
    assert not any(person == "Konrad Bell" for person, _, _ in found)


# --- crew phrasing, and characters described by a job -----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Directed by Sofia Brandt, the film takes its time.", {("Sofia Brandt", "director")}),
        ("The director Sofia Brandt has a good eye for weather.", {("Sofia Brandt", "director")}),
        ("Veteran director Sofia Brandt keeps it taut.", {("Sofia Brandt", "director")}),
        (
            "Writer-director Sofia Brandt grew up on the coast.",
            {("Sofia Brandt", "director"), ("Sofia Brandt", "writer")},
        ),
        (
            "It was co-written by Hana Ostrow and Pell Marsh.",
            {("Hana Ostrow", "writer"), ("Pell Marsh", "writer")},
        ),
        (
            "Sofia Brandt wrote the screenplay with Hana Ostrow.",
            {("Sofia Brandt", "writer"), ("Hana Ostrow", "writer")},
        ),
        (
            "The film was directed by Sofia Brandt, who wrote the screenplay with Hana Ostrow.",
            {("Sofia Brandt", "director"), ("Sofia Brandt", "writer"), ("Hana Ostrow", "writer")},
        ),
        ("She wrote the screenplay with Hana Ostrow.", {("Hana Ostrow", "writer")}),
        ("Bong Joon-ho directs with glee.", {("Bong Joon-ho", "director")}),
        ("Robert Vance's screenplay never quite lands.", {("Robert Vance", "writer")}),
    ],
)
def test_crew_phrasing_gives_crew_credits(sentence, expected):
    found = {(person, role) for person, role, _ in credits(sentence)}
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("A subplot follows the studio's head of production Mr Arlo Venn.", "Arlo Venn"),
        ("Her boss, the police chief Dana Whitcombe, is no help.", "Dana Whitcombe"),
        ("The museum director Henrik Sol hides the painting in a cupboard.", "Henrik Sol"),
        ("The hero's editor Ruth Gale spikes the story.", "Ruth Gale"),
        ("Her editor Ruth Gale spikes the story.", "Ruth Gale"),
        ("A composer named Ivo Stern moves in next door.", "Ivo Stern"),
        ("A letter written by Ada Vane arrives on the last morning.", "Ada Vane"),
        ("In the last reel he is shot by Dana Kell on the pier.", "Dana Kell"),
        ('A poster in his flat reads "Directed by Hana Ostrow", a joke.', "Hana Ostrow"),
    ],
)
def test_a_characters_job_is_not_a_crew_credit(sentence, person):
    parsed = parse_text(review(sentence, "Directed by Sofia Brandt, it runs long."))
    crew = {(c.person, c.role) for c in parsed.credits if c.role != "actor"}
    assert ("Sofia Brandt", "director") in crew  # control: real crew phrasing is read
    assert not any(name == person for name, _ in crew)


@pytest.mark.parametrize(
    "sentence",
    [
        "The museum director Henrik Sol hides the painting in a cupboard.",
        "Her editor Henrik Sol spikes the story.",
        'A poster reads "Directed by Henrik Sol", a joke about his ex.',
    ],
)
def test_a_crew_word_that_is_not_a_credit_warns_naming_the_person(sentence):
    parsed = parse_text(review(sentence))
    assert not any(credit.person == "Henrik Sol" for credit in parsed.credits)
    assert warned(parsed, "Henrik Sol", "not credited")
    control = parse_text(review("The director Henrik Sol hides nothing."))
    assert ("Henrik Sol", "director", None) in credits_of(control)
    assert not warned(control, "Henrik Sol")


def test_plays_the_director_is_a_part_not_the_films_director():
    found = credits("Tobias Renn plays the director Konrad Bell, a tyrant on set.")
    assert ("Tobias Renn", "actor", "Konrad Bell") in found
    assert not any(role == "director" for _, role, _ in found)


def test_a_crew_credit_for_a_characters_name_is_dropped():
    parsed = parse_text(
        review(
            "Ilse Varga plays Arlo Venn, a producer.",
            "Arlo Venn directs with a megaphone in the film's funniest scene.",
        )
    )
    found = credits_of(parsed)
    assert ("Ilse Varga", "actor", "Arlo Venn") in found
    assert not any(person == "Arlo Venn" for person, _, _ in found)
    assert warned(parsed, "Arlo Venn", "character")


def test_a_surname_becomes_the_texts_full_name_or_is_left_out_with_a_warning():
    parsed = parse_text(
        review(
            "Director Konrad Bell keeps it tight.",
            "Bell wrote the screenplay with Hana Ostrow; Quist's score does the rest.",
        )
    )
    found = {(person, role) for person, role, _ in credits_of(parsed)}
    assert {("Konrad Bell", "writer"), ("Hana Ostrow", "writer")} <= found
    assert not any(person == "Quist" for person, _ in found)
    assert warned(parsed, "Quist", "composer")


# --- lines and blocks ---------------------------------------------------------------------------


def test_pipe_separated_crew_and_cast_block():
    found = credits(
        "Director: Sofia Brandt | Writers: Hana Ostrow, Pell Marsh | Stars: Ilse Varga, Oskar Lind"
    )
    assert {
        ("Sofia Brandt", "director", None),
        ("Hana Ostrow", "writer", None),
        ("Pell Marsh", "writer", None),
        ("Ilse Varga", "actor", None),
        ("Oskar Lind", "actor", None),
    } == found


def test_cast_line():
    found = credits("Cast: Ilse Varga, Oskar Lind, Gael García Bernal")
    assert {person for person, _, _ in found} == {"Ilse Varga", "Oskar Lind", "Gael García Bernal"}


@pytest.mark.parametrize(
    "name",
    [
        "Agnès Varda",
        "Jean-Pierre Léaud",
        "Gael García Bernal",
        "Liv Ullmann",
        "Bong Joon-ho",
        "Lupita Nyong'o",
        "Ludo van Beek",
        "Ana de Oliveira",
        "Rui da Costa",
    ],
)
def test_accents_and_particles_are_names(name):
    assert credits(f"Directed by {name}, it runs long.") == {(name, "director", None)}


# --- one part per actor, and a part named like the film ----------------------------------------


def test_a_first_name_merges_into_the_full_name_for_the_same_actor():
    found = credits(
        "Cast: Faye Dunne as Evelyn Marr, Tobias Renn as Jake",
        "Faye Dunne as Evelyn is superb, and Dunne's Evelyn carries the last act.",
    )
    assert {c for c in found if c[0] == "Faye Dunne"} == {("Faye Dunne", "actor", "Evelyn Marr")}


def test_two_different_parts_for_one_actor_are_both_kept():
    found = credits("Ilse Varga plays Ana, and later turns up again: Ilse Varga plays Lena too.")
    assert {c for c in found if c[0] == "Ilse Varga"} == {
        ("Ilse Varga", "actor", "Ana"),
        ("Ilse Varga", "actor", "Lena"),
    }


def test_a_character_named_like_the_film_is_a_character():
    parsed = parse_text(
        review(
            "Odile Carr plays Evelyn Strand across forty years, and she is extraordinary.",
            title="Evelyn Strand (2015) review",
        )
    )
    assert parsed.film.title == "Evelyn Strand"
    assert ("Odile Carr", "actor", "Evelyn Strand") in credits_of(parsed)
    assert not any(c.person == "Evelyn Strand" for c in parsed.credits)


# --- the last check: no name with punctuation leaves the parser --------------------------------


def test_checked_credits_drops_a_name_with_punctuation_and_warns():
    warnings: list[ParseWarning] = []
    kept = checked_credits(
        [CreditRecord("Tobias Renn,", "actor", "Holloway"), CreditRecord("Ines Vale", "actor")],
        warnings,
    )
    assert kept == [CreditRecord("Ines Vale", "actor")]
    assert any("'Tobias Renn,'" in str(warning) for warning in warnings)


_WORDS = st.sampled_from(
    [
        "Mara", "Quell,", "as", "the", "hero's", "neighbour", "Dr", "Pike", "(", ")", "Renn",
        "Tobias", "director", "Directed", "by", "plays", "turns", "up", "wrote", "screenplay",
        "with", "Ada", "Vane.", "\"", "co-written", "and", "Ostrow", "Hana", "Nyong'o", "Lupita",
        "head", "of", "production", "Mr", "Venn", "in", "an", "early", "role", "Cast:", "|",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_WORDS, min_size=3, max_size=30).map(" ".join), min_size=1, max_size=4))
def test_any_jumble_of_credit_words_gives_only_clean_names(paragraphs):
    parsed = parse_text(review(*paragraphs))
    for credit in parsed.credits:
        assert CLEAN_NAME.match(credit.person), credit
        assert credit.person.split()[0] not in ("Dr", "Mr", "The")


# --- end to end ---------------------------------------------------------------------------------

END_TO_END = """\
The Lamplighters (2016) review: a night shift on the river

Director Sofia Brandt sets her film on a barge that never quite docks. She wrote the screenplay \
with Hana Ostrow, and it has the loose, talky shape of a play that escaped.

Ilse Varga plays Dora, the skipper. Tobias Renn, as the hero's neighbour Dr Oswin Pike, steals \
every scene, and Halloran (Oskar Lind in an early role) rows the mail across each dawn.

A side plot about the studio's head of production Mr Arlo Venn goes nowhere, and the museum \
director Henrik Sol is a cartoon.

Rating: 4/5
"""


@pytest.mark.django_db
def test_import_creates_people_and_credits_from_real_evidence_only():
    result = article_import_bytes(data=END_TO_END.encode(), max_bytes=1 << 20)
    rows = {
        (c.person.name, c.role, c.character.name if c.character else None)
        for c in Credit.objects.select_related("person", "character")
    }
    assert rows == {
        ("Sofia Brandt", "director", None),
        ("Hana Ostrow", "writer", None),  # "She wrote ...": a pronoun names nobody
        ("Ilse Varga", "actor", "Dora"),
        ("Tobias Renn", "actor", "Dr Oswin Pike"),
        ("Oskar Lind", "actor", "Halloran"),
    }
    names = set(Person.objects.values_list("name", flat=True))
    assert all(CLEAN_NAME.match(name) for name in names)
    assert not names & {"Arlo Venn", "Henrik Sol"}
    assert not Character.objects.filter(name__in=["the hero", "hero"]).exists()
    assert any("Henrik Sol" in warning.message for warning in result.warnings)


# --- more shapes strangers write ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "present", "absent"),
    [
        (
            ("Hollis Breck's film never quite decides.",),
            ("Hollis Breck", "director", None),
            None,
        ),
        (
            ("Tom Crane plays Ethan Vole, and it is Tom Crane's film from the first frame.",),
            ("Tom Crane", "actor", "Ethan Vole"),
            ("Tom Crane", "director", None),  # an actor's film is his performance
        ),
        (
            ("Sam Mede and his cinematographer Roger Dane stitch it into one shot.",),
            ("Roger Dane", "cinematographer", None),
            None,
        ),
        (
            ("Leon and his editor Ruth Gale argue all night.", "Directed by Sofia Brandt."),
            ("Sofia Brandt", "director", None),
            ("Ruth Gale", "editor", None),  # Leon is nobody's full name: a character
        ),
        (
            ("As Mia, Emma Stane is luminous.", "As ever, Konrad Bell keeps still."),
            ("Emma Stane", "actor", "Mia"),
            ("Konrad Bell", "actor", None),
        ),
        (
            ("Stars: Ilse Varga, Oskar Lind", "Varga's Dora is the heart of it."),
            ("Ilse Varga", "actor", "Dora"),
            None,
        ),
        (
            ("Ilse Varga (The Salt Road) is terrific as Dora.",),
            ("Ilse Varga", "actor", "Dora"),
            ("Ilse Varga", "actor", "The Salt Road"),
        ),
        (
            ("Nuno Sarda plays the Portuguese landlord who teaches her to cook.",),
            ("Nuno Sarda", "actor", None),
            None,
        ),
        (
            ("Henry Cave is a hulking minder, August Walker, who reloads his fists.",),
            ("Henry Cave", "actor", "August Walker"),
            None,
        ),
        (
            ("J.K. Sims has a cameo as Bill, the club owner.",),
            ("J.K. Sims", "actor", "Bill"),
            None,
        ),
        (
            ("The cast includes Ilse Varga, Oskar Lind and Tobias Renn.",),
            ("Tobias Renn", "actor", None),
            None,
        ),
        (
            ("Writer/Director: Sofia Brandt | Cast: Ilse Varga",),
            ("Sofia Brandt", "writer", None),
            None,
        ),
        (
            ("Sam Mede and his cinematographer Roger Dane stitch it into one shot.",),
            ("Sam Mede", "director", None),
            None,
        ),
        (
            ("Tom Crane and his editor Ruth Gale argue, and Tom Crane plays Leon.",),
            ("Tom Crane", "actor", "Leon"),
            ("Tom Crane", "director", None),  # he acts in it: no director from "his editor"
        ),
        (
            ("George Mack and Dean Chapel play the two corporals, Schofield and Blake.",),
            ("Dean Chapel", "actor", "Blake"),
            ("Dean Chapel", "actor", "Schofield"),
        ),
        (
            (
                "George Mack and Dean Chapel play cards all night with Tom and Ada.",
                "Directed by Sofia Brandt.",
            ),
            ("Sofia Brandt", "director", None),  # control; nobody plays "cards"
            ("George Mack", "actor", None),
        ),
    ],
)
def test_more_cast_and_crew_shapes(paragraphs, present, absent):
    found = credits(*paragraphs)
    assert present in found
    if absent:
        assert absent not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Ilse Varga's Dora is the heart of it.",  # no other evidence that Varga acts in it
        "Konrad Bell plays the long game, as ever.",
        "Ilse Varga is a delight, and so is the river.",
    ],
)
def test_no_credit_from_a_possessive_or_a_description_alone(sentence):
    assert credits(sentence) == set()
    assert ("Ilse Varga", "actor", "Dora") in credits("Ilse Varga plays Dora.", sentence)


def test_a_part_named_like_a_person_the_text_credits_is_no_part():
    text = (
        "Le Phare (1971)\n\nShe cast Jérôme Dufresne as the keeper, Anouk Lévêque as his wife "
        "Hélène, and shot it on an island.\n"
    )
    parsed = parse_text(text)
    assert set(credits_of(parsed)) == {
        ("Jérôme Dufresne", "actor", None),
        ("Anouk Lévêque", "actor", "Hélène"),
    }
    assert any("'Anouk Lévêque' is a person the text credits" in m for m in messages(parsed))
    # Control: a part with its own name stays.
    parsed = parse_text("Le Phare (1971)\n\nJérôme Dufresne plays the keeper, Yves Marlot.\n")
    assert ("Jérôme Dufresne", "actor", "Yves Marlot") in credits_of(parsed)
