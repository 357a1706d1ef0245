"""Jobs on the embedded queue: gunicorn accepts, `lede worker` processes extract."""

from __future__ import annotations

import json
import os
import signal

import pytest

from api.db import migrate
from tests.conftest import API_KEY
from tests.jobs import (
    article,
    call,
    finished_job,
    job_articles,
    post_job,
    stored_articles,
)
from tests.live import gunicorn, wait_for, workers

pytestmark = pytest.mark.live
THRESHOLD = 3000
LEASE = 4


def fresh_urls(folder) -> tuple[str, str]:
    """A migrated SQLite database and an embedded queue beside it."""
    database_url = f"sqlite:///{folder / 'lede.sqlite3'}"
    migrate.upgrade(database_url)
    return database_url, f"sqlite:///{folder / 'queue.sqlite3'}"


@pytest.fixture(scope="module")
def urls(tmp_path_factory) -> tuple[str, str]:
    return fresh_urls(tmp_path_factory.mktemp("jobs"))


@pytest.fixture(scope="module")
def stack(urls):
    """gunicorn and one worker on the same database and queue; yields the base URL."""
    database_url, queue_url = urls
    env = {
        "LEDE_API_KEYS": API_KEY,
        "LEDE_QUEUE_URL": queue_url,
        "LEDE_JOB_THRESHOLD": str(THRESHOLD),
        # Any extraction outlasts this wait: every post becomes a job.
        "LEDE_EXTRACTION_SECONDS": "0.001",
    }
    with (
        gunicorn(database_url, **env) as base,
        workers(1, database_url, queue_url),
    ):
        yield base


def test_post_job_stores_each_article_once(stack, urls):
    articles = [article(0), article(1), article(0)]
    status, headers, job = post_job(stack, articles)
    assert status == 202, job
    assert headers["Location"] == f"/api/v1/jobs/{job['id']}"
    assert job["progress"]["total"] == 3
    done = finished_job(stack, headers["Location"])
    states = [(a["position"], a["state"]) for a in done["articles"]]
    assert states == [(0, "stored"), (1, "stored"), (2, "duplicate")]
    first, _, again = done["articles"]
    assert again["article"] == first["article"]
    assert done["progress"] == {
        "total": 3,
        "pending": 0,
        "running": 0,
        "stored": 2,
        "duplicate": 1,
        "failed": 0,
    }
    assert done["finished_at"] is not None
    stored = call(f"{stack}/api/v1/articles/{first['article']}")[2]
    assert stored["title"] == "Job article 0"
    # The same job again stores nothing twice.
    _, headers, _ = post_job(stack, articles)
    retried = finished_job(stack, headers["Location"])
    assert {a["state"] for a in retried["articles"]} == {"duplicate"}
    assert stored_articles(urls[0]) == 2


def test_post_job_as_ndjson(stack):
    lines = "\n".join(json.dumps(article(n)) for n in (3, 4)) + "\n"
    status, headers, job = call(
        f"{stack}/api/v1/jobs", lines.encode(), "application/x-ndjson"
    )
    assert status == 202, job
    done = finished_job(stack, headers["Location"])
    assert [a["state"] for a in done["articles"]] == ["stored", "stored"]


def test_long_article_post_answers_202_with_a_job(stack):
    long = article(5, size=3)
    assert len(long["text"]) > THRESHOLD
    body = json.dumps(long).encode()
    status, headers, job = call(f"{stack}/api/v1/articles", body)
    assert status == 202, job
    assert job["state"] in ("queued", "running")
    done = finished_job(stack, headers["Location"])
    [outcome] = done["articles"]
    assert outcome["state"] == "stored"
    stored = call(f"{stack}/api/v1/articles/{outcome['article']}")[2]
    assert stored["title"] == "Job article 5"


def test_post_over_the_wait_is_stored_by_a_worker(stack):
    body = json.dumps(article(6)).encode()
    status, headers, job = call(f"{stack}/api/v1/articles", body)
    assert status == 202, job
    assert len(article(6)["text"]) < THRESHOLD
    done = finished_job(stack, headers["Location"])
    [outcome] = done["articles"]
    assert (outcome["state"], outcome["error"]) == ("stored", None)
    # Stored now: the same post answers 200 with the article, and stores nothing.
    status, _, stored = call(f"{stack}/api/v1/articles", body)
    assert (status, stored["id"], stored["title"]) == (
        200,
        outcome["article"],
        "Job article 6",
    )


def test_killed_worker_loses_no_article(tmp_path):
    database_url, queue_url = fresh_urls(tmp_path)
    env = {"LEDE_API_KEYS": API_KEY, "LEDE_QUEUE_URL": queue_url}
    lease = {"LEDE_JOB_LEASE": str(LEASE)}
    articles = [article(n, size=4) for n in range(6)]
    with gunicorn(database_url, **env) as base:
        _, headers, _ = post_job(base, articles)
        location = headers["Location"]

        def started():
            job = call(base + location)[2]
            return job if job["progress"]["stored"] >= 1 else None

        with workers(1, database_url, queue_url, **lease) as [first]:
            job = wait_for(started, 60, "the first worker stored nothing")
            os.kill(first.pid, signal.SIGKILL)
        held = job_articles(base, call(base + location)[2])
        held = [a for a in held if a["state"] == "running"]
        assert len(held) == 1, job  # the article the worker died on
        with workers(1, database_url, queue_url, **lease):
            done = finished_job(base, location)
    assert [a["state"] for a in done["articles"]] == ["stored"] * 6
    retried = done["articles"][held[0]["position"]]
    assert retried["attempts"] == 2
    assert stored_articles(database_url) == 6
