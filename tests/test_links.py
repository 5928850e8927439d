"""slug_url() gives what reverse() gives, from a pattern cached per route (filmsite/links.py)."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from filmsite.links import slug_url

ROUTES = [
    ("reviews:film_detail", ["cold-shot-1928"]),
    ("reviews:article_detail", ["what_happens-in-2"]),
    ("reviews:tag_feed_atom", ["noir"]),
    ("people:person_detail", ["ines-vale"]),
    ("people:character_detail", ["cold-shot-1928", "ada"]),
    ("reviews:home", []),
]


@pytest.mark.parametrize(("name", "slugs"), ROUTES)
def test_slug_url_is_reverse(name, slugs):
    assert slug_url(name, *slugs) == reverse(name, args=slugs)


def test_slug_url_follows_the_script_prefix():
    set_script_prefix("/critics-site/")
    try:
        assert slug_url("reviews:film_detail", "x") == "/critics-site/films/x/"
        assert slug_url("reviews:film_detail", "x") == reverse("reviews:film_detail", args=["x"])
    finally:
        clear_script_prefix()
    assert slug_url("reviews:film_detail", "x") == "/films/x/"


@pytest.mark.parametrize("slug", ["été-1950", "a b", "{0}", "x/y"])
def test_other_slugs_go_through_reverse(slug):
    try:
        expected = reverse("reviews:film_detail", args=[slug])
    except NoReverseMatch:
        with pytest.raises(NoReverseMatch):
            slug_url("reviews:film_detail", slug)
    else:
        assert slug_url("reviews:film_detail", slug) == expected


def test_a_changed_urlconf_is_not_served_from_the_old_patterns():
    assert slug_url("reviews:film_detail", "x") == "/films/x/"
    with override_settings(ROOT_URLCONF="tests.urls_elsewhere"):
        assert slug_url("reviews:film_detail", "x") == "/elsewhere/films/x/"
    assert slug_url("reviews:film_detail", "x") == "/films/x/"
