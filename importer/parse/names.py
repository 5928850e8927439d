"""People's names and credits found in prose and in cast lines.

A person needs two or more capitalised words that are not stop-words, pronouns, months or
film-page vocabulary: "The Salt Road" and "When Ada" are never people. A credit needs crew or
cast phrasing ("Directed by", "writer-director", "X as Y", "Y (X)"); a name near a job a
character has ("the museum director Henrik Sol") is left out with a warning, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
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
# Titles a character's name may start with ("Dr Oswin Pike", "Captain Holloway", "Mr Y"); a
# person credited for a job never has one.
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "sir", "dame", "lady", "lord", "madame",
    "madam", "monsieur", "mademoiselle", "mme", "mlle", "señor", "señora", "signor", "signora",
    "herr", "frau", "captain", "capt", "professor", "prof", "detective", "inspector",
    "sergeant", "sgt", "officer", "constable", "agent", "judge", "father", "mother", "sister",
    "brother", "aunt", "auntie", "uncle", "granny", "grandma", "grandpa", "nurse", "reverend",
    "rev", "colonel", "lieutenant", "lt", "corporal", "private", "chief", "queen", "princess",
    "countess", "baron", "baroness", "duke", "duchess", "emperor", "empress", "saint", "st",
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


def _folded(token: str) -> str:
    return token.casefold().strip(".'")


def is_person_name(name: str, *, not_names: Iterable[str] = ()) -> bool:
    """Two or more capitalised words, none a stop-word, and not one of `not_names` (film titles)."""
    tokens = name.split()
    if not 2 <= len(tokens) <= _MAX_NAME_TOKENS or not is_clean_name(" ".join(tokens)):
        return False  # "Tobias Renn," and "Ada (Ines" are never names
    if _folded(tokens[0]) in HONORIFICS:
        return False  # "Captain Holloway", "Inspector Gale": characters, not crew
    capitalised = 0
    for index, token in enumerate(tokens):
        lower = token.casefold()
        if lower in PARTICLES and 0 < index < len(tokens) - 1:
            continue
        if not _is_capitalised(token) or lower.strip(".'") in STOP_WORDS:
            return False
        if len(token) > 3 and token.isupper() and not _INITIAL.match(token):
            return False  # "SPOILER ALERT", "THE END"; "J.K." is initials
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
    """The run of capitalised words that ends just before `pos` (leading stop-words dropped).

    Punctuation right before `pos` means no name ends there: "Renn," is never a name.
    """
    window = text[max(0, pos - 120) : pos].rstrip(" ")
    words = window.split(" ")
    tokens: list[str] = []
    for raw in reversed(words):
        if not raw:
            if tokens:
                break
            continue
        if raw[-1] in ',;:.!?)"' and not _INITIAL.match(raw):
            if not tokens:
                return None
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
    """A character may be one word ("Ada"), start with "The" ("The Stranger") or with a title
    ("Dr Oswin Pike", "Mr Y")."""
    tokens = name.split()
    if not 1 <= len(tokens) <= 5:
        return False
    rest = tokens[1:] if tokens[0] == "The" and len(tokens) > 1 else tokens
    while len(rest) > 1 and _folded(rest[0]) in HONORIFICS and _is_capitalised(rest[0]):
        rest = rest[1:]
    if len(rest) > 4:
        return False
    for index, token in enumerate(rest):
        if token.casefold() in PARTICLES:
            continue
        if index == 0 and len(rest) > 1 and _folded(token) in _NAME_MONTHS:
            continue  # "May Holt", "August Walker"
        if not _is_capitalised(token) or _folded(token) in STOP_WORDS:
            return False
        if len(token) > 3 and token.isupper():
            return False
    folded = name.casefold()
    return all(folded != other.casefold() for other in not_names)


# --- doubtful credits ------------------------------------------------------------------------


@dataclass(frozen=True)
class PendingCredit(CreditRecord):
    """A credit the prose does not settle alone; checked_credits() resolves it or warns.

    `doubt` says why a credit was left out ("'the museum director' is a character's job"); an
    empty doubt is a surname ("Bell wrote the screenplay") to match against the text's full names.
    """

    doubt: str = ""
    possessive: bool = False  # "Varga's Dora": a part, if the text credits Varga as an actor
    unless_actor: bool = False  # "Breckinridge's film": the director, unless an actor


def _doubt(name: str, role: str, why: str) -> PendingCredit:
    return PendingCredit(name, role, None, doubt=why)


# --- credits in prose ------------------------------------------------------------------------

# Longest phrases first, so "director of photography" is not read as "director".
_ROLE_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("director of photography", ("cinematographer",)),
    ("production designer", ("production_designer",)),
    ("production design by", ("production_designer",)),
    ("writer-director", ("director", "writer")),
    ("writer/director", ("director", "writer")),
    ("writer and director", ("director", "writer")),
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
    ("the cast includes", ("actor",)),
    ("cast includes", ("actor",)),
    ("cast including", ("actor",)),
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

# What may stand between "the" and a crew noun when the noun is the film's crew: "the veteran
# director", "the film's Oscar-winning composer". Any other word ("the museum director", "the
# casting director", "her editor") makes it a job someone has in the story.
_CREW_ADJECTIVES = frozenset({
    "acclaimed", "celebrated", "legendary", "renowned", "famed", "famous", "great", "late",
    "young", "veteran", "talented", "gifted", "visionary", "debut", "debuting", "first-time",
    "feature", "documentary", "indie", "independent", "award-winning", "prize-winning",
    "oscar-winning", "bafta-winning", "cult", "genre", "horror", "arthouse", "art-house",
    "auteur", "prolific", "versatile", "regular", "longtime", "long-time", "frequent", "usual",
    "brilliant", "wonderful", "superb", "fine", "terrific", "excellent", "main", "lead",
    "leading", "credited", "uncredited", "original", "new", "returning", "co-", "film",
    "movie", "british", "american", "french", "italian", "german", "spanish", "korean",
    "japanese", "chinese", "indian", "iranian", "mexican", "polish", "swedish", "danish",
    "norwegian", "irish", "welsh", "scottish", "english", "canadian", "australian",
})  # fmt: skip
# Words before "the"/"a" that make what follows a part someone plays: "plays the director X".
_CASTING_WORDS = frozenset({
    "as", "plays", "played", "playing", "portrays", "portrayed", "portraying", "voices",
    "voiced", "meet", "meets", "met", "named", "called",
})  # fmt: skip
_FILM_OWNERS = frozenset({"film", "movie", "picture", "documentary", "feature", "series"})
_OPEN_DETERMINERS = frozenset({
    "the", "its", "this", "with", "by", "from", "of", "and", "&", "for", "to", "between",
    "director", "writer", "producer",
})  # fmt: skip
_PERSONAL_POSSESSIVES = frozenset({"his", "her", "their", "my", "your", "our"})
# Things characters write, shoot or edit in a story: "a letter written by Ada Vane".
_STORY_OBJECTS = frozenset({
    "letter", "letters", "note", "notes", "book", "books", "novel", "novels", "poem", "poems",
    "song", "songs", "diary", "diaries", "memoir", "article", "articles", "story", "stories",
    "message", "messages", "essay", "email", "emails", "confession", "will", "sign", "speech",
    "column", "report", "lyrics", "symphony", "opera", "play", "plays", "painting", "portrait",
    "magazine", "newspaper", "paper", "journal", "show", "broadcast", "record", "album",
    "tape", "tapes", "video", "videos", "photo", "photos", "photograph", "photographs",
    "picture", "pictures", "footage", "man", "woman", "boy", "girl", "he", "she", "they",
    "him", "her", "them", "who", "victim", "someone", "somebody", "dog", "horse",
})  # fmt: skip
_CAST_VERBS = frozenset({
    "starring", "co-starring", "co-stars", "stars", "the cast includes", "cast includes",
    "cast including",
})  # fmt: skip
_CRAFT_ADVERB = re.compile(r"[a-z]+ly$")


def _inside_quotes(text: str, pos: int) -> bool:
    """An odd number of double quotes before `pos`: the words are someone's, not the credits."""
    return text.count('"', 0, pos) % 2 == 1


