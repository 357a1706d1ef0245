"""Database engine and request-scoped session, bound to the Flask app."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, scoped_session, sessionmaker


class Base(DeclarativeBase):
    pass


def ensure_sqlite_folder(url: str) -> None:
    """SQLite creates its file but not the folder; migrations call this first."""
    if url.startswith("sqlite:///") and ":memory:" not in url:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)


# A writer waits this long for another to commit before giving up with "database is
# locked". Each write is one article (well under a second even for the longest), so
# 30 s is never reached unless something is wrong.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str) -> Engine:
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, _record) -> None:
    # Cascading deletes need foreign keys on; WAL lets readers work during a write;
    # the busy timeout makes a writer queue behind another instead of failing.
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    sessions = scoped_session(sessionmaker(bind=engine, expire_on_commit=False))
    app.extensions["lede_db"] = sessions
    app.teardown_appcontext(lambda _exc: sessions.remove())


def session() -> Session:
    """The session of the current app context."""
    return current_app.extensions["lede_db"]()
