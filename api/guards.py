"""Refuse input that no database can store, before any view sees it."""

from flask import Flask, request
from flask_smorest import abort


def init_app(app: Flask) -> None:
    app.before_request(refuse_nul_characters)


def refuse_nul_characters() -> None:
    # PostgreSQL cannot hold NUL in text; SQLite can. Refuse it everywhere alike.
    values = [request.path, *request.args.keys(), *request.args.values()]
    if any("\x00" in value for value in values):
        abort(400, message="NUL characters are not allowed in the URL.")
