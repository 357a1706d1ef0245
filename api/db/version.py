"""The data version: raised in the transaction of every write, read before a read."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import event, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from api.db import changes
from api.db.models import DataVersion

ROW = 1
CHANGED = "lede_data_changed"
# A job's own bookkeeping (its state, an article's lease) is no data a read shows:
# writing it leaves every kept read valid. What a job stores is versioned as usual.
UNVERSIONED = frozenset({"jobs", "job_articles"})


class Version(NamedTuple):
    generation: str
    number: int

    def __str__(self) -> str:
        return f"{self.generation}.{self.number}"

    def is_after(self, other: Version | None) -> bool:
        """Newer than `other`, or of a database created since."""
        return other is None or (
            self.generation != other.generation or self.number > other.number
        )


# Plain SQL: every read runs it, so it skips the ORM and the compiler.
CURRENT = f"SELECT generation, number FROM data_version WHERE id = {ROW}"


def current(engine: Engine) -> Version | None:
    """The version now, or None when the database has no version row; with an
    engine in autocommit (api.db.init_app), in one round trip."""
    with engine.connect() as db:
        row = db.exec_driver_sql(CURRENT).first()
    return None if row is None else Version(*row)


def track_writes(factory: sessionmaker) -> None:
    """Every session of `factory` that writes raises the version as it commits, so
    no write path can forget to."""

    def on_flush(session: Session, _flush: UOWTransaction, _instances) -> None:
        changed = (*session.new, *session.dirty, *session.deleted)
        if any(type(row).__tablename__ not in UNVERSIONED for row in changed):
            session.info[CHANGED] = True
        changes.unstamp(session)

    def on_execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            if getattr(table, "name", None) not in UNVERSIONED:
                state.session.info[CHANGED] = True

    def on_commit(session: Session) -> None:
        session.flush()
        if session.info.pop(CHANGED, False):
            # Last in the transaction: on PostgreSQL the row stays locked until
            # the commit, so writers queue on it for the commit alone. Through the
            # connection, so that this update does not count as a new change.
            number = session.connection().scalar(
                update(DataVersion)
                .where(DataVersion.id == ROW)
                .values(number=DataVersion.number + 1)
                .returning(DataVersion.number)
            )
            changes.stamp(session, number)
        changes.forget(session)

    def on_rollback(session: Session) -> None:
        session.info.pop(CHANGED, None)
        changes.forget(session)

    for name, listener in (
        ("before_flush", on_flush),
        ("do_orm_execute", on_execute),
        ("before_commit", on_commit),
        ("after_rollback", on_rollback),
    ):
        event.listen(factory, name, listener)
