"""A list's order as data, and the statements that read its rows after a key (the
last row's sort value and id) through the index of that order: a deep page costs
as much as the first."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Select, and_, or_, tuple_
from sqlalchemy.orm import Session

ORDER = "lede_order"

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Order:
    """Columns a list is ordered by, all in one direction; the last is unique."""

    columns: tuple
    descending: bool = False
    # Best matches of a search first: an order by a rank that any write to the
    # index moves (it weighs every entry), so no key of it marks a place.
    relevance: bool = False
    # A search by relevance with nothing else to filter by: its count, read from
    # the full-text index alone, and its page of (limit, offset) rows, ranked and
    # cut there before any row of the list is read (api.db.search.Ranking).
    count: Select | None = field(default=None, compare=False)
    page: Callable[[int, int], Select] | None = field(default=None, compare=False)

    @property
    def model(self):
        """The listed model: the one whose id breaks ties."""
        return self.columns[-1].class_

    @property
    def fingerprint(self) -> str:
        """Names the order, so that a key is never read in another."""
        spelled = ",".join(map(str, self.columns)) + (
            " desc" if self.descending else ""
        )
        return hashlib.sha256(spelled.encode()).hexdigest()[:8]

    def types(self) -> list[type]:
        return [column.type.python_type for column in self.columns]

    def nullable(self) -> list[bool]:
        return [_nullable(column) for column in self.columns]


def ordered(stmt: Select, *columns, descending: bool = False) -> Select:
    """`stmt` ordered by `columns`, with the order kept for the pager."""
    clauses = [c.desc() if descending else c.asc() for c in columns]
    order = Order(tuple(columns), descending)
    return stmt.order_by(*clauses).execution_options(**{ORDER: order})


def ranked(stmt: Select, rank, tiebreak, count=None, page=None) -> Select:
    """`stmt` by relevance (`rank`, best first), then `tiebreak`: no cursor of it;
    `count` and `page`, where given, read its count and a page of it."""
    order = Order((rank, tiebreak), relevance=True, count=count, page=page)
    return stmt.order_by(rank, tiebreak.asc()).execution_options(**{ORDER: order})


def order_of(stmt: Select) -> Order:
    return stmt.get_execution_options()[ORDER]


def changed_since(stmt: Select, order: Order, version: int) -> Select:
    """Only the items written by a commit after `version` (api.db.changes), in
    the order of the commits: what the (version, id) index gives, however few
    have changed among many."""
    model = order.model
    stmt = stmt.where(model.version > version).order_by(None)
    return ordered(stmt, model.version, model.id)


def rows(
    db: Session, stmt: Select, order: Order, after: Key | None, limit: int, offset=0
) -> list[tuple[Any, Key]]:
    """(item, key) for at most `limit` rows after `after` (from the start when
    None, skipping `offset` rows then)."""
    # An order by relevance has no key to give (nor the columns to join it from).
    keyed = stmt if order.relevance else stmt.add_columns(*order.columns)
    if after is None and order.page is not None:
        return _read(db, order.page(limit, offset))
    if after is None:
        return _read(db, keyed.limit(limit).offset(offset))
    found: list[tuple[Any, Key]] = []
    for region in _regions(keyed, order, after, db.get_bind().dialect.name):
        found += _read(db, region.limit(limit - len(found)))
        if len(found) >= limit:
            break
    return found


def _read(db: Session, stmt: Select) -> list[tuple[Any, Key]]:
    return [(row[0], tuple(row[1:])) for row in db.execute(stmt)]


def _regions(stmt: Select, order: Order, after: Key, dialect: str) -> list[Select]:
    """The rows after `after` as one or two ranges of the index: a sort column
    with nulls holds them apart, first or last as the database orders them
    (SQLite: first going up; PostgreSQL: last going up)."""
    first, *rest = order.columns
    beyond = _beyond(order.descending)
    nulls_first = (dialect == "sqlite") != order.descending
    if after[0] is None:
        here = stmt.where(first.is_(None), beyond(tuple_(*rest), tuple_(*after[1:])))
        return [here, stmt.where(first.is_not(None))] if nulls_first else [here]
    here = stmt.where(_after_key(order, after))
    if nulls_first or not _nullable(first):
        return [here]
    return [here, stmt.where(first.is_(None))]


def _after_key(order: Order, after: Key):
    """Rows past `after`: one row-value range of the index; for a sort by an
    expression (SQLite seeks an expression's index by the expression alone),
    from the key's sort value on, past the key's id among its ties."""
    beyond = _beyond(order.descending)
    first, *rest = order.columns
    if isinstance(getattr(first, "expression", None), Column):
        return beyond(tuple_(*order.columns), tuple_(*after))
    at_least = (first <= after[0]) if order.descending else (first >= after[0])
    return and_(
        at_least,
        or_(beyond(first, after[0]), beyond(tuple_(*rest), tuple_(*after[1:]))),
    )


def _beyond(descending: bool):
    return (lambda a, b: a < b) if descending else (lambda a, b: a > b)


def _nullable(column) -> bool:
    return bool(getattr(getattr(column, "expression", column), "nullable", False))
