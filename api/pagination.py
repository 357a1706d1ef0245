"""Pagination of SQLAlchemy 2 `select()` statements, and the `Link` header."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import marshmallow as ma
from flask import current_app, request
from flask_smorest import Page, abort
from sqlalchemy import Select, func, select

from api import cursors, offsets
from api.caching import version_read
from api.db import keyset, session
from api.readcache import KeptCount
from schemas.lists import ListArgsSchema

# Parameters that choose which rows of the list to show, not which rows it has.
UNCOUNTED = {"page", "page_size", "sort", "cursor"}
BOTH = "Give `page` or `cursor`, not both: a cursor says where the page starts."
IN_VERSION_ORDER = (
    "Not with `changed_since`: what changed comes in the order of the writes."
)
BY_RELEVANCE = (
    "Not with `q` and no `sort`: best matches first is an order that every write "
    "moves, so no cursor marks a place in it. Give `sort` (or `changed_since`) "
    "to page by cursor, or page by `page`."
)
UNVERSIONED = "Not on this list: its rows carry no version."


@dataclass
class Listing:
    """A select statement and how to present a page of the rows it yields
    (all at once, so that a presenter can fetch what the rows need in one query)."""

    statement: Select
    present: Callable[[list[Any]], list[Any]] = lambda rows: rows


@dataclass
class Window:
    """The rows of a list a request asks for: those changed since a version, from
    the start or after a cursor's key; the statement reads them in order."""

    statement: Select
    order: keyset.Order
    after: keyset.Key | None


def window(listing: Listing) -> Window:
    """The list's `cursor` and `changed_since` read and checked: 422 naming the
    parameter when one is not valid."""
    args = _list_args()
    stmt = listing.statement
    if "changed_since" in args:
        if not hasattr(keyset.order_of(stmt).model, "version"):
            _refuse({"changed_since": [UNVERSIONED]})
        stmt = keyset.changed_since(stmt, keyset.order_of(stmt), args["changed_since"])
    order = keyset.order_of(stmt)
    after = None
    if "cursor" in args and order.relevance:
        _refuse({"cursor": [BY_RELEVANCE]})
    if "cursor" in args:
        try:
            after = cursors.decode(args["cursor"], order)
        except cursors.CursorError as error:
            _refuse({"cursor": [str(error)]})
    return Window(stmt, order, after)


def _list_args() -> dict:
    given = {name: request.args.getlist(name) for name in ListArgsSchema().fields}
    twice = {name: ["Must be given once."] for name, v in given.items() if len(v) > 1}
    if twice:
        _refuse(twice)
    try:
        args = ListArgsSchema().load({name: v[0] for name, v in given.items() if v})
    except ma.ValidationError as error:
        _refuse(error.messages)
    if "cursor" in args and "page" in request.args:
        _refuse({"cursor": [BOTH]})
    if "changed_since" in args and "sort" in request.args:
        _refuse({"sort": [IN_VERSION_ORDER]})
    return args


def _refuse(errors: dict) -> None:
    abort(422, errors={"query": errors})


class SelectPage(Page):
    """Pages a Listing by page number (LIMIT/OFFSET) or after a cursor (keyset);
    flask-smorest's CursorPage would need the legacy Query."""

    def __init__(self, collection: Listing, page_params):
        self.window = window(collection)
        super().__init__(collection, page_params)

    @property
    def items(self):
        params, found = self.page_params, self.window
        size = params.page_size
        params.cursor_given = found.after is not None
        if found.after is not None:
            rows = keyset.rows(
                session(), found.statement, found.order, found.after, size + 1
            )
            more, rows = len(rows) > size, rows[:size]
        elif params.first_item >= params.item_count:
            rows, more = [], False  # past the end: no query, and no huge OFFSET
        else:
            rows = keyset.rows(
                session(), found.statement, found.order, None, size, params.first_item
            )
            more = params.first_item + size < params.item_count
        # (No rows, yet more: the count was kept before a write removed them.)
        last = rows[-1][1] if more and rows and not found.order.relevance else None
        params.next_cursor = None if last is None else cursors.encode(found.order, last)
        items = [item for item, _ in rows]
        offsets.prime(items)
        return self.collection.present(items)

    @property
    def item_count(self):
        return count_rows(self.window.statement)


def counting(stmt: Select) -> Select:
    order = stmt.get_execution_options().get(keyset.ORDER)
    if order is not None and order.count is not None:
        return order.count
    return select(func.count()).select_from(stmt.order_by(None).subquery())


def count_rows(stmt: Select) -> int:
    """The rows `stmt` yields, counted once per data version in each worker: the
    pages of one list share their count, and a count reads the whole match."""
    counting_stmt = counting(stmt)
    version = version_read()
    if version is None:
        return session().scalar(counting_stmt)
    key = _filters_key()
    counts = current_app.extensions["lede_counts"]
    kept = counts.get(version, key)
    if kept is None:
        kept = KeptCount(session().scalar(counting_stmt))
        counts.put(version, key, kept)
    return kept.value


def _filters_key() -> str:
    """The list and its filters: what its statement, and so its count, is made of
    (cheaper to read than the statement compiled)."""
    filters = sorted(
        (name, value)
        for name, values in request.args.lists()
        if name not in UNCOUNTED
        for value in values
    )
    return f"{request.path}?{urlencode(filters)}"


def metadata(page_params, meta: dict) -> dict:
    """flask-smorest's page metadata, without page numbers after a cursor (the
    page has none), with the cursor of the next page and the version read."""
    if getattr(page_params, "cursor_given", False):
        meta = {
            k: v
            for k, v in meta.items()
            if k not in ("page", "previous_page", "next_page")
        }
    if getattr(page_params, "next_cursor", None):
        meta["next_cursor"] = page_params.next_cursor
    return with_version(meta)


def with_version(meta: dict) -> dict:
    """The data version the list was read at: what `changed_since` takes next."""
    version = version_read()
    return meta if version is None else {**meta, "version": version.number}


def link_header(page_params, total_pages: int) -> str:
    """RFC 8288 links to the first, previous, next and last pages; after a
    cursor, `next` is the next cursor's page."""
    page, size = page_params.page, page_params.page_size
    after_cursor = getattr(page_params, "cursor_given", False)
    targets = {"first": {"page": 1}, "last": {"page": max(total_pages, 1)}}
    if page > 1 and not after_cursor:
        targets["prev"] = {"page": min(page - 1, max(total_pages, 1))}
    if after_cursor and page_params.next_cursor:
        targets["next"] = {"cursor": page_params.next_cursor}
    elif page < total_pages and not after_cursor:
        targets["next"] = {"page": page + 1}
    return ", ".join(
        f'<{_page_url(size, **target)}>; rel="{rel}"' for rel, target in targets.items()
    )


def _page_url(page_size: int, **target) -> str:
    """Under the configured public URL, else relative to this one: never from the
    Host header, which any client can set."""
    args = request.args.to_dict(flat=False)
    args.pop("page", None)
    args.pop("cursor", None)
    args.update({name: [str(value)] for name, value in target.items()})
    args["page_size"] = [str(page_size)]
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    return f"{base}{request.path}?{urlencode(args, doseq=True)}"
