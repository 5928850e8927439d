"""Small assertions, admin-form helpers and a linear-time check shared by tests."""

import gc
import time
from collections.abc import Callable

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse


def refused(create, constraint: str | None = None) -> None:
    """The write raises IntegrityError; for CHECK constraints the error names the constraint."""
    with pytest.raises(IntegrityError) as excinfo, transaction.atomic():
        create()
    if constraint:
        assert constraint in str(excinfo.value)


def signed_in(user) -> Client:
    """A test client with `user` logged in."""
    client = Client()
    client.force_login(user)
    return client


def article_form_data(article, **overrides) -> dict:
    """What the admin's article form posts back for `article` and its sections, unchanged."""
    article.refresh_from_db()
    sections = list(article.sections.order_by("order"))
    data = {
        "kind": article.kind,
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "author": article.author_id or "",
        "films": [film.pk for film in article.films.all()],
        "status": article.status,
        "published_at_0": article.published_at.strftime("%Y-%m-%d") if article.published_at else "",
        "published_at_1": article.published_at.strftime("%H:%M:%S") if article.published_at else "",
        "rating": article.rating or "",
        "verdict": article.verdict,
        "lead_image": "",
        "tags": ", ".join(article.tags.names()),
        "edit_token": article.updated_at.isoformat(),
        "sections-TOTAL_FORMS": len(sections),
        "sections-INITIAL_FORMS": len(sections),
        "sections-MIN_NUM_FORMS": 0,
        "sections-MAX_NUM_FORMS": 1000,
    }
    for i, section in enumerate(sections):
        data |= {
            f"sections-{i}-id": section.pk,
            f"sections-{i}-article": article.pk,
            f"sections-{i}-order": section.order,
            f"sections-{i}-kind": section.kind,
            f"sections-{i}-heading": section.heading,
            f"sections-{i}-body": section.body,
            f"sections-{i}-character": section.character_id or "",
            f"sections-{i}-image": section.image_id or "",
        }
        if section.is_spoiler:
            data[f"sections-{i}-is_spoiler"] = "on"
    return data | overrides


def rename(client, article, slug: str) -> None:
    """Change an article's slug through the admin form, as an editor or its critic would."""
    url = reverse("admin:reviews_article_change", args=[article.pk])
    response = client.post(url, article_form_data(article, slug=slug))
    assert response.status_code == 302, response.content.decode()[:3000]


# t(4n) / t(n): about 4 if linear, 16 if quadratic; 8 is the geometric middle.
GROWTH_LIMIT = 8


def cpu_seconds(work: Callable[[str], object], text: str, repeats: int = 3) -> float:
    """The fastest of a few calls in this process's CPU time, garbage collection paused: other
    processes' load and a collection of the test run's own objects count for little."""
    times = []
    gc.disable()
    try:
        for _ in range(repeats):
            start = time.process_time()
            work(text)
            times.append(time.process_time() - start)
    finally:
        gc.enable()
    return min(times)


def growth(work: Callable[[str], object], make: Callable[[int], str], n: int) -> float:
    """How much longer `work` takes on 4n characters of a shape (`make(n)`) than on n."""
    small, large = make(n), make(4 * n)
    assert n <= len(small) * 1.1 and 4 * n <= len(large) * 1.1  # the sizes are what they say
    return cpu_seconds(work, large) / cpu_seconds(work, small)
