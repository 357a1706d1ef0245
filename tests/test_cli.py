"""The `lede` command line: seeding, migrations, routes."""

from click.testing import CliRunner
from sqlalchemy import func, select

from api.cli import cli
from api.db import models, session


def _counts(app) -> dict:
    with app.app_context():
        return {
            model.__name__: session().scalar(select(func.count()).select_from(model))
            for model in (
                models.Article,
                models.Actor,
                models.Mention,
                models.Quote,
                models.Reaction,
                models.Statistic,
            )
        }


def _ids(app, model) -> set[str]:
    with app.app_context():
        return set(session().scalars(select(model.id)))


def test_seed_twice_keeps_ids_and_adds_nothing(app, runner, seed):
    before = _counts(app), _ids(app, models.Quote), _ids(app, models.Statistic)
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert f"seeded {seed.article.id} (curated)" in result.output
    after = _counts(app), _ids(app, models.Quote), _ids(app, models.Statistic)
    assert after == before
    assert before[0]["Quote"] == len(seed.quotes)


def test_seed_refuses_broken_annotation_and_names_item(runner, tmp_path):
    (tmp_path / "a.txt").write_text(" date 2024-01-01 The mayor spoke.", "utf-8")
    (tmp_path / "a.json").write_text(
        '{"article": {"title": "T"}, "quotes": [{"evidence": "never said", '
        '"speaker": null}]}',
        "utf-8",
    )
    result = runner.invoke(args=["seed", str(tmp_path)])
    assert result.exit_code != 0
    assert "never said" in str(result.exception)


def test_lede_group_lists_routes(database_url):
    result = CliRunner().invoke(
        cli, ["routes"], env={"LEDE_DATABASE_URL": database_url}
    )
    assert result.exit_code == 0, result.output
    assert "/api/v1/actors/<string:actor_id>/quotes" in result.output


def test_db_upgrade_is_idempotent(runner):
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert "database at head" in result.output
