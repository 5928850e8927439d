"""The reviews app's raw SQL, in one place: queries the ORM cannot say as cheaply.

Related articles score candidates in one bounded query of UNION ALL branches, each a
subquery with its own ORDER BY and LIMIT, which the ORM cannot nest inside a union. Table
names come from the caller (read from the models' ``_meta``), so this module imports no
model; numbers are written into the SQL only where they are this module's own constants.
"""

from typing import NamedTuple

from django.db.backends.base.base import BaseDatabaseWrapper

RELATED_CANDIDATES = 12  # best-scored articles handed to the caller, who keeps the readable ones
RELATED_PER_LINK = 300  # rows read per kind of link (film, tag, person) before scoring
RELATED_PEOPLE = 10  # the first-billed people of the article's films whose other films count
RELATED_PEOPLE_FILMS = 30  # their other films read: each person's newest, then next newest...

Query = tuple[str, list[object]]


class LinkTables(NamedTuple):
    """The tables that link articles to films, films to people, and articles to tags."""

    article_films: str
    credits: str
    tagged: str


def _placeholders(values: list[int]) -> str:
    return ", ".join(["%s"] * len(values))


def _shared_films(tables: LinkTables, article_id: int, film_ids: list[int]) -> Query:
    """Weight 4 for each of the article's films another article is about."""
    sql = (
        f"SELECT * FROM (SELECT af.article_id AS article_id, 4 AS weight, af.film_id AS item"
        f" FROM {tables.article_films} af WHERE af.film_id IN ({_placeholders(film_ids)})"
        f" AND af.article_id <> %s ORDER BY af.article_id DESC LIMIT {RELATED_PER_LINK})"
        f" shared_films"
    )
    return sql, [*film_ids, article_id]


def _shared_people(tables: LinkTables, article_id: int, film_ids: list[int]) -> Query:
    """Weight 1 for each first-billed person of the article's films on another article's film.

    Three bounded steps (the people, their other films, those films' articles), since one actor
    can have hundreds of credits. The films are taken in turns (every person's newest, then
    every person's next newest...), so a prolific actor cannot crowd out the director.
    """
    films_in = _placeholders(film_ids)
    credits = tables.credits
    sql = (
        f"SELECT * FROM (SELECT DISTINCT af.article_id AS article_id, 1 AS weight,"
        f" elsewhere.person_id AS item FROM (SELECT film_id, person_id FROM (SELECT c.film_id,"
        f" c.person_id, ROW_NUMBER() OVER (PARTITION BY c.person_id ORDER BY c.film_id DESC)"
        f" AS turn FROM {credits} c WHERE c.person_id IN (SELECT person_id FROM {credits}"
        f" WHERE film_id IN ({films_in}) ORDER BY billing, id LIMIT {RELATED_PEOPLE})"
        f" AND c.film_id NOT IN ({films_in})) credited ORDER BY turn, film_id DESC"
        f" LIMIT {RELATED_PEOPLE_FILMS}) elsewhere"
        f" JOIN {tables.article_films} af ON af.film_id = elsewhere.film_id"
        f" WHERE af.article_id <> %s ORDER BY af.article_id DESC LIMIT {RELATED_PER_LINK})"
        f" shared_people"
    )
    return sql, [*film_ids, *film_ids, article_id]


def _shared_tags(
    tables: LinkTables, article_id: int, tag_ids: list[int], content_type_id: int
) -> Query:
    """Weight 2 for each of the article's tags another article carries.

    One branch per tag, each reading its tag's newest articles from the (tag, content type,
    object) index (migration 0014); then the newest of those.
    """
    per_tag = " UNION ALL ".join(
        f"SELECT * FROM (SELECT ti.object_id AS article_id, 2 AS weight, ti.tag_id AS item"
        f" FROM {tables.tagged} ti WHERE ti.tag_id = %s AND ti.content_type_id = %s"
        f" AND ti.object_id <> %s ORDER BY ti.object_id DESC LIMIT {RELATED_PER_LINK}) tag_{n}"
        for n in range(len(tag_ids))
    )
    sql = f"SELECT * FROM ({per_tag} ORDER BY article_id DESC LIMIT {RELATED_PER_LINK}) shared_tags"
    params: list[object] = []
    for tag_id in tag_ids:
        params += [tag_id, content_type_id, article_id]
    return sql, params


def related_scores(
    connection: BaseDatabaseWrapper,
    tables: LinkTables,
    *,
    article_id: int,
    film_ids: list[int],
    tag_ids: list[int],
    content_type_id: int | None,
) -> dict[int, int]:
    """{article id: relatedness} for the best-scoring other articles, in one bounded query.

    Each kind of link contributes at most RELATED_PER_LINK rows, the newest articles first, so
    the cost does not grow with the archive or with a popular tag; whatever their status, since
    the caller decides what readers may see. `content_type_id` (the article model's) is needed
    only with tags.
    """
    branches: list[Query] = []
    if film_ids:
        branches.append(_shared_films(tables, article_id, film_ids))
        branches.append(_shared_people(tables, article_id, film_ids))
    if tag_ids:
        branches.append(_shared_tags(tables, article_id, tag_ids, content_type_id))
    if not branches:
        return {}
    sql = (
        f"SELECT article_id, SUM(weight) AS score FROM"
        f" ({' UNION ALL '.join(sql for sql, _ in branches)}) links GROUP BY article_id"
        f" ORDER BY score DESC, article_id DESC LIMIT {RELATED_CANDIDATES}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [param for _, params in branches for param in params])
        return dict(cursor.fetchall())
