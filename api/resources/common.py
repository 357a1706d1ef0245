"""Helpers shared by the resource modules."""

from __future__ import annotations

from typing import TypeVar

from flask_smorest import abort

T = TypeVar("T")

# flask-smorest registers this response component with the error schema.
ERROR = "DEFAULT_ERROR"


def found(item: T | None, kind: str, item_id: str) -> T:
    """The item, or a 404 that says what was looked for."""
    if item is None:
        abort(404, message=f"No {kind} with id {item_id!r}.")
    return item
