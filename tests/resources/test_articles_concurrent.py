"""Identical articles posted at once: one 201, the rest 200, nothing rewritten."""

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from api.db import load, models, session
from api.extraction.pipeline import extract
from tests.conftest import API_KEY

AUTH = {"Authorization": f"Bearer {API_KEY}"}
TWINS = 4
TEXT = (
    "The harbour master of Westmarch, Ida Lund, said on Friday that storms had "
    "sunk 7 boats.\n\n\u201cWe will clear the channel,\u201d Ms Lund said."
)


def test_identical_concurrent_posts_create_once(app, monkeypatch):
    # Every request finds the text unknown, and all but one store only once that
    # one has committed: the race is certain rather than a matter of timing.
    everyone_extracted = threading.Barrier(TWINS, timeout=20)
    first_committed = threading.Event()

    def extract_with_twins(text, **meta):
        annotation = extract(text, **meta)
        if everyone_extracted.wait() != 0:
            assert first_committed.wait(20)
        return annotation

    rewritten: list[str] = []
    delete_derived = load._delete_derived

    def spy(db, article_id):
        rewritten.append(article_id)
        delete_derived(db, article_id)

    monkeypatch.setattr("api.db.writes.extract", extract_with_twins)
    monkeypatch.setattr("api.db.load._delete_derived", spy)

    def post(_number):
        body = {"text": TEXT, "title": "Storms sink boats"}
        return app.test_client().post("/api/v1/articles", json=body, headers=AUTH)

    def committed(_session):
        first_committed.set()

    event.listen(Session, "after_commit", committed)
    try:
        with ThreadPoolExecutor(TWINS) as pool:
            responses = list(pool.map(post, range(TWINS)))
    finally:
        event.remove(Session, "after_commit", committed)
    statuses = sorted(r.status_code for r in responses)
    ids = {r.get_json()["id"] for r in responses}
    try:
        assert statuses == [200] * (TWINS - 1) + [201]
        assert len(ids) == 1
        assert rewritten == []
        with app.app_context():
            stored = session().scalar(
                select(func.count())
                .select_from(models.Article)
                .where(models.Article.id.in_(ids))
            )
        assert stored == 1
    finally:
        for article_id in ids:
            app.test_client().delete(f"/api/v1/articles/{article_id}", headers=AUTH)
