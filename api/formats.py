"""What a list is sent as: JSON pages, or an export chosen by `format` or by
`Accept`; read by api.exports, and by api.caching for the ETag."""

from __future__ import annotations

from flask import request
from flask_smorest import abort

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson",
}
NAMES = ("json", *FORMATS)
# How the document shows an export: a 200 of another content type.
CONTENT_TYPES = tuple(content_type.split(";")[0] for content_type in FORMATS.values())
# What `Accept` chooses among, JSON first: `*/*` is JSON.
ACCEPTED = ("application/json", *CONTENT_TYPES)
BY_MEDIA_TYPE = dict(zip(CONTENT_TYPES, FORMATS, strict=True))


def requested_format() -> str | None:
    """`csv` or `ndjson` when the request asks for an export, by `format` or else
    by `Accept`; None for JSON."""
    given = request.args.getlist("format")
    if not given:
        return negotiated()
    if len(given) > 1 or given[0] not in NAMES:
        message = f"Must be one of: {', '.join(NAMES)}."
        abort(422, message=message, errors={"query": {"format": [message]}})
    return None if given[0] == "json" else given[0]


def negotiated() -> str | None:
    """The export `Accept` prefers to JSON (`Accept: text/csv`), if any."""
    best = request.accept_mimetypes.best_match(ACCEPTED, default=ACCEPTED[0])
    return BY_MEDIA_TYPE.get(best)


def representation() -> str:
    """What a read's body is in (json, csv, ndjson), for its ETag: one URL has
    as many representations as `Accept` can choose."""
    given = request.args.getlist("format")
    if given:
        return given[0] if given[0] in NAMES and len(given) == 1 else "invalid"
    return negotiated() or "json"
