"""/health: 200 only on a database that answers, at the latest migration."""

import sqlite3

from api.db import migrate
from tests.conftest import make_app


def _health(url: str):
    response = make_app(url).test_client().get("/health")
    return response.status_code, response.get_json()


def test_health_is_ok_on_a_migrated_database(database_url, app):
    assert _health(database_url) == (200, {"status": "ok", "database": "ok"})


def test_health_is_503_on_an_empty_sqlite_file(tmp_path):
    path = tmp_path / "empty.sqlite3"
    sqlite3.connect(path).close()
    status, body = _health(f"sqlite:///{path}")
    assert status == 503
    assert body["message"] == "The database does not respond or has no schema."
    assert body["code"] == 503 and body["status"] == "Service Unavailable"


def test_health_is_503_on_a_schema_behind_the_latest_migration(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate.upgrade(url, "0004_reads")
    status, body = _health(url)
    assert status == 503
    assert body["message"] == "The database schema is not at the latest migration."
    migrate.upgrade(url)
    assert _health(url)[0] == 200


def test_head_is_the_newest_migration():
    assert migrate.head() == "0010_search_terms"
