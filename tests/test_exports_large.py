"""An export of a list far past a page, and past the old 10,000-item limit, is
read in batches of EXPORT_BATCH rows and held one batch at a time."""

import json
import tracemalloc

import pytest
from sqlalchemy import insert, select

from api import exports
from api.db import keyset, migrate, models, session
from tests.conftest import make_app

QUOTES = 12_000


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """The seed article with 12,000 quotes more, all at its first quote's place."""
    url = f"sqlite:///{tmp_path_factory.mktemp('large') / 'lede.sqlite3'}"
    migrate.upgrade(url)
    app = make_app(url, READ_CACHE_BYTES=0)
    assert app.test_cli_runner().invoke(args=["seed"]).exit_code == 0
    with app.app_context():
        quote = session().scalars(select(models.Quote).limit(1)).one()
        rows = [
            {
                "id": f"q-generated-{n:06d}",
                "article_id": quote.article_id,
                "text": f"{quote.text} {n}",
                "kind": "direct",
                "start": quote.start,
                "end": quote.end,
                "occurrences": [],
            }
            for n in range(QUOTES)
        ]
        session().execute(insert(models.Quote), rows)
        session().commit()
    return app


def test_an_export_reads_batches_of_bounded_size(large, monkeypatch):
    sizes = []
    read = keyset._read

    def counted(db, stmt):
        found = read(db, stmt)
        sizes.append(len(found))
        return found

    monkeypatch.setattr(keyset, "_read", counted)
    response = large.test_client().get("/api/v1/quotes?format=ndjson&sort=-length")
    assert response.status_code == 200
    lines = response.get_data(as_text=True).splitlines()
    total = json.loads(response.headers["X-Pagination"])["total"]
    assert len(lines) == total > QUOTES > 10_000
    ids = [json.loads(line)["id"] for line in lines]
    assert len(set(ids)) == total
    assert max(sizes) <= exports.EXPORT_BATCH
    assert sum(sizes) == total and len(sizes) >= total // exports.EXPORT_BATCH


def _streamed(client, url: str) -> tuple[int, int]:
    """(bytes sent, peak of Python's allocations) while the export streams."""
    tracemalloc.start()
    try:
        response = client.get(url, buffered=False)
        assert response.status_code == 200
        size = sum(len(chunk) for chunk in response.iter_encoded())
        response.close()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return size, peak


def test_an_export_holds_one_batch_in_memory(large):
    """Four times the rows, about the same peak: the memory an export takes is
    that of a batch, whatever the size of the list."""
    client = large.test_client()
    url = "/api/v1/quotes?format=csv"
    _streamed(client, url)  # first use: caches of statements and the like
    near_end = client.get(f"/api/v1/quotes?page={3 * QUOTES // 400}&page_size=100")
    cursor = json.loads(near_end.headers["X-Pagination"])["next_cursor"]
    quarter, quarter_peak = _streamed(client, f"{url}&cursor={cursor}")
    whole, whole_peak = _streamed(client, url)
    assert whole > 3.5 * quarter > 1_000_000
    assert whole_peak < 1.5 * quarter_peak, (whole_peak, quarter_peak)
