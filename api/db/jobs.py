"""Job rows: the accepted articles, which worker holds each, and what became of it."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import Select, and_, func, or_, select, update
from sqlalchemy.orm import Session

from api.db.keyset import ordered
from api.db.models import Job, JobArticle

# An article waits (pending), is held by a worker (running), or is finished.
PENDING, RUNNING = "pending", "running"
STORED, DUPLICATE, FAILED = "stored", "duplicate", "failed"
ARTICLE_STATES = (PENDING, RUNNING, STORED, DUPLICATE, FAILED)
FINISHED = (STORED, DUPLICATE, FAILED)
JOB_STATES = ("queued", "running", "done")


def utcnow() -> datetime:
    # Naive UTC, as the DateTime columns store it on every backend.
    return datetime.now(UTC).replace(tzinfo=None)


def create_job(db: Session, payloads: list[dict], waiting_hash=None) -> Job:
    """A job holding `payloads` (one article each), all pending; the caller commits.
    A job of one posted article holds its text's `waiting_hash` until it finishes:
    IntegrityError when another job holds it."""
    job = Job(id=uuid.uuid4().hex, created_at=utcnow(), total=len(payloads))
    db.add(job)
    db.add_all(
        JobArticle(
            job_id=job.id,
            position=n,
            state=PENDING,
            payload=payload,
            waiting_hash=waiting_hash,
        )
        for n, payload in enumerate(payloads)
    )
    db.flush()
    return job


def waiting_job(db: Session, text_hash: str) -> Job | None:
    """The job of a posted article with this text, while it is not finished."""
    stmt = select(Job).join(JobArticle).where(JobArticle.waiting_hash == text_hash)
    return db.scalars(stmt).first()


def get_job(db: Session, job_id: str) -> Job | None:
    return db.get(Job, job_id)


def article_ids(db: Session, job_id: str) -> list[int]:
    stmt = select(JobArticle.id).where(JobArticle.job_id == job_id)
    return list(db.scalars(stmt.order_by(JobArticle.position)))


def claim(db: Session, item_id: int, lease: int) -> JobArticle | None:
    """Hold a pending article, or one whose worker let its lease run out; None when
    another worker holds it or it is finished. Commits, so the hold is seen."""
    now = utcnow()
    stmt = (
        update(JobArticle)
        .where(JobArticle.id == item_id, _claimable(now))
        .values(
            state=RUNNING,
            attempts=JobArticle.attempts + 1,
            lease_until=now + timedelta(seconds=lease),
        )
    )
    claimed = db.execute(stmt).rowcount == 1
    db.commit()
    return db.get(JobArticle, item_id) if claimed else None


def finish(item: JobArticle, state: str, article_id=None, error=None) -> None:
    """Record the article's outcome; the caller commits, with the stored article."""
    item.state, item.article_id, item.error = state, article_id, error
    item.lease_until, item.finished_at = None, utcnow()
    item.waiting_hash = None  # the next post of its text is answered anew


def release_expired(db: Session) -> list[int]:
    """Put back as pending the articles held past their lease (the worker died, or
    lost its database); commits. Their ids, to be sent to the queue again."""
    expired = and_(JobArticle.state == RUNNING, JobArticle.lease_until < utcnow())
    ids = list(db.scalars(select(JobArticle.id).where(expired)))
    if ids:
        stmt = update(JobArticle).where(JobArticle.id.in_(ids), expired)
        db.execute(stmt.values(state=PENDING, lease_until=None))
    db.commit()
    return ids


def pending_ids(db: Session) -> list[int]:
    stmt = select(JobArticle.id).where(JobArticle.state == PENDING)
    return list(db.scalars(stmt.order_by(JobArticle.id)))


def describe(db: Session, job: Job) -> dict:
    """The job as the API shows it: its state and how many articles are in each
    state, counted by the database in one statement (the articles themselves are
    paged: `select_job_articles`)."""
    stmt = (
        select(JobArticle.state, func.count(), func.max(JobArticle.finished_at))
        .where(JobArticle.job_id == job.id)
        .group_by(JobArticle.state)
    )
    rows = db.execute(stmt).all()
    counts = Counter({state: count for state, count, _ in rows})
    done = sum(counts[state] for state in FINISHED) == job.total
    last = max((finished for *_, finished in rows if finished), default=None)
    return {
        "id": job.id,
        "state": _job_state(counts, job.total),
        "created_at": job.created_at,
        "finished_at": (last or job.created_at) if done else None,
        "progress": {
            "total": job.total,
            **{state: counts[state] for state in ARTICLE_STATES},
        },
    }


def select_job_articles(job_id: str, state: list[str] | None = None) -> Select:
    """A job's articles in the order sent, of the given states if any."""
    stmt = select(JobArticle).where(JobArticle.job_id == job_id)
    if state:
        stmt = stmt.where(JobArticle.state.in_(state))
    return ordered(stmt, JobArticle.position, JobArticle.id)


def finished_count(db: Session, job_id: str) -> int:
    """How many of the job's articles are finished, counted by the database."""
    stmt = select(func.count()).where(
        JobArticle.job_id == job_id, JobArticle.state.in_(FINISHED)
    )
    return db.scalar(stmt)


def taken_count(db: Session, job_id: str) -> int:
    """How many of the job's articles a worker has taken (running or finished)."""
    stmt = select(func.count()).where(
        JobArticle.job_id == job_id, JobArticle.state != PENDING
    )
    return db.scalar(stmt)


def _job_state(counts: Counter, total: int) -> str:
    if sum(counts[state] for state in FINISHED) == total:
        return "done"
    return "queued" if counts[PENDING] == total else "running"


def _claimable(now: datetime):
    expired = and_(JobArticle.state == RUNNING, JobArticle.lease_until < now)
    return or_(JobArticle.state == PENDING, expired)
