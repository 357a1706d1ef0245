"""Start the real gunicorn server on a free loopback port."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(database_url: str, **env: str) -> Iterator[str]:
    """Serve the app with gunicorn.conf.py; yields the base URL."""
    port = free_port()
    # A queue of its own unless the test shares one with its workers.
    queue = Path(tempfile.mkdtemp(prefix="lede-queue-")) / "queue.sqlite3"
    environ = {
        **os.environ,
        "LEDE_DATABASE_URL": database_url,
        "LEDE_QUEUE_URL": f"sqlite:///{queue}",
        "LEDE_BIND": f"127.0.0.1:{port}",
        "LEDE_WORKERS": "2",
        "LEDE_LOG_LEVEL": "warning",
        "LEDE_ACCESS_LOG": "",
        **env,
    }
    command = [str(GUNICORN), "--config", "gunicorn.conf.py", "api:create_app()"]
    process = subprocess.Popen(command, cwd=ROOT, env=environ)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=15)


def missing(message: str) -> None:
    """Skip on a developer's machine; on CI (CI=true) a missing server fails."""
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


NGINX = Path(shutil.which("nginx") or "/usr/sbin/nginx")
NGINX_CONF = ROOT / "deploy" / "nginx.conf"


@contextlib.contextmanager
def served_stack(database_url: str, **env: str) -> Iterator[str]:
    """The production stack, deploy/nginx.conf in front of gunicorn; yields the
    base URL clients use."""
    with gunicorn(database_url, **env) as upstream, proxy(upstream) as base:
        yield base


@contextlib.contextmanager
def proxy(upstream: str, healthy: bool = True) -> Iterator[str]:
    """deploy/nginx.conf in front of `upstream` (a base URL); yields nginx's base
    URL, once /health answers through it (unless `healthy` is False)."""
    if not NGINX.exists():
        missing(f"nginx not found at {NGINX}: apt-get install nginx")
    prefix = Path(tempfile.mkdtemp(prefix="lede-nginx-"))
    (prefix / "tmp").mkdir()
    port = free_port()
    conf = NGINX_CONF.read_text()
    conf = conf.replace("listen 8080;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("127.0.0.1:8000", upstream.removeprefix("http://"))
    (prefix / "nginx.conf").write_text(conf)
    command = [str(NGINX), "-p", str(prefix), "-c", "nginx.conf"]
    nginx = subprocess.Popen([*command, "-g", "daemon off;"])
    base = f"http://127.0.0.1:{port}"
    try:
        if healthy:
            _wait_until_healthy(base, nginx)
        else:
            _wait_until_listening(port, nginx)
        yield base
    finally:
        nginx.terminate()
        nginx.wait(timeout=15)
        shutil.rmtree(prefix, ignore_errors=True)


def _wait_until_listening(port: int, process: subprocess.Popen) -> None:
    def listening() -> bool:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True

    _wait_until(listening, process, "listen")


def _wait_until_healthy(base: str, process: subprocess.Popen) -> None:
    def healthy() -> bool:
        with urllib.request.urlopen(f"{base}/health", timeout=1) as response:
            return response.status == 200

    _wait_until(healthy, process, "become healthy")


def _wait_until(ready, process: subprocess.Popen, what: str) -> None:
    """Poll `ready()` (an OSError counts as not yet) for 30 s; stop at once if the
    process exits."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        with contextlib.suppress(OSError):
            if ready():
                return
        time.sleep(0.2)
    raise RuntimeError(f"{process.args[0]} did not {what} in 30 s")


@contextlib.contextmanager
def workers(count: int, database_url: str, queue_url: str, **env: str):
    """`count` processes of `lede worker`; yields their Popen objects."""
    environ = {
        **os.environ,
        "LEDE_DATABASE_URL": database_url,
        "LEDE_QUEUE_URL": queue_url,
        "LEDE_LOG_LEVEL": "warning",
        **env,
    }
    command = [sys.executable, "-m", "api.cli", "worker"]
    processes = [subprocess.Popen(command, cwd=ROOT, env=environ) for _ in range(count)]
    try:
        yield processes
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=15)


def wait_for(condition, seconds: float, message: str):
    """The first true value of `condition()`, polled for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(message)
