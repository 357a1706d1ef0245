"""Alembic environment: the URL comes from the caller, the metadata from our models."""

from alembic import context

from api.db import (
    Base,
    make_engine,
    models,  # noqa: F401  (registers the tables on Base.metadata)
)
from api.db.search import described

# Any fixed number: the key of PostgreSQL's advisory lock held while migrating.
MIGRATION_LOCK = 7_316_045

config = context.config
engine = config.attributes.get("engine") or make_engine(
    config.get_main_option("sqlalchemy.url")
)


def run_migrations_online() -> None:
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A batch migration copies a table and drops the old one: with foreign
            # keys on, that drop would delete every row referring to it.
            _foreign_keys(connection, "OFF")
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=sqlite,
            include_object=described,
        )
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                # Replicas that start at once migrate one after the other: the
                # next one waits here, then finds the schema at head.
                connection.exec_driver_sql(
                    f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"
                )
            context.run_migrations()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            _foreign_keys(connection, "ON")
            if broken:
                raise SystemExit(f"migration left rows without a parent: {broken[:5]}")


def _foreign_keys(connection, state: str) -> None:
    """Outside any transaction, where SQLite honours the pragma."""
    connection.commit()
    connection.exec_driver_sql(f"PRAGMA foreign_keys={state}")
    connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `lede db upgrade`")
run_migrations_online()
