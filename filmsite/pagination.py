"""Keyset ("cursor") pagination: page 2,000 costs what page 1 costs, and no COUNT(*) is run.

A page is fetched as "the next N rows after (or before) this row in the list's order", where the
row is named by its sort key values and pk, carried in an opaque ?after= / ?before= cursor.
"""

import base64
import binascii
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import reduce, wraps
from operator import and_, or_
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import F, Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect

MAX_CURSOR_LENGTH = 1200  # a few key values (a film title is at most 200 characters)
MAX_OFFSET_PAGE = 50  # old ?page=N links are served by OFFSET up to here, no further
AFTER, BEFORE = "after", "before"


class InvalidCursor(Exception):
    """A cursor that was not made by this module for this list's order."""


@dataclass(frozen=True)
class Key:
    """A list's order: field names, '-' for descending; the pk must come last, for uniqueness.

    `not_null` names nullable columns the list's filter excludes NULLs from (published_at in
    Article.objects.published()): they are ordered plainly, so their indexes serve the order.
    """

    fields: tuple[str, ...]
    not_null: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.fields[-1].lstrip("-") not in ("pk", "id"):
            raise ValueError("A keyset order must end with the primary key.")

    @property
    def names(self) -> list[str]:
        return [field.lstrip("-") for field in self.fields]

    @property
    def tag(self) -> str:
        return ",".join(self.fields)

    def nullable(self, model: type[Model], name: str) -> bool:
        return name not in self.not_null and _field(model, name).null

    def order_by(self, model: type[Model], *, reverse: bool = False) -> list:
        """ORDER BY expressions; NULLs sort last in the list's own direction on every backend."""
        order = []
        for field in self.fields:
            name = field.lstrip("-")
            descending = field.startswith("-") != reverse
            nulls = {}
            if self.nullable(model, name):
                nulls = {"nulls_first": True} if reverse else {"nulls_last": True}
            expression = F(name)
            order.append(expression.desc(**nulls) if descending else expression.asc(**nulls))
        return order

    def values(self, obj: Model) -> list:
        return [getattr(obj, name) for name in self.names]

    def beyond(self, model: type[Model], values: Sequence, direction: str) -> Q:
        """Rows strictly after (or before) the row with these key values, in the list's order."""
        terms = []
        equal = Q()
        for field, value in zip(self.fields, values, strict=True):
            name = field.lstrip("-")
            ascending = not field.startswith("-")
            nullable = self.nullable(model, name)
            forward = direction == AFTER
            if value is None:  # NULLs come last: nothing is after them, everything before
                if not forward:
                    terms.append(equal & Q(**{f"{name}__isnull": False}))
                equal &= Q(**{f"{name}__isnull": True})
                continue
            lookup = "gt" if ascending == forward else "lt"
            step = Q(**{f"{name}__{lookup}": value})
            if forward and nullable:
                step |= Q(**{f"{name}__isnull": True})
            terms.append(equal & step)
            equal &= Q(**{name: value})
        condition = reduce(or_, terms) if terms else Q(pk__in=[])
        first, first_value = self.names[0], values[0]
        if first_value is not None and not self.nullable(model, first):
            # Redundant, but lets the database start its index scan at the cursor row.
            ascending = not self.fields[0].startswith("-")
            lookup = "gte" if ascending == (direction == AFTER) else "lte"
            condition = reduce(and_, [Q(**{f"{first}__{lookup}": first_value}), condition])
        return condition


def _field(model: type[Model], name: str):
    return model._meta.pk if name == "pk" else model._meta.get_field(name)