def _crew_noun_doubt(text: str, start: int) -> str | None:
    """Why "director X" at `start` is not the film's crew, or None when it is.

    Open: the sentence start, a comma or colon, "the", "its", "with", "by", adjectives like
    "veteran" or "Korean", "the film's". Closed: a job in the story ("the museum director",
    "her editor", "a composer named", "the studio's head", "plays the director").
    """
    before = text[max(0, start - 80) : start]
    stripped = before.rstrip(" ")
    if not stripped or stripped[-1] in ",;:(-\u2013\u2014.!?|\n":
        return None
    words = re.findall(r"[\w'&-]+|[^\w\s'&-]", stripped)
    index = _last_non_adjective(words)
    if index < 0:
        return None
    return _doubt_from_word_before(words, index, stripped)


def _last_non_adjective(words: list[str]) -> int:
    """Where the words before a crew noun stop being adjectives ("veteran", "Korean"); -1 if all."""
    index = len(words) - 1
    while index >= 0:
        word = words[index]
        folded = word.casefold()
        if folded in _CREW_ADJECTIVES or folded.endswith(("-winning", "-nominated", "-born")):
            index -= 1
            continue
        if word[:1].isupper() and not word.endswith(("'s", "'")) and folded not in STOP_WORDS:
            index -= 1  # "Korean", "Oscar-winning", a capitalised adjective
            continue
        break
    return index


def _doubt_from_word_before(words: list[str], index: int, stripped: str) -> str | None:
    """What `words[index]`, the word before a crew noun and its adjectives, says of the noun."""
    word = words[index]
    folded = word.casefold()
    if not word[0].isalnum():
        return None  # punctuation: "... , veteran director X"
    if folded.endswith(("'s", "'")):
        owner = folded.removesuffix("'s").rstrip("'")
        if owner in _FILM_OWNERS:
            return None
        return f"'{word} ...' is a character's job, not the film's crew"
    if folded in ("a", "an"):
        return f"'{word} ...' introduces a character, not the film's crew"
    if folded in _PERSONAL_POSSESSIVES:
        return _personal_possessive_doubt(words, index, stripped)
    if folded in _CASTING_WORDS:
        return f"'{word} ...' describes a part someone plays"
    if folded in _OPEN_DETERMINERS or folded in STOP_WORDS:
        # "the director", "that director", "with director": the film's own crew
        previous = words[index - 1].casefold() if index > 0 else ""
        if folded in ("the", "this") and previous in _CASTING_WORDS:
            return f"'{previous} {word} ...' describes a part someone plays"
        return None
    return f"'{word} ...' before it reads like a job in the story"


def _personal_possessive_doubt(words: list[str], index: int, stripped: str) -> str | None:
    """ "her editor" is a character's job, unless a filmmaker's: "Sam Mendes and his ..."."""
    word = words[index]
    if index > 0 and words[index - 1] == "and":
        # "Sam Mendes and his cinematographer Roger Deakins": a filmmaker's own crew
        joined = stripped[: stripped.rfind(" and ")]
        owner = name_before(joined, len(joined))
        if owner and is_person_name(owner):
            return None
    return f"'{word} ...' reads like a character's job, not the film's crew"


def _by_phrase_doubt(text: str, start: int, phrase: str) -> str | None:
    """Why "written by X" at `start` is not a crew credit ("a letter written by Ada Vane")."""
    before = text[max(0, start - 60) : start].rstrip(" ")
    if not before or before[-1] in ",;:(-\u2013\u2014.!?|\n":
        previous = ""
    else:
        previous = re.findall(r"[\w'&-]+$", before)
        previous = previous[0].casefold() if previous else ""
    if phrase in ("shot by", "photographed by"):
        # "He is shot by Dana Kell" is a plot point; "beautifully shot by" is a credit.
        if previous and not _CRAFT_ADVERB.match(previous) and previous not in ("is", "was"):
            return f"'{previous} {phrase}' is not a camera credit"
        if previous in ("is", "was"):
            owner = re.findall(r"([\w']+) +(?:is|was)$", before)
            if not owner or owner[0].casefold() not in (*_FILM_OWNERS, "it"):
                return f"'{phrase}' here is something that happens in the story"
        return None
    if previous in _STORY_OBJECTS:
        return f"'{previous} {phrase}' is something in the story, not the film's credits"
    return None


