"""Jinja2 for the reader pages (templates/jinja2/); the admin stays on Django's template engine.

Reader pages loop over dozens of cards and credits, and Django's engine resolves every variable
and include at run time: on the 100,000-article corpus that was 30 to 45 % of an uncached page.
Jinja2 compiles templates to Python functions once per process. The helpers below are the same
functions the Django tag libraries register (reviews/templatetags/), so both engines render a
picture, a star rating or a JSON-LD block identically.

The backend also sends Django's ``template_rendered`` signal, as Django's own engine does under
the test runner, so tests can read ``response.context`` of a reader page.
"""

from datetime import date, datetime
from typing import Any

import jinja2
from django.http import HttpRequest
from django.template import defaultfilters, defaulttags
from django.template.backends.jinja2 import Jinja2 as DjangoJinja2
from django.template.backends.jinja2 import Template as DjangoJinja2Template
from django.templatetags.static import static
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils.timezone import template_localtime

from filmsite.links import slug_url
from reviews.templatetags import renditions, reviews_tags, structured_data
from sitesearch import api as search


class Template(DjangoJinja2Template):
    @property
    def name(self) -> str:
        return self.template.name

    def render(self, context: dict | None = None, request: HttpRequest | None = None) -> str:
        context = {} if context is None else context
        template_rendered.send(sender=self, template=self, context=context)
        return super().render(context, request)


class Jinja2(DjangoJinja2):
    """Django's Jinja2 backend, with templates that report their context to the test client."""

    def get_template(self, template_name: str) -> Template:
        return Template(super().get_template(template_name).template, self)

    def from_string(self, template_code: str) -> Template:
        return Template(self.env.from_string(template_code), self)


def url(name: str, *args: Any) -> str:
    """``{% url %}``: from a cached pattern for slug routes (filmsite/links.py)."""
    if all(isinstance(arg, str) for arg in args):
        return slug_url(name, *args)
    return reverse(name, args=args)


def date_filter(value: date | datetime | None, format_string: str | None = None) -> str:
    """Django's ``date`` filter, in the current time zone as Django's engine shows datetimes."""
    return defaultfilters.date(template_localtime(value), format_string)


def widthratio(value: Any, max_value: Any, max_width: Any) -> str:
    """Django's ``{% widthratio %}``: value / max_value * max_width, rounded."""
    try:
        return str(round(float(value) / float(max_value) * float(max_width)))
    except ZeroDivisionError:
        return "0"
    except (ValueError, TypeError, OverflowError):
        return ""


@jinja2.pass_context
def querystring(context: jinja2.runtime.Context, **changes: Any) -> str:
    """Django's ``{% querystring %}`` on this request's GET (given, so it needs no context)."""
    return defaulttags.querystring(None, context["request"].GET, **changes)


def _with_context(function: Any) -> Any:
    """A Django tag that reads ``context["request"]``, for Jinja2 (whose context reads alike)."""

    @jinja2.pass_context
    def call(context: jinja2.runtime.Context, *args: Any, **kwargs: Any) -> Any:
        return function(context, *args, **kwargs)

    return call


def environment(**options: Any) -> jinja2.Environment:
    # A lookup on something missing ("page[0].title" on an empty page) renders "", as in Django's
    # engine, in debug too: Django's backend would pick Undefined, which raises on the ".title".
    options["undefined"] = jinja2.ChainableUndefined
    # A block tag on its own line leaves neither its indentation nor its newline in the output.
    options.update(trim_blocks=True, lstrip_blocks=True)
    env = jinja2.Environment(**options)
    env.globals.update(
        url=url,
        static=static,
        stars=reviews_tags.stars,
        picture=renditions.picture,
        thumbnail_url=renditions.thumbnail_url,
        widthratio=widthratio,
        querystring=querystring,
        canonical_url=_with_context(reviews_tags.canonical_url),
        absolute_url=_with_context(reviews_tags.absolute_url),
        article_json_ld=_with_context(structured_data.article_json_ld),
        film_json_ld=_with_context(structured_data.film_json_ld),
        person_json_ld=_with_context(structured_data.person_json_ld),
    )
    env.filters.update(
        date=date_filter,
        truncatewords=defaultfilters.truncatewords,
        capfirst=defaultfilters.capfirst,
        pluralize=defaultfilters.pluralize,
        highlight=search.render_snippet,
        film_slugs=reviews_tags.film_slugs,
    )
    return env