def encode_cursor(key: Key, values: Sequence, direction: str) -> str:
    plain = [v.isoformat() if isinstance(v, date | datetime) else v for v in values]
    raw = json.dumps([key.tag, direction[0], *plain], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(model: type[Model], key: Key, cursor: str) -> tuple[list, str]:
    """The key values and direction in a cursor; InvalidCursor if it isn't one of ours."""
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise InvalidCursor("too long")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        tag, direction, *plain = json.loads(raw.decode())
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as error:
        raise InvalidCursor("not a cursor") from error
    if tag != key.tag or direction not in ("a", "b") or len(plain) != len(key.fields):
        raise InvalidCursor("not a cursor for this list")
    values = []
    for name, value in zip(key.names, plain, strict=True):
        if value is None:
            values.append(None)
            continue
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise InvalidCursor(f"bad value for {name}")
        try:
            # clean(): the type, and the field's own bounds (a 30-digit pk would overflow SQL).
            cleaned = _field(model, name).clean(value, None)
            if isinstance(cleaned, datetime):
                cleaned.astimezone(UTC)  # a date at the edge of the calendar overflows here
        except (ValidationError, FieldDoesNotExist, ValueError, OverflowError) as error:
            raise InvalidCursor(f"bad value for {name}") from error
        values.append(cleaned)
    if values[-1] is None:
        raise InvalidCursor("no primary key")
    return values, AFTER if direction == "a" else BEFORE


@dataclass
class KeysetPage:
    """One page of a keyset-paginated list; links go to the neighbouring pages by cursor."""

    object_list: list
    key: Key
    has_next: bool
    has_previous: bool

    def __iter__(self) -> Iterator:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def __getitem__(self, index: int) -> Any:
        return self.object_list[index]

    @property
    def is_first(self) -> bool:
        return not self.has_previous

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def next_cursor(self) -> str | None:
        if not self.has_next or not self.object_list:
            return None
        return encode_cursor(self.key, self.key.values(self.object_list[-1]), AFTER)

    @property
    def previous_cursor(self) -> str | None:
        if not self.has_previous or not self.object_list:
            return None
        return encode_cursor(self.key, self.key.values(self.object_list[0]), BEFORE)


def keyset_page(
    queryset: QuerySet,
    key: Key,
    *,
    per_page: int,
    after: Sequence | None = None,
    before: Sequence | None = None,
    offset: int = 0,
) -> KeysetPage:
    """The page after (or before) a row's key values, or at a small offset; one query."""
    model = queryset.model
    if before is not None:
        rows = list(
            queryset.filter(key.beyond(model, before, BEFORE)).order_by(
                *key.order_by(model, reverse=True)
            )[: per_page + 1]
        )
        has_previous = len(rows) > per_page
        rows = rows[:per_page][::-1]
        return KeysetPage(rows, key, has_next=True, has_previous=has_previous)
    if after is not None:
        queryset = queryset.filter(key.beyond(model, after, AFTER))
    rows = list(queryset.order_by(*key.order_by(model))[offset : offset + per_page + 1])
    has_previous = after is not None or offset > 0
    return KeysetPage(
        rows[:per_page], key, has_next=len(rows) > per_page, has_previous=has_previous
    )


def paginate_keyset(
    request: HttpRequest,
    queryset: QuerySet,
    key: Key,
    *,
    per_page: int,
    start: Sequence | None = None,
) -> KeysetPage:
    """The page a request asks for: ?after=, ?before=, an old ?page=N, or the first page.

    A cursor that isn't one of ours is a 404 (never a 500); a ?page=N past MAX_OFFSET_PAGE (or
    not a number) raises PageOutOfReach, which @redirect_unreachable_pages turns into a redirect.
    `start` (key values) begins the list after that point, e.g. at a year boundary. Any page but
    the first that holds nothing (?page=N past the end, a cursor at either end) is a 404.
    """
    page = _requested_page(request, queryset, key, per_page=per_page, start=start)
    if not page.object_list and page.has_other_pages:
        raise Http404("No such page.")
    return page


def _requested_page(
    request: HttpRequest,
    queryset: QuerySet,
    key: Key,
    *,
    per_page: int,
    start: Sequence | None,
) -> KeysetPage:
    params = request.GET
    for direction in (AFTER, BEFORE):
        if cursor := params.get(direction):
            try:
                values, kind = decode_cursor(queryset.model, key, cursor)
            except InvalidCursor as error:
                raise Http404("No such page.") from error
            if kind != direction:
                raise Http404("No such page.")
            return keyset_page(queryset, key, per_page=per_page, **{direction: values})
    if start is not None:
        return keyset_page(queryset, key, per_page=per_page, after=start)
    try:
        number = page_number(request)
    except PageOutOfReach as deep:
        raise_if_past_the_end(deep, queryset, per_page)
        raise
    return keyset_page(queryset, key, per_page=per_page, offset=(number - 1) * per_page)


def is_small_number(raw: str) -> bool:
    """ASCII digits only ('²'.isdigit() is true, int('²') fails), and few of them."""
    return raw.isascii() and raw.isdigit() and len(raw) <= 6


class PageOutOfReach(Exception):
    """An old ?page=N deeper than we serve by OFFSET, or not a page number at all."""


def page_number(request: HttpRequest) -> int:
    """An old-style ?page=N link (keyset links never make one): 1 when absent."""
    raw = request.GET.get("page")
    if raw is None:
        return 1
    if not is_small_number(raw) or not 1 <= int(raw) <= MAX_OFFSET_PAGE:
        raise PageOutOfReach(raw)
    return int(raw)


def raise_if_past_the_end(
    deep: PageOutOfReach, queryset: QuerySet | Sequence, per_page: int
) -> None:
    """A page number past what we serve by OFFSET is a 404 when the list ends before it.

    On a list that really is that long, PageOutOfReach stands and the page redirects to the
    first (keyset links go on from there); a number of more than six digits ends every list.
    """
    raw = deep.args[0]
    if not (raw.isascii() and raw.isdigit()) or (
        is_small_number(raw) and int(raw) <= MAX_OFFSET_PAGE
    ):
        return  # not a page number (or page 0): the redirect to the first page
    beyond = queryset[MAX_OFFSET_PAGE * per_page :]
    if not is_small_number(raw) or not (
        beyond.exists() if isinstance(beyond, QuerySet) else len(beyond)
    ):
        raise Http404("No such page.") from deep


def redirect_unreachable_pages(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Send an old ?page=N link we no longer serve to the list's first page, filters kept."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except PageOutOfReach:
            query = request.GET.copy()
            query.pop("page", None)
            suffix = f"?{query.urlencode()}" if query else ""
            return HttpResponsePermanentRedirect(f"{request.path}{suffix}")

    return wrapper


PAGE_SIZE = 20  # rows a page of any list: articles, films, search results


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PAGE_SIZE) -> Page:
    """A numbered page; past the last page a 404, not a copy of the last page (page 1 always is)."""
    try:
        return Paginator(queryset, per_page).page(page_number(request))
    except EmptyPage as error:
        raise Http404("No such page.") from error
    except PageOutOfReach as deep:
        raise_if_past_the_end(deep, queryset, per_page)
        raise
