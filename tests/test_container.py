"""The image without Docker: its Dockerfile, its entrypoint (deploy/serve) run for
real on an empty database, and the health probe its HEALTHCHECK runs."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from api import probe
from tests.live import NGINX, ROOT, _wait_until_healthy, free_port, missing

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
# The stage that becomes the image: everything after the last FROM.
IMAGE = DOCKERFILE.rsplit("\nFROM ", 1)[1]


def test_image_runs_as_a_numeric_user():
    users = re.findall(r"^USER (.+)$", IMAGE, flags=re.MULTILINE)
    assert users and all(re.fullmatch(r"\d+:\d+", user) for user in users)


def test_image_holds_the_code_once_as_the_installed_wheel():
    copied = re.findall(r"^COPY (?:--from=\S+ )?(\S+)", IMAGE, flags=re.MULTILINE)
    assert not {"api", "schemas", "seeds", "."} & set(copied)
    assert 'pip install --no-deps "$(echo /tmp/wheels/lede-*.whl)"' in IMAGE


def test_image_installs_the_locked_dependencies_then_the_package_alone():
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    assert "pip install --require-hashes -r /tmp/lock.txt" in IMAGE
    assert 'pip install --no-deps "$(echo /tmp/wheels/lede-*.whl)"' in IMAGE
    installs = [line for line in IMAGE.splitlines() if "pip install" in line]
    assert all("--require-hashes" in line or "--no-deps" in line for line in installs)
    pins = dict(re.findall(r"^([a-z0-9._-]+)==([^\s]+) \\$", lock, re.MULTILINE))
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = [
        *declared["dependencies"],
        *declared["optional-dependencies"]["postgres"],
    ]
    for text in runtime:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not pinned in requirements/lock.txt"
        assert requirement.specifier.contains(pins[name]), (name, pins[name])
    blocks = re.split(r"\n(?=[a-z0-9._-]+==)", lock.split("\n\n", 1)[-1])
    assert all("--hash=sha256:" in block for block in blocks if "==" in block)


def test_healthcheck_probes_the_bound_address_not_a_fixed_port():
    check = IMAGE.split("HEALTHCHECK", 1)[1].split("\n\n", 1)[0]
    assert 'CMD ["python", "-m", "api.probe"]' in check
    assert not re.search(r":\d{2,5}", check)


def test_image_migrates_at_start():
    assert IMAGE.rstrip().endswith('CMD ["deploy/serve"]')
    serve = (ROOT / "deploy" / "serve").read_text(encoding="utf-8")
    assert serve.index("lede db upgrade") < serve.index("lede serve &")


@pytest.mark.parametrize(
    ("bind", "address"),
    [
        ("0.0.0.0:9000", "127.0.0.1:9000"),
        ("[::]:9000", "[::1]:9000"),
        ("127.0.0.1:8000", "127.0.0.1:8000"),
        ("unix:/run/lede.sock", "unix:/run/lede.sock"),
    ],
)
def test_probe_connects_where_a_bind_is_reached(bind, address):
    assert probe.address(bind) == address


def _probe(**environ: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "api.probe"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **environ},
    )


def test_probe_fails_in_one_line_where_nothing_listens():
    port = free_port()
    result = _probe(LEDE_BIND=f"0.0.0.0:{port}")
    assert result.returncode == 1
    assert result.stderr.startswith(f"lede: no answer on 127.0.0.1:{port}: ")
    assert result.stderr.count("\n") == 1


@pytest.fixture
def entrypoint(tmp_path):
    """deploy/serve, as the image's CMD, on an empty SQLite database with gunicorn
    on a port that is not 8000: (gunicorn's bind, nginx's URL, environment)."""
    if not NGINX.exists():
        missing(f"nginx not found at {NGINX}: apt-get install nginx")
    bind = f"0.0.0.0:{free_port()}"
    listen = free_port()
    environ = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{Path(NGINX).parent}:"
        f"{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "LEDE_BIND": bind,
        "LEDE_WORKERS": "1",
        "LEDE_ACCESS_LOG": "",
        "LEDE_INSTANCE_DIR": str(tmp_path / "instance"),
        "LEDE_NGINX_PREFIX": tempfile.mkdtemp(prefix="lede-nginx-"),
        "LEDE_NGINX_LISTEN": f"127.0.0.1:{listen}",
    }
    for name in ("LEDE_DATABASE_URL", "LEDE_QUEUE_URL"):
        environ.pop(name, None)
    # An empty volume: the instance folder holds an empty database file.
    (tmp_path / "instance").mkdir()
    sqlite3.connect(tmp_path / "instance" / "lede.sqlite3").close()
    process = subprocess.Popen(
        [str(ROOT / "deploy" / "serve")], cwd=tmp_path, env=environ
    )
    base = f"http://127.0.0.1:{listen}"
    try:
        _wait_until_healthy(base, process)
        yield bind, base, environ, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=20)


def test_entrypoint_migrates_an_empty_database_and_serves_on_lede_bind(entrypoint):
    bind, base, environ, process = entrypoint
    # /health through nginx is 200 (the wait): the empty database was migrated.
    database = Path(environ["LEDE_INSTANCE_DIR"]) / "lede.sqlite3"
    assert database.stat().st_size > 0
    # nginx passes requests to where gunicorn listens, not to 127.0.0.1:8000.
    conf = (Path(environ["LEDE_NGINX_PREFIX"]) / "nginx.conf").read_text()
    assert f"server {probe.address(bind)};" in conf
    assert "server 127.0.0.1:8000;" not in conf
    result = _probe(**{k: v for k, v in environ.items() if k.startswith("LEDE_")})
    assert (result.returncode, result.stderr) == (0, "")
    assert probe.health(bind) == 200
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=20)
    assert process.returncode is not None


def test_the_health_probe_loads_neither_flask_nor_the_model():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, api.probe; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    assert "'spacy'" not in loaded and "'flask'" not in loaded
    assert "'api.config'" in loaded
