"""Writes from the API, each in one transaction: all of it is stored, or none."""

from __future__ import annotations

from flask import current_app
from sqlalchemy.exc import IntegrityError

from api import budget
from api.db import load, models, session
from api.extraction import pipeline
from api.extraction.ids import content_hash
from api.extraction.text import parse_header
from api.extraction.types import Annotation


def add_article(payload: dict) -> tuple[models.Article, bool]:
    """Extract and store a posted article; (article, created)."""
    header_date, text = parse_header(payload["text"])
    published_on = payload.get("published_on")
    meta = {
        "title": payload.get("title"),
        "published_on": published_on.isoformat() if published_on else header_date,
        "credits": payload.get("credits"),
        "source_url": payload.get("source_url"),
    }
    try:
        return _in_transaction(load.ingest, extract, text, **meta)
    except IntegrityError:
        # Another request stored the same text between our check and our insert:
        # answer as for any known text.
        existing = load.find_by_hash(session(), content_hash(text))
        if existing is None:
            raise
        return existing, False


def extract(text: str, **meta) -> Annotation:
    """A posted article's extraction, within LEDE_EXTRACTION_SECONDS."""
    seconds = current_app.config["EXTRACTION_SECONDS"]
    return budget.extract_within(seconds, pipeline.extract, text, **meta)


def remove_article(article_id: str) -> bool:
    return _in_transaction(load.remove, article_id)


def _in_transaction(write, *args, **kwargs):
    db = session()
    try:
        result = write(db, *args, **kwargs)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return result
