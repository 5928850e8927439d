"""Links to objects by slug without running the URL resolver for each one.

A film page links to dozens of people and articles, and a prolific actor's page to hundreds of
films; ``reverse()`` walks the URL patterns for every link (about 20 µs each, some 800 on one
person's page). ``slug_url()`` reverses each route once, with placeholders, and fills in the
slugs after that: the same string ``reverse()`` gives, since a slug of ASCII letters, digits,
hyphens and underscores is exactly what the ``slug`` converter accepts and needs no quoting.
Anything else (a Unicode slug, say) goes through ``reverse()``.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import Model
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from taggit.models import Tag

ASCII_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
PLACEHOLDER = "linkslot{}x"


@lru_cache(maxsize=128)
def _pattern(name: str, arity: int, script_prefix: str, urlconf: str) -> str:
    """The route's URL with ``{0}``, ``{1}``… where its slugs go (script prefix included)."""
    slots = [PLACEHOLDER.format(i) for i in range(arity)]
    url = reverse(name, args=slots, urlconf=urlconf).replace("{", "{{").replace("}", "}}")
    for i, slot in enumerate(slots):
        if url.count(slot) != 1:
            raise ValueError(f"{name}: cannot place argument {i} in {url!r}")
        url = url.replace(slot, f"{{{i}}}")
    return url


def slug_url(name: str, *slugs: str) -> str:
    """``reverse(name, args=slugs)`` for slug routes, from a pattern cached per route."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    if not all(ASCII_SLUG.fullmatch(slug) for slug in slugs):
        return reverse(name, args=slugs, urlconf=urlconf)
    return _pattern(name, len(slugs), get_script_prefix(), urlconf).format(*slugs)


@receiver(setting_changed)
def _forget_patterns(*, setting: str, **kwargs: object) -> None:
    if setting == "ROOT_URLCONF":
        _pattern.cache_clear()


def page_url(page: Model) -> str:
    """The page's address; a theme (taggit's Tag) has no get_absolute_url of its own."""
    if isinstance(page, Tag):
        return reverse("reviews:tag_detail", args=[page.slug])
    return page.get_absolute_url()
