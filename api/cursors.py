"""Cursors: opaque tokens of where a page of a list ended (its last row's sort
value and id, and which order they belong to), checked as they are read back."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from datetime import date, datetime

from api.db.keyset import Key, Order

# Room for a key holding a long title, far below any URL limit.
MAX_LENGTH = 4096
LARGEST_INTEGER = 2**63 - 1
BAD = "Not a cursor of this list: use the `next_cursor` a page of it gave."
OTHER_ORDER = "This cursor was given for another sort of the list."


class CursorError(ValueError):
    pass


def encode(order: Order, key: Key) -> str:
    body = json.dumps([order.fingerprint, *map(_plain, key)], separators=(",", ":"))
    raw = body.encode()
    return f"{_b64(raw)}.{_b64(_digest(raw))}"


def decode(token: str, order: Order) -> Key:
    """The key `token` holds for `order`; CursorError says why it is not one."""
    raw = _checked(token)
    try:
        fingerprint, *values = json.loads(raw)
    except (ValueError, TypeError):
        raise CursorError(BAD) from None
    if fingerprint != order.fingerprint:
        raise CursorError(OTHER_ORDER)
    types, nullable = order.types(), order.nullable()
    if len(values) != len(types) or any(
        value is None and not can for value, can in zip(values, nullable, strict=True)
    ):
        raise CursorError(BAD)
    return tuple(_typed(value, kind) for value, kind in zip(values, types, strict=True))


def _checked(token: str) -> bytes:
    body, _, digest = token.partition(".")
    try:
        raw = base64.urlsafe_b64decode(_padded(body))
        given = base64.urlsafe_b64decode(_padded(digest))
    except (binascii.Error, ValueError):
        raise CursorError(BAD) from None
    if len(token) > MAX_LENGTH or not raw or given != _digest(raw):
        raise CursorError(BAD)
    return raw


def _typed(value, kind: type):
    """The value as the column holds it; a value of another type is refused."""
    if value is None:
        return None
    if kind is str and isinstance(value, str) and _storable(value):
        return value
    if kind is int and type(value) is int and abs(value) <= LARGEST_INTEGER:
        return value
    if kind is float and type(value) in (int, float) and math.isfinite(value):
        return float(value)
    if kind in (date, datetime) and isinstance(value, str):
        try:
            return kind.fromisoformat(value)
        except ValueError:
            pass
    raise CursorError(BAD)


def _storable(text: str) -> bool:
    return "\x00" not in text and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def _digest(raw: bytes) -> bytes:
    return hashlib.sha256(b"lede cursor\0" + raw).digest()[:9]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _padded(text: str) -> bytes:
    if not text.isascii():
        raise ValueError(text)
    return (text + "=" * (-len(text) % 4)).encode()
