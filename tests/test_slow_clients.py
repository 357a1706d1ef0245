"""Slow clients: sockets that send half a request and then nothing must not keep
anyone else waiting. Run against the production stack: nginx in front of gunicorn."""

from __future__ import annotations

import contextlib
import socket
import time
import urllib.request

import pytest

from api.db import migrate
from tests.live import served_stack

pytestmark = pytest.mark.live
STALLED_SOCKETS = 64
PARTIAL_REQUEST = b"GET /health HTTP/1.1\r\nHost: x\r\n"


@contextlib.contextmanager
def stalled_sockets(base: str, count: int):
    """`count` connections that each send a request line and one header, then stall."""
    host, port = base.removeprefix("http://").split(":")
    sockets = []
    try:
        for _ in range(count):
            sock = socket.create_connection((host, int(port)), timeout=5)
            sock.sendall(PARTIAL_REQUEST)
            sockets.append(sock)
        yield sockets
    finally:
        for sock in sockets:
            sock.close()


def health_takes(base: str) -> float:
    """Seconds /health takes to answer 200; at most just over 1 (then it fails)."""
    start = time.monotonic()
    with urllib.request.urlopen(f"{base}/health", timeout=1) as response:
        assert response.status == 200
    return time.monotonic() - start


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('slow') / 'lede.sqlite3'}"
    migrate.upgrade(url)
    with served_stack(url) as base:
        yield base


def test_stalled_sockets_leave_health_answering_within_1_s(stack):
    with stalled_sockets(stack, STALLED_SOCKETS):
        time.sleep(1)  # long enough for every server thread to be waiting on one
        timings = [health_takes(stack) for _ in range(10)]
    assert max(timings) < 1


def test_a_stalled_socket_is_closed_after_the_header_timeout(stack):
    with stalled_sockets(stack, 1) as [sock]:
        sock.settimeout(15)
        start = time.monotonic()
        try:
            answer = sock.recv(1024)
        except ConnectionResetError:
            answer = b""  # reset_timedout_connection: closed with a reset
        waited = time.monotonic() - start
    # nginx gives up on the request (client_header_timeout 10s) and closes it.
    assert answer == b""
    assert waited < 12
