"""The Jinja2 environment of the reader pages (filmsite/templating.py) against Django's engine."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.http import HttpRequest
from django.template import Context, RequestContext, Template, engines
from django.test import RequestFactory, override_settings

from filmsite.templating import widthratio


def jinja(source: str, **context: object) -> str:
    return engines["jinja2"].from_string(source).render(context)


def django(source: str, request: HttpRequest | None = None, **context: object) -> str:
    if request is not None:
        return Template(source).render(RequestContext(request, context))
    return Template(source).render(Context(context))


def test_reader_pages_use_jinja2_and_the_admin_falls_through_to_django():
    assert engines["jinja2"].get_template("reviews/article_detail.html").template.name
    admin = engines.all()[1].get_template("admin/reviews/article/change_list.html")
    assert admin.origin.name.endswith("templates/admin/reviews/article/change_list.html")
    from django.template.loader import get_template

    assert type(get_template("admin/base_site.html").backend).__name__ == "DjangoTemplates"
    assert type(get_template("base.html").backend).__name__ == "Jinja2"


@pytest.mark.parametrize("rating", ["0.5", "2", "3.5", "5.0"])
def test_stars_render_as_in_django(rating):
    value = Decimal(rating)
    expected = django("{% load reviews_tags %}{% stars rating %}", rating=value)
    assert jinja("{{ stars(rating) }}", rating=value) == expected
    assert expected.count("star-full") == int(value)
    assert f"Rating: {value.normalize()} out of 5" in expected


@override_settings(TIME_ZONE="Pacific/Auckland")
def test_dates_show_in_the_current_time_zone_as_in_django():
    late = datetime(2026, 3, 1, 20, 30, tzinfo=UTC)  # already 2 March in Auckland
    expected = django('{{ when|date:"j F Y, H:i" }}', when=late)
    assert expected == "2 March 2026, 09:30"
    assert jinja('{{ when|date("j F Y, H:i") }}', when=late) == expected


@pytest.mark.parametrize(
    "changes",
    [
        "page=3",
        "page=None",
        "after='abc' before=None",
        "q=None after=None",
    ],
)
def test_querystring_matches_djangos_tag(changes):
    request = RequestFactory().get("/films/", {"q": "noir & rain", "page": "2", "before": "x"})
    expected = django(f"{{% querystring {changes} %}}", request=request)
    jinja_args = ", ".join(changes.split(" "))
    assert jinja(f"{{{{ querystring({jinja_args}) }}}}", request=request) == expected


def test_querystring_on_a_bare_url_is_empty():
    request = RequestFactory().get("/")
    assert jinja("{{ querystring(page=None) }}", request=request) == ""


@pytest.mark.parametrize(
    ("value", "maximum", "width", "expected"),
    [(900, 1200, 160, "120"), (1, 3, 100, "33"), (5, 0, 160, "0"), (None, 10, 160, "")],
)
def test_widthratio_matches_djangos_tag(value, maximum, width, expected):
    assert widthratio(value, maximum, width) == expected
    tag = django("{% widthratio v m w %}", v=value, m=maximum, w=width)
    assert tag == expected


def test_escaping_and_safe_html_behave_as_in_django():
    hostile = '<script>alert("x")</script>\'"&'
    for rendered in jinja("{{ v }}", v=hostile), django("{{ v }}", v=hostile):
        assert not set("<>\"'") & set(rendered.replace("&lt;", "").replace("&gt;", ""))
    assert jinja("{{ v|safe }}", v="<em>ok</em>") == "<em>ok</em>"


def test_a_missing_attribute_renders_empty_as_in_django():
    assert jinja("[{{ page[0].published_at }}]", page=[]) == "[]"
    assert django("[{{ page.0.published_at }}]", page=[]) == "[]"
