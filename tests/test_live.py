"""The real server: gunicorn on a free loopback port, real HTTP, and schemathesis."""

import json
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import API_KEY, seeded_app
from tests.live import ROOT, gunicorn

pytestmark = pytest.mark.live
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.fixture(scope="module")
def server(app, database_url):
    """gunicorn serving the seeded test database (`app` seeds it)."""
    with gunicorn(database_url) as base:
        yield base


def _get(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_gunicorn_serves_the_seed(server, seed):
    status, headers, body = _get(f"{server}/api/v1/articles/{seed.article.id}")
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["text"] == seed.article.text


def test_gunicorn_answers_304_to_a_matching_etag(server):
    _, headers, _ = _get(f"{server}/api/v1/quotes?kind=direct")
    status, _, body = _get(
        f"{server}/api/v1/quotes?kind=direct", **{"If-None-Match": headers["ETag"]}
    )
    assert status == 304 and body == b""


def test_gunicorn_reports_health_and_errors_as_json(server):
    status, _, body = _get(f"{server}/health")
    assert (status, json.loads(body)) == (200, {"status": "ok", "database": "ok"})
    status, _, body = _get(f"{server}/api/v1/statistics?category=weather")
    assert status == 422
    assert "category" in json.loads(body)["errors"]["query"]


def test_gunicorn_serves_swagger_ui(server):
    status, _, body = _get(f"{server}/docs/")
    assert status == 200 and b"swagger-ui-bundle.js" in body
    status, _, bundle = _get(f"{server}/docs/swagger-ui-bundle.js")
    assert status == 200 and len(bundle) > 100_000


def _article_ids(url: str, times: int) -> list[set[str]]:
    """The ids listed by `times` reads of `url`, four at a time, so that every
    worker answers some."""

    def read(_):
        status, _, body = _get(url)
        assert status == 200
        return {article["id"] for article in json.loads(body)}

    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(read, range(times)))


def test_a_write_makes_the_next_read_fresh_on_every_worker(tmp_path):
    url = f"sqlite:///{tmp_path / 'workers.sqlite3'}"
    seeded_app(url)
    with gunicorn(url, LEDE_API_KEYS=API_KEY, LEDE_THREADS="1") as base:
        listing = f"{base}/api/v1/articles?page_size=100"
        before = _article_ids(listing, 24)
        text = "The council said 4 schools would close early in Wendle Vale."
        request = urllib.request.Request(
            f"{base}/api/v1/articles",
            data=json.dumps({"text": text}).encode(),
            headers={
                "Authorization": f"Bearer {API_KEY}",
                "Content-Type": "application/json",
            },
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            new_id = json.load(response)["id"]
        after = _article_ids(listing, 24)
    assert all(new_id not in ids for ids in before)
    assert all(ids == before[0] | {new_id} for ids in after)


@pytest.fixture(scope="module")
def scratch_server(scratch_database_url):
    """gunicorn with an API key on a database of its own: the fuzzer may write."""
    seeded_app(scratch_database_url)
    with gunicorn(scratch_database_url, LEDE_API_KEYS=API_KEY) as base:
        yield base


def test_schemathesis_finds_nothing_over_the_whole_spec(scratch_server):
    command = [
        str(SCHEMATHESIS),
        "run",
        f"{scratch_server}/api/v1/openapi.json",
        "--checks",
        "all",
        "--header",
        f"Authorization: Bearer {API_KEY}",
        "--max-examples",
        "40",
        "--seed",
        "20220107",
    ]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    # Exit status 0 means no check failed; the summary may still carry advice
    # (schemathesis "warnings"), which is not a failure.
    assert result.returncode == 0, result.stdout[-6000:]
    assert "Failures:" not in result.stdout
