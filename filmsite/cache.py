"""Whole reader pages, cached for anonymous readers and invalidated site-wide on every write.

A hit costs one round trip to the cache (the generation and the page, read together) and touches
no session, no database and no template: the middleware sits before SessionMiddleware. Cached
and freshly rendered pages alike carry an ``ETag`` (a hash of the body), a ``Last-Modified``
(when the generation started) and a public ``Cache-Control`` a CDN can honour; a conditional
request that matches gets a 304 without a body.

Invalidation is deliberately coarse. Every stored page records the site's *generation*, and any
change to what readers can see (``filmsite.cache_invalidation``) starts a new one, so no page
stored before it is served again (each URL's entry is replaced on its next miss). Writes are
rare on a critics' site, and a single write shows up on many pages (a credit on a person page, a
tag on every card, a film in "Read next"), so working out which pages a write touches would buy
a little hit rate at the price of stale pages.

What keeps a cached page right:

- A request reads the generation *before* it renders and stores its page under that one; a
  write starts a new generation once it has committed. A page rendered from data older than a
  write can therefore never be stored under a generation newer than that write.
- Articles scheduled for later go live without any write. Each generation records when the next
  one is due (one query, on the generation's first miss); pages cached under it expire then,
  browsers and CDNs are told so, and the first request after that starts a new generation.
- Only readers without a session cookie use the cache, and only 200 responses of the reader
  URLs (the ``reviews``, ``people`` and ``sitesearch`` namespaces, sitemaps, robots.txt) that
  set no cookie, carry no ``Vary`` and are not private are stored. Nothing on those pages
  depends on the reader: "I've seen this film" lives in the browser's localStorage
  (static/js/spoilers.js).
- Behind a read replica, pages are served but not stored during the first
  DATABASE_REPLICA_PIN_SECONDS of a generation, while the replica may still lag the write.

Where the generation lives: in the cache itself when that is shared (Redis). The local-memory
cache is one per process, so then the generation is a small file every process reads
(FILMSITE_PAGE_CACHE_GENERATION_FILE), and a save in one gunicorn worker empties them all.
"""

import hashlib
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date

GENERATION_KEY = "filmsite:pages:generation"
# The reader-facing URLs; the admin, preview links and /healthz are never cached.
PAGE_NAMESPACES = frozenset({"reviews", "people", "sitesearch"})
PAGE_URL_NAMES = frozenset({"robots_txt", "sitemap", "sitemap_section"})
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")
# Set per response by the middleware, so not stored with the page.
SERVED_HEADERS = ("Cache-Control", "Expires", "Last-Modified")


@dataclass(frozen=True)
class Generation:
    """One state of the site's content: a token that is never reused, and when it began."""

    token: str
    started_at: float  # seconds since the epoch

    @classmethod
    def new(cls) -> "Generation":
        now_ns = time.time_ns()
        return cls(f"{now_ns}-{secrets.token_hex(4)}", now_ns / 1e9)

    @classmethod
    def parse(cls, token: str | None) -> "Generation | None":
        try:
            return cls(token, int(token.split("-", 1)[0]) / 1e9) if token else None
        except ValueError:
            return None


class CachedPage(NamedTuple):
    generation: str  # the token it was rendered under; served only while that is current
    content: bytes
    headers: tuple[tuple[str, str], ...]
    expires_at: float | None  # when the next scheduled article goes live, if any


def _generation_is_a_file() -> bool:
    """A local-memory cache is one per process: the generation must live outside it."""
    return isinstance(caches[DEFAULT_CACHE_ALIAS], LocMemCache)


def _read_token() -> str | None:
    if _generation_is_a_file():
        try:
            return Path(settings.FILMSITE_PAGE_CACHE_GENERATION_FILE).read_text()
        except FileNotFoundError:
            return None
    return cache.get(GENERATION_KEY)


def _write_token(token: str, *, only_if_missing: bool = False) -> None:
    if _generation_is_a_file():
        path = Path(settings.FILMSITE_PAGE_CACHE_GENERATION_FILE)
        temporary = path.with_name(f".{path.name}.{token}")
        temporary.write_text(token)
        os.replace(temporary, path)  # readers see the old token or the new, never half of one
    elif only_if_missing:
        cache.add(GENERATION_KEY, token, timeout=None)
    else:
        cache.set(GENERATION_KEY, token, timeout=None)


def current_generation() -> Generation:
    """The generation pages are read and stored under now (started here after a cache flush)."""
    generation = Generation.parse(_read_token())
    if generation is None:
        fresh = Generation.new()
        _write_token(fresh.token, only_if_missing=True)
        generation = Generation.parse(_read_token()) or fresh
    return generation


# True once this process has stored a page under the current generation (see below).
_stored_since_invalidation = False


def invalidate_pages() -> None:
    """Start a new generation: every page cached so far is orphaned and never served again."""
    global _stored_since_invalidation
    _stored_since_invalidation = False
    _write_token(Generation.new().token)


def invalidate_pages_on_commit(using: str | None = None) -> None:
    """After a write to public content: a new generation once the write commits.

    Registered once per transaction. A request on the writer's own connection sees the write
    before the commit (a test inside its transaction, a view rendering what it just saved), so
    if this process has cached a page since the last new generation, one starts at once too.
    """
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and _stored_since_invalidation:
        invalidate_pages()
    if not any(entry[1] is invalidate_pages for entry in connection.run_on_commit):
        transaction.on_commit(invalidate_pages, using=using)


