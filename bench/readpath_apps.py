"""The yardsticks of bench/readpath.py, each served by gunicorn.

`bare` and `flask_app()` answer with Lede's own recorded responses (the file named
by BENCH_RESPONSES, written by bench/readpath.py), a 304 when `If-None-Match`
names the recorded ETag; `datasette_app()` serves BENCH_DATABASE with Datasette.
"""

from __future__ import annotations

import base64
import json
import os
from functools import cache


@cache
def _responses() -> dict[str, dict]:
    with open(os.environ["BENCH_RESPONSES"], encoding="utf-8") as file:
        recorded = json.load(file)
    for response in recorded.values():
        response["body"] = base64.b64decode(response["body"])
    return recorded


def _answer(url: str, if_none_match: str | None) -> tuple[str, list, bytes]:
    response = _responses().get(url)
    if response is None:
        return "404 Not Found", [("Content-Length", "0")], b""
    headers = [tuple(header) for header in response["headers"]]
    if if_none_match and if_none_match == dict(headers).get("ETag"):
        return "304 Not Modified", [h for h in headers if h[0] == "ETag"], b""
    return (
        "200 OK",
        [*headers, ("Content-Length", str(len(response["body"])))],
        (response["body"]),
    )


def bare(environ, start_response):
    """WSGI with nothing between the server and the recorded bytes."""
    query = environ.get("QUERY_STRING", "")
    url = environ["PATH_INFO"] + (f"?{query}" if query else "")
    status, headers, body = _answer(url, environ.get("HTTP_IF_NONE_MATCH"))
    start_response(status, headers)
    return [body]


def flask_app():
    """A Flask view that returns the recorded bytes."""
    from flask import Flask, Response, request

    app = Flask(__name__)

    @app.route("/<path:path>")
    def recorded(path):
        status, headers, body = _answer(
            request.full_path.rstrip("?"), request.headers.get("If-None-Match")
        )
        return Response(body, status=int(status[:3]), headers=headers)

    return app


def datasette_app():
    """Datasette over Lede's SQLite file, as `datasette serve` would run it."""
    from datasette.app import Datasette

    return Datasette(files=[os.environ["BENCH_DATABASE"]]).app()
