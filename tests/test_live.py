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
from tests.jobs import drop_jobs
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


@pytest.fixture(scope="module")
def logged_server(app, database_url, tmp_path_factory):
    """gunicorn writing its access log to a file, with writes switched on."""
    log = tmp_path_factory.mktemp("access") / "access.log"
    with gunicorn(
        database_url, LEDE_ACCESS_LOG=str(log), LEDE_API_KEYS=API_KEY
    ) as base:
        yield base, log


def _send(url: str, **headers) -> int:
    status, _, _ = _get(url, **headers)
    return status


def _basic(user: str) -> str:
    import base64

    return "Basic " + base64.b64encode(f"{user}:x".encode()).decode()


def test_no_form_of_a_key_reaches_the_access_log(logged_server):
    import time
    from urllib.parse import quote

    base, log = logged_server
    sent = [
        _send(f"{base}/api/v1/articles?api_key={API_KEY}"),
        _send(f"{base}/api/v1/articles?page=1&key={quote(API_KEY)}&token=x"),
        _send(f"{base}/api/v1/articles", Authorization=_basic(API_KEY)),
        _send(f"{base}/api/v1/articles", Authorization=f"Bearer {API_KEY}"),
        _send(f"{base}/health", Referer=f"{base}/docs/?api_key={API_KEY}"),
    ]
    # a key in the query string is an unknown parameter (422), and still not logged
    assert sent == [422, 422, 200, 200, 200]
    deadline = time.monotonic() + 10
    last = f"{base}/docs/?api_key"  # the Referer of the last request

    def all_logged(text: str) -> bool:
        # Two workers write the log: lines may land out of order.
        return last in text and text.count('"GET /api/v1/articles') == 4

    while not all_logged(log.read_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    written = log.read_text()
    assert all_logged(written), written
    assert API_KEY not in written
    assert _basic(API_KEY).split()[1] not in written
    assert "GET /api/v1/articles?api_key=… HTTP/1.1" in written
    assert "?page=…&key=…&token=…" in written


def _raw(base: str, request: bytes) -> tuple[int, str, dict]:
    """Send bytes as they are; (status, content type, JSON body)."""
    import socket

    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers["Content-Type"], json.loads(body)


BAD_REQUESTS = [
    (b"GET /api/v1/articles?q=" + b"a" * 9_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 16_384 + b"\r\n\r\n", 431),
    (b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"X-N: 1\r\n" * 200 + b"\r\n", 431),
    (b"GET /he\x00alth HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET /health HTTP/1.1\r\nHost: x\r\nX-Bad\xff: 1\r\n\r\n", 400),
]


@pytest.mark.parametrize(("request_bytes", "status"), BAD_REQUESTS)
def test_gunicorn_refuses_oversized_and_malformed_requests_in_json(
    server, request_bytes, status
):
    import time

    started = time.monotonic()
    answered, content_type, body = _raw(server, request_bytes)
    assert time.monotonic() - started < 2
    assert (answered, content_type) == (status, "application/json")
    assert body["code"] == status
    assert body["message"]
    assert set(body) >= {"code", "status", "message"}


@pytest.fixture(scope="module")
def budget_server(scratch_database_url):
    """One gunicorn worker that waits a second for an extraction."""
    seeded_app(scratch_database_url)
    with gunicorn(
        scratch_database_url,
        LEDE_API_KEYS=API_KEY,
        LEDE_WORKERS="1",
        LEDE_EXTRACTION_SECONDS="1",
    ) as base:
        yield base
    drop_jobs(scratch_database_url)  # the one its costly post hands over


def test_gunicorn_hands_a_costly_article_to_a_job_and_keeps_serving(budget_server):
    import threading
    import time

    body = json.dumps({"text": '"' * 10_000 + " Live."}).encode()
    post = urllib.request.Request(
        f"{budget_server}/api/v1/articles",
        data=body,
        method="POST",
        headers={
            "Authorization": f"Bearer {API_KEY}",
            "Content-Type": "application/json",
        },
    )
    answered: list[tuple[int, float]] = []

    def probe():
        started = time.monotonic()
        status, _, _ = _get(f"{budget_server}/health")
        answered.append((status, time.monotonic() - started))

    started = time.monotonic()
    prober = threading.Timer(0.3, probe)  # while the worker extracts
    prober.start()
    with urllib.request.urlopen(post, timeout=20) as response:
        status, location = response.status, response.headers["Location"]
        job = json.loads(response.read())
    elapsed = time.monotonic() - started
    prober.join()
    assert status == 202 and location == f"/api/v1/jobs/{job['id']}"
    assert job["progress"]["pending"] == 1
    assert elapsed < 2
    assert answered and answered[0][0] == 200 and answered[0][1] < 1
    status, _, _ = _get(f"{budget_server}/health")
    assert status == 200
