"""Ingest as jobs on Huey: the web side accepts and enqueues, `lede worker` extracts.

Job state lives in the database (`api.db.jobs`), so every web worker sees it; the
queue carries only the id of each accepted article. Huey removes a message when a
worker takes it, so a worker killed mid-article would lose it: the article's lease
runs out instead, and the sweep (a Huey periodic task that every worker runs) sends
it again.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from flask import Flask, current_app
from huey import RedisHuey, SqliteHuey, crontab
from huey.consumer import Consumer, Scheduler
from sqlalchemy.exc import IntegrityError, OperationalError

from api.budget import OverBudget
from api.db import jobs as rows
from api.db import load, models, session
from api.db.writes import extract_for_job, store_payload
from api.extraction.ids import content_hash
from api.extraction.text import parse_header

# A worker that died on the same article this many times will die on it again.
MAX_ATTEMPTS = 3
QUEUE_NAME = "lede"
log = logging.getLogger(__name__)


REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
SQLITE_SCHEME = "sqlite:///"


class QueueUrlError(ValueError):
    pass


def check_queue_url(url: str) -> None:
    """Refuse, at start-up, a queue URL that neither mode understands."""
    if not url.startswith((*REDIS_SCHEMES, SQLITE_SCHEME)):
        raise QueueUrlError(
            f"LEDE_QUEUE_URL must be sqlite:///FILE or redis://HOST:PORT/DB, "
            f"not {url!r}"
        )


def make_huey(url: str):
    """SqliteHuey for a sqlite:/// file (embedded), RedisHuey for a redis:// URL."""
    check_queue_url(url)
    if url.startswith(REDIS_SCHEMES):
        return RedisHuey(QUEUE_NAME, url=url, results=False)
    path = Path(url.removeprefix(SQLITE_SCHEME))
    path.parent.mkdir(parents=True, exist_ok=True)
    # Results stay in the jobs table; a busy queue file waits, never fails.
    return SqliteHuey(QUEUE_NAME, filename=str(path), results=False, timeout=30)


class Queue:
    """The app's Huey instance and its two tasks, made on first use."""

    def __init__(self, app: Flask):
        self.huey = make_huey(app.config["QUEUE_URL"])
        self.lease = app.config["JOB_LEASE"]

        @self.huey.task(name="extract_job_article")
        def extract_job_article(item_id: int) -> None:
            with app.app_context():
                process(item_id, self.lease)

        @self.huey.periodic_task(crontab(), name="resend_stalled_articles")
        def resend_stalled_articles() -> None:
            with app.app_context():
                self.resend_stalled()

        self.extract = extract_job_article

    def submit(self, payloads: list[dict]) -> models.Job:
        """Store a job of `payloads` and enqueue each article; the job is committed
        before any message is sent, so a worker always finds it."""
        db = session()
        job = rows.create_job(db, [_as_json(payload) for payload in payloads])
        db.commit()
        self._send(job)
        return job

    def hand_over(self, payload: dict, text_hash: str) -> models.Job:
        """A job of one posted article, to extract while nobody waits; identical
        posts made while it waits get this job, not one of their own."""
        db = session()
        waiting = rows.waiting_job(db, text_hash)
        if waiting is not None:
            return waiting
        try:
            job = rows.create_job(db, [_as_json(payload)], waiting_hash=text_hash)
            db.commit()
        except IntegrityError:
            db.rollback()  # a twin post handed the same text over first
            waiting = rows.waiting_job(db, text_hash)
            if waiting is not None:
                return waiting
            # ...and its job has finished since: this one finds it stored.
            return self.submit([payload])
        self._send(job)
        return job

    def _send(self, job: models.Job) -> None:
        db = session()
        try:
            for item_id in rows.article_ids(db, job.id):
                self.extract(item_id)
        except Exception:
            # Whatever the queue's error (Redis down, a locked file), the articles
            # are accepted and in the database: the workers' sweep sends them.
            log.exception("job %s: queue unreachable; the sweep will send it", job.id)

    def resend_stalled(self) -> None:
        """Send again the articles whose worker died, and any pending article when
        the queue is empty (its message was lost: the queue restarted, or was down
        when the job was accepted)."""
        db = session()
        released = rows.release_expired(db)
        empty = self.huey.pending_count() == 0
        for item_id in rows.pending_ids(db) if empty else released:
            self.extract(item_id)

    def run_worker(self, threads: int = 1) -> None:
        """Run a Huey consumer until SIGINT (finish the article) or SIGTERM."""
        # Check for stalled articles twice per lease, not Huey's once a minute.
        period = max(1, min(60, self.lease // 2))
        scheduler = type("Scheduler", (Scheduler,), {"periodic_task_seconds": period})
        consumer = type("Consumer", (Consumer,), {"scheduler_class": scheduler})
        consumer(self.huey, workers=threads, worker_type="thread", max_delay=1).run()


def queue(app: Flask | None = None) -> Queue:
    # The tasks need the app itself in the worker's threads, not the proxy.
    app = app or current_app._get_current_object()
    if "lede_queue" not in app.extensions:
        app.extensions["lede_queue"] = Queue(app)
    return app.extensions["lede_queue"]


def process(item_id: int, lease: int) -> None:
    """Extract and store one accepted article, with its outcome, in one transaction.

    Any error of the article's own is recorded on it and the job goes on; a
    database that does not answer leaves the article held, to be retried.
    """
    db = session()
    item = rows.claim(db, item_id, lease)
    if item is None:
        return  # finished, or another worker holds it
    if item.attempts > MAX_ATTEMPTS:
        reason = f"a worker stopped {MAX_ATTEMPTS} times while extracting it"
        rows.finish(item, rows.FAILED, error=reason)
        db.commit()
        return
    try:
        article, created = store_payload(db, item.payload, annotate=extract_for_job)
        rows.finish(item, rows.STORED if created else rows.DUPLICATE, article.id)
        db.commit()
    except OverBudget as error:
        # Final, not retried: the same text would run out of time again.
        _finish_as_failed(db, item_id, str(error))
    except OperationalError:
        db.rollback()
        raise
    except IntegrityError:
        # Another worker stored the same text first.
        db.rollback()
        _finish_as_duplicate(db, item_id)
    except Exception as error:
        _finish_as_failed(db, item_id, f"{type(error).__name__}: {error}")


def _finish_as_failed(db, item_id: int, reason: str) -> None:
    db.rollback()
    item = db.get(models.JobArticle, item_id)
    rows.finish(item, rows.FAILED, error=reason)
    db.commit()


def _as_json(payload: dict) -> dict:
    published_on = payload.get("published_on")
    if isinstance(published_on, date):
        return {**payload, "published_on": published_on.isoformat()}
    return payload


def _finish_as_duplicate(db, item_id: int) -> None:
    item = db.get(models.JobArticle, item_id)
    text = parse_header(item.payload["text"])[1]
    existing = load.find_by_hash(db, content_hash(text))
    rows.finish(item, rows.DUPLICATE, existing.id if existing else None)
    db.commit()
