"""Demo content for filmsite: invented films, people, critics and articles (all fiction)."""

from decimal import Decimal

AUTHORS = [
    {
        "name": "Ruth Adair",
        "slug": "ruth-adair",
        "bio": (
            "Chief critic. Ruth has written about film for twenty-five years, mostly about the "
            "ones nobody else was watching. She programmes a repertory season every winter and "
            "distrusts any film that explains its own ending."
        ),
    },
    {
        "name": "Samuel Okoro",
        "slug": "samuel-okoro",
        "bio": (
            "Essays editor. Samuel came to criticism from the archive, where he spent six years "
            "cataloguing nitrate prints, and still believes every film should be judged partly "
            "on how it will age. He writes long and cuts hard."
        ),
    },
    {
        "name": "Marguerite Lam",
        "slug": "marguerite-lam",
        "bio": (
            "Staff critic for new releases and genre. Marguerite grew up on rental-shop horror "
            "and festival slow cinema and refuses to choose between them. Her plot synopses are "
            "famously exhaustive; her reviews are not."
        ),
    },
]

PEOPLE = [
    {
        "name": "Teodoro Vaz",
        "sort_name": "Vaz, Teodoro",
        "birth_year": 1931,
        "bio": (
            "Portuguese director and screenwriter, born in Tavira, who spent the 1960s making "
            "industrial documentaries before his feature debut, The Salt Year. He wrote and "
            "directed all three films of the Salt Trilogy and refused, until his death in 2011, "
            "to explain any of their endings."
        ),
    },
    {
        "name": "Leonor Bastos",
        "sort_name": "Bastos, Leonor",
        "birth_year": 1950,
        "bio": (
            "Portuguese actor, cast by Teodoro Vaz at nineteen with no training, who played Inês "
            "Calado across seventeen years and three films. She later built a long career on the "
            "Lisbon stage."
        ),
    },
    {
        "name": "Henrique Mota",
        "sort_name": "Mota, Henrique",
        "birth_year": 1946,
        "bio": (
            "Stage-trained Portuguese leading man of the 1970s, best remembered as Rui Teixeira "
            "in the first two Salt films. He spent much of the 1980s working in French "
            "television."
        ),
    },
    {
        "name": "Abílio Serrano",
        "sort_name": "Serrano, Abílio",
        "birth_year": 1909,
        "bio": (
            "Veteran Portuguese character actor with more than sixty screen credits, most of "
            "them priests, mayors and difficult fathers. Low Water was his final film."
        ),
    },
    {
        "name": "Custódia Lemos",
        "sort_name": "Lemos, Custódia",
        "birth_year": 1918,
        "bio": (
            "Comic actor from the Lisbon revue stage who played the shopkeeper Dona Celeste in "
            "all three Salt films and became, to her lasting amusement, their most quoted "
            "character."
        ),
    },
    {
        "name": "Clara Meireles",
        "sort_name": "Meireles, Clara",
        "birth_year": 1970,
        "bio": (
            "Portuguese actor who made her debut at eight in Low Water and grew up on screen as "
            "Marta Calado. Her role as a seed biologist in Overwinter brought her the best "
            "notices of a long European career."
        ),
    },
    {
        "name": "Julián Arteaga",
        "sort_name": "Arteaga, Julián",
        "birth_year": 1916,
        "bio": (
            "Spanish-born cinematographer who went into exile in Mexico in 1939 and shot more "
            "than forty films for the Mexico City studios before returning to the Iberian "
            "peninsula in the late 1960s. He was known for building whole films out of practical "
            "light."
        ),
    },
    {
        "name": "Anselmo Rebelo",
        "sort_name": "Rebelo, Anselmo",
        "birth_year": 1939,
        "bio": (
            "Portuguese composer and guitarist whose spare, largely acoustic scores for the Salt "
            "Trilogy borrow their rhythms from the work songs of the southern salt pans."
        ),
    },
    {
        "name": "Mafalda Quintela",
        "sort_name": "Quintela, Mafalda",
        "birth_year": 1943,
        "bio": (
            "Film editor who cut all three Salt films and a good share of Portuguese art cinema "
            "in the 1970s and 1980s. Teodoro Vaz called her the second author of everything he "
            "made."
        ),
    },
    {
        "name": "Efraín Lozada",
        "sort_name": "Lozada, Efraín",
        "birth_year": 1907,
        "bio": (
            "Mexican director of more than thirty features, mostly melodramas and crime pictures "
            "turned out quickly on studio budgets. The Night Desk, long dismissed as a "
            "programmer, is now considered his masterpiece."
        ),
    },
    {
        "name": "Salvador Ocampo",
        "sort_name": "Ocampo, Salvador",
        "birth_year": 1912,
        "bio": (
            "Mexican novelist and screenwriter who adapted his own short novel about a hotel "
            "night shift for The Night Desk. He wrote for radio, newspapers and the cinema, "
            "frequently under other names."
        ),
    },
    {
        "name": "Ramón Quezada",
        "sort_name": "Quezada, Ramón",
        "birth_year": 1914,
        "bio": (
            "Mexican character actor who played clerks, waiters and minor functionaries in "
            "dozens of films. The Night Desk gave him his only leading role."
        ),
    },
    {
        "name": "Delfina Arce",
        "sort_name": "Arce, Delfina",
        "birth_year": 1930,
        "bio": (
            "Mexican singer and actor who came to the cinema from radio and recorded more than a "
            "hundred boleros before leaving the screen in the mid-1960s."
        ),
    },
    {
        "name": "Tito Barragán",
        "sort_name": "Barragán, Tito",
        "birth_year": None,
        "bio": (
            "Mexican stage and screen actor who specialised in genial patriarchs with something "
            "to hide. He gave interviewers at least three different years of birth."
        ),
    },
    {
        "name": "Ingrid Solhaug",
        "sort_name": "Solhaug, Ingrid",
        "birth_year": 1984,
        "bio": (
            "Norwegian director and writer who began in documentary with a feature about the "
            "automation of coastal lighthouses. Overwinter, which she co-wrote, is her first "
            "fiction feature."
        ),
    },
    {
        "name": "Dev Kanagaratnam",
        "sort_name": "Kanagaratnam, Dev",
        "birth_year": 1981,
        "bio": (
            "Toronto-based screenwriter who co-wrote Overwinter with Ingrid Solhaug after the "
            "two met at a screenwriting lab. He previously wrote for Canadian television."
        ),
    },
    {
        "name": "Sunniva Aas",
        "sort_name": "Aas, Sunniva",
        "birth_year": 1998,
        "bio": (
            "Norwegian actor whose screen debut as Sigrid Mo in Overwinter made her one of the "
            "most talked-about newcomers of her year."
        ),
    },
    {
        "name": "Olu Adeyemi",
        "sort_name": "Adeyemi, Olu",
        "birth_year": 1989,
        "bio": (
            "British-Nigerian actor from London, known for stage work and television comedy, who "
            "brings a warm, rueful humour to dramatic roles."
        ),
    },
    {
        "name": "Halla Jökulsdóttir",
        "sort_name": "Jökulsdóttir, Halla",
        "birth_year": 1986,
        "bio": (
            "Icelandic composer and sound artist who builds her scores from field recordings. "
            "For Overwinter she spent three weeks recording ice, wind and machinery in the high "
            "Arctic."
        ),
    },
]

SERIES = [
    {
        "title": "The Salt Trilogy",
        "description": (
            "Teodoro Vaz's three films about the salt-pan village of Alcaria do Mar and the "
            "Calado family, made eight and nine years apart with the same lead actress. Together "
            "they follow one woman and one stretch of coastline through dictatorship, revolution "
            "and the arrival of mass tourism."
        ),
    },
]

