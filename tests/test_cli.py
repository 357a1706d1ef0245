"""The `lede` command line: seeding, migrations, routes."""

import json
import time

from click.testing import CliRunner
from sqlalchemy import func, select

from api.cli import cli
from api.db import migrate, models, session
from tests.conftest import API_KEY, make_app


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


def test_seed_skips_a_text_stored_under_another_id(seed, tmp_path):
    url = f"sqlite:///{tmp_path / 'lede.sqlite3'}"
    migrate.upgrade(url)
    app = make_app(url)
    client = app.test_client()
    auth = {"Authorization": f"Bearer {API_KEY}"}
    body = {"title": "The same text again", "text": seed.article.text}
    posted = client.post("/api/v1/articles", json=body, headers=auth).get_json()
    assert posted["id"] != seed.article.id
    result = app.test_cli_runner().invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert f"its text is stored as {posted['id']}" in result.output
    assert client.get(f"/api/v1/articles/{seed.article.id}").status_code == 404
    assert [a["id"] for a in client.get("/api/v1/articles").get_json()] == [
        posted["id"]
    ]


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


def test_extract_prints_the_annotation_without_a_database(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        ' date 2024-02-01 "We are ready," said Marta Lind, the port director.',
        "utf-8",
    )
    env = {"LEDE_DATABASE_URL": f"sqlite:///{tmp_path / 'never' / 'x.db'}"}
    result = CliRunner().invoke(cli, ["extract", str(article)], env=env)
    assert result.exit_code == 0, result.output
    annotation = json.loads(result.output)
    assert annotation["article"]["published_on"] == "2024-02-01"
    [quote] = annotation["quotes"]
    assert quote["text"] == "We are ready"
    assert quote["speaker"] == "marta-lind"
    text = annotation["article"]["text"]
    assert text[quote["start"] : quote["end"]] == quote["text"]
    assert not (tmp_path / "never").exists()


def test_ingest_stores_new_files_and_says_why_it_skips(scratch_database_url, tmp_path):
    migrate.upgrade(scratch_database_url)
    app = make_app(scratch_database_url)
    folder = tmp_path / "in"
    folder.mkdir()
    one = "The minister said 40 homes were damaged in Alder Bay."
    (folder / "a.txt").write_text(one, "utf-8")
    (folder / "b.txt").write_text("Rescuers said 3 climbers were found.", "utf-8")
    (folder / "c.txt").write_text(one, "utf-8")
    (folder / "d.txt").write_text("   \n", "utf-8")
    (folder / "e.txt").write_bytes(b"\xff\xfe\x00broken")
    (folder / "f.txt").write_text("The port reopened on Friday.", "utf-8")
    (folder / "f.json").write_text('{"quotes": [{"evidence": "closed"}]}', "utf-8")
    args = ["ingest", "--workers", "2", str(folder)]
    stored_before = _counts(app)["Article"]  # other tests share the scratch database
    first = app.test_cli_runner().invoke(args=args)
    assert first.exit_code == 0, first.output
    assert "stored 2 article(s), skipped 4" in first.output
    assert "c.txt: already stored as" in first.output
    assert "d.txt: empty text" in first.output
    assert "e.txt: not UTF-8 text" in first.output
    assert "f.txt: CurationError: quote 'closed': evidence 'closed' not found" in (
        first.output
    )
    again = app.test_cli_runner().invoke(args=args)
    assert "stored 0 article(s), skipped 6" in again.output
    assert _counts(app)["Article"] == stored_before + 2


def test_evaluate_scores_the_seed(runner):
    result = runner.invoke(args=["evaluate", "seeds"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["article", "actors", "P/R/F1"]
    # The seed scores 1.00 precision on quotes: nothing extracted that is not curated.
    assert lines[1].split()[2].startswith("1.00/")
    assert lines[1].startswith("000_e7fced2b989c9f56")
    assert lines[-1].startswith("overall")


def test_evaluate_reports_each_corpus_and_all_together(runner):
    result = runner.invoke(args=["evaluate", "seeds", "tests/corpus-real"])
    assert result.exit_code == 0, result.output
    summary = result.output.split("\n\n")[-1].splitlines()
    assert summary[0].split()[:3] == ["corpus", "actors", "P/R/F1"]
    assert [line.split()[0] for line in summary[1:]] == [
        "seeds",
        "tests/corpus-real",
        "overall",
    ]
    # The seed alone scores 1.00 on quotes; the corpora together cannot beat that.
    assert summary[1].split()[2] == "1.00/1.00/1.00"


def test_evaluate_without_curated_files_fails_clearly(runner, tmp_path):
    (tmp_path / "x.txt").write_text("Nothing curated here.", "utf-8")
    result = runner.invoke(args=["evaluate", str(tmp_path)])
    assert result.exit_code != 0
    assert "no curated annotation" in result.output


def test_ingest_of_nothing_readable_finishes_at_once(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", "utf-8")
    result = runner.invoke(args=["ingest", "--workers", "0", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "stored 0 article(s), skipped 1" in result.output
    assert "empty.txt: empty text" in result.output


def test_ingest_without_workers_stops_waiting_when_none_takes_the_job(
    tmp_path, monkeypatch
):
    from api import ingest
    from api.db import jobs as rows
    from api.db.models import Job

    url = f"sqlite:///{tmp_path / 'alone.sqlite3'}"
    migrate.upgrade(url)
    app = make_app(url)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The port reopened on Friday.", "utf-8")
    monkeypatch.setattr(ingest, "UNTAKEN_SECONDS", 1)
    started = time.monotonic()
    result = app.test_cli_runner().invoke(
        args=["ingest", "--workers", "0", str(tmp_path / "in")]
    )
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    assert "no worker took an article of job" in result.output
    assert "it stays queued: start `lede worker`" in result.output
    with app.app_context():
        (job,) = session().query(Job).all()
        assert rows.describe(session(), job)["progress"]["pending"] == 1
        assert _counts(app)["Article"] == 0
