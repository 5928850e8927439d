"""People's names and credits found in prose and in cast lines.

A person needs two or more capitalised words that are not stop-words, pronouns, months or
film-page vocabulary: "The Salt Road" and "When Ada" are never people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from importer.parse.records import CreditRecord, ParseWarning

PARTICLES = frozenset({
    "de", "del", "della", "der", "den", "di", "da", "das", "dos", "du", "van", "von", "la", "le",
    "bin", "ibn", "al", "el", "ter", "ten", "zu", "y",
})  # fmt: skip
# Capitalised words that start sentences or label things but never begin or end a name.
STOP_WORDS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "it's",
    "he", "she", "they", "we", "i", "you", "his", "her", "hers", "him", "them", "their", "theirs",
    "our", "ours", "my", "mine", "your", "yours", "who", "whom", "whose", "what", "when", "where",
    "why", "how", "which", "while", "whilst", "if", "then", "than", "so", "yet", "but", "and",
    "or", "nor", "not", "no", "yes", "as", "at", "by", "for", "from", "in", "into", "of", "off",
    "on", "onto", "out", "over", "to", "up", "with", "without", "within", "after", "before",
    "during", "since", "until", "unlike", "like", "about", "above", "across", "against", "along",
    "among", "around", "behind", "below", "beneath", "beside", "between", "beyond", "despite",
    "down", "except", "inside", "near", "outside", "through", "throughout", "toward", "towards",
    "under", "upon", "via", "every", "each", "both", "all", "some", "many", "most", "much",
    "more", "few", "other", "another", "such", "only", "even", "just", "still", "also", "later",
    "meanwhile", "now", "soon", "today", "tonight", "tomorrow", "yesterday", "once", "finally",
    "ultimately", "however", "although", "though", "because", "instead", "indeed", "perhaps",
    "maybe", "sadly", "thankfully", "luckily", "sure", "okay", "oh", "well", "mr", "mrs",
    "ms", "miss", "dr", "sir", "lady", "lord", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "movie", "movies", "film", "films",
    "cinema", "ending", "endings", "explained", "explanation", "plot", "summary", "synopsis",
    "cast", "runtime", "genre", "genres", "review", "reviews", "rating", "ratings", "theme",
    "themes", "analysis", "analysed", "analyzed", "spoiler", "spoilers", "trailer", "season",
    "episode", "part", "chapter", "act", "scene", "image", "photo", "credit", "source",
    "verdict", "conclusion", "intro", "introduction", "recap", "links", "watch", "netflix",
    "amazon", "prime", "hulu", "disney", "apple", "mubi", "studio", "studios", "pictures",
    "productions", "entertainment", "festival", "academy", "award", "awards", "oscar", "oscars",
    "director", "directors", "writer", "writers", "producer", "producers", "cinematographer",
    "editor", "composer", "actor", "actress", "actors", "newcomer", "veteran", "star", "stars",
    "starring", "character", "characters", "hero", "heroine", "villain", "protagonist",
    "narrator",
})  # fmt: skip

_TOKEN = re.compile(r"[^\s,;:()\[\]{}\"!?<>|/*_=+]+")
_INITIAL = re.compile(r"^[A-Z]\.$|^[A-Z]\.[A-Z]\.$")
_MAX_NAME_TOKENS = 5
# Real paragraphs hold a handful of credits; stop looking after this many pattern hits.
MAX_HITS = 2000


_HAS_DIGIT = re.compile(r"\d")


def _is_capitalised(token: str) -> bool:
    first = token[0]
    return first.isupper() and first.isalpha() and not _HAS_DIGIT.search(token)


def _bare(token: str) -> str:
    """A token without a possessive or a sentence-ending full stop."""
    for suffix in ("'s", "'"):
        if token.endswith(suffix) and len(token) > len(suffix) + 1:
            token = token[: -len(suffix)]
            break
    if token.endswith(".") and not _INITIAL.match(token):
        token = token.rstrip(".")
    return token


def is_person_name(name: str, *, not_names: Iterable[str] = ()) -> bool:
    """Two or more capitalised words, none a stop-word, and not one of `not_names` (film titles)."""
    tokens = name.split()
    if not 2 <= len(tokens) <= _MAX_NAME_TOKENS:
        return False
    capitalised = 0
    for index, token in enumerate(tokens):
        lower = token.casefold()
        if lower in PARTICLES and 0 < index < len(tokens) - 1:
            continue
        if not _is_capitalised(token) or lower.strip(".'") in STOP_WORDS:
            return False
        if len(token) > 3 and token.isupper():
            return False  # "SPOILER ALERT", "THE END"
        capitalised += 1
    if capitalised < 2:
        return False
    folded = name.casefold()
    return all(folded != other.casefold() for other in not_names)


def name_at(text: str, pos: int) -> tuple[str, int] | None:
    """The longest run of name-like words starting at `pos`, and where it ends."""
    tokens: list[str] = []
    end = pos
    cursor = pos
    length = len(text)
    while len(tokens) < _MAX_NAME_TOKENS:
        while cursor < length and text[cursor] == " ":
            cursor += 1
        match = _TOKEN.match(text, cursor)
        if not match:
            break
        raw = match.group()
        token = _bare(raw)
        if not token:
            break
        lower = token.casefold()
        if lower in PARTICLES and tokens:
            tokens.append(token)
        elif _is_capitalised(token) and lower.strip(".'") not in STOP_WORDS:
            tokens.append(token)
            end = match.start() + len(token)
        else:
            break
        cursor = match.end()
        if token != raw:  # a possessive or a full stop ends the name
            break
    while tokens and tokens[-1].casefold() in PARTICLES:
        tokens.pop()
    if not tokens:
        return None
    return " ".join(tokens), end


def name_before(text: str, pos: int, *, max_tokens: int = 4) -> str | None:
    """The run of capitalised words that ends just before `pos` (leading stop-words dropped)."""
    window = text[max(0, pos - 120) : pos].rstrip(" ")
    words = window.split(" ")
    tokens: list[str] = []
    for raw in reversed(words):
        if not raw:
            if tokens:
                break
            continue
        if raw[-1] in ',;:.!?)"' and tokens:
            break
        token = raw.strip('"(')
        if token != raw and raw.startswith(("(", '"')):
            if token and _is_capitalised(token):
                tokens.append(token)
            break
        lower = token.casefold()
        if lower in PARTICLES and tokens:
            tokens.append(token)
            continue
        if not token or not _is_capitalised(token) or lower.strip(".'") in STOP_WORDS:
            break
        tokens.append(token)
        if len(tokens) >= max_tokens:
            break
    tokens.reverse()
    while tokens and tokens[0].casefold() in PARTICLES:
        tokens.pop(0)
    return " ".join(tokens) or None


def is_character_name(name: str, *, not_names: Iterable[str] = ()) -> bool:
    """A character may be one word ("Ada") or start with "The" ("The Stranger")."""
    tokens = name.split()
    if not 1 <= len(tokens) <= 4:
        return False
    rest = tokens[1:] if tokens[0] == "The" and len(tokens) > 1 else tokens
    for token in rest:
        if token.casefold() in PARTICLES:
            continue
        if not _is_capitalised(token) or token.casefold().strip(".'") in STOP_WORDS:
            return False
    folded = name.casefold()
    return all(folded != other.casefold() for other in not_names)


# --- credits in prose ------------------------------------------------------------------------

# Longest phrases first, so "director of photography" is not read as "director".
_ROLE_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("director of photography", ("cinematographer",)),
    ("production designer", ("production_designer",)),
    ("production design by", ("production_designer",)),
    ("writer-director", ("director", "writer")),
    ("writer/director", ("director", "writer")),
    ("director-writer", ("director", "writer")),
    ("directed and written by", ("director", "writer")),
    ("written and directed by", ("director", "writer")),
    ("directed by", ("director",)),
    ("directors", ("director",)),
    ("director", ("director",)),
    ("filmmaker", ("director",)),
    ("co-written by", ("writer",)),
    ("co-written with", ("writer",)),
    ("co-wrote the script with", ("writer",)),
    ("co-wrote the screenplay with", ("writer",)),
    ("co-wrote the film with", ("writer",)),
    ("co-wrote it with", ("writer",)),
    ("co-wrote with", ("writer",)),
    ("co-writers", ("writer",)),
    ("co-writer", ("writer",)),
    ("written by", ("writer",)),
    ("screenplay by", ("writer",)),
    ("script by", ("writer",)),
    ("screenwriters", ("writer",)),
    ("screenwriter", ("writer",)),
    ("writers", ("writer",)),
    ("writer", ("writer",)),
    ("produced by", ("producer",)),
    ("producers", ("producer",)),
    ("producer", ("producer",)),
    ("cinematography by", ("cinematographer",)),
    ("cinematographer", ("cinematographer",)),
    ("photographed by", ("cinematographer",)),
    ("shot by", ("cinematographer",)),
    ("edited by", ("editor",)),
    ("editor", ("editor",)),
    ("composer", ("composer",)),
    ("score by", ("composer",)),
    ("scored by", ("composer",)),
    ("music by", ("composer",)),
    ("starring", ("actor",)),
    ("co-starring", ("actor",)),
    ("co-stars", ("actor",)),
    ("stars", ("actor",)),
    ("actress", ("actor",)),
    ("actor", ("actor",)),
)
_ROLE_TRIGGER = re.compile(
    # The first-letter lookahead lets most positions fail before trying every phrase.
    r"(?<![\w-])(?=[acdefmpsw])(" + "|".join(re.escape(p) for p, _ in _ROLE_PHRASES) + r"),? +",
    re.IGNORECASE,
)
_ROLES_BY_PHRASE = dict(_ROLE_PHRASES)
_LIST_JOIN = re.compile(r" *(?:,? +and +|, *|,? +& +)")
_AS = re.compile(r" as (?:the character of )?")
_PLAYED_BY = re.compile(r",? (?:played|portrayed) by ")
_PLAYS = re.compile(r" (?:plays|portrays) ")
_PAREN = re.compile(r"\(([^()\n]{3,160})\)")
_CO_WROTE = re.compile(
    r"\bco-(?:written|wrote|writing)(?: (?:the script|the screenplay|the film|it))? with\b",
    re.IGNORECASE,
)
_DIRECTS = re.compile(r" (?:directs|directed)(?= |,|\.)")


def _names_from(text: str, pos: int, not_names: tuple[str, ...]) -> Iterator[tuple[str, int]]:
    """A name at `pos`, then more joined by commas or "and" ("A, B and C")."""
    found = name_at(text, pos)
    while found and is_person_name(found[0], not_names=not_names):
        yield found
        join = _LIST_JOIN.match(text, found[1])
        if not join:
            return
        found = name_at(text, join.end())


def credits_in_prose(text: str, *, not_names: Iterable[str] = ()) -> list[CreditRecord]:
    """Credits a paragraph states outright; never a guess from a bare name."""
    excluded = tuple(not_names)
    found: list[CreditRecord] = []
    for trigger in islice(_ROLE_TRIGGER.finditer(text), MAX_HITS):
        roles = _ROLES_BY_PHRASE[trigger.group(1).casefold()]
        for name, end in _names_from(text, trigger.end(), excluded):
            for role in roles:
                character = None
                if role == "actor":
                    as_match = _AS.match(text, end)
                    if as_match:
                        character = _character_at(text, as_match.end(), excluded)
                found.append(CreditRecord(name, role, character))
    directors = [credit.person for credit in found if credit.role == "director"]
    if directors and _CO_WROTE.search(text):
        # "Okafor's film, co-written with Lev Arden": the director is a writer too.
        found.extend(CreditRecord(person, "writer") for person in directors)
    for match in islice(_DIRECTS.finditer(text), MAX_HITS):
        name = name_before(text, match.start() + 1)
        if name and is_person_name(name, not_names=excluded):
            found.append(CreditRecord(name, "director"))
    found.extend(_actor_credits(text, excluded))
    return found


def _character_at(text: str, pos: int, not_names: tuple[str, ...]) -> str | None:
    tokens: list[str] = []
    cursor = pos
    while len(tokens) < 4:
        match = _TOKEN.match(text, cursor)
        if not match:
            break
        raw = match.group()
        token = _bare(raw)
        if not token or not (_is_capitalised(token) or token.casefold() in PARTICLES):
            break
        if token.casefold().strip(".'") in STOP_WORDS and not (token == "The" and not tokens):
            break
        tokens.append(token)
        cursor = match.end()
        if token != raw or cursor >= len(text) or text[cursor] != " ":
            break
        cursor += 1
    name = " ".join(tokens)
    return name if name and is_character_name(name, not_names=not_names) else None


def _actor_credits(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    # "Ines Vale as Ada" and "Ines Vale plays Ada"
    for pattern in (_AS, _PLAYS):
        for match in islice(pattern.finditer(text), MAX_HITS):
            actor = name_before(text, match.start() + 1)
            if not actor or not is_person_name(actor, not_names=not_names):
                continue
            character = _character_at(text, match.end(), not_names)
            if character:
                yield CreditRecord(actor, "actor", character)
    # "Ada, played by Ines Vale"
    for match in islice(_PLAYED_BY.finditer(text), MAX_HITS):
        found = name_at(text, match.end())
        if found and is_person_name(found[0], not_names=not_names):
            character = name_before(text, match.start())
            if character and not is_character_name(character, not_names=not_names):
                character = None
            yield CreditRecord(found[0], "actor", character)
    # "Ada (Ines Vale, a revelation)" and, failing that, "Ines Vale (Ada)"
    for match in islice(_PAREN.finditer(text), MAX_HITS):
        inside = match.group(1).strip()
        inside = re.sub(r"^(?:played|portrayed|voiced) by ", "", inside)
        found = name_at(inside, 0)
        outside = name_before(text, match.start())
        if found and is_person_name(found[0], not_names=not_names):
            rest = inside[found[1] :].lstrip()
            if rest and not rest.startswith((",", ";", "-", "\u2014", "\u2013")):
                continue
            if outside and is_character_name(outside, not_names=not_names):
                yield CreditRecord(found[0], "actor", outside)
        elif outside and is_person_name(outside, not_names=not_names):
            # "Lotte Achterberg (Rika, the cook)"
            character = re.split(r"[,;]| - | \u2014 ", inside, maxsplit=1)[0].strip()
            if is_character_name(character, not_names=not_names):
                yield CreditRecord(outside, "actor", character)


def parse_cast_entry(entry: str, *, not_names: Iterable[str] = ()) -> CreditRecord | None:
    """One item of a cast line: "Ines Vale", "Ines Vale as Ada" or "Ines Vale (Ada)"."""
    excluded = tuple(not_names)
    entry = entry.strip().strip(".")
    character = None
    paren = re.fullmatch(r"([^()]+?) *\(([^()]+)\)", entry)
    if paren:
        entry, character = paren.group(1).strip(), paren.group(2).strip()
    else:
        for separator in (" as ", " - ", " \u2013 ", " \u2014 ", ": "):
            if separator in entry:
                entry, character = (part.strip() for part in entry.split(separator, 1))
                break
    if not is_person_name(entry, not_names=excluded):
        return None
    if character is not None and not is_character_name(character, not_names=excluded):
        character = character if character[:1].isupper() and len(character) <= 60 else None
    return CreditRecord(entry, "actor", character)


# --- the last check before credits leave the parser ---------------------------------------------

# Letters (any script), with hyphens and apostrophes inside a word ("Jean-Pierre", "Nyong'o")
# and initials ("J. R."); nothing else, so "Tobias Renn," or "Ada (Ines" is never a person.
_CLEAN_WORD = re.compile(r"^(?:[^\W\d_]+(?:['\u2019-][^\W\d_]+)*\.?|[^\W\d_]\.(?:[^\W\d_]\.)*)$")


def is_clean_name(name: str) -> bool:
    """A person's name as the site will store it: words of letters, no stray punctuation."""
    words = name.split(" ")
    return bool(name) and len(name) <= 100 and all(_CLEAN_WORD.match(word) for word in words)


def checked_credits(
    credits: Iterable[CreditRecord], warnings: list[ParseWarning]
) -> list[CreditRecord]:
    """One credit per person, role and character, each person a clean name; the rest warned."""
    result: dict[tuple[str, str, str | None], CreditRecord] = {}
    for credit in credits:
        if not is_clean_name(credit.person):
            warnings.append(
                ParseWarning(f"credit {credit.person!r} ({credit.role}) left out: not a name")
            )
            continue
        result.setdefault((credit.person, credit.role, credit.character), credit)
    with_character = {(c.person, c.role) for c in result.values() if c.character}
    return [
        credit
        for (person, role, character), credit in result.items()
        if character or (person, role) not in with_character
    ]
