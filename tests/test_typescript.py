"""A TypeScript client generated from the OpenAPI document (openapi-typescript)
compiles a usage of every resource with `tsc --strict`: no field is `unknown`,
optional when always sent, or nullable when never null."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.spec import SPEC_PATH

CLIENT = ROOT / "clients" / "typescript"
BIN = CLIENT / "node_modules" / ".bin"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A folder with the usage file, its tsconfig and the generated lede.d.ts."""
    if shutil.which("node") is None or not (BIN / "openapi-typescript").exists():
        pytest.skip("npm ci --prefix clients/typescript installs the TypeScript tools")
    folder = tmp_path_factory.mktemp("typescript")
    for name in ("usage.ts", "tsconfig.json"):
        shutil.copy(CLIENT / name, folder / name)
    _run(BIN / "openapi-typescript", SPEC_PATH, "--output", folder / "lede.d.ts")
    return folder


def _run(*command) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_the_usage_file_compiles_strict(generated):
    _run(BIN / "tsc", "-p", generated / "tsconfig.json")


def test_no_generated_type_is_unknown(generated):
    types = (generated / "lede.d.ts").read_text()
    assert "Quote: {" in types and "listQuotes: {" in types
    # openapi-typescript lets any other header through: `[name: string]: unknown`.
    unknown = [
        line.strip()
        for line in types.splitlines()
        if re.search(r"\bunknown\b", line)
        and line.strip() != "[name: string]: unknown;"
    ]
    assert unknown == []
    assert "speaker_name: string | null;" in types
    assert "actor_name: string;" in types
    assert '"X-Pagination": components["headers"]["PAGINATION"];' in types
    assert "PAGINATION: string;" in types