def _names_from(
    text: str, pos: int, not_names: tuple[str, ...], *, surnames: bool = False
) -> Iterator[tuple[str, int]]:
    """A name at `pos`, then more joined by commas or "and" ("A, B and C"); with `surnames`,
    a lone surname is an item too ("co-written by Kavanagh and Lorcan Hale")."""
    found = name_at(text, pos)
    while found and (
        is_person_name(found[0], not_names=not_names)
        or (surnames and _is_surname(found[0], not_names))
    ):
        yield found
        join = _LIST_JOIN.match(text, found[1])
        if not join:
            return
        found = name_at(text, join.end())


def _is_surname(word: str, not_names: tuple[str, ...]) -> bool:
    return (
        " " not in word
        and len(word) > 1
        and _folded(word) not in HONORIFICS
        and word not in not_names
        and not word.isupper()
    )


_CO_WROTE = re.compile(
    r"\bco-(?:written|wrote|writing)(?: (?:the script|the screenplay|the film|it))? with\b",
    re.IGNORECASE,
)
_DIRECTS = re.compile(
    r" (?:directs|directed)(?= (?:with|from|here|again|it|this|the (?:film|movie|picture))\b"
    r"|[,.;])"
)
# "X wrote the screenplay with Y", "who co-wrote the script with Y", "X wrote and directed it"
_WROTE = re.compile(
    r"(?<![\w-])(co-wrote|wrote|writes|penned|co-writes)"
    r"( and directed| and directs)?"
    r"(?: the (?:screenplay|script|film)| it)?"
    r"( together)?( with)?(?= |[,.;])",
    re.IGNORECASE,
)
_WROTE_SCORE = re.compile(r"(?<![\w-])(?:wrote|composed|writes|composes) the (?:score|music)\b")
# "Towne's screenplay", "Pryce's direction", "Hesper Laine's second feature"
_POSSESSIVE_CRAFT = re.compile(
    r"'s? (direction|directing|screenplay|script|score|music|cinematography|camerawork"
    r"|photography|editing|directorial|(?:(?:debut|first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|latest|new|sophomore|final|last) )?feature)\b"
)
_AND_HIS_CREW = re.compile(
    r" and (?:his|her|their) (?:regular |usual |longtime |long-time |frequent )?"
    r"(?:cinematographer|director of photography|editor|composer|co-writer)\b"
)
# "Hollis Breckinridge's film": whose film a review says it is, unless that person acts in it
_POSSESSIVE_FILM = re.compile(
    r"'s? (?:(?:new|latest|last|previous|next|own|first|second|third|fourth|fifth) )?"
    r"(?:film|movie|picture)\b"
)
_CRAFT_ROLE = {
    "direction": "director", "directing": "director", "screenplay": "writer",
    "script": "writer", "score": "composer", "music": "composer",
    "cinematography": "cinematographer", "camerawork": "cinematographer",
    "photography": "cinematographer", "editing": "editor",
}  # fmt: skip
_RELATIVE = re.compile(r", who(?: also| then| later| herself| himself)?$")


def _subject_before(text: str, pos: int, not_names: tuple[str, ...]) -> str | None:
    """The person a verb at `pos` belongs to: "Ana Reis wrote", "Ana Reis, who wrote", or a
    lone surname ("Reis wrote") for checked_credits() to match; None for anything else."""
    before = text[max(0, pos - 160) : pos].rstrip(" ")
    relative = _RELATIVE.search(before)
    if relative:
        before = before[: relative.start()]
    name = name_before(before, len(before))
    if not name:
        return None
    if is_person_name(name, not_names=not_names):
        return name
    if " " not in name and _folded(name) not in HONORIFICS and name not in not_names:
        return name  # a surname, resolved or dropped later
    return None


def _credit_for(name: str, role: str, not_names: tuple[str, ...]) -> CreditRecord:
    if is_person_name(name, not_names=not_names):
        return CreditRecord(name, role)
    return PendingCredit(name, role)


def credits_in_prose(text: str, *, not_names: Iterable[str] = ()) -> list[CreditRecord]:
    """Credits a paragraph states outright; never a guess from a bare name.

    Some items are PendingCredit: a surname to match, or a credit left out with its reason;
    checked_credits() settles them.
    """
    excluded = tuple(not_names)
    found = list(_role_phrase_credits(text, excluded))
    found.extend(_co_writing_directors(text, found))
    found.extend(_directs_credits(text, excluded))
    found.extend(_writer_credits(text, excluded))
    found.extend(_actor_credits(text, excluded))
    return found


