"""What nginx answers itself, in front of gunicorn, is in the API's error shape."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from api.db import migrate
from tests.live import free_port, proxy, served_stack

pytestmark = pytest.mark.live


def answer(request) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], {}
    except urllib.error.HTTPError as error:
        body = json.loads(error.read())
        return error.code, error.headers["Content-Type"], body


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('proxy') / 'lede.sqlite3'}"
    migrate.upgrade(url)
    with served_stack(url) as base:
        yield base


def test_a_body_over_the_proxys_limit_is_a_413_in_json(stack):
    body = b'{"text": "' + b"a" * 3_000_000 + b'"}'
    request = urllib.request.Request(
        f"{stack}/api/v1/articles",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    status, content_type, error = answer(request)
    assert (status, content_type) == (413, "application/json")
    assert error["code"] == 413 and error["status"] == "Payload Too Large"
    assert "1,000,000 bytes" in error["message"]


def test_headers_over_the_proxys_buffers_are_a_431_in_json(stack):
    request = urllib.request.Request(f"{stack}/health", headers={"X-Big": "x" * 20_000})
    status, content_type, error = answer(request)
    assert (status, content_type) == (431, "application/json")
    assert error == {
        "code": 431,
        "status": "Request Header Fields Too Large",
        "message": "A request header is larger than the server reads.",
        "errors": {},
    }


def test_gunicorn_down_is_a_503_in_json_with_retry_after():
    closed = free_port()  # nothing listens there
    with proxy(f"http://127.0.0.1:{closed}", healthy=False) as base:
        request = urllib.request.Request(f"{base}/api/v1/articles")
        try:
            urllib.request.urlopen(request, timeout=10)
        except urllib.error.HTTPError as error:
            assert error.code == 503
            assert error.headers["Content-Type"] == "application/json"
            assert error.headers["Retry-After"] == "5"
            assert json.loads(error.read())["status"] == "Service Unavailable"
        else:
            pytest.fail("a request to a dead upstream was answered with success")
