"""Every admin page loads for staff, in a number of queries that does not grow with the data."""

import pytest
from django.contrib import admin
from django.db import connection
from django.urls import reverse
from django.utils.html import escape

from filmsite.admin_utils import EstimatedCountPaginator, FastChangeList
from people.models import Character, Credit, Person
from reviews.models import (
    Article,
    Author,
    Country,
    Film,
    FilmSeries,
    Genre,
    Image,
    Language,
)
from tests import factories as f

pytestmark = pytest.mark.django_db


def _film_with_related(n):
    film = f.FilmFactory(
        genres=[f.GenreFactory() for _ in range(n)], tags=[f"t{i}" for i in range(n)]
    )
    for _ in range(n):
        f.ActorCreditFactory(film=film)
        f.WatchOptionFactory(film=film)
    return film


def _article_with_related(n):
    article = f.ArticleFactory(
        films=[f.FilmFactory() for _ in range(n)], tags=[f"t{i}" for i in range(n)]
    )
    for i in range(n):
        f.SectionFactory(article=article, order=i, is_spoiler=i % 2 == 0)
    return article


def _person_with_credits(n):
    person = f.PersonFactory()
    for _ in range(n):
        f.ActorCreditFactory(person=person)
    return person


def _series_with_films(n):
    series = f.FilmSeriesFactory()
    for i in range(n):
        f.FilmFactory(series=series, series_order=i + 1)
    return series


# model -> builds n rows of that model (with n related rows each) and returns one to open.
ROWS = {
    Image: lambda n: f.ImageFactory.create_batch(n)[0],
    Genre: lambda n: f.GenreFactory.create_batch(n)[0],
    Country: lambda n: f.CountryFactory.create_batch(n)[0],
    Language: lambda n: f.LanguageFactory.create_batch(n)[0],
    FilmSeries: lambda n: [_series_with_films(n) for _ in range(n)][0],
    Film: lambda n: [_film_with_related(n) for _ in range(n)][0],
    Author: lambda n: f.AuthorFactory.create_batch(n)[0],
    Article: lambda n: [_article_with_related(n) for _ in range(n)][0],
    Person: lambda n: [_person_with_credits(n) for _ in range(n)][0],
    Character: lambda n: f.CharacterFactory.create_batch(n)[0],
    Credit: lambda n: f.ActorCreditFactory.create_batch(n)[0],
}


def test_every_project_model_in_admin_is_covered():
    ours = {m for m in admin.site._registry if m._meta.app_label in {"reviews", "people"}}
    assert ours == set(ROWS)


# On PostgreSQL, large-table changelists first read the planner's row estimate (one cheap query).
ESTIMATE_QUERY = 1 if connection.vendor == "postgresql" else 0

# Exact queries per page; each is the same with 2 and with 20 rows (and related rows).
# Base cost of every admin request: session + user.
EXPECTED = {
    Image: {"changelist": 4, "add": 3, "change": 4},
    Genre: {"changelist": 5, "add": 3, "change": 4},
    Country: {"changelist": 5, "add": 3, "change": 4},
    Language: {"changelist": 5, "add": 3, "change": 4},
    FilmSeries: {"changelist": 4, "add": 3, "change": 6},  # no second COUNT(*): FastChangeList
    Film: {"changelist": 8, "add": 4, "change": 15},  # versioned, like Article
    Author: {"changelist": 5, "add": 3, "change": 4},
    # Versioned (reversion): a SAVEPOINT/RELEASE pair around each view.
    Article: {"changelist": 7, "add": 4, "change": 11},  # change: its live share links
    Person: {"changelist": 6, "add": 5, "change": 7},  # versioned
    Character: {"changelist": 4, "add": 3, "change": 5},
    Credit: {"changelist": 4, "add": 3, "change": 9},
}


