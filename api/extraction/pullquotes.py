"""Pull quotes: a display paragraph that repeats a later quote with small changes.

The repeat becomes another occurrence of that quote (the attributed one stays main)
and its paragraph is marked pull_quote.
"""

from __future__ import annotations

import re

from api.extraction.types import Occurrence, Paragraph, Quote

TOKEN = re.compile(r"\w+")
MIN_WORDS = 6
MIN_SIMILARITY = 0.6
# A display paragraph may shorten the quote it repeats to a third of its length.
MIN_RATIO = 0.3


def similarity(left: str, right: str) -> float:
    """Share of the smaller word set found in the larger: robust to small edits."""
    a, b = set(TOKEN.findall(left.lower())), set(TOKEN.findall(right.lower()))
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def merge(text: str, paragraphs: list[Paragraph], quotes: list[Quote]) -> list[Quote]:
    """Fold repeats into the quote they repeat; return the quotes left."""
    candidates = [q for q in quotes if len(TOKEN.findall(q.text)) >= MIN_WORDS]
    dropped: set[str] = set()
    for para in paragraphs:
        if para.kind != "body":
            continue
        chunk = text[para.start : para.end]
        own = [q for q in quotes if para.start <= q.start < para.end]
        if own and not _fills(own, para):
            continue
        target = _best(chunk, para, candidates)
        if target is None or (own and own[0].speaker and not target.speaker):
            continue
        para.kind = "pull_quote"
        span = (own[0].start, own[0].end) if own else _trim(text, para)
        target.occurrences.append(Occurrence(*span, text[span[0] : span[1]]))
        target.occurrences.sort(key=lambda o: o.start)
        dropped.update(q.id for q in own)
    return [q for q in quotes if q.id not in dropped]


def _fills(own: list[Quote], para: Paragraph) -> bool:
    return len(own) == 1 and own[0].end - own[0].start >= 0.8 * (para.end - para.start)


def _best(chunk: str, para: Paragraph, candidates: list[Quote]) -> Quote | None:
    scored = [
        (similarity(chunk, q.text), q)
        for q in candidates
        if not para.start <= q.start < para.end
        and MIN_RATIO <= len(chunk) / max(1, len(q.text)) <= 1 / MIN_RATIO
    ]
    scored = [(s, q) for s, q in scored if s >= MIN_SIMILARITY]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _trim(text: str, para: Paragraph) -> tuple[int, int]:
    chunk = text[para.start : para.end]
    stripped = chunk.strip("“”«»\"' ")
    start = para.start + chunk.find(stripped)
    return start, start + len(stripped)
