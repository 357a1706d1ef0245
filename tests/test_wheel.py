"""The built wheel, installed elsewhere and run from other folders, serves the seed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.live import ROOT, _wait_until_healthy, free_port

pytestmark = pytest.mark.live
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "api", "schemas", "seeds")
RESOURCES = ("articles", "actors", "quotes", "reactions", "statistics")
# A user's own `api` package where the command starts: it must not be imported.
DECOY = "raise SystemExit('the api package of the working folder was imported')\n"


def _run(*command, **options) -> subprocess.CompletedProcess:
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=120, **options
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from a copy of the sources, installed into a folder of its
    own, offline (`--no-index`): the folder."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(path, source / name, symlinks=True, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    dist = tmp_path_factory.mktemp("dist")
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check")
    _run(*pip, "wheel", "--no-deps", "--no-index", "--no-build-isolation",
         "-w", str(dist), str(source))  # fmt: skip
    [wheel] = dist.glob("lede-*.whl")
    target = tmp_path_factory.mktemp("site")
    _run(*pip, "install", "--no-deps", "--no-index", "--target", str(target), wheel)
    return target


def _environ(target: Path, **settings: str) -> dict:
    # The installed folder first, then this interpreter's dependencies; no checkout.
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LEDE_")}
    return {**environ, "PYTHONPATH": str(target), **settings}


def _get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_wheel_holds_every_module_and_the_data(installed):
    for package in ("api", "schemas"):
        modules = {p.relative_to(ROOT) for p in (ROOT / package).rglob("*.py")}
        shipped = {
            p.relative_to(installed) for p in (installed / package).rglob("*.py")
        }
        assert modules <= shipped
    seeds = sorted(p.name for p in (installed / "api" / "seeds").iterdir())
    assert seeds == sorted(p.name for p in (ROOT / "seeds").iterdir())
    for data in ("static/explorer/index.html", "db/migrations/script.py.mako"):
        assert (installed / "api" / data).read_bytes() == (
            ROOT / "api" / data
        ).read_bytes()
    assert len(list((installed / "api" / "extraction" / "data").glob("*.json"))) >= 5
    license_files = list(installed.glob("lede-*.dist-info/licenses/LICENSE"))
    assert "The Lede authors" in license_files[0].read_text()


def test_wheel_seeds_from_an_empty_folder_into_its_instance_folder(
    installed, tmp_path, seed
):
    lede = str(installed / "bin" / "lede")
    environ = _environ(installed)
    where = _run(sys.executable, "-c", "import api; print(api.__file__)",
                 cwd=tmp_path, env=environ)  # fmt: skip
    assert Path(where.stdout.strip()) == installed / "api" / "__init__.py"
    assert (
        "database at head"
        in _run(lede, "db", "upgrade", cwd=tmp_path, env=environ).stdout
    )
    seeded = _run(lede, "seed", cwd=tmp_path, env=environ)
    assert f"seeded {seed.article.id} (curated)" in seeded.stdout
    assert list(tmp_path.iterdir()) == []  # nothing written where it started
    assert (installed / "instance" / "lede.sqlite3").stat().st_size > 0
    scores = _run(lede, "evaluate", cwd=tmp_path, env=environ).stdout
    assert "000_e7fced2b989c9f56" in scores


@pytest.fixture(scope="module")
def served(installed, tmp_path_factory):
    """`lede serve` of the installed wheel, from a folder holding a decoy `api`
    package, on a seeded database of its own: (base URL, server log)."""
    folder = tmp_path_factory.mktemp("elsewhere")
    (folder / "api").mkdir()
    (folder / "api" / "__init__.py").write_text(DECOY)
    database = tmp_path_factory.mktemp("data") / "lede.sqlite3"
    port = free_port()
    environ = _environ(
        installed,
        LEDE_DATABASE_URL=f"sqlite:///{database}",
        LEDE_QUEUE_URL=f"sqlite:///{database.with_name('queue.sqlite3')}",
        LEDE_BIND=f"127.0.0.1:{port}",
        LEDE_WORKERS="2",
        LEDE_THREADS="3",
        LEDE_LOG_LEVEL="info",
    )
    lede = str(installed / "bin" / "lede")
    _run(lede, "db", "upgrade", cwd=folder, env=environ)
    _run(lede, "seed", cwd=folder, env=environ)
    log = folder.parent / "server.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [lede, "serve"], cwd=folder, env=environ, stdout=output, stderr=output
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(base, process)
            yield base, log
        finally:
            process.terminate()
            process.wait(timeout=15)


def test_wheel_serves_every_resource_list(served, seed):
    base, _ = served
    expected = {
        "articles": {seed.article.id},
        "actors": {actor.id for actor in seed.actors},
        "quotes": {quote.id for quote in seed.quotes},
        "reactions": {reaction.id for reaction in seed.reactions},
        "statistics": {statistic.id for statistic in seed.statistics},
    }
    for resource in RESOURCES:
        status, headers, body = _get(f"{base}/api/v1/{resource}?page_size=100")
        assert status == 200, body
        pagination = json.loads(headers["X-Pagination"])
        assert pagination["total"] == len(expected[resource]), resource
        assert {item["id"] for item in json.loads(body)} <= expected[resource]


def test_wheel_serves_swagger_ui_and_the_explorer(served):
    base, _ = served
    status, _, page = _get(f"{base}/docs/")
    assert status == 200
    assert b"swagger-ui-bundle.js" in page
    status, headers, bundle = _get(f"{base}/docs/swagger-ui-bundle.js")
    assert status == 200 and len(bundle) > 100_000
    status, _, spec = _get(f"{base}/api/v1/openapi.json")
    assert json.loads(spec)["info"]["title"] == "Lede API"
    status, _, explorer = _get(f"{base}/")
    assert status == 200
    assert (
        explorer == (ROOT / "api" / "static" / "explorer" / "index.html").read_bytes()
    )
    status, _, script = _get(f"{base}/explorer/main.js")
    assert status == 200 and b"import" in script


def test_wheel_server_applies_lede_settings(served):
    base, log = served
    status, headers, body = _get(f"{base}/api/v1/articles?q={'x' * 9000}")
    assert (status, headers["Content-Type"]) == (414, "application/json")
    assert json.loads(body)["code"] == 414
    text = log.read_text()
    assert text.count("Booting worker") == 2
    assert "Using worker: gthread" in text
    assert "the api package of the working folder" not in text
