"""Refuse input that no database can store or no parser can afford, before any
view sees it."""

import re

from flask import Flask, request
from flask_smorest import abort

from schemas.limits import MAX_JSON_DEPTH, MAX_NUMBER_DIGITS

# A JSON string, escapes included; what it holds never opens or closes a level.
JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*+"')
JSON_BRACKET = re.compile(rb"[\[\]{}]")
JSON_LONG_NUMBER = re.compile(rb"\d{%d}" % (MAX_NUMBER_DIGITS + 1))


def init_app(app: Flask) -> None:
    app.before_request(refuse_nul_characters)


def refuse_nul_characters() -> None:
    # PostgreSQL cannot hold NUL in text; SQLite can. Refuse it everywhere alike.
    values = [request.path, *request.args.keys(), *request.args.values()]
    if any("\x00" in value for value in values):
        abort(400, message="NUL characters are not allowed in the URL.")


def refuse_costly_json(body: bytes) -> None:
    """422 for a body that Python's JSON parser cannot afford: arrays and objects
    nested deeper than MAX_JSON_DEPTH (it recurses once per level and would run out
    of stack), or a number of more than MAX_NUMBER_DIGITS digits (it refuses
    integers past 4,300 digits with an error of its own). One pass over the body
    outside its strings, stopping at the first level too deep."""
    outside_strings = JSON_STRING.sub(b'""', body)
    if JSON_LONG_NUMBER.search(outside_strings):
        _refuse(f"A JSON number has more than {MAX_NUMBER_DIGITS} digits.")
    depth = 0
    for bracket in JSON_BRACKET.finditer(outside_strings):
        depth += 1 if bracket.group() in b"[{" else -1
        if depth > MAX_JSON_DEPTH:
            _refuse(
                f"JSON nested deeper than {MAX_JSON_DEPTH} levels of arrays and "
                "objects."
            )


def _refuse(message: str) -> None:
    abort(422, message=message, errors={"json": [message]})
