"""Invented words for fake content: one vocabulary for every generator of it.

The benchmark archive (fakes/corpus.py, `generate_corpus`) and the import corpus
(bench/import_corpus.py) draw names, titles, places and critics' prose from here, so a word
added for one shows up in both. Plain Python: no Django, nothing random (the generators seed).
"""


def _words(text: str) -> list[str]:
    return text.split()


# People: syllables make as many distinct names as a 100,000-person archive needs; the first
# names and surnames make names that read as real ones (the importer must recognise them).
ONSETS = _words("b br c ch d dr f g gr h j k l m n p pr r s sh st t tr v w z")
VOWELS = _words("a e i o u a e i o ai ea ou ie")
CODAS = ["", "", "n", "l", "r", "s", "th", "m", "nd", "rk", "ll", "st"]
FIRST_NAMES = _words(
    """Ada Mara Lev Ines Tomas Noor Selma Jonah Hana Ravi Ilse Amara Felix Colm Maren Yusuf Odile
Jules Bram Lotte Agnes Oona Piers Bess Kofi Dario Tobias Elsie Priya Solene Idris Greta Anton
Wren Nell Otto Lena Milo Ruth Cyrus Zofia Emeka Ingrid Paolo Saoirse Kenji Amos Leila"""
)
SURNAMES = _words(
    """Okafor Arden Vale Benn Mensah Haddad Quist Pike Sato Menon Marchetti Diallo Wilk Ashby
Holt Kaya Brun Ferrand Visser Achterberg Thorsen Blackwood Lindqvist Okonjo Nandakumar Marchand
Calloway Drummond Esterhazy Falk Garroway Halloran Ibsen Jovanovic Kastner Lorimer Moreau Nygaard
Oyelaran Pellegrini Rasmussen Szabo Takahashi Underhill Varga Whitlock Yilmaz Zeller"""
)

# Film titles
TITLE_ADJECTIVES = _words(
    """Salt Glass Paper Quiet Winter Lantern Iron Silver Hollow Northern Drowned Amber
Sleeping Broken Distant Burning Painted Forgotten Crooked Velvet Copper Narrow Golden Restless
Borrowed Silent Endless Patient Hidden Wandering"""
)
TITLE_NOUNS = _words(
    """Road Orchard Harbour Acre Ferry Season Tide Moons Lanterns Lighthouse Border Orchard
Carousel Meridian Quarry Island Archive Garden Station Ledger Kingdom Weather Harvest Parade
Summer Letters Crossing Valley Signal Horizon"""
)
FILM_TITLE_TEMPLATES = [
    "The {cap_noun}",
    "{cap_adj} {cap_noun}",
    "The {cap_adj} {cap_noun}",
    "{cap_noun} of {cap_abstract}",
    "A {cap_noun} in {season}",
    "{name}",
    "{name}'s {cap_noun}",
    "After the {cap_noun}",
    "{cap_abstract}",
    "Night {cap_noun}",
]
SEASONS = ["Winter", "Spring", "Summer", "Autumn", "August", "November", "May"]

# The world films are made in and watched in
GENRES = _words(
    """
Drama Crime Thriller Mystery Comedy Romance Musical Western Horror Adventure Documentary
Animation Science-fiction Fantasy War Noir Melodrama Biography History Family Satire Road-movie
Coming-of-age Heist Sports
"""
)
COUNTRIES = _words(
    """
France Italy Japan Mexico Brazil Nigeria India Iran Egypt Senegal Poland Hungary Romania
Sweden Norway Denmark Finland Ireland Spain Portugal Greece Turkey Germany Austria Belgium
Netherlands Canada Argentina Chile Colombia Peru Korea Taiwan China Thailand Philippines
Australia Kenya Morocco Ghana
"""
)
LANGUAGES = _words(
    """
English French Italian Japanese Spanish Portuguese Yoruba Hindi Persian Arabic Wolof Polish
Hungarian Romanian Swedish Norwegian Danish Finnish Irish Greek Turkish German Dutch Korean
Mandarin Cantonese Thai Tagalog Swahili Tamil
"""
)
PLACES = [
    "a border town", "a fishing village", "a mountain pass", "a river delta", "a night train",
    "a seaside hotel", "an island chapel", "a mining town", "a travelling circus", "a lighthouse",
]  # fmt: skip
CINEMAS = _words("""Rialto Odeon Lux Regal Electric Palace Curzon Roxy Capitol Majestic""")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# Critics' prose: words for the sentence templates, and the templates
ADJECTIVES = _words(
    """
restless quiet luminous brittle patient tender severe sprawling intimate unhurried feverish
austere wry melancholy elliptical generous cold warm lucid murky hushed brazen fragile radiant
knotty playful solemn sly bruised weightless hypnotic uneasy deliberate tactile grainy
exacting mournful buoyant flinty sparse lush nervous steady haunted candid elegant jagged
"""
)
NOUNS = _words(
    """
camera frame shot sequence close-up montage score silence performance gesture corridor kitchen
harbour window mirror staircase letter road winter summer river field city village night morning
reunion funeral wedding journey confession argument secret memory ghost photograph doorway car
train station lighthouse orchard factory theatre island border hospital classroom garden storm
"""
)
ABSTRACTS = _words(
    """
grief memory guilt desire loyalty faith class ambition loneliness childhood exile jealousy
forgiveness obsession power friendship betrayal tenderness shame freedom duty revenge work
family migration ageing innocence violence survival belonging chance regret hope
"""
)
VERBS = _words(
    """
lingers settles drifts circles holds watches trusts withholds frames tracks follows finds
returns interrupts complicates undercuts sharpens softens earns mirrors echoes unsettles
"""
)
CRAFT = [
    "editing", "cinematography", "sound design", "production design", "blocking", "lighting",
    "pacing", "dialogue", "framing", "colour palette", "screenplay", "ensemble",
    "lead performance", "supporting cast", "score",
]  # fmt: skip
ROLE_WORDS = _words(
    """
director writer actor cast editor composer cinematographer screenwriter debut auteur
"""
)
SENTENCES = [
    "The {adj} {noun} {verb} on {abstract} longer than we expect.",
    "What the {craft} understands is that {abstract} is rarely spoken aloud.",
    "Every {noun} here is {adj}, and the film {verb} on that feeling.",
    "The {role} {verb} on the {noun} until it becomes a kind of *{abstract}*.",
    "It is a film about {abstract}, but also about a {adj} {noun} and the people who pass it.",
    "Scene by scene, the {craft} {verb} on what the characters refuse to say.",
    'A line like "{cap_abstract} is a {noun}" should not work; here it does.',
    "The middle hour {verb} on a {adj} {noun}, and the tension is **earned**.",
    "Few recent films treat {abstract} with such {adj} patience.",
    "If the {craft} sometimes feels {adj}, the {noun} scenes more than make up for it.",
    "By the final {noun} the film has turned {abstract} into something close to {abstract2}.",
    "The {role} never underlines a thing -- the {adj} {noun} does the work.",
    "You leave thinking less about the plot than about the {noun} and its {adj} light.",
    "The {craft} keeps a {adj} distance, so {abstract} arrives without warning.",
]
SPOILER_SENTENCES = [
    "In the last act the {noun} burns, and with it the lie about {abstract}.",
    "The twist -- that the {noun} was never empty -- reframes every earlier {adj} scene.",
    "When the mother finally reads the letter, {abstract} gives way to {abstract2}.",
    "The ending returns to the {noun}: the brother is gone, and nobody says why.",
    "We learn in the final scene that the {role} had staged the {noun} all along.",
]
