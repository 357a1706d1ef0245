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


def make_engine(url: str, **options) -> Engine:
    # A file never drops the connection: testing it before each use (a query more
    # per request) is for servers only.
    options.setdefault("pool_pre_ping", not url.startswith("sqlite"))
    engine = create_engine(url, **options)
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
    from api.db import version  # its models need Base, defined above

    engine = make_engine(app.config["DATABASE_URL"])
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    version.track_writes(factory)
    sessions = scoped_session(factory)
    app.extensions["lede_db"] = sessions
    app.extensions["lede_engine"] = engine
    # The data version is read before every read, one statement outside any
    # transaction: connections of their own, in autocommit, with nothing to reset
    # and no ping (a dropped one fails that read, which the view then answers).
    app.extensions["lede_version_engine"] = make_engine(
        app.config["DATABASE_URL"],
        isolation_level="AUTOCOMMIT",
        pool_reset_on_return=None,
        pool_pre_ping=False,
    )
    app.teardown_appcontext(lambda _exc: sessions.remove())


def session() -> Session:
    """The database session (SQLAlchemy) of the current app context."""
    return current_app.extensions["lede_db"]()
