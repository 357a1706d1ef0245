"""The data version: every write raises it in its own transaction, reads never do."""

import pytest

from api.db import migrate, session, version
from tests.conftest import API_KEY, make_app

AUTH = {"Authorization": f"Bearer {API_KEY}"}
TEXT = "The harbour master said 7 boats sank off Kell Point on Sunday."


def _number(app) -> int:
    with app.app_context():
        return version.current(session().get_bind()).number


@pytest.fixture
def scratch_app(scratch_database_url):
    migrate.upgrade(scratch_database_url)
    return make_app(scratch_database_url)


def test_post_and_delete_each_raise_the_version(scratch_app):
    client = scratch_app.test_client()
    before = _number(scratch_app)
    posted = client.post("/api/v1/articles", json={"text": TEXT}, headers=AUTH)
    assert posted.status_code == 201, posted.get_json()
    assert _number(scratch_app) == before + 1
    again = client.post("/api/v1/articles", json={"text": TEXT}, headers=AUTH)
    assert again.status_code == 200
    assert _number(scratch_app) == before + 1  # a known text writes nothing
    article_url = posted.headers["Location"]
    assert client.delete(article_url, headers=AUTH).status_code == 204
    assert _number(scratch_app) == before + 2
    assert client.delete(article_url, headers=AUTH).status_code == 404
    assert _number(scratch_app) == before + 2


def test_reads_leave_the_version(scratch_app):
    client = scratch_app.test_client()
    before = _number(scratch_app)
    for path in ("/api/v1/articles", "/api/v1/actors", "/health"):
        assert client.get(path).status_code == 200
    assert _number(scratch_app) == before


def test_seed_and_ingest_raise_the_version(scratch_app, tmp_path):
    runner = scratch_app.test_cli_runner()
    before = _number(scratch_app)
    assert runner.invoke(args=["seed"]).exit_code == 0
    after_seed = _number(scratch_app)
    assert after_seed > before
    (tmp_path / "kell.txt").write_text(TEXT + " Two crews were rescued.", "utf-8")
    result = runner.invoke(args=["ingest", "--workers", "1", str(tmp_path)])
    assert "stored 1 article(s)" in result.output, result.output
    assert _number(scratch_app) == after_seed + 1


def test_a_rolled_back_write_leaves_the_version(scratch_app):
    from api.db import models

    with scratch_app.app_context():
        before = version.current(session().get_bind())
        session().add(models.Actor(id="nobody-at-all", name="Nobody", type="person"))
        session().flush()
        session().rollback()
        session().commit()  # nothing left to write: no new version
        assert version.current(session().get_bind()) == before
