"""Jobs on the Redis queue: a real redis-server, PostgreSQL, and two workers."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time

import pytest
import redis

from api.db import migrate
from tests.conftest import API_KEY, _fresh_postgres_database
from tests.jobs import article, call, finished_job, post_job, stored_articles
from tests.live import free_port, gunicorn, missing, wait_for, workers

pytestmark = pytest.mark.live
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A redis-server of our own on a free port, keeping nothing on disk."""
    if not os.path.exists(REDIS_SERVER):
        missing("redis-server not found: apt-get install redis-server")
    port = free_port()
    command = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1"]
    command += ["--save", "", "--appendonly", "no"]
    server = subprocess.Popen(
        command, cwd=tmp_path_factory.mktemp("redis"), stdout=subprocess.DEVNULL
    )
    client = redis.Redis(port=port)

    def answers() -> bool:
        with contextlib.suppress(redis.ConnectionError):
            return client.ping()
        return False

    try:
        wait_for(answers, 10, "redis-server did not answer in 10 s")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def shared_database_url(request, tmp_path_factory) -> str:
    """PostgreSQL, as workers on several machines would share; SQLite when off."""
    if os.environ.get("LEDE_TEST_POSTGRES") == "0":
        url = f"sqlite:///{tmp_path_factory.mktemp('redis-db') / 'lede.sqlite3'}"
    else:
        server = request.getfixturevalue("postgres_server_url")
        url = _fresh_postgres_database(server, "lede_redis_jobs")
    migrate.upgrade(url)
    return url


def test_two_workers_share_a_job_and_survive_one_killed(redis_url, shared_database_url):
    env = {"LEDE_API_KEYS": API_KEY, "LEDE_QUEUE_URL": redis_url}
    lease = {"LEDE_JOB_LEASE": "4"}
    articles = [article(n, size=4) for n in range(8)]
    with (
        gunicorn(shared_database_url, **env) as base,
        workers(2, shared_database_url, redis_url, **lease) as [doomed, survivor],
    ):
        status, headers, job = post_job(base, articles)
        assert status == 202, job
        location = headers["Location"]

        def started():
            progress = call(base + location)[2]["progress"]
            return progress["stored"] >= 2 and progress["running"] >= 1

        wait_for(started, 90, "the workers stored nothing")
        os.kill(doomed.pid, signal.SIGKILL)
        begun = time.monotonic()
        done = finished_job(base, location, seconds=120)
        assert survivor.poll() is None
    assert [a["state"] for a in done["articles"]] == ["stored"] * 8
    assert all(a["attempts"] in (1, 2) for a in done["articles"])
    assert stored_articles(shared_database_url) == 8
    assert time.monotonic() - begun < 120
