"""Migration 0004_reads: counts the totals of rows stored before it, and reverts."""

import warnings

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from api.db import Base, migrate, models, search, session
from tests.conftest import make_app

TOTALS = (
    models.Actor.id,
    models.Actor.role,
    models.Actor.mention_count,
    models.Actor.article_count,
    models.Actor.salience,
    models.Actor.aliases,
    models.Actor.alias_count,
    models.Actor.forms,
)


def _totals(app) -> tuple[list, list]:
    with app.app_context():
        actors = session().execute(select(*TOTALS).order_by(models.Actor.id)).all()
        articles = (
            session()
            .execute(select(models.Article.id, models.Article.paragraph_count))
            .all()
        )
        return [tuple(a) for a in actors], sorted(tuple(a) for a in articles)


def test_upgrade_counts_the_totals_of_stored_rows(scratch_database_url):
    migrate.upgrade(scratch_database_url)
    app = make_app(scratch_database_url)
    assert app.test_cli_runner().invoke(args=["seed"]).exit_code == 0
    stored = _totals(app)
    assert any(count > 0 for _, count in stored[1])
    migrate.downgrade(scratch_database_url, "0002")
    migrate.upgrade(scratch_database_url)
    assert _totals(app) == stored


def test_migrations_build_the_schema_of_the_models(scratch_database_url):
    migrate.upgrade(scratch_database_url)
    app = make_app(scratch_database_url)
    with app.app_context(), warnings.catch_warnings():
        # Autogenerate skips expression indexes, and says so in a warning.
        warnings.simplefilter("ignore")
        context = MigrationContext.configure(
            session().connection(), opts={"include_object": search.described}
        )
        assert compare_metadata(context, Base.metadata) == []
