"""Word lists kept as data files (api/extraction/data/*.json), loaded once.

Each file holds `entries`, every one with an example sentence that the test suite
runs through the extraction, so a list and what it does cannot drift apart.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def entries(name: str) -> tuple[dict, ...]:
    path = resources.files("api.extraction") / "data" / f"{name}.json"
    return tuple(json.loads(path.read_text(encoding="utf-8"))["entries"])


@cache
def lemmas(name: str) -> frozenset[str]:
    return frozenset(entry["lemma"] for entry in entries(name))


@cache
def flagged(name: str, flag: str) -> frozenset[str]:
    """The lemmas of the list's entries that set `flag` ('only_negated')."""
    return frozenset(entry["lemma"] for entry in entries(name) if entry.get(flag))
