"""API keys for writes: `Authorization: Bearer <key>`, compared in constant time."""

from __future__ import annotations

import hmac
from functools import wraps

from flask import current_app, request
from flask_smorest import abort

SCHEME = "bearerAuth"
SECURITY_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "One of the keys in `LEDE_API_KEYS`.",
}


def key_is_valid(given: str, keys) -> bool:
    # Compare against every key, so the time taken does not reveal which one matched.
    matches = [hmac.compare_digest(given.encode(), k.encode()) for k in keys]
    return any(matches)


def require_api_key(view):
    """401 without a bearer key, 403 with a wrong one; before the body is parsed."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            abort(
                401,
                message="An API key is required: Authorization: Bearer <key>.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        keys = current_app.config["API_KEYS"]
        if not keys:
            abort(403, message="Writes are switched off: LEDE_API_KEYS is empty.")
        if not key_is_valid(given.strip(), keys):
            abort(403, message="The API key was not accepted.")
        return view(*args, **kwargs)

    return wrapper


def require_json(view):
    """415 unless the body is declared as JSON."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not request.is_json:
            abort(
                415,
                message="Send the article as JSON (Content-Type: application/json).",
            )
        return view(*args, **kwargs)

    return wrapper