@pytest.mark.parametrize("n", [2, 20])
@pytest.mark.parametrize("page", ["changelist", "add", "change"])
@pytest.mark.parametrize("model", list(ROWS), ids=lambda m: m.__name__)
def test_admin_page_loads_in_constant_queries(
    admin_client, django_assert_num_queries, model, page, n
):
    obj = ROWS[model](n)
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}"
    url = reverse(name, args=[obj.pk] if page == "change" else [])
    expected = EXPECTED[model][page]
    if page == "changelist" and isinstance(admin.site._registry[model], FastChangeList):
        expected += ESTIMATE_QUERY
    with django_assert_num_queries(expected):
        response = admin_client.get(url)
    assert response.status_code == 200
    if page != "add":
        assert escape(str(obj)) in response.content.decode()


# Tables that stay small however large the archive grows: their changelists may count exactly.
SMALL_TABLES = {
    "auth.Group",
    "auth.User",
    "reviews.Genre",
    "reviews.Country",
    "reviews.Language",
    "reviews.Author",
    # Two-factor devices: at most an app and a set of backup codes per staff member.
    "otp_totp.TOTPDevice",
    "otp_static.StaticDevice",
}


def test_changelists_of_growing_tables_never_count_the_whole_table():
    registered = {
        model._meta.label: model_admin for model, model_admin in admin.site._registry.items()
    }
    assert set(registered) >= SMALL_TABLES  # the allowlist names real, registered tables
    counting = [
        label
        for label, model_admin in registered.items()
        if label not in SMALL_TABLES
        and (
            model_admin.show_full_result_count
            or not issubclass(model_admin.paginator, EstimatedCountPaginator)
        )
    ]
    assert counting == []
    assert len(registered) > len(SMALL_TABLES) + 10  # articles, films, people, logs... checked


def test_staff_without_permissions_cannot_open_film_admin(client, django_user_model):
    user = django_user_model.objects.create_user("intern", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:reviews_film_changelist")).status_code == 403


def test_anonymous_is_sent_to_admin_login(client):
    response = client.get(reverse("admin:reviews_article_changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_article_changelist_shows_spoiler_sections_at_a_glance(admin_client):
    article = _article_with_related(4)  # sections 0 and 2 are spoilers
    body = admin_client.get(reverse("admin:reviews_article_changelist")).content.decode()
    assert article.title in body
    assert "2 of 4" in body


def test_article_changelist_filters_by_film_title(admin_client):
    harbour = f.ArticleFactory(title="Harbour piece", films=[f.FilmFactory(title="Harbour")])
    f.ArticleFactory(title="Desert piece", films=[f.FilmFactory(title="Desert")])
    url = reverse("admin:reviews_article_changelist")
    body = admin_client.get(url, {"film": "harb"}).content.decode()
    assert harbour.title in body
    assert "Desert piece" not in body


def test_article_changelist_filters_by_tag_and_keeps_other_filters(admin_client):
    f.ArticleFactory(title="Tagged draft", tags=["grief"], status="draft", published_at=None)
    f.ArticleFactory(title="Tagged live", tags=["grief"])
    f.ArticleFactory(title="Untagged live")
    url = reverse("admin:reviews_article_changelist")
    body = admin_client.get(url, {"tag": "Grief", "status__exact": "published"}).content.decode()
    assert "Tagged live" in body
    assert "Tagged draft" not in body and "Untagged live" not in body
    # The tag box re-submits the status filter as a hidden field.
    assert 'name="status__exact" value="published"' in body


def test_film_change_page_offers_only_the_films_own_characters(admin_client):
    credit = f.ActorCreditFactory()
    other = f.CharacterFactory(name="Stranger Elsewhere")
    body = admin_client.get(
        reverse("admin:reviews_film_change", args=[credit.film.pk])
    ).content.decode()
    assert credit.character.name in body
    assert other.name not in body


def test_article_change_page_has_view_on_site_link(admin_client):
    article = f.ArticleFactory()
    body = admin_client.get(
        reverse("admin:reviews_article_change", args=[article.pk])
    ).content.decode()
    assert "View on site" in body