FILMS = [
    {
        "title": "The Salt Year",
        "original_title": "O Ano do Sal",
        "year": 1971,
        "runtime": 104,
        "genres": ["Drama"],
        "countries": ["Portugal"],
        "languages": ["Portuguese"],
        "logline": (
            "On the salt pans of Portugal's southern coast in the summer of 1970, a "
            "nineteen-year-old raker falls for the ferryman's son, who has come home from Lisbon "
            "with a suitcase of books and friends he never names."
        ),
        "series": "The Salt Trilogy",
        "series_order": 1,
        "tags": ["memory", "betrayal", "coming of age", "politics"],
        "characters": [
            {
                "name": "Inês Calado",
                "description": (
                    "A nineteen-year-old salt raker with a sharp tongue in private and a "
                    "notebook she lets nobody read."
                ),
            },
            {
                "name": "Rui Teixeira",
                "description": (
                    "The ferryman's son, home from Lisbon with a suitcase of books and friends "
                    "he never introduces."
                ),
            },
            {
                "name": "Joaquim Calado",
                "description": (
                    "Inês's widowed father, a proud salt-master who distrusts anything new, "
                    "including cooperatives and young men with books."
                ),
            },
            {
                "name": "Tomás Calado",
                "description": (
                    "Inês's fifteen-year-old brother, who idolises Rui and will run any errand "
                    "that gets him onto the ferry."
                ),
            },
            {
                "name": "Dona Celeste",
                "description": (
                    "The village shopkeeper, keeper of the only telephone in Alcaria do Mar and "
                    "of most of its gossip."
                ),
            },
        ],
        "credits": [
            {"person": "Teodoro Vaz", "role": "director", "character": None, "billing": 1},
            {"person": "Teodoro Vaz", "role": "writer", "character": None, "billing": 1},
            {
                "person": "Julián Arteaga",
                "role": "cinematographer",
                "character": None,
                "billing": 1,
            },
            {"person": "Mafalda Quintela", "role": "editor", "character": None, "billing": 1},
            {"person": "Anselmo Rebelo", "role": "composer", "character": None, "billing": 1},
            {"person": "Leonor Bastos", "role": "actor", "character": "Inês Calado", "billing": 1},
            {"person": "Henrique Mota", "role": "actor", "character": "Rui Teixeira", "billing": 2},
            {
                "person": "Abílio Serrano",
                "role": "actor",
                "character": "Joaquim Calado",
                "billing": 3,
            },
            {
                "person": "Custódia Lemos",
                "role": "actor",
                "character": "Dona Celeste",
                "billing": 4,
            },
        ],
        "watch": [
            {
                "provider": "Lanterna",
                "kind": "stream",
                "url": "https://example.org/watch/lanterna/the-salt-year",
            },
            {
                "provider": "Kinobox",
                "kind": "rent",
                "url": "https://example.org/watch/kinobox/the-salt-year",
            },
            {
                "provider": "Tidewater Editions",
                "kind": "physical",
                "url": "https://example.org/watch/tidewater-editions/the-salt-year",
            },
        ],
        "poster": {"colors": ("#EDE6DA", "#C2553A"), "motif": "sun"},
    },
    {
        "title": "Low Water",
        "original_title": "Baixa-Mar",
        "year": 1979,
        "runtime": 118,
        "genres": ["Drama", "Comedy"],
        "countries": ["Portugal", "France"],
        "languages": ["Portuguese", "French"],
        "logline": (
            "Eight years after she left, Inês Calado returns to Alcaria do Mar with her young "
            "daughter to find her father's salt pans the target of a French buyer nobody in the "
            "village has met."
        ),
        "series": "The Salt Trilogy",
        "series_order": 2,
        "tags": ["family", "revolution", "secrets", "land"],
        "characters": [
            {
                "name": "Inês Calado",
                "description": (
                    "Now a Lisbon schoolteacher, back in her home village for the summer with "
                    "her young daughter."
                ),
            },
            {
                "name": "Marta Calado",
                "description": (
                    "Inês's eight-year-old daughter, a collector of crab shells, boat tallies "
                    "and other people's answers."
                ),
            },
            {
                "name": "Joaquim Calado",
                "description": (
                    "Inês's ageing father, still working his salt pans and refusing every offer "
                    "to buy them."
                ),
            },
            {
                "name": "Robert Texier",
                "description": (
                    "The courteous representative of a French company that wants the whole "
                    "shoreline, who prefers to negotiate by letter."
                ),
            },
            {
                "name": "Dona Celeste",
                "description": (
                    "The shopkeeper, who has swapped the village telephone for a television and "
                    "now presides over its arguments."
                ),
            },
        ],
        "credits": [
            {"person": "Teodoro Vaz", "role": "director", "character": None, "billing": 1},
            {"person": "Teodoro Vaz", "role": "writer", "character": None, "billing": 1},
            {
                "person": "Julián Arteaga",
                "role": "cinematographer",
                "character": None,
                "billing": 1,
            },
            {"person": "Mafalda Quintela", "role": "editor", "character": None, "billing": 1},
            {"person": "Anselmo Rebelo", "role": "composer", "character": None, "billing": 1},
            {"person": "Leonor Bastos", "role": "actor", "character": "Inês Calado", "billing": 1},
            {
                "person": "Henrique Mota",
                "role": "actor",
                "character": "Robert Texier",
                "billing": 2,
            },
            {
                "person": "Abílio Serrano",
                "role": "actor",
                "character": "Joaquim Calado",
                "billing": 3,
            },
            {
                "person": "Clara Meireles",
                "role": "actor",
                "character": "Marta Calado",
                "billing": 4,
            },
            {
                "person": "Custódia Lemos",
                "role": "actor",
                "character": "Dona Celeste",
                "billing": 5,
            },
        ],
        "watch": [
            {
                "provider": "Lanterna",
                "kind": "stream",
                "url": "https://example.org/watch/lanterna/low-water",
            },
            {
                "provider": "Tidewater Editions",
                "kind": "physical",
                "url": "https://example.org/watch/tidewater-editions/low-water",
            },
        ],
        "poster": {"colors": ("#1F4E5F", "#E9C46A"), "motif": "waves"},
    },
    {
        "title": "Spring Tide",
        "original_title": "Maré Viva",
        "year": 1988,
        "runtime": 97,
        "genres": ["Drama"],
        "countries": ["Portugal"],
        "languages": ["Portuguese", "English"],
        "logline": (
            "In the last summer before a marina swallows the salt pans, Inês Calado and her "
            "teenage daughter return to Alcaria do Mar to pack up a house, a trade and a life."
        ),
        "series": "The Salt Trilogy",
        "series_order": 3,
        "tags": ["grief", "memory", "inheritance", "tourism"],
        "characters": [
            {
                "name": "Inês Calado",
                "description": (
                    "In her late thirties, back in Alcaria do Mar for one last summer to empty "
                    "the family house."
                ),
            },
            {
                "name": "Marta Calado",
                "description": (
                    "Inês's seventeen-year-old daughter, who photographs everything the village "
                    "is about to lose."
                ),
            },
            {
                "name": "Dona Celeste",
                "description": (
                    "The village's oldest shopkeeper, who watches the marina surveyors from her "
                    "doorstep and has an opinion on each of them."
                ),
            },
            {
                "name": "Duarte Lobo",
                "description": (
                    "A young engineer from Lisbon overseeing the marina works, more uneasy about "
                    "the job than he lets on."
                ),
            },
        ],
        "credits": [
            {"person": "Teodoro Vaz", "role": "director", "character": None, "billing": 1},
            {"person": "Teodoro Vaz", "role": "writer", "character": None, "billing": 1},
            {"person": "Mafalda Quintela", "role": "editor", "character": None, "billing": 1},
            {"person": "Anselmo Rebelo", "role": "composer", "character": None, "billing": 1},
            {"person": "Leonor Bastos", "role": "actor", "character": "Inês Calado", "billing": 1},
            {
                "person": "Clara Meireles",
                "role": "actor",
                "character": "Marta Calado",
                "billing": 2,
            },
            {
                "person": "Custódia Lemos",
                "role": "actor",
                "character": "Dona Celeste",
                "billing": 3,
            },
        ],
        "watch": [
            {
                "provider": "Lanterna",
                "kind": "stream",
                "url": "https://example.org/watch/lanterna/spring-tide",
            },
            {
                "provider": "Kinobox",
                "kind": "buy",
                "url": "https://example.org/watch/kinobox/spring-tide",
            },
        ],
        "poster": {"colors": ("#F4A261", "#264653"), "motif": "stripes"},
    },
    {
        "title": "The Night Desk",
        "original_title": "Turno de noche",
        "year": 1956,
        "runtime": 91,
        "genres": ["Crime", "Film noir", "Thriller"],
        "countries": ["Mexico"],
        "languages": ["Spanish"],
        "logline": (
            "The night clerk of a fading Mexico City hotel agrees to keep a singer's secret "
            "until morning, and learns how long a single shift can last."
        ),
        "series": None,
        "series_order": None,
        "tags": ["guilt", "loneliness", "complicity", "work"],
        "characters": [
            {
                "name": "Aurelio Ibarra",
                "description": (
                    "The Hotel Bolívar's night clerk of eleven years, who knows every guest's "
                    "habits and almost none of their names."
                ),
            },
            {
                "name": "Lidia Montes",
                "description": (
                    "A bolero singer in the hotel bar with a fresh bruise on her cheekbone and a "
                    "bus ticket to Veracruz in her glove."
                ),
            },
            {
                "name": "Don Fausto Arredondo",
                "description": (
                    "The hotel's genial owner, who has treated Aurelio like a son and lent him "
                    "money he never asks to have back."
                ),
            },
            {
                "name": "Señor Olvera",
                "description": (
                    "A soft-spoken guest in room 9 who paid a week in advance and never seems to "
                    "sleep."
                ),
            },
            {
                "name": "Ernesto Gálvez",
                "description": (
                    "A textile salesman in room 14 who tips in crisp new banknotes and always "
                    "books a six o'clock wake-up call."
                ),
            },
        ],
        "credits": [
            {"person": "Efraín Lozada", "role": "director", "character": None, "billing": 1},
            {"person": "Salvador Ocampo", "role": "writer", "character": None, "billing": 1},
            {
                "person": "Julián Arteaga",
                "role": "cinematographer",
                "character": None,
                "billing": 1,
            },
            {
                "person": "Ramón Quezada",
                "role": "actor",
                "character": "Aurelio Ibarra",
                "billing": 1,
            },
            {"person": "Delfina Arce", "role": "actor", "character": "Lidia Montes", "billing": 2},
            {
                "person": "Tito Barragán",
                "role": "actor",
                "character": "Don Fausto Arredondo",
                "billing": 3,
            },
        ],
        "watch": [
            {
                "provider": "Repertorio",
                "kind": "stream",
                "url": "https://example.org/watch/repertorio/the-night-desk",
            },
            {
                "provider": "Kinobox",
                "kind": "rent",
                "url": "https://example.org/watch/kinobox/the-night-desk",
            },
            {
                "provider": "Tidewater Editions",
                "kind": "physical",
                "url": "https://example.org/watch/tidewater-editions/the-night-desk",
            },
        ],
        "poster": {"colors": ("#141414", "#D4A017"), "motif": "grid"},
    },
    {
        "title": "Overwinter",
        "original_title": "",
        "year": 2023,
        "runtime": 126,
        "genres": ["Thriller", "Science fiction"],
        "countries": ["Norway", "Canada", "Portugal"],
        "languages": ["English", "Norwegian", "Portuguese"],
        "logline": (
            "Three caretakers settle in for the polar night at a remote Arctic seed vault, where "
            "the newest arrival seems to know the building better than she should."
        ),
        "series": None,
        "series_order": None,
        "tags": ["isolation", "guilt", "inheritance", "climate"],
        "characters": [
            {
                "name": "Sigrid Mo",
                "description": (
                    "A newly hired technician on her first polar posting: capable, courteous and "
                    "unusually curious about the station's past."
                ),
            },
            {
                "name": "Graça Ferrão",
                "description": (
                    "A Portuguese seed biologist on her eleventh winter at the station, who runs "
                    "the place by ritual and fountain pen."
                ),
            },
            {
                "name": "Felix Okafor",
                "description": (
                    "The station mechanic, a cheerful fatalist who keeps a betting book on the "
                    "weather and a spare part for everything."
                ),
            },
            {
                "name": "Johan Lind",
                "description": (
                    "A Norwegian botanist who wintered at the station years earlier and whose "
                    "handwriting still fills its old logbooks."
                ),
            },
            {
                "name": "Dispatcher Vik",
                "description": (
                    "The unseen voice in Longyearbyen who takes the crew's radio check-in at the "
                    "same hour every day."
                ),
            },
        ],
        "credits": [
            {"person": "Ingrid Solhaug", "role": "director", "character": None, "billing": 1},
            {"person": "Ingrid Solhaug", "role": "writer", "character": None, "billing": 1},
            {"person": "Dev Kanagaratnam", "role": "writer", "character": None, "billing": 2},
            {"person": "Halla Jökulsdóttir", "role": "composer", "character": None, "billing": 1},
            {"person": "Sunniva Aas", "role": "actor", "character": "Sigrid Mo", "billing": 1},
            {
                "person": "Clara Meireles",
                "role": "actor",
                "character": "Graça Ferrão",
                "billing": 2,
            },
            {"person": "Olu Adeyemi", "role": "actor", "character": "Felix Okafor", "billing": 3},
        ],
        "watch": [
            {
                "provider": "Northlight Cinemas",
                "kind": "cinema",
                "url": "https://example.org/watch/northlight-cinemas/overwinter",
            },
            {
                "provider": "Meridian+",
                "kind": "stream",
                "url": "https://example.org/watch/meridian-plus/overwinter",
            },
            {
                "provider": "Kinobox",
                "kind": "rent",
                "url": "https://example.org/watch/kinobox/overwinter",
            },
        ],
        "poster": {"colors": ("#DDE7EE", "#23395B"), "motif": "circles"},
    },
]

