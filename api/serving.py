"""gunicorn in Lede's terms: the server that `lede serve` runs, its request limits, an
access log without secrets, and the errors gunicorn answers itself (before the app
sees the request) in the API's one JSON shape rather than an HTML page."""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus

from gunicorn import util
from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

# gunicorn's largest allowed request line and header field (in bytes); the longest
# URL the API documents, every filter at its longest and percent-encoded, is
# well within it.
LIMIT_REQUEST_LINE = 8190
LIMIT_REQUEST_FIELD_SIZE = 8190
LIMIT_REQUEST_FIELDS = 100
# What each of gunicorn's own refusals means; never its message, which can repeat
# the request line (and any key in it).
GUNICORN_ERRORS = {
    400: "The request is not valid HTTP/1.1.",
    403: "The request was refused.",
    414: f"The request line is longer than {LIMIT_REQUEST_LINE} bytes.",
    417: "The Expect header asks for what this server does not do.",
    431: f"More than {LIMIT_REQUEST_FIELDS} header fields, or one longer than "
    f"{LIMIT_REQUEST_FIELD_SIZE} bytes.",
    500: "The server encountered an internal error.",
    501: "The request's transfer coding is not supported.",
}

REDACTED = "…"
# Header and environ atoms (`{authorization}i`, `{http_cookie}e`) a format may name.
SECRET_HEADERS = ("authorization", "cookie", "x-api-key")
SECRET_ATOMS = {f"{{{name}}}i" for name in SECRET_HEADERS} | {
    f"{{http_{name.replace('-', '_')}}}e" for name in SECRET_HEADERS
}


def redact_query(query: str) -> str:
    """`page=1&api_key=s3cret` -> `page=…&api_key=…`: which parameters, not their
    values."""
    names = (part.partition("=")[0] for part in query.split("&") if part)
    return "&".join(f"{name}={REDACTED}" for name in names)


def redact_url(url: str) -> str:
    path, mark, query = url.partition("?")
    return f"{path}{mark}{redact_query(query)}" if mark else path


class AccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        method, protocol = environ["REQUEST_METHOD"], environ["SERVER_PROTOCOL"]
        atoms["r"] = f"{method} {redact_url(environ['RAW_URI'])} {protocol}"
        atoms["q"] = redact_query(environ.get("QUERY_STRING", ""))
        atoms["f"] = redact_url(atoms["f"])
        # The user name of Basic authentication, which Lede never uses.
        atoms["u"] = "-"
        for name in SECRET_ATOMS & atoms.keys():
            atoms[name] = REDACTED
        return atoms


def answer_errors_in_json() -> None:
    """Make gunicorn write its own error responses as our JSON: it writes them all
    through `gunicorn.util.write_error`, and has no setting for their body."""
    util.write_error = write_json_error


def write_json_error(sock, status_int, reason, mesg) -> None:
    status = HTTPStatus(status_int)
    message = GUNICORN_ERRORS.get(status_int, status.description)
    body = json.dumps(
        {"code": status_int, "status": status.phrase, "message": message}
    ).encode()
    head = (
        f"HTTP/1.1 {status_int} {status.phrase}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "X-Content-Type-Options: nosniff\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


# Longest a worker may spend on one request before gunicorn replaces it.
WORKER_TIMEOUT = 60


def post_worker_init(_worker) -> None:
    from api.budget import warm_up

    answer_errors_in_json()
    warm_up()


def gunicorn_options(settings: Mapping) -> dict:
    """gunicorn's settings from Lede's (`api.config.settings()`), the same for
    `lede serve` and `gunicorn.conf.py`."""
    return {
        "bind": [settings["BIND"]],
        "workers": settings["WORKERS"],
        "threads": settings["THREADS"],
        "timeout": WORKER_TIMEOUT,
        "accesslog": settings["ACCESS_LOG"] or None,
        # Keys never reach the log: query values, Basic user names and credentials.
        "logger_class": AccessLogger,
        "loglevel": settings["LOG_LEVEL"].lower(),
        # A client that sends a 10 MB URL or 16 KB headers is refused before parsing.
        "limit_request_line": LIMIT_REQUEST_LINE,
        "limit_request_field_size": LIMIT_REQUEST_FIELD_SIZE,
        "limit_request_fields": LIMIT_REQUEST_FIELDS,
        "post_worker_init": post_worker_init,
    }


class Server(BaseApplication):
    """gunicorn serving this package's app, whatever folder it starts in: no
    config file and no import string to find."""

    def __init__(self, options: Mapping):
        self.options = dict(options)
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self):
        from api import create_app

        return create_app()
