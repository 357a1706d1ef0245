"""Writes from the API and the job workers, each in one transaction: all of an
article is stored, or none of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask import current_app
from sqlalchemy.exc import IntegrityError

from api import budget
from api.curation import resolve
from api.db import load, models, session
from api.extraction import pipeline
from api.extraction.ids import content_hash
from api.extraction.text import parse_header
from api.extraction.types import Annotation


def add_article(payload: dict) -> tuple[models.Article, bool]:
    """Extract and store a posted article; (article, created)."""
    try:
        return _in_transaction(store_payload, payload, annotate=extract)
    except IntegrityError:
        # Another request stored the same text between our check and our insert:
        # answer as for any known text.
        existing = load.find_by_hash(session(), content_hash(_text(payload)))
        if existing is None:
            raise
        return existing, False


def extract(text: str, **meta) -> Annotation:
    """A posted article's extraction, for as long as its client waits
    (LEDE_EXTRACTION_SECONDS); past it, OverBudget."""
    seconds = current_app.config["EXTRACTION_SECONDS"]
    return budget.extract_within(
        seconds, "LEDE_EXTRACTION_SECONDS", pipeline.extract, text, **meta
    )


def extract_for_job(text: str, **meta) -> Annotation:
    """A job worker's extraction, within LEDE_JOB_EXTRACTION_SECONDS; past it,
    OverBudget."""
    seconds = current_app.config["JOB_EXTRACTION_SECONDS"]
    return budget.extract_within(
        seconds, "LEDE_JOB_EXTRACTION_SECONDS", pipeline.extract, text, **meta
    )


def store_payload(
    db, payload: dict, annotate: Callable[..., Annotation] = pipeline.extract
) -> tuple[models.Article, bool]:
    """Store a posted (or queued) article unless its text is known; the caller
    commits. A `curated` spec (from `lede ingest`) is resolved, not extracted;
    `annotate` is the extraction, each caller's within its own budget."""
    header_date, text = parse_header(payload["text"])
    published_on = payload.get("published_on")
    if isinstance(published_on, date):
        published_on = published_on.isoformat()
    if "curated" in payload:
        return _store_curated(db, payload["curated"], text, header_date)
    meta = {
        "title": payload.get("title"),
        "published_on": published_on or header_date,
        "credits": payload.get("credits"),
        "source_url": payload.get("source_url"),
    }
    return load.ingest(db, annotate, text, **meta)


def remove_article(article_id: str) -> bool:
    return _in_transaction(load.remove, article_id)


def _store_curated(db, spec: dict, text: str, published_on: str | None):
    existing = load.find_by_hash(db, content_hash(text))
    if existing is not None:
        return existing, False
    return load.store(db, resolve(spec, text, published_on), curated=True), True


def _text(payload: dict) -> str:
    return parse_header(payload["text"])[1]


def _in_transaction(write, *args, **kwargs):
    db = session()
    try:
        result = write(db, *args, **kwargs)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return result
