"""Offsets in two units: code points (Python's `text[start:end]`, the stored unit)
and UTF-16 code units (JavaScript's `text.slice(start, end)`), given at dump time."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from marshmallow import fields
from marshmallow.experimental.context import Context
from marshmallow.utils import get_value

# Characters outside the Basic Multilingual Plane ("😀"): one code point, two
# UTF-16 code units (a surrogate pair).
ASTRAL = re.compile("[\U00010000-\U0010ffff]")

CODE_POINTS = (
    "Counted in Unicode code points, as Python indexes strings: "
    "`article.text[start:end]`."
)
UTF16_UNITS = (
    "Counted in UTF-16 code units, as JavaScript indexes strings: "
    "`article.text.slice(start_utf16, end_utf16)`."
)


def utf16_offsets(text: str) -> Callable[[int], int]:
    """The function from a code point offset into `text` to the same place counted
    in UTF-16 code units: the offset plus the astral characters before it."""
    astral = [match.start() for match in ASTRAL.finditer(text)]
    if not astral:
        return lambda offset: offset
    return lambda offset: offset + bisect_left(astral, offset)


class Utf16Offset(fields.Integer):
    """The UTF-16 offset of a code point offset (`attribute`, e.g. "start") of an
    item of one article. The dump's context (`Context({"utf16": lookup})`) gives
    `lookup(article_id)`: the article's `utf16_offsets`."""

    def __init__(self, attribute: str, description: str, example: int, **kwargs):
        metadata = {"description": description, "example": example}
        super().__init__(
            attribute=attribute, dump_only=True, metadata=metadata, **kwargs
        )

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        lookup = Context.get()["utf16"]
        return lookup(get_value(obj, "article_id"))(value)


class SpansOf(fields.List):
    """Spans stored inside their item (a quote's occurrences, an article's
    caveats): each is dumped with its item's article id, which its UTF-16
    offsets need."""

    def __init__(self, nested, article_attribute: str = "article_id", **kwargs):
        super().__init__(fields.Nested(nested), **kwargs)
        self.article_attribute = article_attribute

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        article_id = get_value(obj, self.article_attribute)
        spans = [{**span, "article_id": article_id} for span in value]
        return super()._serialize(spans, attr, obj, **kwargs)
