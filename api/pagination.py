"""Pagination of SQLAlchemy 2 `select()` statements, and the `Link` header."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from flask import current_app, request
from flask_smorest import Page
from sqlalchemy import Select, func, select

from api.db import session


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
        return self.collection.present(list(session().scalars(stmt)))

    @property
    def item_count(self):
        counted = self.collection.statement.order_by(None).subquery()
        return session().scalar(select(func.count()).select_from(counted))


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
