"""Alembic environment: the URL comes from the caller, the metadata from our models."""

from alembic import context

from api.db import (
    Base,
    make_engine,
    models,  # noqa: F401  (registers the tables on Base.metadata)
)

config = context.config
engine = config.attributes.get("engine") or make_engine(
    config.get_main_option("sqlalchemy.url")
)


def run_migrations_online() -> None:
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `lede db upgrade`")
run_migrations_online()
