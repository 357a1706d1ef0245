"""Changes for mirrors: each row a commit writes carries the data version that the
commit raises (its `version`), and each item a write removes is recorded.

Rows are stamped as the commit raises the version, under its lock: versions are
given in the order of the commits, so all that carries a version up to N was
committed once N is read. A clock would give no such order.
"""

from __future__ import annotations

from sqlalchemy import (
    Integer,
    Select,
    String,
    cast,
    delete,
    exists,
    insert,
    literal,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from api.db import models
from api.db.keyset import ordered

# What a deletion's kind names, and where an item of that kind is stored.
KINDS = {
    "article": models.Article,
    "actor": models.Actor,
    "mention": models.Mention,
    "quote": models.Quote,
    "reaction": models.Reaction,
    "statistic": models.Statistic,
}
STAMPED = (*KINDS.values(), models.Deletion)
WRITTEN = "lede_stamped"


def unstamp(session: Session) -> None:
    """Mark the rows this flush writes to be stamped at the commit (before_flush)."""
    written = session.info.setdefault(WRITTEN, [])
    for row in (*session.new, *session.dirty):
        if isinstance(row, STAMPED):
            row.version = None
            written.append(row)


def stamp(session: Session, number: int) -> None:
    """Give the rows written in this transaction the version `number`; forget the
    removals of items that the transaction wrote again (a replaced article's
    items that it still has)."""
    connection = session.connection()
    for kind, model in KINDS.items():
        key = cast(models.Deletion.item_id, Integer) if kind == "mention" else None
        back = exists().where(
            model.id == (models.Deletion.item_id if key is None else key)
        )
        connection.execute(
            delete(models.Deletion).where(
                models.Deletion.version.is_(None), models.Deletion.kind == kind, back
            )
        )
    for model in STAMPED:
        connection.execute(
            model.__table__.update()
            .where(model.__table__.c.version.is_(None))
            .values(version=number)
        )
    for row in session.info.pop(WRITTEN, []):
        set_committed_value(row, "version", number)


def forget(session: Session) -> None:
    session.info.pop(WRITTEN, None)


def record_removal(db: Session, kind: str, where) -> None:
    """Record the items of `kind` that `where` selects, about to be deleted."""
    model = KINDS[kind]
    removed = select(literal(kind), cast(model.id, String)).where(where)
    db.execute(insert(models.Deletion).from_select(["kind", "item_id"], removed))


def select_deletions(kind: str | list[str] | None = None) -> Select:
    """The removals, in the order of the commits that made them."""
    deletion = models.Deletion
    stmt = select(deletion)
    kinds = [kind] if isinstance(kind, str) else kind
    if kinds:
        stmt = stmt.where(deletion.kind.in_(kinds))
    return ordered(stmt, deletion.version, deletion.id)
