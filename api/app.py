"""The Flask application: settings, database, resources, documents and headers."""

from __future__ import annotations

import logging

from flask import Flask, Response, request
from flask_cors import CORS

from api import caching, commands, db, docs, explorer, guards, headers
from api.config import Config, environment, instance_defaults, settings_from_env
from api.extensions import Api, StrictJSONProvider
from api.extraction.nlp import get_nlp
from api.jobs import check_queue_url
from api.resources import register_blueprints

API_DESCRIPTION = """\
Actors, quotes, reactions and statistics of news articles. Every item that comes
from the text carries `start`/`end` character offsets: `article.text[start:end]`
is its evidence. Offsets count Unicode code points (as Python indexes strings);
`start_utf16`/`end_utf16` give the same places in UTF-16 code units (as
JavaScript indexes them: `text.slice(start_utf16, end_utf16)`), which differ
after a character outside the Basic Multilingual Plane such as an emoji.

Lists paginate with `page` and `page_size` (metadata in the `X-Pagination` header,
links in `Link`), filter by their fields and sort with `sort=field` or `-field`.
Reads are public, send `ETag` and `Cache-Control`, and answer `304 Not Modified`
to a matching `If-None-Match`; an ETag changes when the data does (any write) or
the release does, so revalidating is cheap. Lists carry counts; the mentions of an
actor or an article, and the articles of a job, are lists of their own. A posted
article is answered within about 2 s: stored (201), or handed to the job queue
(202) when its extraction takes longer. Errors always have the shape
`{"code", "status", "message", "errors"}`.
"""

SPEC_OPTIONS = {
    "info": {
        "description": API_DESCRIPTION,
        "license": {"name": "MIT", "identifier": "MIT"},
    },
    # Relative: the server that serves the document, wherever it is reached.
    "servers": [{"url": "/", "description": "This server."}],
}


def create_app(config: dict | None = None) -> Flask:
    settings = {**settings_from_env(environment()), **(config or {})}
    # The instance folder is LEDE_INSTANCE_DIR or Flask's instance_path (beside a
    # source checkout, or under the virtualenv's prefix): never the working folder.
    app = Flask("api", instance_path=settings.get("INSTANCE_DIR") or None)
    app.json = StrictJSONProvider(app)
    app.config.from_object(Config)
    app.config.update(instance_defaults(app.instance_path))
    app.config["INSTANCE_DIR"] = app.instance_path
    app.config.update(settings)
    app.config["API_SPEC_OPTIONS"] = SPEC_OPTIONS
    logging.basicConfig(level=app.config["LOG_LEVEL"])
    # The English model loads now, so a missing one stops start-up, not a request;
    # so does a queue URL that no mode understands.
    get_nlp()
    check_queue_url(app.config["QUEUE_URL"])

    db.init_app(app)
    register_blueprints(Api(app))
    docs.init_app(app)
    guards.init_app(app)
    caching.init_app(app)
    commands.init_app(app)
    origins = _origins(app.config["CORS_ORIGINS"])
    if origins != "*":
        app.after_request(_vary_on_origin)
    CORS(
        app,
        resources={r"/api/*": {"origins": origins}},
        methods=["GET", "HEAD", "OPTIONS"],
        send_wildcard=True,
        expose_headers=["X-Pagination", "Link", "ETag", "Location"],
    )
    explorer.init_app(app)
    headers.init_app(app)
    return app


def _origins(value: str) -> str | list[str]:
    return "*" if value.strip() == "*" else [o.strip() for o in value.split(",")]


def _vary_on_origin(response: Response) -> Response:
    """With a list of origins, a read's CORS headers depend on the request's
    Origin, allowed or not: a shared cache must keep one copy per origin."""
    if request.path.startswith("/api/"):
        response.vary.add("Origin")
    return response
