"""The source files hold only printable text: a control character pasted into a
pattern (a backspace for '\\b') silently makes it match nothing."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    p
    for folder in ("api", "schemas", "tests", "bench")
    for p in (ROOT / folder).rglob("*")
    if p.suffix in (".py", ".json", ".md", ".html", ".js", ".css") and p.is_file()
)
ALLOWED = {"\n", "\t", "\r"}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_control_characters(path):
    text = path.read_text(encoding="utf-8")
    bad = [
        (line, repr(char))
        for line, row in enumerate(text.splitlines(), 1)
        for char in row
        if ord(char) < 32 and char not in ALLOWED
    ]
    assert not bad, bad
