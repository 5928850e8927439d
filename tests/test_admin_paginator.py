"""The admin's paginator reads PostgreSQL's row estimate instead of COUNT(*) on huge tables."""

import pytest
from django.db import connection

from filmsite.admin_utils import EstimatedCountPaginator
from reviews.models import Genre
from tests.factories import GenreFactory

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row estimates exist only on PostgreSQL"
)


class SmallThresholdPaginator(EstimatedCountPaginator):
    estimate_above = 10


def test_filtered_lists_are_counted_exactly():
    GenreFactory.create_batch(30)
    paginator = SmallThresholdPaginator(Genre.objects.filter(name__startswith="Genre"), 10)
    assert paginator.count == 30


def test_small_tables_are_counted_exactly():
    GenreFactory.create_batch(3)
    assert EstimatedCountPaginator(Genre.objects.all(), 10).count == 3


@on_postgres
def test_unfiltered_large_table_uses_the_planner_estimate():
    GenreFactory.create_batch(40)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Genre._meta.db_table}")
    GenreFactory.create_batch(5)  # not yet seen by ANALYZE: COUNT(*) would say 45
    paginator = SmallThresholdPaginator(Genre.objects.all(), 10)
    assert paginator.count == 40
    assert paginator.num_pages == 4
