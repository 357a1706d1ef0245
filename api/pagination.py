"""Pagination of SQLAlchemy 2 `select()` statements, and the `Link` header."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from flask import current_app, request
from flask_smorest import Page
from sqlalchemy import Select, func, select

from api import offsets
from api.caching import version_read
from api.db import session
from api.readcache import KeptCount

# Parameters that choose which rows of the list to show, not which rows it has.
UNCOUNTED = {"page", "page_size", "sort"}


@dataclass
class Listing:
    """A select statement and how to present a page of the rows it yields
    (all at once, so that a presenter can fetch what the rows need in one query)."""

    statement: Select
    present: Callable[[list[Any]], list[Any]] = lambda rows: rows


class SelectPage(Page):
    """Pages a Listing; flask-smorest's CursorPage would need the legacy Query."""

    @property
    def items(self):
        params = self.page_params
        if params.first_item >= params.item_count:
            return []  # past the end: no query, and no huge OFFSET for the database
        stmt = self.collection.statement.limit(params.page_size).offset(
            params.first_item
        )
        rows = list(session().scalars(stmt))
        offsets.prime(rows)
        return self.collection.present(rows)

    @property
    def item_count(self):
        return count_rows(self.collection.statement)


def counting(stmt: Select) -> Select:
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


def link_header(page: int, page_size: int, total_pages: int) -> str:
    """RFC 8288 links to the first, previous, next and last pages."""
    targets = {"first": 1, "last": max(total_pages, 1)}
    if page > 1:
        targets["prev"] = min(page - 1, max(total_pages, 1))
    if page < total_pages:
        targets["next"] = page + 1
    return ", ".join(
        f'<{_page_url(number, page_size)}>; rel="{rel}"'
        for rel, number in targets.items()
    )


def _page_url(page: int, page_size: int) -> str:
    """Under the configured public URL, else relative to this one: never from the
    Host header, which any client can set."""
    args = request.args.to_dict(flat=False)
    args.update(page=[str(page)], page_size=[str(page_size)])
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    return f"{base}{request.path}?{urlencode(args, doseq=True)}"
