"""Caveats: sentences saying that figures or claims could not be checked."""

from __future__ import annotations

import re

from api.extraction.types import Caveat

UNVERIFIED = re.compile(
    r"\b(?:could not|cannot|can ?not|can't|couldn't|has not|have not|had not|"
    r"was not|were not|is not|are not|impossible to|unable to|not been able to)\b"
    r"[\w ]{0,30}?\b(?:verif|confirm|compar|check|corroborat|substantiat)\w*"
    r"|\bindependently (?:verif|confirm)\w*|\bno independent (?:source|confirmation)",
    re.IGNORECASE,
)


def extract(text: str, sentences: list[tuple[int, int]]) -> list[Caveat]:
    """A whole sentence, or its clause when the caveat is one clause of many."""
    found = []
    for start, end in sentences:
        match = UNVERIFIED.search(text, start, end)
        if match:
            span = _clause(text, start, end, match.start(), match.end())
            found.append(Caveat(text[span[0] : span[1]], *span))
    return found


def _clause(text: str, start: int, end: int, hit_start: int, hit_end: int):
    left = max(
        text.rfind(", but ", start, hit_start), text.rfind(", and ", start, hit_start)
    )
    if left >= 0:
        start = left + 6
    right = re.search(r"[,.;]", text[hit_end:end])
    if left >= 0 and right:
        end = hit_end + right.start()
    return start, end
