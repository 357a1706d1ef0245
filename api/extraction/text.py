"""Raw article files: the optional ` date YYYY-MM-DD ` header and paragraph spans."""

import re

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


def parse_header(raw: str) -> tuple[str | None, str]:
    """Split a raw file into (published_on, text); the text is kept unchanged."""
    match = HEADER.match(raw)
    if not match:
        return None, raw
    return match.group(1), raw[match.end() :]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line block, with surrounding spaces trimmed."""
    spans, cursor = [], 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        chunk = text[cursor:stop]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((cursor + lead, cursor + len(chunk.rstrip())))
        cursor = match.end() if match else len(text)
    return spans
