"""Where actors may be mentioned: body text, pull quotes, headlines, captions."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import accumulate

from api.extraction.segment import caption_credit

MENTION_KINDS = ("body", "pull_quote", "related_headline", "photo_caption")
NAME_KINDS = ("body", "pull_quote", "photo_caption")


# A wire story's dateline: 'WASHINGTON (AP) — ', 'LONDON, June 3 (Reuters) - '
DATELINE = re.compile(
    r"[A-Z]{2}[A-Z .'-]*(?:,[^()\n]{1,20})?(?: \([A-Za-z ]{2,20}\))? [—–-]+ "
)


def zones(text: str, paragraphs, kinds=MENTION_KINDS) -> list[tuple[int, int]]:
    """Spans where actors may be mentioned: no credits, no dateline, no trailing
    more-news block."""
    spans = []
    for para in paragraphs:
        if para.kind not in kinds:
            continue
        credit = caption_credit(text, para) if para.kind == "photo_caption" else None
        start = para.start
        if para.kind == "body" and not spans:
            dateline = DATELINE.match(text, para.start, para.end)
            start = dateline.end() if dateline else start
        spans.append((start, credit[0] if credit else para.end))
    return spans


def inside(spans, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def holds(spans, offset: int) -> bool:
    """Whether one of the spans holds the character at `offset`."""
    return any(a <= offset < b for a, b in spans)


def holder(spans) -> Callable[[int], bool]:
    """`holds` for many offsets against the same spans: sorted once, each offset
    found by bisection (overlapping spans too: a span that starts before the
    offset holds it if the farthest end so far lies past it)."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach = list(accumulate((b for _, b in ordered), max))

    def holds_offset(offset: int) -> bool:
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and offset < reach[index]

    return holds_offset


def within(spans, items) -> list:
    """The items (in text order, not overlapping) that lie wholly inside a span. The
    spans are paragraphs, sorted and disjoint, so one sweep does what `inside` does
    for each item in turn."""
    kept, index = [], 0
    for item in items:
        # a span that ends before this item cannot hold it or any later one
        while index < len(spans) and spans[index][1] < item.end:
            index += 1
        if index == len(spans):
            break
        if spans[index][0] <= item.start:
            kept.append(item)
    return kept
