"""Paragraph kinds (body, headlines, captions, credits, more news) and sentences."""

from __future__ import annotations

import re

from api.extraction.text import paragraph_spans
from api.extraction.types import Paragraph

RELATED = re.compile(
    r"^\(\s*[A-Z][\w’' ]{0,30}:\s*\S.*\)?\s*$|"
    r"^(?:READ|Read|See|Watch|ALSO|Also)\b[\w ]{0,12}:\s*\S"
)
CAPTION = re.compile(
    r"\b(?:Photo(?:s|graph)?|Image|Picture|Video|Credit)\s*:|\((?:Photo|File)\b|"
    r"\bPhoto by\b|\bFile photo\b"
)
MORE_NEWS = re.compile(
    r"^(?:more|related|other|latest|recommended|most read|also read|read more)"
    r"(?: news| stories| articles| on this topic)?\s*:?\s*$",
    re.IGNORECASE,
)
CAPTION_CREDIT = re.compile(r"\b(?:Photo(?:s|graph)?|Credit)\s*:.*$")
OPENING_MARKS = "“«„‘\"'"


def paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line with its kind; pull quotes are found later, from quotes."""
    spans = paragraph_spans(text)
    result, trailing = [], False
    for index, (start, end) in enumerate(spans):
        chunk = text[start:end]
        trailing = trailing or bool(MORE_NEWS.match(chunk))
        kind = "more_news" if trailing else kind_of(chunk)
        result.append(Paragraph(index, kind, start, end))
    return result


def kind_of(chunk: str) -> str:
    if RELATED.match(chunk):
        return "related_headline"
    if CAPTION.search(chunk):
        return "photo_caption"
    if is_credit(chunk):
        return "credit"
    return "body"


def is_credit(chunk: str) -> bool:
    """Agency lines such as "AFP AND EFE": capitals only, short, no sentence."""
    letters = [c for c in chunk if c.isalpha()]
    return (
        len(letters) >= 2
        and not any(c.islower() for c in letters)
        and len(chunk.split()) <= 8
        and not chunk.rstrip().endswith((".", "?", "!", ":"))
    )


def caption_credit(text: str, paragraph: Paragraph) -> tuple[int, int] | None:
    """The "Photo: AGENCY / NAME" tail of a caption, which names no actor."""
    match = CAPTION_CREDIT.search(text, paragraph.start, paragraph.end)
    return match.span() if match else None


def sentences(
    doc,
    paras: list[Paragraph],
    quotes: list[tuple[int, int, int, int]],
    text: str | None = None,
):
    """Sentence spans: spaCy's boundaries, cut at paragraphs, never inside a quote.

    `quotes` holds (outer_start, inner_start, inner_end, outer_end) of quoted passages.
    Pass `text` (the doc's own text) when known: `doc.text` rebuilds it token by token.
    """
    text = doc.text if text is None else text
    starts = {s.start_char for s in doc.sents} | {p.start for p in paras}
    starts = {_shift(text, b, quotes) for b in starts}
    starts.discard(None)
    result = []
    for para in paras:
        inside = sorted(b for b in starts if para.start < b < para.end)
        edges = [para.start, *inside, para.end]
        for left, right in zip(edges, edges[1:], strict=False):
            span = _trim(text, left, right)
            if span:
                result.append(span)
    return result


def _shift(text: str, boundary: int, quotes) -> int | None:
    """Move a boundary before a stray opening mark; drop it inside a quotation."""
    for outer_start, inner_start, _, outer_end in quotes:
        if outer_start < boundary < outer_end:
            return outer_start if boundary <= inner_start else None
    probe = boundary
    while probe > 0 and text[probe - 1] == " ":
        probe -= 1
    if probe > 0 and text[probe - 1] in "“«„":
        return probe - 1
    return boundary


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + lead + len(stripped)
