"""Refuse input that no database can store or no parser can afford, before any
view sees it."""

import re

from flask import Flask, request
from flask_smorest import abort

from schemas.limits import MAX_JSON_DEPTH

# A JSON string, escapes included; what it holds never opens or closes a level.
JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*+"')
JSON_BRACKET = re.compile(rb"[\[\]{}]")


def init_app(app: Flask) -> None:
    app.before_request(refuse_nul_characters)


def refuse_nul_characters() -> None:
    # PostgreSQL cannot hold NUL in text; SQLite can. Refuse it everywhere alike.
    values = [request.path, *request.args.keys(), *request.args.values()]
    if any("\x00" in value for value in values):
        abort(400, message="NUL characters are not allowed in the URL.")


def refuse_deep_json(body: bytes) -> None:
    """422 when `body` nests arrays and objects deeper than MAX_JSON_DEPTH: Python's
    parser recurses once per level and would run out of stack. One pass over the
    body, stopping at the first level too deep."""
    depth = 0
    for bracket in JSON_BRACKET.finditer(JSON_STRING.sub(b'""', body)):
        depth += 1 if bracket.group() in b"[{" else -1
        if depth > MAX_JSON_DEPTH:
            message = (
                f"JSON nested deeper than {MAX_JSON_DEPTH} levels of arrays and "
                "objects."
            )
            abort(422, message=message, errors={"json": [message]})