ARTICLES = [
    {
        "kind": "review",
        "title": "The Salt Year review: a sunlit debut that learned to speak in code",
        "slug": "the-salt-year-review",
        "standfirst": (
            "Teodoro Vaz's 1971 debut, newly restored, is a coming-of-age film made under a "
            "censor's gaze, and it has learned to say everything by looking at something else."
        ),
        "author": "Ruth Adair",
        "films": ["The Salt Year"],
        "rating": Decimal("5.0"),
        "verdict": (
            "A patient, sun-stunned debut whose silences carry the weight of a whole country; "
            "the restoration finally lets you see what it was hiding in plain sight."
        ),
        "tags": ["restoration", "portuguese cinema", "coming of age"],
        "status": "published",
        "published_days_ago": 388,
        "lead_image": {
            "caption": "Leonor Bastos as Inês Calado in The Salt Year (1971).",
            "alt": (
                "A young woman in a headscarf rakes white salt into a pyramid under a flat, "
                "overexposed sky."
            ),
        },
        "sections": [
            {
                "heading": "",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "The first thing you notice in *The Salt Year* is the light, and the second "
                    "is that the light is a problem. Julián Arteaga shot Teodoro Vaz's debut on "
                    "the salt pans of the Algarve coast in the summer of 1970, and the new 4K "
                    "restoration, scanned from the original negative, gives back what decades of "
                    "tired prints had burned away. The pans are not white at all but a dozen "
                    "shades of pewter, rose and bone, and the sky above them is so heavy it "
                    "seems to press the people into the ground. Vaz keeps his camera at the "
                    "height of someone bent over a rake. Nobody in this film stands up straight "
                    "for long.\n\n"
                    "The story is slight on paper. Inês Calado (Leonor Bastos, nineteen and "
                    "already unnervingly still) works her widowed father's pans in the village "
                    "of Alcaria do Mar, keeps a notebook nobody is allowed to read, and spends a "
                    "summer orbiting Rui Teixeira, a ferryman's son home from Lisbon with a "
                    "suitcase of books and a habit of leaving rooms when strangers come in. That "
                    "is nearly everything you need to know going in, and nearly everything the "
                    "film tells you for its first hour."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "What a censored film knows",
                "kind": "analysis",
                "spoiler": False,
                "body": (
                    "It helps to remember when this was made. In 1971 Portugal was still a "
                    "dictatorship, every screenplay went before a censorship board, and a film "
                    "about young people with secrets on the southern coast could not say what "
                    "those secrets were. Vaz's solution is the film's great formal idea, and it "
                    "is less a workaround than a worldview. *The Salt Year* almost never shows "
                    "an event; it shows the people who hear about it. Trouble arrives as a sound "
                    "(an engine idling somewhere beyond the frame, a shutter pulled closed a "
                    "little too fast across the square) and the camera stays fixed on whoever is "
                    "listening.\n\n"
                    "Watch how often Arteaga frames Inês in doorways, half in the glare and half "
                    "in the cool of the house, and how rarely the film cuts to show us what she "
                    "is looking at. Off-screen space becomes the space of politics: everything "
                    "the regime forbade sits just outside the rectangle, pressing on it. Seen "
                    "now, with the censors long gone, the method reads less like caution than "
                    "like accuracy. This is what living under watch felt like: a life composed "
                    "almost entirely of reactions."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Leonor Bastos and the notebook",
                "kind": "character",
                "spoiler": False,
                "body": (
                    "Bastos had never acted before. Vaz found her, the story goes, working a "
                    "fish stall at a market in the next town, and cast her because she refused "
                    "to look at the lens during her screen test. The refusal became the "
                    "performance. Inês spends most of *The Salt Year* not saying things: not "
                    "answering her father, not asking Rui where he goes at night, not letting "
                    "her younger brother Tomás read a word of the notebook she writes in by "
                    "lamplight. Bastos plays all that withholding as a kind of labour, as "
                    "physical as the raking.\n\n"
                    "What stops it from being merely opaque is the voice. Vaz gives Inês a "
                    "handful of lines of voiceover, read from the notebook, and they are "
                    "startlingly funny: sardonic about the priest, merciless about the village "
                    "boys, tender only about the weather. The gap between the guarded girl on "
                    "screen and the wicked writer on the soundtrack is where the character "
                    "lives. It is also, as the next two films would show, where the whole "
                    "trilogy lives."
                ),
                "character": "Inês Calado",
                "image": {
                    "caption": "Leonor Bastos writes by lamplight in The Salt Year.",
                    "alt": (
                        "A young woman sits at a kitchen table at night, bent over a small "
                        "notebook, her face lit from below by an oil lamp."
                    ),
                },
            },
            {
                "heading": "The telephone at Dona Celeste's",
                "kind": "analysis",
                "spoiler": True,
                "body": (
                    "Spoilers from here. The film's one real piece of plotting is hidden in its "
                    "most innocent-looking space: the village shop, where Dona Celeste (Custódia "
                    "Lemos) minds the only telephone in Alcaria and notes every call in a "
                    "ledger. Vaz plants it in the first reel, with a customer paying for a call "
                    "to Faro and Celeste licking her pencil, and then lets us forget it for an "
                    "hour.\n\n"
                    "When the men in the black car finally come for Rui and his friends (heard, "
                    "never seen) he escapes onto the lagoon in a rising storm, and two days "
                    "later his ferry is found keel-up beyond the sandbar. The village decides he "
                    "drowned, and so, apparently, does the film: there is no body and no "
                    "funeral, only his mother sweeping her step. Then Inês goes to settle her "
                    "father's account at the shop and sees his name in Celeste's ledger, against "
                    "a Lisbon number, on the afternoon before the raid. Joaquim informed on Rui "
                    "to keep his own son out of prison. Vaz gives the discovery no music and no "
                    "close-up. Bastos reads the line, closes the book and asks for a kilo of "
                    "rice. It is the most frightening shot in the film, because it is the shot "
                    "in which she decides to go on living in that house."
                ),
                "character": "Dona Celeste",
                "image": None,
            },
            {
                "heading": "The sluice gate",
                "kind": "ending",
                "spoiler": True,
                "body": (
                    "The last scene is the one people remember, and the restoration makes it "
                    "stranger. At dawn, with the harvest raked into glittering pyramids and her "
                    "father asleep, Inês walks to the sea wall and opens the sluice. The tide "
                    "comes in over the pans, slowly and then all at once, and dissolves a season "
                    "of work while she watches. Joaquim (Abílio Serrano) arrives running, stops "
                    "beside her, and does not say a word. Neither does she. The final shot holds "
                    "on the two of them across a sheet of brown water for almost a full minute.\n\n"
                    "It is easy to read the gesture as revenge, and it is that. But Vaz, a man "
                    "who had learned to say things sideways, frames it as an act of "
                    "*accounting*: the salt was paid for with Rui's life, so the salt goes back "
                    "to the sea. What makes the ending great rather than neat is that Inês does "
                    "not leave. In the last seconds before the cut she bends, picks a rake out "
                    "of the mud and starts, uselessly, to work."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Verdict",
                "kind": "verdict",
                "spoiler": False,
                "body": (
                    "*The Salt Year* is not an easy film to love on first contact. It is slow, "
                    "sun-stunned and oddly comic in places you will not expect, and its politics "
                    "are buried so deep that a first-time viewer might mistake it for a pastoral "
                    "romance. Give it the patience it asks for, though, and it becomes one of "
                    "the great debuts of its decade: a film that turns the constraints of its "
                    "moment into a grammar, and the grammar into a way of seeing. The "
                    "restoration is a revelation. See it on the largest screen you can find, "
                    "then see the two sequels, in order."
                ),
                "character": None,
                "image": None,
            },
        ],
    },
    {
        "kind": "synopsis",
        "title": "The Salt Year plot synopsis: the full story, including the ending",
        "slug": "the-salt-year-plot-synopsis",
        "standfirst": (
            "A complete account of Teodoro Vaz's 1971 debut, movement by movement. If you have "
            "not seen the film yet, read our spoiler-free review first."
        ),
        "author": "Marguerite Lam",
        "films": ["The Salt Year"],
        "rating": None,
        "verdict": "",
        "tags": ["plot synopsis", "portuguese cinema"],
        "status": "published",
        "published_days_ago": 367,
        "lead_image": None,
        "sections": [
            {
                "heading": "Before you read",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "*The Salt Year* runs 104 minutes and covers a single summer, from the first "
                    "raking in June to the end of the harvest in September, in the fictional "
                    "village of Alcaria do Mar on Portugal's southern coast. It is the first "
                    "part of Teodoro Vaz's Salt Trilogy, followed by *Low Water* (1979) and "
                    "*Spring Tide* (1988). The synopsis below follows the film's four unmarked "
                    "movements and describes everything, including the final scene. Character "
                    "names follow the restored English subtitles. Where the film deliberately "
                    "leaves something unshown, we say so rather than filling in the gap."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "June: the pans",
                "kind": "synopsis",
                "spoiler": True,
                "body": (
                    "Inês Calado, nineteen, works the salt pans owned by her widowed father, "
                    "Joaquim, alongside her fifteen-year-old brother, Tomás. Joaquim is proud, "
                    "careful and short-tempered, and has just refused to join a cooperative the "
                    "younger salt workers are proposing. Inês writes in a notebook every night "
                    "and hides it under a loose floor tile.\n\n"
                    "Rui Teixeira, the ferryman's son, returns from two years in Lisbon, where "
                    "he was supposed to be studying engineering. He takes over his father's "
                    "ferry across the lagoon, lends books to Tomás and spends his evenings at "
                    "Dona Celeste's shop, where the village's only telephone hangs behind the "
                    "counter. Inês and Rui circle each other warily; their first real "
                    "conversation, on the ferry, is an argument about whether salt is a crop or "
                    "a mineral.\n\n"
                    "Men Inês doesn't recognise begin arriving on the Sunday evening ferry. Rui "
                    "never introduces them. Tomás, thrilled, starts carrying sealed envelopes "
                    "across the lagoon on his behalf."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "July: the feast of São Pedro",
                "kind": "synopsis",
                "spoiler": True,
                "body": (
                    "At the feast of São Pedro, Inês and Rui dance, then slip away to a disused "
                    "salt warehouse, where they become lovers; the film shows only the door "
                    "closing and, much later, Inês walking home barefoot with her shoes in her "
                    "hand. Joaquim sees her come in and says nothing.\n\n"
                    "Through July the affair continues in stolen afternoons on the ferry. Rui "
                    "tells Inês the visitors are a reading group; she does not believe him and "
                    "does not press. Joaquim discovers that Tomás has been carrying envelopes "
                    "and beats him. This happens off-screen: we hear it from the yard, where "
                    "Inês goes on raking. He forbids the boy the ferry.\n\n"
                    "Late in the month Joaquim walks to Celeste's shop, asks to use the "
                    "telephone and sends Celeste into the back room for a sack of flour. The "
                    "camera waits in the back room with her. We never hear the call, but when "
                    "she comes out she writes something in her ledger."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "August: the storm",
                "kind": "synopsis",
                "spoiler": True,
                "body": (
                    "On the night of 14 August, during a summer storm, a car arrives in the "
                    "square. We see only its headlights sweeping the wall of the Calado house. "
                    "Rui, warned by a whistle from Tomás, runs for the ferry and pushes out into "
                    "the lagoon while three of his friends are taken from the warehouse. Inês "
                    "watches from the sea wall as his lantern disappears past the sandbar.\n\n"
                    "Two days later fishermen find the ferry capsized beyond the bar. No body is "
                    "recovered. The village accepts that Rui has drowned, and his mother has a "
                    "mass said without a coffin.\n\n"
                    "At the end of August, Inês goes to the shop to settle her father's account. "
                    "While Celeste weighs out rice, Inês leafs through the call ledger and finds "
                    "Joaquim's name beside a Lisbon number on the afternoon before the raid. She "
                    "understands that her father informed on Rui to keep Tomás out of prison. "
                    "She pays, takes the rice and walks home."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "September: the sluice",
                "kind": "ending",
                "spoiler": True,
                "body": (
                    "The harvest is finished. The salt stands in pyramids across the pans, "
                    "Joaquim's best yield in years. Before dawn, while he sleeps, Inês goes to "
                    "the sea wall and opens the main sluice gate. The tide floods the pans and "
                    "dissolves the season's salt.\n\n"
                    "Joaquim wakes, runs down to the water and stops beside her. Neither speaks. "
                    "The final shot, held for fifty-four seconds, shows father and daughter side "
                    "by side before a sheet of brown water with the sun coming up behind them. "
                    "Just before the cut, Inês picks a rake out of the mud and begins, "
                    "pointlessly, to work.\n\n"
                    "Nothing in this film tells us that Inês is pregnant; that is revealed only "
                    "in *Low Water*. Her last line of voiceover, read over the black screen, is: "
                    '"We preserve what we cannot eat fresh. That is what salt is for."'
                ),
                "character": None,
                "image": None,
            },
        ],
    },
    {
        "kind": "review",
        "title": "Low Water review: the revolution reaches Alcaria do Mar",
        "slug": "low-water-review",
        "standfirst": (
            "Eight years and one revolution after The Salt Year, Teodoro Vaz went back to his "
            "salt-pan village with a freer hand and a bigger budget. The result is angrier, "
            "funnier and less sure of itself than the first film, and often better for it."
        ),
        "author": "Samuel Okoro",
        "films": ["Low Water"],
        "rating": Decimal("4.0"),
        "verdict": (
            "Looser and louder than its predecessor, with a stretch of pure comedy nobody saw "
            "coming; its wobbles are the wobbles of a filmmaker suddenly allowed to speak."
        ),
        "tags": ["restoration", "portuguese cinema", "revolution", "sequels"],
        "status": "published",
        "published_days_ago": 352,
        "lead_image": {
            "caption": "Clara Meireles and Leonor Bastos in Low Water (1979).",
            "alt": (
                "A woman and a small girl walk along the top of a mud embankment at low tide, "
                "the exposed flats shining behind them."
            ),
        },
        "sections": [
            {
                "heading": "After the carnations",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "In April 1974 a group of army captains ended Portugal's dictatorship in an "
                    "afternoon, and soldiers walked through Lisbon with carnations in their "
                    "rifle barrels. Five years later Teodoro Vaz released *Low Water*, and you "
                    "can feel the change in the first minute. *The Salt Year* opened on a "
                    "horizon. This film opens on a blackboard: Inês Calado (Leonor Bastos), now "
                    "twenty-seven and a Lisbon schoolteacher, chalking the word *LIBERDADE* for "
                    "a class of fidgeting children and then, with a teacher's weariness, "
                    "correcting a boy's spelling of it.\n\n"
                    "The plot proper begins when she returns to Alcaria do Mar for the summer "
                    "with her eight-year-old daughter, Marta, and finds her father's salt pans "
                    "the subject of an offer. A French company wants the whole shoreline. Its "
                    "representative, a Monsieur Texier, does his negotiating through a lawyer in "
                    "Faro and a series of exquisitely courteous letters, and the village, now "
                    "run by an elected committee that meets in the church hall, cannot decide "
                    "whether to be flattered or furious."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "A comedy at the committee",
                "kind": "analysis",
                "spoiler": False,
                "body": (
                    "The surprise of *Low Water* is that it is funny. Vaz, whose debut allowed "
                    "itself perhaps three jokes, devotes nearly twenty minutes of the middle act "
                    "to the committee's deliberations over the French offer, and they play like "
                    "a lost Ealing comedy relocated to the Algarve. There is a motion to "
                    "nationalise the tide. There is a fisherman who votes against everything on "
                    "principle, including his own proposal. There is Dona Celeste (Custódia "
                    "Lemos, stealing every scene she is in), who has replaced the old shop "
                    "telephone with a television and now chairs the debate by turning up the "
                    "volume on the football.\n\n"
                    "It is not a digression. Vaz is making a serious point with a light hand: "
                    "freedom, after forty-eight years without it, turns out to be mostly "
                    "meetings. The democracy he shows is noisy, petty and touching, and no "
                    "better than the old order at protecting a salt pan from money. The film's "
                    "politics have moved from the off-screen space of the first film to the "
                    "fully, almost embarrassingly, audible."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Marta's inventory",
                "kind": "character",
                "spoiler": False,
                "body": (
                    "The film belongs, in its best stretches, to Clara Meireles, who was eight "
                    "when she played Marta and gives one of the least precocious child "
                    "performances of the decade. Marta is an inventor of systems. She catalogues "
                    "crab shells by size in a biscuit tin, keeps a tally of the boats going out, "
                    "and asks every adult she meets the same three questions (how old are you, "
                    "what is your job, did you know my father) and writes down the answers.\n\n"
                    "Vaz shoots her scenes at her height, the way he once shot her mother's at "
                    "the height of a rake, and lets her wander out of the story for whole "
                    "sequences: a long afternoon in the mud at low tide, a conversation with a "
                    "dog. Those detours are the film's lungs. When the adults' plot tightens in "
                    "the final act, it is Marta's inventory we find ourselves holding, and we "
                    "realise she has been doing the film's real work all along: keeping count of "
                    "a place that is about to change."
                ),
                "character": "Marta Calado",
                "image": {
                    "caption": "Marta's biscuit tin of crab shells, Low Water.",
                    "alt": (
                        "Close-up of a child's hands arranging small crab shells in rows inside "
                        "a dented biscuit tin on a wooden floor."
                    ),
                },
            },
            {
                "heading": "Who is Robert Texier?",
                "kind": "analysis",
                "spoiler": True,
                "body": (
                    "Major spoilers for both films follow. Vaz withholds Monsieur Texier for "
                    "seventy minutes, and when he finally appears, at the committee's open "
                    "meeting, in a cream suit, reading a prepared statement in French, the "
                    "camera stays behind him. We see the back of a head and a hand on a lectern. "
                    "It is Marta who gets the reveal, from her place on the floor: she watches "
                    "him pour a glass of water and sees the scar across his knuckles, the one "
                    "her mother described in a bedtime story about a boy who fell off a ferry.\n\n"
                    "Robert Texier is Rui Teixeira (Henrique Mota), who did not drown in 1970 "
                    "but swam the sandbar, crossed into Spain and spent the decade in Marseille "
                    "becoming someone else. He has come back as the agent of the money that will "
                    "erase the village. Mota plays him as a man who has rehearsed his return too "
                    "often to feel it, and the scene in which he and Inês finally talk, in "
                    "French, because he will not risk his own accent, is devastating. He knows "
                    "Marta is his daughter. Inês knows he knows. Neither says it."
                ),
                "character": "Robert Texier",
                "image": None,
            },
            {
                "heading": "The ferry",
                "kind": "ending",
                "spoiler": True,
                "body": (
                    "The last act moves fast. Joaquim (Abílio Serrano, in his final screen role) "
                    "dies on the pans in the August heat, mid-sentence, still refusing to sell. "
                    "The deed passes to Inês, and in a quiet scene at the notary she tears up "
                    "the French contract without reading it, exactly as her father would have. "
                    "Rui leaves on the morning ferry.\n\n"
                    "Vaz's last shot is one of his best. Marta stands at the end of the jetty, "
                    "waving the way children wave at any departing boat, and on the deck a man "
                    "in a cream suit raises his hand back. She has no idea who he is. We stay on "
                    "her face until she loses interest and turns to look at something in the "
                    "water. The revolution gave Vaz the freedom to name everything; he chose to "
                    "end on a girl who is not told the one name that matters to her."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Verdict",
                "kind": "verdict",
                "spoiler": False,
                "body": (
                    "*Low Water* is a messier film than *The Salt Year*, and you can see the "
                    "seams: a subplot about a soldier home from Angola feels imported from "
                    "another script, and the central mystery is resolved more by coincidence "
                    "than design. But messiness is the point of a film about a country learning "
                    "to talk. Bastos deepens Inês in every scene, Meireles is a genuine "
                    "discovery, and the committee sequence alone justifies the restoration. "
                    "Watch it second, as intended, and notice how much louder everything has "
                    "become."
                ),
                "character": None,
                "image": None,
            },
        ],
    },
    {
        "kind": "essay",
        "title": "What salt keeps: memory, betrayal and the tide in Teodoro Vaz's Salt Trilogy",
        "slug": "salt-trilogy-essay-what-salt-keeps",
        "standfirst": (
            "Made across seventeen years with the same actress, the same village and the same "
            "sea wall, Teodoro Vaz's three films about Alcaria do Mar add up to one of cinema's "
            "great studies of how a person, and a country, decides what to remember."
        ),
        "author": "Samuel Okoro",
        "films": ["The Salt Year", "Low Water", "Spring Tide"],
        "rating": None,
        "verdict": "",
        "tags": ["memory", "politics", "trilogies", "portuguese cinema"],
        "status": "published",
        "published_days_ago": 301,
        "lead_image": {
            "caption": "Leonor Bastos in 1971, 1979 and 1988.",
            "alt": (
                "Three frames side by side of the same woman at the same sea wall, at nineteen, "
                "in her late twenties and in her late thirties."
            ),
        },
        "sections": [
            {
                "heading": "Three summers, seventeen years",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "There are longer film cycles than Teodoro Vaz's Salt Trilogy, and more "
                    "famous ones, but few that use time so bluntly. *The Salt Year* (1971), *Low "
                    "Water* (1979) and *Spring Tide* (1988) were made eight and nine years "
                    "apart, each shot in a single summer on the same stretch of Algarve coast, "
                    "each with Leonor Bastos as Inês Calado. Between the first film and the "
                    "last, Portugal went from dictatorship to revolution to membership of the "
                    "European Community, and Vaz tuned each instalment so precisely to the mood "
                    "of its moment that the trilogy doubles as a weather record of a nation.\n\n"
                    "But it is not, finally, a political chronicle. It is a trilogy about "
                    "keeping: about what people choose to preserve and what the preserving costs "
                    "them. Vaz announces this in the title of the first film and spends the next "
                    "seventeen years working out what he meant by it."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Salt is a preservative",
                "kind": "theme",
                "spoiler": False,
                "body": (
                    "Salt keeps things by killing them a little. It draws the water out of a "
                    "fish so that rot has nothing to live on, and it was for centuries the "
                    "surest way of carrying a summer into winter. Vaz returns to the image "
                    "constantly: women packing sardines into barrels in the first film, a ham "
                    "that hangs in Dona Celeste's shop through all three, Inês's dry remark that "
                    '"we preserve what we cannot eat fresh."\n\n'
                    "His characters preserve in the same way, and at the same price. Inês's "
                    "notebooks are a salt cellar for feelings she cannot afford to have in the "
                    "open. Her father keeps his pans, his pride and his silences. The village "
                    "keeps its grudges with real devotion. Every act of preservation in these "
                    "films is also an act of drying out, of taking the life from something so "
                    "that it will last. The question each film asks, in a different political "
                    "key, is whether the trade was worth making."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Three regimes, three secrets",
                "kind": "theme",
                "spoiler": True,
                "body": (
                    "Spoilers for all three films follow. Each instalment turns on a hidden "
                    "truth, and each secret has the shape of its era.\n\n"
                    "- **1971: a denunciation.** Joaquim Calado informs on Rui to the political "
                    "police to save his own son, and his daughter finds out from a shop's "
                    "telephone ledger. It is the dictatorship's signature crime: intimate, "
                    "bureaucratic, deniable.\n"
                    "- **1979: a return.** Rui, presumed drowned, comes back as Robert Texier, "
                    "agent of a French company buying the shoreline. The exile of the old regime "
                    "re-enters the new democracy as capital, and the village committee does not "
                    "recognise him.\n"
                    "- **1988: a withholding.** Inês hides her illness so that one last summer "
                    "can be lived as ordinary time, and says nothing about who is writing to "
                    "Marta from Marseille, so that her daughter can discover her father in her "
                    "own time.\n\n"
                    "The movement is from a secret that destroys to one that shelters, and from "
                    "a father's secret to a mother's. Vaz seems to be arguing that the habit of "
                    "hiding, learned under censorship, outlived the censor by decades, and that "
                    "with enough love it could be turned into a form of care."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "The man who drowned three times",
                "kind": "character",
                "spoiler": True,
                "body": (
                    "Rui is the trilogy's great absence, and Henrique Mota, who plays him in the "
                    "first two films, has perhaps forty minutes of screen time in total. He "
                    "drowns three times. In *The Salt Year* he drowns literally, or so the "
                    "village believes, when his ferry is found capsized beyond the sandbar. In "
                    "*Low Water* he drowns his own name, returning as a Frenchman with a "
                    "developer's briefcase. In *Spring Tide* he is not on screen at all, reduced "
                    "to a single initial on letters from Marseille that Marta keeps in a "
                    "shoebox.\n\n"
                    "Each disappearance is more complete, and more voluntary, than the last. Vaz "
                    "never makes Rui a villain. Mota's face in the terrible French-language "
                    "conversation with Inês in the second film is the face of a man who survived "
                    "by becoming unrecognisable, even to himself. He is the trilogy's portrait "
                    "of the exile who could not come home because the home he fought for never "
                    "came into being."
                ),
                "character": "Rui Teixeira",
                "image": None,
            },
            {
                "heading": "Two sluice gates",
                "kind": "analysis",
                "spoiler": True,
                "body": (
                    "The bookends are famous: Inês opening the sluice to destroy her father's "
                    "harvest at the end of *The Salt Year*, and Marta opening the same gate, "
                    "framed identically, on the morning the bulldozers arrive at the end of "
                    "*Spring Tide*. My colleague Ruth Adair has written about [what the second "
                    "gate means](https://example.org/articles/spring-tide-ending-explained) for "
                    "Marta; I want only to note what the two scenes share.\n\n"
                    "Both women flood the pans at dawn, alone, without telling anyone. Both acts "
                    "are useless in practical terms, since the salt cannot be saved and the "
                    "marina will be built, and both are the most decisive things either "
                    "character ever does. For all its politics, Vaz's trilogy does not believe "
                    "much in victories. It believes in gestures: actions that change nothing and "
                    "mean everything, witnessed by whoever happens to be standing on the wall. "
                    "The tide erases both of them. That, he seems to say, is what makes them "
                    "worth doing."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Growing old on camera",
                "kind": "analysis",
                "spoiler": False,
                "body": (
                    "Whatever else the trilogy is, it is a document of a face. Bastos is "
                    "nineteen in the first film and thirty-seven in the last, and Vaz, who "
                    "refused ageing make-up on principle, lets the years do their own work. She "
                    "fills out and then thins; her hands, which the camera watches almost as "
                    "closely as her eyes, go from a girl's to a worker's to something more "
                    "fragile. Clara Meireles, eight in *Low Water* and seventeen in *Spring "
                    "Tide*, grows up between the films in the same way.\n\n"
                    "Watch the three over a single weekend and the effect is close to "
                    "unbearable, in the best sense. Cinema is, among other things, a kind of "
                    "salt: it preserves a moment by stopping it. Vaz knew that, and built a "
                    "trilogy on the difference between a preserved thing and a living one. "
                    "Bastos, still acting and still refusing to look at the lens, is the living "
                    "one."
                ),
                "character": None,
                "image": {
                    "caption": "Leonor Bastos's hands on a rake handle in each of the three films.",
                    "alt": (
                        "Three close-ups of a woman's hands gripping the same worn wooden rake "
                        "handle, each older than the last."
                    ),
                },
            },
        ],
    },
    {
        "kind": "list",
        "title": "The Salt Trilogy, ranked",
        "slug": "salt-trilogy-ranked",
        "standfirst": (
            "Three films, one village, seventeen years. We argued about the order for a week; "
            "this is where we landed, with no spoilers."
        ),
        "author": "Marguerite Lam",
        "films": ["The Salt Year", "Low Water", "Spring Tide"],
        "rating": None,
        "verdict": "",
        "tags": ["rankings", "trilogies", "portuguese cinema"],
        "status": "published",
        "published_days_ago": 240,
        "lead_image": None,
        "sections": [
            {
                "heading": "How we ranked them",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "Ranking a trilogy is a slightly absurd exercise when the films were made to "
                    "be watched in order and to lean on one another, and Teodoro Vaz's three "
                    "films about Alcaria do Mar lean harder than most. We ranked them anyway, "
                    "judging each on what it achieves alone and on how much it adds to the "
                    "whole. Three rules:\n\n"
                    "- No film was marked down for having less money to spend.\n"
                    "- Performances counted for a great deal, since the trilogy is built on "
                    "them.\n"
                    "- Nothing here spoils a twist. If you have not seen the films, read on "
                    "safely.\n\n"
                    "The short version: there is no bad film in this trilogy, and the gap "
                    "between first and third place is much smaller than the arguments in our "
                    "office would suggest."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "3. Spring Tide (1988)",
                "kind": "entry",
                "spoiler": False,
                "body": (
                    "The final film is the shortest, the quietest and the easiest to underrate. "
                    "Nothing much happens for long stretches: a mother and daughter pack up a "
                    "house, the daughter photographs surveyors pegging out a marina, and an old "
                    "shopkeeper delivers running commentary from her doorstep. Vaz's style has "
                    "become so spare that some scenes are barely more than a held frame and a "
                    "sound.\n\n"
                    "It ranks third not because it is weak but because it is the most dependent "
                    "of the three. Its big moments land with full force only if you carry the "
                    "other two films in with you; watched cold, it can feel like an epilogue. "
                    "Watched in sequence, its last twenty minutes are among the most moving Vaz "
                    "ever shot.\n\n"
                    "- **Best scene:** the long, wordless packing of the kitchen, one object at "
                    "a time.\n"
                    "- **Watch it for:** Clara Meireles, who turns a sullen teenager into the "
                    "trilogy's quiet heir."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "2. Low Water (1979)",
                "kind": "entry",
                "spoiler": False,
                "body": (
                    "The middle film is the wildcard, and in some moods we would put it first. "
                    "Made five years after the revolution, it has the restless energy of a "
                    "country that has just been allowed to shout, and Vaz lets it shout: there "
                    "is a twenty-minute stretch of committee-meeting comedy unlike anything else "
                    "in his career, and a Dona Celeste who has traded the shop telephone for a "
                    "television and runs the village by remote control.\n\n"
                    "It loses points for structure. A subplot about a soldier home from Angola "
                    "never finds its place, and the film's central mystery, the identity of the "
                    "French buyer's agent, is resolved more by coincidence than by design. But "
                    "it contains the trilogy's most joyous filmmaking and its best child "
                    "performance.\n\n"
                    "- **Best scene:** Marta's long afternoon in the tidal mud, talking to a "
                    "dog.\n"
                    "- **Watch it for:** Custódia Lemos, the trilogy's secret weapon."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "1. The Salt Year (1971)",
                "kind": "entry",
                "spoiler": False,
                "body": (
                    "Of course. Vaz's debut is one of the most complete films of its decade, and "
                    "the new restoration makes the case unanswerable. Shot under censorship, it "
                    "turns everything it cannot say into things it can show: a closed shutter, "
                    "an engine idling beyond the frame, a girl's face in a doorway, half in sun "
                    "and half in shade. Leonor Bastos, a first-time actor, gives a performance "
                    "of such controlled stillness that you spend the film leaning towards the "
                    "screen, waiting for her to crack.\n\n"
                    "It is also the film that teaches you how to watch the other two. Its "
                    "rhythms, its sea wall, its hidden notebook, its final dawn: everything the "
                    "later films rhyme with is here first.\n\n"
                    "- **Best scene:** the feast of São Pedro, the only time anyone in the "
                    "trilogy dances.\n"
                    "- **Watch it for:** Julián Arteaga's cinematography, which makes white salt "
                    "look like every colour except white."
                ),
                "character": None,
                "image": {
                    "caption": "The feast of São Pedro in The Salt Year.",
                    "alt": (
                        "Couples dance under strings of bare bulbs in a village square at night, "
                        "a brass band playing from a farm cart behind them."
                    ),
                },
            },
        ],
    },
    {
        "kind": "ending",
        "title": "Spring Tide ending explained: how the Salt Trilogy says goodbye",
        "slug": "spring-tide-ending-explained",
        "standfirst": (
            "Teodoro Vaz closed his trilogy in 1988 with a final scene that deliberately echoes "
            "an earlier one. Here is what happens, and why the echo matters."
        ),
        "author": "Ruth Adair",
        "films": ["Spring Tide"],
        "rating": None,
        "verdict": "",
        "tags": ["ending explained", "grief", "trilogies"],
        "status": "published",
        "published_days_ago": 233,
        "lead_image": {
            "caption": "The marina site at Alcaria do Mar in Spring Tide (1988).",
            "alt": (
                "A yellow bulldozer stands idle on a raised bank beside shallow, mirror-flat "
                "salt pans at sunrise."
            ),
        },
        "sections": [
            {
                "heading": "A quieter goodbye",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "*Spring Tide* is the shortest and most withdrawn of Teodoro Vaz's three "
                    "films about Alcaria do Mar. By 1988 Portugal had joined the European "
                    "Community, the south coast was being poured into concrete for visitors, and "
                    "the salt pans where Inês Calado once raked were marked on a developer's "
                    "plan as berths for yachts. Inês (Leonor Bastos) and her seventeen-year-old "
                    "daughter Marta (Clara Meireles) come back for one last summer to empty the "
                    "family house before the diggers arrive.\n\n"
                    "Much of the film is packing: boxes, a great many of them, and the small "
                    "negotiations over what gets kept. Its ending, though, is one of the most "
                    "discussed in Portuguese cinema, and it only fully opens up if you have seen "
                    "the two earlier films. Everything below spoils all three."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "What happens in the last act",
                "kind": "synopsis",
                "spoiler": True,
                "body": (
                    "For most of the film Inês is tired in a way Marta reads as sadness and we, "
                    "watching Bastos cough into a dishcloth with her back to the room, read as "
                    "something worse. Two-thirds of the way through, Marta finds the hospital "
                    "letters in a drawer: her mother has a cancer she chose not to treat so that "
                    "she could spend this summer here. Inês dies in early August, in the house, "
                    "while Marta is out photographing the marina surveyors. Vaz does not show "
                    "the death. He shows Marta coming home, and Dona Celeste (Custódia Lemos), "
                    "very old now, sitting on the doorstep and not getting up.\n\n"
                    "Sorting her mother's things, Marta finds the notebooks Inês has kept since "
                    "1970, the same notebooks we first saw hidden under a floor tile in *The "
                    "Salt Year*. In them she learns two things. The man who has been writing to "
                    "her all summer from Marseille, praising the photographs she sent to a "
                    'magazine and signing himself only "R.", is Rui Teixeira. And Rui is her '
                    "father."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Marta reads the notebooks",
                "kind": "character",
                "spoiler": True,
                "body": (
                    "The film's penultimate sequence is almost entirely Marta reading, and Vaz "
                    "films it with enormous patience: Meireles at the kitchen table where her "
                    "mother once wrote, the lamp, the tile lifted out of the floor. We hear "
                    "passages of *The Salt Year*'s voiceover again, but read now in Marta's "
                    "voice, which is lower than Bastos's and slower. The effect is uncanny. A "
                    "line we first heard as a nineteen-year-old's private joke becomes, in her "
                    "daughter's mouth, a piece of evidence.\n\n"
                    "This is the trilogy's deepest idea made literal. Inês spent seventeen years "
                    "writing down what she could not say aloud; Marta inherits not the secrets "
                    "themselves but the job of deciding what to do with them. Meireles, who "
                    "played Marta at eight in *Low Water*, plays the discovery without a single "
                    "tear, just a slight straightening of the back: the posture of someone who "
                    "has been handed a weight and has decided to carry it."
                ),
                "character": "Marta Calado",
                "image": None,
            },
            {
                "heading": "The sluice, again",
                "kind": "ending",
                "spoiler": True,
                "body": (
                    "On the morning the bulldozers are due, Marta walks to the sea wall at dawn "
                    "and opens the sluice gate: the same gate, shot from the same angle, that "
                    "her mother opened at the end of *The Salt Year*. The spring tide floods the "
                    "empty pans one last time. The drivers, arriving, sit in their cabs and wait "
                    "for it to drain.\n\n"
                    "The echo is exact down to the frame, but the meaning has turned over. In "
                    "1971 Inês flooded the pans to destroy a harvest bought with a betrayal, an "
                    "act of refusal aimed squarely at her father. In 1988 there is no harvest "
                    "left to destroy. Marta floods the pans so that, for an hour, they are what "
                    "they were, a shallow mirror holding the sky, before they become a car park "
                    "for boats. Her mother's gesture was a *no*. Hers is closer to a funeral. It "
                    "is the only burial Inês gets on screen, and it is given to a landscape "
                    "rather than a body."
                ),
                "character": None,
                "image": {
                    "caption": (
                        "Clara Meireles at the sluice gate in Spring Tide, framed exactly as "
                        "Leonor Bastos was in The Salt Year."
                    ),
                    "alt": (
                        "A young woman in a dark jacket leans on the iron wheel of a sluice gate "
                        "while seawater pours through beneath her at dawn."
                    ),
                },
            },
            {
                "heading": "Does Marta write back?",
                "kind": "analysis",
                "spoiler": True,
                "body": (
                    "The final shot is the one people argue about. After the tide, Marta sits on "
                    "the sea wall with an envelope addressed to Marseille. She has written "
                    "something; we never see what. The film cuts to black before she decides "
                    "whether to post it, and Vaz, who lived until 2011, declined for the rest of "
                    "his life to say.\n\n"
                    "I think the answer is in the voiceover that plays over the black screen. It "
                    "is Marta's voice, and for the first time in the trilogy it is not reading "
                    "from Inês's notebooks. It is new writing, in the first person, about the "
                    "morning we have just watched. Whatever she does with the letter, Marta has "
                    "become what her mother was: the one who keeps the record. A trilogy that "
                    "began with a girl hiding a notebook under a tile ends with a woman writing "
                    "in the open, and that, more than any reunion, is its happy ending."
                ),
                "character": None,
                "image": None,
            },
        ],
    },
    {
        "kind": "review",
        "title": "The Night Desk review: a Mexico City noir about the man who holds the keys",
        "slug": "the-night-desk-review",
        "standfirst": (
            "Efraín Lozada's 1956 thriller, for decades seen only in murky duplicates, returns "
            "in a new restoration and turns out to be one of the great films about working "
            "nights."
        ),
        "author": "Samuel Okoro",
        "films": ["The Night Desk"],
        "rating": Decimal("4.5"),
        "verdict": (
            "A tight, sweaty, beautifully lit noir whose real subject is the loneliness of the "
            "man behind the desk; a rediscovery that earns the word."
        ),
        "tags": ["film noir", "restoration", "mexican cinema"],
        "status": "published",
        "published_days_ago": 97,
        "lead_image": {
            "caption": (
                "Ramón Quezada behind the desk of the Hotel Bolívar in The Night Desk (1956)."
            ),
            "alt": (
                "A man in a clerk's waistcoat stands behind a hotel reception desk at night, a "
                "wall of numbered key pigeonholes behind him casting a grid of shadows."
            ),
        },
        "sections": [
            {
                "heading": "Checking in",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "The Hotel Bolívar has seen better decades. Its lift is out of order, its "
                    "neon sign has lost the *L*, and its guests are the kind of people who pay "
                    "by the night and would rather not leave names. Aurelio Ibarra (Ramón "
                    "Quezada) has worked its front desk from ten until six for eleven years, and "
                    "Efraín Lozada's film spends its first ten minutes simply watching him do "
                    "it: sorting the post, winding the lobby clock, lending a tie to a man with "
                    "a job interview in the morning, knowing without being told which guests "
                    "want a wake-up call and which want to be forgotten.\n\n"
                    "Then, a little after one, Lidia Montes (Delfina Arce), who sings boleros in "
                    "the hotel bar, comes down the stairs from the second floor and asks him, "
                    "very calmly, to keep a secret until dawn. What follows takes place over a "
                    "single night, almost entirely inside the hotel, in a nerve-shredding "
                    "ninety-one minutes."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Arteaga in the dark",
                "kind": "analysis",
                "spoiler": False,
                "body": (
                    "The restoration's great gift is the photography. Julián Arteaga, a Spanish "
                    "exile who fled Franco in 1939 and learned his trade in the Mexico City "
                    "studios, would fifteen years later shoot the blinding salt pans of Teodoro "
                    "Vaz's *The Salt Year*. Here he works in the opposite register, and he is "
                    "every bit as inventive in the dark as he would be in the glare.\n\n"
                    "The lobby is lit almost entirely through its frosted-glass street door, so "
                    "that passing headlights slide across Aurelio's face every few seconds like "
                    "a searchlight. Behind the desk, the wall of numbered key pigeonholes throws "
                    "a lattice of shadow, and Arteaga makes it the film's central image: a cage, "
                    "a confessional, an index of everyone's business. When a key is missing from "
                    "its box, the gap reads like a missing tooth. Few noirs have used a single "
                    "set so thoroughly, and none I know has made a hotel feel so much like a "
                    "conscience."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Delfina Arce sings",
                "kind": "character",
                "spoiler": False,
                "body": (
                    "Arce was a radio singer before Lozada cast her, and the film makes generous "
                    'use of it: we hear her bolero "No me esperes" drifting down the stairwell '
                    "three times before we see her sing it, and by then it has become the "
                    "hotel's weather. Lidia is written as a femme fatale of the classical kind, "
                    "with the bruise on her cheekbone and the bus ticket to Veracruz tucked into "
                    "her glove, but Arce plays against the type at every turn. She is tired "
                    "rather than sultry, precise rather than seductive, and her scenes with "
                    "Quezada have the rhythm of two night-shift workers who recognise each "
                    "other.\n\n"
                    "That recognition is the film's real romance, and it is why the plot grips. "
                    "We believe Aurelio would do what he does for her not because he is dazzled "
                    "but because she is the first person in eleven years to speak to him as a "
                    "colleague."
                ),
                "character": "Lidia Montes",
                "image": None,
            },
            {
                "heading": "Room 9",
                "kind": "analysis",
                "spoiler": True,
                "body": (
                    "Spoilers ahead. The soft-spoken guest in room 9 who registered as Señor "
                    "Olvera, and whom Lidia points out to Aurelio as the husband she is running "
                    "from, is nothing of the kind. He is Inspector Bernal of the federal police, "
                    "and he has been living in the hotel for a week because he suspects Lidia of "
                    "a killing in Guadalajara. The dead salesman in room 14, Ernesto Gálvez, did "
                    "not die of a heart attack, as she tells Aurelio: he was her accomplice in "
                    "the Guadalajara affair, and she poisoned him when he threatened to talk.\n\n"
                    "By the time Aurelio learns any of this, he has already carried Gálvez up "
                    "the service stairs and lowered him into the hotel's disused rooftop "
                    "cistern, and Don Fausto, the owner who has always treated him like a son, "
                    "has watched him do it. Lozada stages the revelation brilliantly, not as a "
                    "confrontation but as a bookkeeping exercise: Bernal comes down at four, "
                    "asks politely to see the register, and Aurelio realises that every line in "
                    "it now points at him."
                ),
                "character": "Señor Olvera",
                "image": None,
            },
            {
                "heading": "Verdict",
                "kind": "verdict",
                "spoiler": False,
                "body": (
                    "*The Night Desk* has its period limitations: the studio score is "
                    "wall-to-wall, and a comic-relief bellboy outstays his welcome by several "
                    "scenes. But these are small things set against a film this controlled, this "
                    "humane and this frightening. Quezada, a character actor who rarely got a "
                    "lead, gives a performance of enormous buttoned-down feeling, and Lozada "
                    "never wastes a corridor. It belongs on any shortlist of great Mexican "
                    "noirs, and it has a claim on a broader one: films about work, and what work "
                    "does to the people who do it alone."
                ),
                "character": None,
                "image": None,
            },
        ],
    },
    {
        "kind": "review",
        "title": (
            "Overwinter review: an Arctic thriller with ice in its veins and snow in its third act"
        ),
        "slug": "overwinter-review",
        "standfirst": (
            "Ingrid Solhaug's polar chamber piece has three caretakers, one building and some of "
            "the best sound design of the year. It also has about twenty minutes too much of all "
            "three."
        ),
        "author": "Marguerite Lam",
        "films": ["Overwinter"],
        "rating": Decimal("3.5"),
        "verdict": (
            "Gripping and gorgeous for two acts, frustratingly opaque in its third; Sunniva Aas "
            "and Clara Meireles are worth the trip north."
        ),
        "tags": ["new release", "thriller", "science fiction", "isolation"],
        "status": "published",
        "published_days_ago": 21,
        "lead_image": {
            "caption": "Sunniva Aas in Overwinter (2023).",
            "alt": (
                "A young woman in a red parka stands in a concrete tunnel lit by a single strip "
                "light, frost on the walls, facing a heavy steel door."
            ),
        },
        "sections": [
            {
                "heading": "Ninety days of dark",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "The Nordbrekka Seed Station is a concrete tunnel driven into a mountain on "
                    "an Arctic island, holding several hundred thousand envelopes of seed at "
                    "minus eighteen degrees: wheat from Syria, rice from Laos, a single packet "
                    "of sunflower seeds that a schoolgirl in Kharkiv posted in 1998. Every "
                    "winter three people stay behind to keep the compressors running through the "
                    "polar night. *Overwinter* begins as the last supply ship leaves in October "
                    "and the sun goes down for the final time.\n\n"
                    "The crew are Graça Ferrão (Clara Meireles), a Portuguese seed biologist on "
                    "her eleventh winter; Felix Okafor (Olu Adeyemi), a mechanic who runs a "
                    "betting book on the weather; and Sigrid Mo (Sunniva Aas), a "
                    "twenty-something technician on her first posting, who is very competent, "
                    "very polite and very interested in the station's old logbooks. Their only "
                    "contact with the world is a daily radio check-in with a dispatcher in "
                    "Longyearbyen. For its first hour, Ingrid Solhaug's film is about nothing "
                    "more than what that isolation does to three people, and it is superb."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Listen to the compressors",
                "kind": "analysis",
                "spoiler": False,
                "body": (
                    "See *Overwinter* with the best sound system you can find. Halla "
                    "Jökulsdóttir's score is built almost entirely from recordings made on "
                    "location (ice settling in the tunnel mouth, the compressors' low electrical "
                    "drone, wind through a ventilation grille that seems tuned to a minor third) "
                    "and the mix folds it so completely into the ambient hum that you often "
                    "cannot tell when the music has started. The effect is of a building slowly "
                    "learning to sing.\n\n"
                    "Solhaug, whose previous film was a documentary about the automation of "
                    "lighthouses, directs like someone who has spent a long time listening to "
                    "machines. The best scenes are procedural: Felix talking Sigrid through a "
                    "compressor restart by radio while she stands alone in the vault, each "
                    "instruction arriving half a second late; Graça testing the moisture of seed "
                    "envelopes with a patience that becomes almost liturgical. The palette of "
                    "blue-black tunnel, amber kitchen and one red parka does the rest."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Clara Meireles's keeper",
                "kind": "character",
                "spoiler": False,
                "body": (
                    "Cinephiles will know Clara Meireles as the little girl in Teodoro Vaz's "
                    "*Low Water* and the teenager of *Spring Tide*, and Solhaug, a self-declared "
                    "Vaz obsessive, has cast her knowingly. Graça is another keeper of records. "
                    "She talks to the seeds in Portuguese when she thinks nobody is listening, "
                    "keeps the station logbooks in a fountain-pen hand, and has a ritual for "
                    "everything: Sunday waffles, a weekly reading-aloud of the thermometer logs, "
                    "and a flat refusal to discuss any winter before 2010.\n\n"
                    "Meireles is tremendous: wry, warm, a little frightening, with the authority "
                    "of someone who has been the last adult in the room for a very long time. "
                    "Her scenes with Aas, who plays Sigrid with a smiling reserve that keeps you "
                    "guessing, are a duel fought entirely in courtesies: who gives way in a "
                    "doorway, who offers the last coffee, who asks the next question. It is the "
                    "most suspenseful thing in the film."
                ),
                "character": "Graça Ferrão",
                "image": {
                    "caption": "Clara Meireles as Graça Ferrão in the seed vault, Overwinter.",
                    "alt": (
                        "An older woman in a wool hat holds a silver seed envelope up to a torch "
                        "beam between tall metal shelves furred with frost."
                    ),
                },
            },
            {
                "heading": "What Sigrid came for",
                "kind": "analysis",
                "spoiler": True,
                "body": (
                    "Spoilers follow. Sigrid Mo is not who her personnel file says. She is the "
                    "daughter of Johan Lind, the Norwegian botanist who died at Nordbrekka in "
                    "the winter of 2009, officially of exposure after going outside in a storm "
                    "to clear an iced-up air intake. She has taken her mother's surname and a "
                    "technician's contract to find out what happened, and the logbooks she keeps "
                    "borrowing tell her: Graça, then on her fourth winter, bolted the outer door "
                    "during the storm because the wind was driving snow into the vault and the "
                    "seed temperature was rising. She did not open it again until morning.\n\n"
                    "The revelation lands at the end of the second act, and it is strong. "
                    "Meireles's face as Sigrid reads the entry aloud at dinner is the best "
                    "single shot in the film. The trouble is what follows. Felix, injured in a "
                    "compressor accident, is airlifted out in a freak clear window, and the film "
                    "contracts to a two-hander under a storm that Solhaug stretches across "
                    "almost forty minutes of loaded glances and circling dialogue."
                ),
                "character": "Sigrid Mo",
                "image": None,
            },
            {
                "heading": "Verdict",
                "kind": "verdict",
                "spoiler": False,
                "body": (
                    "*Overwinter* is a film of tremendous texture and real intelligence about "
                    "inheritance: what one generation leaves in storage for the next, and "
                    "whether the next is obliged to open it. For two acts it is as controlled as "
                    "a thriller gets. The third act's retreat into ambiguity will enrage some "
                    "viewers and enthral others, and I found myself in between, admiring the "
                    "nerve while missing the tension. But Aas is a discovery, Meireles is "
                    "superb, and the sound will follow you out of the cinema and into the "
                    "street. Go, and take someone to argue with afterwards."
                ),
                "character": None,
                "image": None,
            },
        ],
    },
    {
        "kind": "ending",
        "title": "Overwinter ending explained: what the final shot is telling you",
        "slug": "overwinter-ending-explained",
        "standfirst": (
            "Ingrid Solhaug's Arctic thriller ends on a single held shot that audiences have "
            "argued about since its premiere. We think the answer is hiding in plain sight."
        ),
        "author": "Marguerite Lam",
        "films": ["Overwinter"],
        "rating": None,
        "verdict": "",
        "tags": ["ending explained", "guilt", "isolation"],
        "status": "published",
        "published_days_ago": 6,
        "lead_image": None,
        "sections": [
            {
                "heading": "The question everyone leaves with",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "If you have seen *Overwinter*, you walked out with a question, and you "
                    "probably asked it before you reached the car park. Ingrid Solhaug's film "
                    "ends not with an explanation but with a slow push-in on a single piece of "
                    "hardware that most of the audience, on first viewing, barely registers. "
                    "This piece discusses the entire film, including its central revelation and "
                    "its final shot, so if you haven't seen it yet, go, ideally somewhere with a "
                    "serious sound system, and then come back. We will still be here, arguing."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "What happens in the storm",
                "kind": "synopsis",
                "spoiler": True,
                "body": (
                    "After Sigrid reveals that she is Johan Lind's daughter and confronts Graça "
                    "with the 2009 logbook entry recording the night Graça bolted the outer door "
                    "with Johan still outside, and after Felix is evacuated with his injured "
                    "hand, the two women are alone for the last five weeks of the polar night. "
                    "They do not fight. They keep working, in a silence that curdles a little "
                    "more each day.\n\n"
                    "In the final storm, the same kind of storm that killed Johan, the vault's "
                    "air intake ices over and the seed temperature begins to climb. Someone has "
                    "to go out and clear it. Graça insists on going. Sigrid watches her step "
                    "into the airlock, and the film cuts to the kitchen: Sigrid at the table, "
                    "the radio hissing, the clock on the wall. We do not see what she does in "
                    "the next three hours.\n\n"
                    "At first light the storm has passed. Sigrid finds Graça's body in the snow, "
                    "forty metres from the door, and radios Longyearbyen. Weeks later, when the "
                    "spring ship arrives, she walks down to meet it alone. The last entry in the "
                    "station log, in her handwriting, reads: *One crew lost. Vault intact.*"
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Sigrid's question",
                "kind": "character",
                "spoiler": True,
                "body": (
                    "Solhaug builds the whole film towards a choice she never shows, and the "
                    "audience fills the gap with its own moral arithmetic. Sigrid has every "
                    "reason to bolt the door. It would be symmetry, even a kind of justice: a "
                    "daughter turning on the culprit the exact act that killed her father. The "
                    "first two acts have trained us to see her as patient and calculating, "
                    "always three moves ahead, so most viewers assume she did it.\n\n"
                    "But look at what Aas actually plays in that kitchen sequence. Sigrid does "
                    "not move towards the door once. She watches the radio, not the airlock, and "
                    "at one point she lays her head on the table like a child waiting to be "
                    "collected. Her question all winter was never *should I punish her* but "
                    "*what kind of person does this to another person*, and the kitchen scene is "
                    "her discovering that she is not that kind. The horror, if there is one, is "
                    "that it turns out to make no difference."
                ),
                "character": "Sigrid Mo",
                "image": None,
            },
            {
                "heading": "The bolt",
                "kind": "ending",
                "spoiler": True,
                "body": (
                    "The final shot, after Sigrid has walked down to the ship, returns to the "
                    "empty station and pushes slowly in on the interior bolt of the outer door. "
                    "It is coated in an unbroken skin of frost, the delicate feathered kind that "
                    "forms only on metal left untouched for days. Earlier, in a scene that plays "
                    "as mere texture, Felix shows Sigrid how to read the frost on a bolt to tell "
                    "when it was last thrown; every handled surface in the film is bare and "
                    "dark.\n\n"
                    "So the bolt was never touched. Sigrid did not lock Graça out. And since the "
                    "door stood unbolted all night, with the intake only forty metres away, "
                    "Graça could have come back in at any time. She chose not to. Solhaug has "
                    "reversed the 2009 story: the woman who once locked a man out in a storm "
                    "walks into one herself and leaves the door open behind her."
                ),
                "character": None,
                "image": {
                    "caption": "The final shot of Overwinter.",
                    "alt": (
                        "Extreme close-up of a heavy steel door bolt furred with undisturbed "
                        "white frost, lit by cold morning light."
                    ),
                },
            },
            {
                "heading": "Why Graça walked out",
                "kind": "analysis",
                "spoiler": True,
                "body": (
                    "Was it suicide, penance or something stranger? The film allows all three, "
                    "and I think the most interesting reading is the last. Graça has spent "
                    "eleven winters guarding seeds for a future she will never see, a life of "
                    "deferred harvest. The intake had to be cleared, and she cleared it: the "
                    "vault log shows the temperature falling back to minus eighteen at 4.12 a.m. "
                    "She did her job. What she did next was refuse to come back inside and be "
                    "forgiven.\n\n"
                    "That refusal is both the cruellest and the kindest thing she could do. It "
                    "denies Sigrid the reckoning she came for, but it also spares her the act "
                    "she might have committed. The final log entry echoes the 2009 entry word "
                    "for word, and Sigrid writes it knowing exactly what it echoes. She has "
                    "inherited the station's terrible arithmetic along with its keys. Whether "
                    "she stays for a second winter is the question the film, wisely, leaves on "
                    "the dock."
                ),
                "character": "Graça Ferrão",
                "image": None,
            },
            {
                "heading": "What Solhaug has said",
                "kind": "other",
                "spoiler": True,
                "body": (
                    "Solhaug has been careful in interviews not to settle the argument, but she "
                    "has dropped hints. At the premiere she told the audience that the final "
                    'shot was "the only flashback in the film", a strange claim about an image '
                    "of an empty room, unless you take it to mean that frost, like a logbook or "
                    "a seed, is a record of the past. She has also said that she wrote Graça for "
                    "Clara Meireles after rewatching Teodoro Vaz's *Spring Tide*, another film "
                    "that ends on a piece of old ironwork and a woman's choice. Watch the two "
                    "back to back and the rhyme is hard to miss."
                ),
                "character": None,
                "image": None,
            },
        ],
    },
    {
        "kind": "essay",
        "title": "The keepers: night clerks, station chiefs and the people paid to stay awake",
        "slug": "the-keepers-night-desk-overwinter",
        "standfirst": (
            "Made sixty-seven years apart, The Night Desk and Overwinter are both about someone "
            "who keeps watch while everyone else sleeps. What do films see in their caretakers?"
        ),
        "author": "Ruth Adair",
        "films": ["The Night Desk", "Overwinter"],
        "rating": None,
        "verdict": "",
        "tags": ["work", "guilt", "loneliness"],
        "status": "published",
        "published_days_ago": -3,
        "lead_image": {
            "caption": "Night shifts in The Night Desk (1956) and Overwinter (2023).",
            "alt": (
                "Split frame: on the left a hotel clerk under a desk lamp in black and white; on "
                "the right a woman in a parka reading a logbook by torchlight in a frosted "
                "tunnel."
            ),
        },
        "sections": [
            {
                "heading": "The shift nobody sees",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "There is a particular kind of film character who exists to be overlooked. "
                    "The night porter, the lighthouse keeper, the watchman, the caretaker of the "
                    "shuttered hotel: people whose job is to be present while nothing happens, "
                    "so that others can sleep. Cinema has always been drawn to them, partly "
                    "because they make natural witnesses (the one who is awake when the crime "
                    "occurs) and partly, I suspect, because they resemble the audience. We, too, "
                    "sit in the dark paying attention while the world goes on elsewhere.\n\n"
                    "Two films we have written about recently make an unusually good pair. "
                    "Efraín Lozada's *The Night Desk* (1956) follows a Mexico City hotel clerk "
                    "through one disastrous shift. Ingrid Solhaug's *Overwinter* (2023) follows "
                    "a three-person crew through the polar night at an Arctic seed station. "
                    "Sixty-seven years, an ocean and a genre apart, they are at heart the same "
                    "film about the same question: what do you owe the things you are paid to "
                    "keep?"
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Keys and logbooks",
                "kind": "theme",
                "spoiler": False,
                "body": (
                    "Both films are organised around a record. In *The Night Desk* it is the "
                    "hotel register and the wall of key pigeonholes behind Aurelio's head, which "
                    "Julián Arteaga lights like a grid of confessional screens. In *Overwinter* "
                    "it is the station's logbooks, decades of them, in which every crew has "
                    "noted temperatures, breakdowns, moods and weather in fountain pen and "
                    "biro.\n\n"
                    "These records are not props. They are the keepers' real relationship with "
                    "the world, the proof that they were there and did the job. Aurelio knows "
                    "every guest by room number and habit, and almost none of them by name. "
                    "Graça Ferrão can tell you the humidity of the vault in any week of the past "
                    "decade and very little about her own family. Both films understand that a "
                    "life spent keeping a record is a life lived slightly to one side of itself, "
                    "and that the record, sooner or later, will be read by someone else."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Complicity as a job description",
                "kind": "theme",
                "spoiler": True,
                "body": (
                    "Spoilers for both films. In each, the keeper's crime is a crime of "
                    "custodianship. Aurelio kills nobody; he hides a body to protect a guest, "
                    "because protecting guests is his job, and he ends the film writing his own "
                    "name into the register in place of the dead man's. Graça kills nobody "
                    "either, exactly. In 2009 she bolted the station door against a storm with a "
                    "colleague still outside, because the seed temperature was rising and the "
                    "seeds were her job. Johan Lind died forty metres from the door.\n\n"
                    "What links them is that neither acted out of malice. They acted *on behalf "
                    "of* something, a hotel or a vault, that asked for their loyalty and gave "
                    "nothing back. Lozada and Solhaug are both clear-eyed about institutions. "
                    "The Bolívar's owner trades Aurelio for the hotel's good name without "
                    "blinking, and the foundation that funds the seed station, heard in one "
                    "terse radio exchange, is chiefly worried about paperwork. The keepers pay "
                    "for what the institution needed done."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Two dawns",
                "kind": "analysis",
                "spoiler": True,
                "body": (
                    "Both films end at a change of shift. At six in the morning the day clerk "
                    "arrives at the Hotel Bolívar, the lobby fills with grey light, and Aurelio "
                    "is led out in handcuffs, relieved of his post in the most literal way. At "
                    "the end of *Overwinter* the spring ship arrives at Nordbrekka, and Sigrid, "
                    "the only one left, walks down to meet it alone, having written *One crew "
                    "lost. Vault intact.* in the log.\n\n"
                    "The difference is instructive. Lozada's keeper is released by his "
                    "punishment: for the first time in eleven years, he leaves the desk. "
                    "Solhaug's keepers are not released at all. Graça walked out into the storm "
                    "and did not come back, and Sigrid inherits the logbook, the vault and the "
                    "arithmetic that killed her father. The 1956 film imagines an escape, "
                    "however bleak. The 2023 film imagines only succession. That may be the most "
                    "contemporary thing about it: the night shift, now, does not end."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Watching them together",
                "kind": "other",
                "spoiler": False,
                "body": (
                    "If you want to try the pairing, watch *The Night Desk* first, ideally late, "
                    "and *Overwinter* the following night. The restored Lozada is short and "
                    "sharp enough to leave you ready for Solhaug's slower build, and the echoes "
                    "(a lit desk in a dark room, a radio voice at an appointed hour, a door that "
                    "matters more than it should) start chiming within minutes. Both films "
                    "reward good headphones. Keep a notebook handy, too: by the end you may find "
                    "yourself wanting to write down the time."
                ),
                "character": None,
                "image": None,
            },
        ],
    },
    {
        "kind": "ending",
        "title": "The Night Desk ending explained: whose name is in the register?",
        "slug": "the-night-desk-ending-explained",
        "standfirst": (
            "Efraín Lozada's 1956 noir ends at six in the morning, at the change of shift. Here "
            "is what happens in the final half hour, and how that ending got past the censors."
        ),
        "author": "Samuel Okoro",
        "films": ["The Night Desk"],
        "rating": None,
        "verdict": "",
        "tags": ["ending explained", "film noir", "censorship"],
        "status": "draft",
        "published_days_ago": 0,
        "lead_image": None,
        "sections": [
            {
                "heading": "Before dawn",
                "kind": "intro",
                "spoiler": False,
                "body": (
                    "*The Night Desk* takes place over a single eight-hour shift, and its last "
                    "thirty minutes are a masterclass in tightening a noose. If you have not yet "
                    "seen Efraín Lozada's film, now restored and streaming, stop here: this "
                    "piece discusses every twist and the film's closing shot. If you have seen "
                    "it, you probably left with the same question we did: why a decent man, "
                    "whose worst offence all night was kindness to a stranger, chooses to end "
                    "his shift the way he does."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "How the night ends",
                "kind": "synopsis",
                "spoiler": True,
                "body": (
                    "At four in the morning, Inspector Bernal, the guest registered as Olvera, "
                    "asks Aurelio for the register and, line by line, reconstructs the night: "
                    "the cancelled wake-up call for room 14, the service-lift key signed out at "
                    "1.40, the fresh towels sent up to a room with nobody in it. Aurelio lies "
                    "badly, and then stops lying.\n\n"
                    "Don Fausto, the hotel's owner, who saw Aurelio carry the body to the "
                    "cistern, now offers him a deal. Say nothing about Lidia; take the blame for "
                    "moving the body, as an accident covered up in panic; and Fausto will pay "
                    "for a lawyer and keep the job open. Aurelio understands that Fausto is "
                    "protecting the hotel, not him. He agrees anyway.\n\n"
                    "At six, as the day clerk arrives and the lobby fills with grey light, "
                    "Aurelio opens the register, crosses out Gálvez's name on the line for room "
                    "14 and writes in his own. Bernal arrests him. Lidia is already gone."
                ),
                "character": None,
                "image": None,
            },
            {
                "heading": "Why Aurelio signs",
                "kind": "character",
                "spoiler": True,
                "body": (
                    "The signature is the film's crux, and it is not a confession to murder. "
                    "Aurelio does not claim to have killed Gálvez; he claims the room, and with "
                    "it responsibility for everything that happened inside it. Lozada has spent "
                    "the whole film showing us a man whose entire identity is the desk: he knows "
                    "the guests better than they know themselves, and not one of them could pick "
                    "him out in the street. Writing his own name in the book is the first time "
                    "in eleven years that he has entered it as a person rather than a function.\n\n"
                    "Read that way, the ending is not simple noble sacrifice, and Quezada does "
                    "not play it as such. There is pride in it, and a terrible kind of relief. "
                    "He has finally been seen. That he has to be arrested to manage it is the "
                    "film's bleakest joke about work: the only way out from behind the desk "
                    "leads to the wrong side of the law."
                ),
                "character": "Aurelio Ibarra",
                "image": None,
            },
            {
                "heading": "The key in Lidia's purse",
                "kind": "ending",
                "spoiler": True,
                "body": (
                    "The final shot leaves the hotel for the first time in the film. Lidia sits "
                    "on the early bus to Veracruz, hat tilted, bruise powdered over. She opens "
                    "her purse to pay the conductor, and among the coins we glimpse the brass "
                    "key tag for room 14, the one Aurelio reported missing to Bernal an hour "
                    "earlier. She snaps the purse shut, looks out of the window and, very "
                    'quietly, begins to hum "No me esperes". Fade out.\n\n'
                    "The key tells us two things. First, she took it deliberately, so that the "
                    "missing key would cast suspicion on whoever held the desk: she planned "
                    "Aurelio's fall from the moment she came down the stairs. Second, she kept "
                    "it. Delfina Arce plays the moment so that you cannot tell whether she is "
                    "pocketing evidence or a keepsake, and the song, whose title means \"don't "
                    'wait for me", cuts both ways. It is one of the coldest endings in Mexican '
                    "noir, and somehow also a love story."
                ),
                "character": "Lidia Montes",
                "image": None,
            },
            {
                "heading": "Getting past the censors",
                "kind": "analysis",
                "spoiler": True,
                "body": (
                    "Film censorship in Mexico in the 1950s, like Hollywood's Production Code, "
                    "expected that crime should not be seen to pay, and a poisoner riding away "
                    "on a bus was not going to pass unremarked. Lozada's solution is sly. "
                    "Someone *is* punished: Aurelio, arrested on camera in the last scene set "
                    "inside the hotel. The authorities get their handcuffs. The bus scene, "
                    "barely forty seconds long, was reportedly submitted with a closing title "
                    "card assuring audiences that Lidia would soon be caught. That card survives "
                    "among the restoration's extras, but Lozada cut it from his own print, and "
                    "the new release follows him.\n\n"
                    "The result is a film that obeys the letter of its censorship while "
                    "inverting its spirit. The wrong man pays, the guilty woman rides away, and "
                    "the law, in the patient person of Bernal, cares more about closing the book "
                    "than reading it. Teodoro Vaz would play a cousin of the same trick in "
                    "Portugal fifteen years later: if you cannot say it in words, say it with "
                    "the shape of the story."
                ),
                "character": None,
                "image": None,
            },
        ],
    },
]
