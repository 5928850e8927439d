"""The search backend of each database engine, chosen by the engine's vendor."""

from functools import cache

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections

from sitesearch.backends.base import Backend
from sitesearch.backends.postgresql import PostgreSQLBackend
from sitesearch.backends.sqlite import SQLiteBackend

BACKENDS: dict[str, type[Backend]] = {"postgresql": PostgreSQLBackend, "sqlite": SQLiteBackend}


def backend_for(using: str) -> Backend:
    vendor = connections[using].vendor
    if vendor not in BACKENDS:
        raise ImproperlyConfigured(f"Search supports PostgreSQL and SQLite, not {vendor}")
    return BACKENDS[vendor]()


@cache
def backend() -> Backend:
    """The default database's backend: every search and every write of the index uses it."""
    return backend_for(DEFAULT_DB_ALIAS)
