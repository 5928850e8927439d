"""SQL for SQLite's trigram FTS5 indexes (migrations 0011 and 0012).

Not a migration (the loader skips names starting with "_"). The index is external-content (it
stores only the index; the text stays in `content`), and three triggers keep it in step with
`content`, so bulk_create and raw SQL writes are indexed too.

The migrations' own copy, importing nothing from the product: a migration must create what it
created the day it was written. sitesearch.backends.sqlite holds the product's trigger_statements,
which recreate the triggers as the schema has them today when a table rebuild has dropped them
(tests/sitesearch/test_search.py checks that the triggers the migrations made are the same).
"""


def trigger_statements(table: str, content: str, columns: tuple[str, ...]) -> list[str]:
    """CREATE TRIGGER for inserts, deletes and updates of `columns`, then index every row."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert = f"INSERT INTO {table} (rowid, {names}) VALUES (new.id, {new});"
    delete = f"INSERT INTO {table} ({table}, rowid, {names}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE TRIGGER {table}_insert AFTER INSERT ON {content} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_delete AFTER DELETE ON {content} BEGIN {delete} END",
        f"CREATE TRIGGER {table}_update AFTER UPDATE OF {names} ON {content} "
        f"BEGIN {delete} {insert} END",
        f"INSERT INTO {table} ({table}) VALUES ('rebuild')",  # index the existing rows
    ]


def create_statements(table: str, content: str, columns: tuple[str, ...]) -> list[str]:
    """The FTS5 table itself, then its triggers and a first rebuild."""
    return [
        f"CREATE VIRTUAL TABLE {table} USING fts5({', '.join(columns)}, content='{content}', "
        "content_rowid='id', tokenize='trigram')",
        *trigger_statements(table, content, columns),
    ]


def drop_statements(table: str) -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS {table}_{action}" for action in ("insert", "delete", "update")),
        f"DROP TABLE IF EXISTS {table}",
    ]
