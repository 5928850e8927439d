"""Who has an article open in the admin right now, kept in the cache (shared across workers)."""

import time

from django.core.cache import cache

SEEN_FOR_SECONDS = 120  # an editor counts as "in" the article for this long after a heartbeat


def _key(article_id: int) -> str:
    return f"editorial:editing:{article_id}"


def editing_seen(*, article_id: int, user_id: int, name: str) -> list[str]:
    """Note that this user has the article open; return the others who have it open too."""
    now = time.time()
    editors = {
        uid: (who, seen)
        for uid, (who, seen) in cache.get(_key(article_id), {}).items()
        if now - seen < SEEN_FOR_SECONDS
    }
    editors[user_id] = (name, now)
    cache.set(_key(article_id), editors, SEEN_FOR_SECONDS)
    return sorted(who for uid, (who, _) in editors.items() if uid != user_id)


def editing_left(*, article_id: int, user_id: int) -> None:
    editors = cache.get(_key(article_id), {})
    if editors.pop(user_id, None):
        cache.set(_key(article_id), editors, SEEN_FOR_SECONDS)