def _expiry_key(generation: Generation) -> str:
    return f"filmsite:pages:{generation.token}:expires"


def note_next_publication(generation: Generation, when: datetime | None) -> None:
    """Record when the next scheduled article goes live, if the generation has no record yet."""
    expires_at = when.timestamp() if when else 0  # 0: nothing is scheduled
    cache.add(_expiry_key(generation), expires_at, timeout=settings.FILMSITE_PAGE_CACHE_SECONDS)


def _nothing_scheduled() -> datetime | None:
    return None


_next_publication: Callable[[], datetime | None] = _nothing_scheduled


def watch_publications(next_publication: Callable[[], datetime | None]) -> None:
    """Give the cache the clock of scheduled articles: a function returning when the next one
    goes live. The site's wiring sets it once at start-up (``filmsite.cache_invalidation``),
    so this module imports no app's models."""
    global _next_publication
    _next_publication = next_publication


def _expires_at(generation: Generation) -> float | None:
    """When the next scheduled article goes live, as first seen under this generation.

    Looked up (one query) on the generation's first miss, before that request renders, so no
    page of this generation can miss an article that went live before the page expires.
    """
    expires_at = cache.get(_expiry_key(generation))
    if expires_at is None:
        note_next_publication(generation, _next_publication())
        expires_at = cache.get(_expiry_key(generation), 0)
    return expires_at or None


def _page_key(request: HttpRequest) -> str:
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"filmsite:pages:url:{url}"


def _lookup(key: str) -> tuple[Generation, "CachedPage | None"]:
    """The current generation and the page stored for `key`, in one read of a shared cache."""
    if _generation_is_a_file():
        return current_generation(), cache.get(key)
    found = cache.get_many([GENERATION_KEY, key])
    generation = Generation.parse(found.get(GENERATION_KEY))
    if generation is None:  # the cache was flushed: nothing in it is current
        return current_generation(), None
    return generation, found.get(key)


def _is_reader_page(request: HttpRequest) -> bool:
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return match.namespace in PAGE_NAMESPACES or match.url_name in PAGE_URL_NAMES


def _is_storable(response: HttpResponseBase) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Vary")
        and not any(directive in cache_control for directive in PRIVATE_DIRECTIVES)
    )


def _replica_lag_seconds() -> int:
    """How long a replica may lag behind the primary (its router's pin time), if one is used."""
    if "replica" not in settings.DATABASES:
        return 0
    return getattr(settings, "DATABASE_REPLICA_PIN_SECONDS", 0)


class AnonymousPageCacheMiddleware:
    """Serves anonymous readers' GET and HEAD requests for reader pages from the page cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not (
            settings.FILMSITE_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and _is_reader_page(request)
        ):
            return self.get_response(request)
        now = time.time()
        key = _page_key(request)
        generation, page = _lookup(key)
        if (
            page is not None
            and page.generation == generation.token
            and (page.expires_at is None or now < page.expires_at)
        ):
            response = HttpResponse(page.content, headers=page.headers)
            return self._finish(request, response, generation, page.expires_at, now)

        expires_at = _expires_at(generation)
        if expires_at is not None and now >= expires_at:
            # A scheduled article has gone live since this generation began.
            if cache.add(f"filmsite:pages:{generation.token}:expired", 1, timeout=60):
                invalidate_pages()
            generation = current_generation()
            expires_at = _expires_at(generation)

        method = request.method
        request.method = "GET"  # HEAD is GET without the body; the views allow GET only
        try:
            response = self.get_response(request)
        finally:
            request.method = method
        if not _is_storable(response):
            return response
        set_response_etag(response)
        self._store(key, response, generation, expires_at, now)
        return self._finish(request, response, generation, expires_at, now)

    def _store(
        self,
        key: str,
        response: HttpResponseBase,
        generation: Generation,
        expires_at: float | None,
        now: float,
    ) -> None:
        global _stored_since_invalidation
        timeout = settings.FILMSITE_PAGE_CACHE_SECONDS
        if expires_at is not None:
            timeout = min(timeout, int(expires_at - time.time()))
        if timeout <= 0 or now - generation.started_at < _replica_lag_seconds():
            return
        headers = tuple(
            (name, value) for name, value in response.items() if name not in SERVED_HEADERS
        )
        cache.set(key, CachedPage(generation.token, response.content, headers, expires_at), timeout)
        _stored_since_invalidation = True

    def _finish(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        generation: Generation,
        expires_at: float | None,
        now: float,
    ) -> HttpResponseBase:
        """Caching headers, a 304 when the reader's copy is current, no body for HEAD."""
        browser, cdn = settings.FILMSITE_BROWSER_MAX_AGE, settings.FILMSITE_CDN_MAX_AGE
        if expires_at is not None:  # nobody may keep the page past the next publication
            left = max(0, int(expires_at - now))
            browser, cdn = min(browser, left), min(cdn, left)
        for name in SERVED_HEADERS:
            del response[name]
        patch_cache_control(response, public=True, max_age=browser, s_maxage=cdn)
        # HTTP dates count whole seconds. Sent once the generation's first second is over,
        # a Last-Modified is older than any later generation's, so If-Modified-Since is exact.
        last_modified = None
        if int(now) > int(generation.started_at):
            last_modified = int(generation.started_at)
            response["Last-Modified"] = http_date(last_modified)
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )
        if conditional is not response:
            return conditional
        if request.method == "HEAD":
            response.content = b""  # Content-Length still gives the page's length
        return response