def _role_phrase_credits(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    """ "Directed by A and B", "starring D as Ada": each name in each role."""
    for trigger in islice(_ROLE_TRIGGER.finditer(text), MAX_HITS):
        phrase = trigger.group(1).casefold()
        roles = _ROLES_BY_PHRASE[phrase]
        by_phrase = phrase.endswith(" by")
        names = list(_names_from(text, trigger.end(), not_names, surnames=by_phrase))
        if not names:
            continue
        doubt = _role_phrase_doubt(text, trigger, phrase)
        for name, end in names:
            for role in roles:
                yield _role_phrase_credit(text, name, end, role, doubt)


def _role_phrase_doubt(text: str, trigger: re.Match[str], phrase: str) -> str | None:
    """Why the names after a role phrase are not the film's credits, or None when they are."""
    if _inside_quotes(text, trigger.start()):
        return f"'{trigger.group(1)}' is inside a quotation"
    if phrase.endswith(" by"):
        return _by_phrase_doubt(text, trigger.start(), phrase)
    if phrase not in _CAST_VERBS:
        return _crew_noun_doubt(text, trigger.start())
    return None


def _role_phrase_credit(
    text: str, name: str, end: int, role: str, doubt: str | None
) -> CreditRecord:
    """One name after a role phrase, ending at `end`, credited in `role` (or left in doubt)."""
    if doubt:
        return _doubt(name, role, doubt)
    if " " not in name:
        return PendingCredit(name, role)  # a surname: "by Kavanagh"
    character = None
    if role == "actor":
        as_match = _AS.match(text, end)
        if as_match:
            character, _ = _character_after(text, as_match.end())
    return CreditRecord(name, role, character)


def _co_writing_directors(text: str, found: list[CreditRecord]) -> list[CreditRecord]:
    directors = [c.person for c in found if c.role == "director" and type(c) is CreditRecord]
    if directors and _CO_WROTE.search(text):
        # "Okafor's film, co-written with Lev Arden": the director is a writer too.
        return [CreditRecord(person, "writer") for person in directors]
    return []


def _directs_credits(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    """ "Ana Reis directs with ...", "Ana Reis directed it"."""
    for match in islice(_DIRECTS.finditer(text), MAX_HITS):
        name = name_before(text, match.start() + 1)
        if name and is_person_name(name, not_names=not_names):
            yield CreditRecord(name, "director")


def _writer_credits(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    """Crew credits from verbs and possessives: "wrote the script", "Towne's screenplay"."""
    yield from _wrote_credits(text, not_names)
    yield from _wrote_score_credits(text, not_names)
    yield from _possessive_craft_credits(text, not_names)
    yield from _and_his_crew_credits(text, not_names)
    yield from _possessive_film_credits(text, not_names)


def _wrote_credits(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    for match in islice(_WROTE.finditer(text), MAX_HITS):
        verb, directed, _together, with_ = match.groups()
        said = match.group().casefold()
        if not (directed or " the " in said or " it" in said or verb.casefold().startswith("co-")):
            continue  # "she wrote to him", "the letter she wrote with Tom": not a credit
        if _inside_quotes(text, match.start()):
            continue
        subject = _subject_before(text, match.start(), not_names)
        if subject:
            yield _credit_for(subject, "writer", not_names)
            if directed:
                yield _credit_for(subject, "director", not_names)
        if with_ and (subject or not text[: match.start()].rstrip().endswith(("who", "which"))):
            for name, _end in _names_from(text, match.end() + 1, not_names):
                yield CreditRecord(name, "writer")


def _wrote_score_credits(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    for match in islice(_WROTE_SCORE.finditer(text), MAX_HITS):
        subject = _subject_before(text, match.start(), not_names)
        if subject:
            yield _credit_for(subject, "composer", not_names)


def _possessive_craft_credits(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    for match in islice(_POSSESSIVE_CRAFT.finditer(text), MAX_HITS):
        name = name_before(text, match.start())
        if not name or _inside_quotes(text, match.start()):
            continue
        role = _CRAFT_ROLE.get(match.group(1), "director")
        if is_person_name(name, not_names=not_names):
            yield CreditRecord(name, role)
        elif " " not in name and name not in not_names and _folded(name) not in HONORIFICS:
            yield PendingCredit(name, role)


def _and_his_crew_credits(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    for match in islice(_AND_HIS_CREW.finditer(text), MAX_HITS):
        # "Sam Mendes and his cinematographer Roger Deakins": Mendes made the film
        name = name_before(text, match.start())
        if name and is_person_name(name, not_names=not_names):
            yield PendingCredit(name, "director", unless_actor=True)


def _possessive_film_credits(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    for match in islice(_POSSESSIVE_FILM.finditer(text), MAX_HITS):
        name = name_before(text, match.start())
        if (
            name
            and not _inside_quotes(text, match.start())
            and (is_person_name(name, not_names=not_names) or _is_surname(name, not_names))
        ):
            yield PendingCredit(name, "director", unless_actor=True)


# --- cast in prose ----------------------------------------------------------------------------

_AS = re.compile(r",? as (?:the character of )?")
# What may stand between an actor and "as": "turns up as", "is very funny as", "also appears as".
_BEFORE_AS = re.compile(
    r"(?:,? (?:(?:[a-z]+ly|also|later|then|briefly|again|finally|only|even|first|now) )?"
    r"(?:(?:turns|turned|shows|showed|pops|popped|crops|cropped) up|appears|appeared"
    r"|reappears|reappeared|returns|returned|co-stars|co-starred|stars|starred|is cast"
    r"|was cast|is back|excels|shines|impresses|cameos|(?:has|makes) a cameo"
    r"|(?:is|was|remains|proves)((?: [a-z-]+){1,3})))?"
    r",?$"
)
_PLAYS = re.compile(r",? (?:plays|played|portrays|portrayed|playing|portraying|voices) ")
_IS = re.compile(
    r" is (?=(?:(?:the |a |an |his |her |their )?[\w-]+'s |(?:his|her|their|the|a|an) ))"
)
_NAME_MONTHS = frozenset({"april", "may", "june", "august"})  # "August Walker"
_FOLLOWED_BY_NAME = re.compile(r" [A-Z][a-z]")
_UNNAMED_PART = re.compile(r"(?:a|an|the) (?:[\w-]+ ){1,4}(?:who|whose)\b")
_PLAY_PAIR = re.compile(r" play ")
_AS_OPENING = re.compile(r"(?:^|(?<=[.!?] ))As (?=[A-Z])")
_POSSESSIVE_PART = re.compile(r"'s? (?=[A-Z])")
_PLAYED_BY = re.compile(r",? (?:played|portrayed|voiced) by ")
_PAREN = re.compile(r"\(([^()\n]{3,160})\)")
_DESCRIPTION_STOPS = frozenset({
    "in", "with", "opposite", "alongside", "against", "beside", "to", "for", "from", "at", "on",
    "by", "into", "under", "over", "after", "before", "than", "like", "and", "or", "but", "who",
    "that", "which", "when", "while", "whose", "where", "as", "it", "itself", "herself",
    "himself", "themselves", "is", "was", "are", "were", "has", "had", "not", "so",
})  # fmt: skip
_FUNCTION_WORDS = frozenset({
    "of", "the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "that",
})  # fmt: skip
_SPEECH_VERBS = frozenset({
    "said", "says", "noted", "notes", "wrote", "writes", "put", "puts", "argued", "argues",
    "observed", "observes", "remarked", "remarks", "once", "would", "might", "suggests",
})  # fmt: skip
_DESCRIPTION_WORDS = 8
_CHARACTER_TOKEN = re.compile(r"[^\s()\[\]{}\"!?<>|/*_=+]+")
_PAREN_REST = re.compile(
    r"^(?:[,;:\u2013\u2014-]|(?:in|at|on|who|whose|here|again|never|reprising|returning"
    r"|giving|doing|being|finally|wonderful|superb|excellent|terrific|brilliant|marvellous"
    r"|marvelous|great|fine|memorable|unforgettable|magnificent)\b)"
)


def _character_after(text: str, pos: int) -> tuple[str | None, bool]:
    """(character, described) for the words after "as" or "plays".

    "Ada" and "Dr Oswin Pike" are characters; "the hero's neighbour Dr Oswin Pike" is too (the
    description is skipped, never taken as the part); "a bank manager who swims" is no name but
    is described (described=True).
    """
    return _PartReader(text, pos).read()


class _PartReader:
    """Reads the words after "as" or "plays" one at a time: a description first, then a name."""

    def __init__(self, text: str, pos: int) -> None:
        self.text = text
        self.cursor = pos
        self.lead: list[str] = []  # the description before the name
        self.name: list[str] = []

    def read(self) -> tuple[str | None, bool]:
        settled = self._read_words()
        if settled is not None:
            return settled
        return self._named_part()

    def _read_words(self) -> tuple[None, bool] | None:
        """Move the cursor past the part's words; a result if they settle there is no name."""
        text = self.text
        length = len(text)
        while self.cursor < length and len(self.name) < 5:
            match = _CHARACTER_TOKEN.match(text, self.cursor)
            if not match:
                break
            raw = match.group()
            word, ends = _part_word(raw)
            if not word:
                break
            if self.name:
                if not self._add_to_name(word, ends):
                    break
            elif _opens_part_name(text, word, match.end()):
                if self.lead and self.lead[-1].casefold() in _FUNCTION_WORDS:
                    return None, True  # "the wife of Tom Reed": Tom Reed is someone else
                self.name.append(word.rstrip("."))
            else:
                settled = self._add_to_description(word, raw, ends)
                if settled is not None:
                    return settled
            self.cursor = match.end()
            if ends and self.name:
                break
            while self.cursor < length and text[self.cursor] == " ":
                self.cursor += 1
        return None

    def _add_to_name(self, word: str, ends: bool) -> bool:
        """Add a word to the name begun; False when the name has ended before or at it."""
        bare = _bare(word)
        if bare.casefold() in PARTICLES and not ends:
            self.name.append(bare)
        elif _is_capitalised(bare) and _folded(bare) not in STOP_WORDS:
            self.name.append(bare)
            if bare != word:
                return False  # "Ada's": the name ends at the possessive
        else:
            return False
        return True

    def _add_to_description(self, word: str, raw: str, ends: bool) -> tuple[None, bool] | None:
        """Add a word to the description before a name; a result if no name can follow."""
        folded = word.casefold()
        if folded in _DESCRIPTION_STOPS or len(self.lead) >= _DESCRIPTION_WORDS:
            return None, bool(self.lead) or folded in ("a", "an", "the")
        if word[:1].isdigit():
            return None, bool(self.lead)
        self.lead.append(word)
        if ends and raw[-1] != ",":
            return None, True
        return None

    def _named_part(self) -> tuple[str | None, bool]:
        """The name read, without trailing particles or titles, if it is a character's."""
        name = self.name
        while name and name[-1].casefold() in PARTICLES:
            name.pop()
        while name and _folded(name[-1]) in HONORIFICS and len(name) > 1:
            name.pop()
        character = " ".join(name)
        if not character or not is_character_name(character):
            return None, bool(self.lead)
        following = re.match(r"[,]? *([\w']+)", self.text[self.cursor :])
        if following and following.group(1).casefold() in _SPEECH_VERBS:
            return None, False  # "as Pauline Kael said"
        return character, bool(self.lead)


def _part_word(raw: str) -> tuple[str, bool]:
    """A token without trailing punctuation, and whether that punctuation ends the name."""
    ends = raw[-1] in ",.;:"
    word = raw.rstrip(",.;:")
    if word.endswith(".") or (raw.endswith(".") and _folded(word) in HONORIFICS):
        ends = False  # "Dr." inside a name
    return word, ends


def _opens_part_name(text: str, word: str, end: int) -> bool:
    """Whether `word` (ending at `end`) may begin a character's name: "Ada", "Dr", "The"."""
    return (
        _is_capitalised(word)
        and not word.endswith(("'s", "'"))
        and not (len(word) > 1 and word.isupper() and not _INITIAL.match(word))
        and (
            _folded(word) not in STOP_WORDS
            or _folded(word) in HONORIFICS
            or word == "The"
            or (_folded(word) in _NAME_MONTHS and _FOLLOWED_BY_NAME.match(text, end) is not None)
        )
    )


def _actor_before(text: str, pos: int, not_names: tuple[str, ...]) -> str | None:
    """The actor whose name ends at `pos`, allowing "Name, who ..." and no other gap."""
    before = text[max(0, pos - 160) : pos]
    relative = re.search(r", who(?: [a-z]+ly| also| then)?(?: [a-z-]+)*,?$", before)
    if relative and relative.end() - relative.start() < 60:
        before = before[: relative.start()]
    aside = re.search(r" \([^()]{1,60}\)$", before)
    if aside:
        before = before[: aside.start()]  # "Ilse Varga (The Salt Road) is terrific as Dora"
    name = name_before(before, len(before))
    if name and is_person_name(name, not_names=not_names):
        return name
    return None


_CASTING_VERBS = frozenset({
    "adds", "add", "added", "casts", "cast", "featuring", "features", "with", "starring",
    "stars", "co-starring",
})  # fmt: skip
_JOB_WORDS = frozenset({
    "director", "writer", "filmmaker", "producer", "critic", "editor", "composer", "actor",
    "actress", "star", "cinematographer", "screenwriter", "ever", "usual", "always", "well",
    "before", "expected", "result", "such", "far", "much", "long", "soon",
})  # fmt: skip
_DESCRIBED_PART = re.compile(r"(?:a|an|the|his|her|their) ([\w'-]+)(?: ([\w'-]+))?")


def _cast_as_described(
    text: str, match: re.Match[str], before: str, verb: re.Match[str], actor: str
) -> bool:
    """ "Rafe Orr, as the lodger who teaches, has ..." and "adds Renata Kowal as an
    entomologist": an actor in an unnamed part. "Konrad Bell, as a director, ..." is not."""
    part = _DESCRIBED_PART.match(text, match.end())
    if not part or {w.casefold() for w in part.groups() if w} & _JOB_WORDS:
        return False
    if match.group().startswith(",") or verb.group() == ",":
        closing = text.find(",", match.end(), match.end() + 120)
        return closing != -1 and "." not in text[match.end() : closing]
    if verb.group():
        return False
    ahead = before[: verb.start()].rstrip()
    ahead = ahead[: len(ahead) - len(actor)].rstrip().rsplit(" ", 1)[-1].casefold()
    return ahead in _CASTING_VERBS


def _actor_credits(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    """Cast credits in prose, one phrasing at a time, in the order the patterns are tried."""
    yield from _cast_as(text, not_names)
    yield from _cast_plays(text, not_names)
    yield from _cast_is(text, not_names)
    yield from _cast_play_pair(text, not_names)
    yield from _cast_as_opening(text, not_names)
    yield from _cast_possessive_parts(text, not_names)
    yield from _cast_played_by(text, not_names)
    yield from _cast_in_parentheses(text, not_names)


def _cast_as(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    # "Ines Vale as Ada", "Ines Vale, as the hero's neighbour Dr X", "Vale turns up as Ada"
    for match in islice(_AS.finditer(text), MAX_HITS):
        before = text[max(0, match.start() - 160) : match.start()]
        verb = _BEFORE_AS.search(before)
        if verb is None:
            continue
        if verb.group(1) and " as" in verb.group(1):
            continue  # "is as good as"
        actor = _actor_before(before, verb.start(), not_names)
        if not actor:
            continue
        character, described = _character_after(text, match.end())
        strong = verb.group() and not verb.group(1) and verb.group().strip(", ")
        if character:
            yield CreditRecord(actor, "actor", character)
        elif described and (strong or _cast_as_described(text, match, before, verb, actor)):
            yield CreditRecord(actor, "actor")  # "turns up as a bank manager who swims"


def _cast_plays(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    # "Ines Vale plays Ada", "Ines Vale, playing the hero's mother Ada"
    for match in islice(_PLAYS.finditer(text), MAX_HITS):
        actor = _actor_before(text, match.start(), not_names)
        if not actor:
            continue
        character, _described = _character_after(text, match.end())
        if character:
            yield CreditRecord(actor, "actor", character)
        elif _UNNAMED_PART.match(text, match.end()):
            yield CreditRecord(actor, "actor")  # "plays the Portuguese landlord who ..."


def _cast_is(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    # "Priya Lal is Bernie's granddaughter Mo"
    for match in islice(_IS.finditer(text), MAX_HITS):
        actor = _actor_before(text, match.start(), not_names)
        if not actor:
            continue
        character, described = _character_after(text, match.end())
        if not (character and described):
            continue
        if text.startswith(("a ", "an "), match.end()):
            # "is a hulking minder, August Walker, who": only a name set off by commas
            at = text.find(character, match.end())
            if text[at - 2 : at] != ", ":
                continue
        yield CreditRecord(actor, "actor", character)


def _cast_play_pair(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    # "George Mack and Dean Chapel play the two corporals, Schofield and Blake"
    for match in islice(_PLAY_PAIR.finditer(text), MAX_HITS):
        actors = _actor_pair_before(text, match.start(), not_names)
        if not actors:
            continue
        one, _described = _character_after(text, match.end())
        if not one:
            continue
        after = re.compile(re.escape(one) + r",? and ").search(text, match.end(), match.end() + 160)
        two = name_at(text, after.end()) if after else None
        if two and is_character_name(two[0]):
            yield CreditRecord(actors[0], "actor", one)
            yield CreditRecord(actors[1], "actor", two[0])


def _actor_pair_before(text: str, pos: int, not_names: tuple[str, ...]) -> tuple[str, str] | None:
    """The two actors in "George Mack and Dean Chapel" ending at `pos`, or None."""
    second = name_before(text, pos)
    if not second or not is_person_name(second, not_names=not_names):
        return None
    joint = text.rfind(second, 0, pos)
    if not text.endswith(" and ", 0, joint):
        return None
    first = name_before(text, joint - len(" and "))
    if not first or not is_person_name(first, not_names=not_names):
        return None
    return first, second


def _cast_as_opening(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    # "As Mia, Emma Stone is luminous."
    for match in islice(_AS_OPENING.finditer(text), MAX_HITS):
        written = re.match(r"([^,.;:()]{1,60}), ", text[match.end() : match.end() + 64])
        character, _described = _character_after(text, match.end())
        if not written or character != written.group(1).replace(".", ""):
            continue
        found = name_at(text, match.end() + written.end())
        if found and is_person_name(found[0], not_names=not_names):
            yield CreditRecord(found[0], "actor", character)


def _cast_possessive_parts(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    # "Varga's Dora", "Dunaway's Evelyn": a part only if the text credits that actor otherwise
    for match in islice(_POSSESSIVE_PART.finditer(text), MAX_HITS):
        owner = name_before(text, match.start())
        part = name_at(text, match.end())
        if not owner or not part or _inside_quotes(text, match.start()):
            continue
        character = part[0]
        if len(character.split()) > 3 or text[part[1] : part[1] + 2] == " (":
            continue  # "Brandt's Harbour Lamps (2018)" cites a film
        if is_character_name(character, not_names=not_names) and (
            is_person_name(owner, not_names=not_names) or _is_surname(owner, not_names)
        ):
            yield PendingCredit(owner, "actor", character, possessive=True)


def _cast_played_by(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    # "Ada, played by Ines Vale"
    for match in islice(_PLAYED_BY.finditer(text), MAX_HITS):
        found = name_at(text, match.end())
        if found and is_person_name(found[0], not_names=not_names):
            character = _character_before(text, match.start(), not_names)
            yield CreditRecord(found[0], "actor", character)


def _cast_in_parentheses(text: str, not_names: tuple[str, ...]) -> Iterator[CreditRecord]:
    # "Ada (Ines Vale, a revelation)", "Ada (Ines Vale in an early role)" and, failing that,
    # "Ines Vale (Ada)"
    for match in islice(_PAREN.finditer(text), MAX_HITS):
        inside = match.group(1).strip()
        if _HAS_DIGIT.search(inside):
            continue  # "The Salt Road (Mara Okafor, 2019)" cites a film
        inside = re.sub(r"^(?:played|portrayed|voiced) by ", "", inside)
        found = name_at(inside, 0)
        if found and is_person_name(found[0], not_names=not_names):
            credit = _actor_in_parentheses(text, match, inside, found, not_names)
        else:
            credit = _part_in_parentheses(text, match, inside, not_names)
        if credit:
            yield credit


def _actor_in_parentheses(
    text: str,
    match: re.Match[str],
    inside: str,
    found: tuple[str, int],
    not_names: tuple[str, ...],
) -> CreditRecord | None:
    """ "Ada (Ines Vale, a revelation)": the actor inside, the part just before."""
    rest = inside[found[1] :].lstrip()
    if rest and not _PAREN_REST.match(rest):
        return None
    character = _character_before(text, match.start(), not_names)
    if character:
        return CreditRecord(found[0], "actor", character)
    return None


def _part_in_parentheses(
    text: str, match: re.Match[str], inside: str, not_names: tuple[str, ...]
) -> CreditRecord | None:
    """ "Ines Vale (Ada)": the actor just before, the part inside."""
    outside = name_before(text, match.start())
    if outside and is_person_name(outside, not_names=not_names):
        # "Lotte Achterberg (Rika, the cook)"
        character = re.split(r"[,;]| - | \u2014 ", inside, maxsplit=1)[0].strip()
        if (
            is_character_name(character, not_names=not_names)
            and len(character.split()) <= 2
            and not character.startswith("The ")
        ):
            # "Ilse Varga (The Salt Road)" names her earlier film, not a part
            return CreditRecord(outside, "actor", character)
    return None


def _character_before(text: str, pos: int, not_names: tuple[str, ...]) -> str | None:
    """The character named just before `pos`, with a title if it has one ("Dr Oswin Pike")."""
    name = name_before(text, pos)
    if not name:
        return None
    start = text.rfind(name, 0, pos)
    words = text[max(0, start - 30) : start].split()
    titles: list[str] = []
    while words and _folded(words[-1]) in HONORIFICS and _is_capitalised(words[-1]):
        titles.insert(0, words.pop().rstrip("."))
    character = " ".join([*titles, name])
    return character if is_character_name(character, not_names=not_names) else None


def parse_cast_entry(entry: str, *, not_names: Iterable[str] = ()) -> CreditRecord | None:
    """One item of a cast line: "Ines Vale", "Ines Vale as Ada" or "Ines Vale (Ada)"."""
    excluded = tuple(not_names)
    entry = re.sub(r"^(?:and|&) +", "", entry.strip().strip("."))  # "A, B, and C"
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
_CLEAN_WORD = re.compile(r"^(?:[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|[^\W\d_]\.(?:[^\W\d_]\.)*)$")


def is_clean_name(name: str) -> bool:
    """A person's name as the site will store it: words of letters, no stray punctuation."""
    words = name.split(" ")
    return bool(name) and len(name) <= 100 and all(_CLEAN_WORD.match(word) for word in words)


def _name_words(name: str) -> tuple[str, ...]:
    """A name's words without titles, folded: "Dr Oswin Pike" -> ("oswin", "pike")."""
    return tuple(w for w in (_folded(word) for word in name.split()) if w not in HONORIFICS)


def _as_record(credit: CreditRecord, person: str) -> CreditRecord:
    """A plain CreditRecord for `credit` with `person`, keeping any other field (its film)."""
    values = {f.name: getattr(credit, f.name) for f in fields(CreditRecord)}
    return CreditRecord(**{**values, "person": person})


def _film_of(credit: CreditRecord) -> object:
    return getattr(credit, "film", None)


_MAX_CREDIT_WARNINGS = 40  # past this, one line says how many more were left out
_MAX_PARTS_TO_MERGE = 200  # per actor; more is not a film's cast


def checked_credits(
    credits: Iterable[CreditRecord], warnings: list[ParseWarning]
) -> list[CreditRecord]:
    """The credits to save: pending ones settled, clean names only, one part per actor.

    A surname becomes the one full name the text gives it, or is dropped with a warning; a crew
    credit for someone who is a character is dropped; "Evelyn" merges into "Evelyn Mulwray"
    for the same actor. Everything dropped is named in a warning.
    """
    notes: list[str] = []
    plain: list[CreditRecord] = []
    pending: list[PendingCredit] = []
    for credit in credits:
        (pending if isinstance(credit, PendingCredit) else plain).append(credit)
    by_surname = _full_names_by_surname(plain)
    possessives = [credit for credit in pending if credit.possessive]
    owners = [credit for credit in pending if credit.unless_actor]
    plain.extend(_settled_surnames(pending, by_surname, notes))
    plain.extend(_possessive_parts(possessives, plain))
    plain.extend(_film_owners(owners, plain, by_surname))
    plain = _no_people_as_parts(plain, notes)
    kept = _clean_unique_credits(plain, notes)
    _warn_of_left_out(notes, warnings)
    return _merged_parts(kept)


def _full_names_by_surname(credits: list[CreditRecord]) -> dict[str, set[str]]:
    by_surname: dict[str, set[str]] = {}
    for person in {c.person for c in credits if " " in c.person}:
        by_surname.setdefault(person.split()[-1], set()).add(person)
    return by_surname


def _settled_surnames(
    pending: list[PendingCredit], by_surname: dict[str, set[str]], notes: list[str]
) -> list[CreditRecord]:
    """Doubtful credits noted and dropped; a surname credited under its one full name, or noted."""
    settled: list[CreditRecord] = []
    for credit in pending:
        if credit.possessive or credit.unless_actor:
            continue
        if credit.doubt:
            notes.append(f"{credit.person!r} not credited as {credit.role}: {credit.doubt}")
            continue
        matches = by_surname.get(credit.person, set())
        if len(matches) == 1:
            settled.append(_as_record(credit, next(iter(matches))))
        else:
            why = "several people have that surname" if matches else "the text gives no full name"
            notes.append(f"{credit.person!r} not credited as {credit.role}: {why}")
    return settled


def _clean_unique_credits(credits: list[CreditRecord], notes: list[str]) -> list[CreditRecord]:
    """Each credit once, without names that are not clean or crew who share a character's name."""
    character_words = _character_words(credits)
    result: dict[tuple[str, str, str | None, object], CreditRecord] = {}
    for credit in credits:
        if not is_clean_name(credit.person):
            notes.append(f"credit {credit.person!r} ({credit.role}) left out: not a name")
            continue
        if credit.role != "actor" and _plays_a_character(credit.person, character_words):
            notes.append(
                f"{credit.person!r} not credited as {credit.role}: the text gives that name to "
                "a character"
            )
            continue
        key = (credit.person, credit.role, credit.character, _film_of(credit))
        result.setdefault(key, credit)
    return list(result.values())


def _character_words(credits: list[CreditRecord]) -> dict[str, list[frozenset[str]]]:
    """Each word of a part's name -> the parts' words it is in."""
    character_words: dict[str, list[frozenset[str]]] = {}
    for credit in credits:
        if credit.character:
            words = frozenset(_name_words(credit.character))
            for word in words:
                character_words.setdefault(word, []).append(words)
    return character_words


def _warn_of_left_out(notes: list[str], warnings: list[ParseWarning]) -> None:
    for note in dict.fromkeys(notes[:_MAX_CREDIT_WARNINGS]):
        warnings.append(ParseWarning(note))
    if len(notes) > _MAX_CREDIT_WARNINGS:
        warnings.append(
            ParseWarning(f"{len(notes) - _MAX_CREDIT_WARNINGS} more possible credits left out")
        )


def _no_people_as_parts(credits: list[CreditRecord], notes: list[str]) -> list[CreditRecord]:
    """ "cast Jérôme Dufresne as the keeper, Anouk Lévêque as his wife": a part named like an
    actor the text credits is that actor, read past a description; the credit keeps no part.
    (A part named like a crew credit keeps the part: the crew credit goes, see below.)"""
    people = {" ".join(_name_words(c.person)) for c in credits if c.role == "actor"}
    kept = []
    for credit in credits:
        if credit.character and " ".join(_name_words(credit.character)) in people:
            notes.append(
                f"{credit.person!r} credited without a part: {credit.character!r} is a person "
                "the text credits, not a character"
            )
            credit = replace(credit, character=None)
        kept.append(credit)
    return kept


def _film_owners(
    owners: list[PendingCredit], credits: list[CreditRecord], by_surname: dict[str, set[str]]
) -> Iterator[CreditRecord]:
    """ "Breckinridge's film" credits its director, unless the text casts that person (then
    "Cruise's film" means his performance), or a surname names nobody in full."""
    actors = {c.person for c in credits if c.role == "actor"}
    for credit in owners:
        person = credit.person
        if " " not in person:
            matches = by_surname.get(person, set())
            if len(matches) != 1:
                continue
            person = next(iter(matches))
        if person not in actors:
            yield _as_record(credit, person)


def _possessive_parts(
    possessives: list[PendingCredit], credits: list[CreditRecord]
) -> Iterator[CreditRecord]:
    """ "Varga's Dora" for an actor the text credits: her part, unless she has another part
    that is not the same name (a dual role is stated, not guessed from a possessive)."""
    actors: dict[str, set[str]] = {}  # a full name or surname -> the actors it names
    parts: dict[str, list[frozenset[str]]] = {}
    for credit in credits:
        if credit.role == "actor":
            for key in {credit.person, credit.person.split()[-1]}:
                actors.setdefault(key, set()).add(credit.person)
            if credit.character:
                parts.setdefault(credit.person, []).append(frozenset(_name_words(credit.character)))
    for credit in possessives:
        owners = actors.get(credit.person, set())
        if len(owners) != 1 or credit.character is None:
            continue
        owner = next(iter(owners))
        words = frozenset(_name_words(credit.character))
        if all(words <= part or part <= words for part in parts.get(owner, [])):
            yield _as_record(credit, owner)


def _plays_a_character(person: str, character_words: dict[str, list[frozenset[str]]]) -> bool:
    words = frozenset(_name_words(person))
    if not words:
        return False
    first = next(iter(words))
    return any(words <= character for character in character_words.get(first, []))


def _merged_parts(credits: list[CreditRecord]) -> list[CreditRecord]:
    """A character beats no character; a part named by some of another's words ("Evelyn",
    "Mrs Mulwray") is the same part as the longer name ("Evelyn Mulwray") for one actor."""
    parts: dict[tuple[str, str, object], list[frozenset[str]]] = {}
    for credit in credits:
        if credit.character:
            key = (credit.person, credit.role, _film_of(credit))
            parts.setdefault(key, []).append(frozenset(_name_words(credit.character)))
    kept: list[CreditRecord] = []
    for credit in credits:
        others = parts.get((credit.person, credit.role, _film_of(credit)), [])
        if credit.character is None:
            if not others:
                kept.append(credit)
            continue
        words = frozenset(_name_words(credit.character))
        if len(others) <= _MAX_PARTS_TO_MERGE and any(words < other for other in others):
            continue
        kept.append(credit)
    return kept
