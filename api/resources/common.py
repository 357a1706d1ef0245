"""Helpers shared by the resource modules."""

from __future__ import annotations

from typing import TypeVar

from flask_smorest import abort

from api.config import Config
from schemas.errors import ErrorSchema

T = TypeVar("T")

# flask-smorest registers this response component with the error schema.
ERROR = "DEFAULT_ERROR"

# The errors of a body, each in the error shape with a message that says why.
BAD_BODY = {
    "schema": ErrorSchema,
    "description": "Bad Request: the body is not valid JSON; the message says where.",
}
TOO_LARGE = {
    "schema": ErrorSchema,
    "description": "Content Too Large: the body is over `LEDE_MAX_CONTENT_LENGTH` "
    f"bytes ({Config.MAX_CONTENT_LENGTH:,} by default); the message names the limit.",
}


def body_errors(blp):
    """The errors every write with a body documents, in the error shape: no or a
    wrong key (401, 403), a body that does not parse (400), one over the limit
    (413), one that is not JSON (415)."""
    documented = (
        (401, {"response": ERROR}),
        (403, {"response": ERROR}),
        (400, BAD_BODY),
        (413, TOO_LARGE),
        (415, {"response": ERROR}),
    )

    def document(view):
        for status, fields in reversed(documented):
            view = blp.alt_response(status, **fields)(view)
        return view

    return document


def found(item: T | None, kind: str, item_id: str) -> T:
    """The item, or a 404 that says what was looked for."""
    if item is None:
        abort(404, message=f"No {kind} with id {item_id!r}.")
    return item
