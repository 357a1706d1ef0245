"""A posted article: stored while its client waits when the extraction fits the
wait (LEDE_EXTRACTION_SECONDS), else handed to the job queue, as a text longer
than LEDE_JOB_THRESHOLD is at once; either way the client has its answer in about
that time, never after an extraction of unknown length."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from api.budget import OverBudget
from api.db import jobs as rows
from api.db import load, models, session
from api.db.writes import add_article
from api.extraction.ids import content_hash
from api.extraction.text import parse_header
from api.jobs import queue


@dataclass
class Posted:
    """The stored article (created or known), or the job that will store it."""

    article: models.Article | None = None
    created: bool = False
    job: models.Job | None = None


def post_article(payload: dict) -> Posted:
    """What POST /articles answers: the article stored or known, or its job."""
    text_hash = content_hash(parse_header(payload["text"])[1])
    known = load.find_by_hash(session(), text_hash)
    if known is not None:
        return Posted(known)
    waiting = rows.waiting_job(session(), text_hash)
    if waiting is not None:
        return Posted(job=waiting)  # posted before, not extracted yet
    if len(payload["text"]) > current_app.config["JOB_THRESHOLD"]:
        return Posted(job=queue().hand_over(payload, text_hash))
    try:
        article, created = add_article(payload)
    except OverBudget:
        # The child is killed; a worker extracts the text anew, within its own
        # budget. A twin post may have stored it meanwhile.
        known = load.find_by_hash(session(), text_hash)
        if known is not None:
            return Posted(known)
        return Posted(job=queue().hand_over(payload, text_hash))
    return Posted(article, created)
