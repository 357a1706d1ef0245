"""`lede ingest` and the API write to one database at once, and neither fails."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from api.db import migrate
from tests.conftest import API_KEY, BACKENDS, ROOT, _fresh_postgres_database
from tests.jobs import CORPUS
from tests.live import gunicorn, wait_for

pytestmark = pytest.mark.live
LEDE = Path(sys.executable).parent / "lede"


def write_articles(folder: Path, count: int, size: int = 4) -> Path:
    """`count` distinct articles, each `size` corpus texts long."""
    folder.mkdir()
    for number in range(count):
        texts = [
            CORPUS[(number + k) % len(CORPUS)].read_text("utf-8") for k in range(size)
        ]
        opening = f"Article {number} of the batch was filed on Monday.\n\n"
        (folder / f"{number:04}.txt").write_text(opening + "\n\n".join(texts), "utf-8")
    return folder


def start_ingest(database_url: str, folder: Path, workers: int) -> subprocess.Popen:
    environ = {**os.environ, "LEDE_DATABASE_URL": database_url}
    command = [str(LEDE), "ingest", "--workers", str(workers), str(folder)]
    return subprocess.Popen(
        command, cwd=ROOT, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def post_article(base: str, number: int) -> int:
    body = {"title": f"Post {number}", "text": f"The mayor said {number} roads shut."}
    request = urllib.request.Request(
        f"{base}/api/v1/articles",
        data=json.dumps(body).encode(),
        headers={
            "Authorization": f"Bearer {API_KEY}",
            "Content-Type": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'lede.sqlite3'}"
    migrate.upgrade(url)
    return url


@pytest.fixture(params=BACKENDS)
def writers_database_url(request) -> str:
    """A fresh, migrated database on each backend."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    if os.environ.get("LEDE_TEST_POSTGRES") == "0":
        pytest.skip("PostgreSQL tests switched off with LEDE_TEST_POSTGRES=0")
    server = request.getfixturevalue("postgres_server_url")
    url = _fresh_postgres_database(server, "lede_writers")
    migrate.upgrade(url)
    return url


def test_posts_during_an_ingest_never_fail(writers_database_url, tmp_path):
    folder = write_articles(tmp_path / "articles", 40, size=6)
    url = writers_database_url
    with gunicorn(url, LEDE_API_KEYS=API_KEY) as base:
        ingest = start_ingest(url, folder, workers=2)
        statuses = []
        deadline = time.monotonic() + 300
        while ingest.poll() is None and time.monotonic() < deadline:
            statuses.append(post_article(base, len(statuses)))
        output, errors = ingest.communicate(timeout=60)
    assert ingest.returncode == 0, errors.decode()[-3000:]
    assert "stored 40 article(s), skipped 0" in output.decode()
    assert len(statuses) >= 5
    assert [s for s in statuses if s >= 500] == []
    assert set(statuses) == {201}


def children_of(pid: int) -> set[int]:
    """Live processes whose parent is `pid`, read from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # the process ended while we looked
        state, parent = fields[0], int(fields[1])
        if parent == pid and state not in ("Z", "X"):
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_kill_9_of_ingest_leaves_no_children(sqlite_url, tmp_path):
    folder = write_articles(tmp_path / "articles", 40)
    ingest = start_ingest(sqlite_url, folder, workers=2)
    children: set[int] = set()
    try:
        children = wait_for(
            lambda: len(children_of(ingest.pid)) >= 2 and children_of(ingest.pid),
            60,
            "ingest started no pool processes",
        )
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait(timeout=10)
        wait_for(
            lambda: not any(map(alive, children)),
            10,
            f"pool processes {sorted(filter(alive, children))} outlived ingest",
        )
    finally:
        for pid in filter(alive, children | children_of(ingest.pid)):
            os.kill(pid, signal.SIGKILL)
