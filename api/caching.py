"""Conditional GETs: `ETag`, `Cache-Control` and 304 on `If-None-Match`."""

from __future__ import annotations

import hashlib

from flask import Flask, Response, current_app, request

CACHED_PREFIXES = ("/api/", "/health")
# Answers that change from one second to the next: revalidate every time.
ALWAYS_FRESH = ("/health", "/api/v1/jobs/")


def init_app(app: Flask) -> None:
    app.after_request(add_cache_headers)


def add_cache_headers(response: Response) -> Response:
    if not _cacheable(response):
        return response
    body = response.get_data()
    # Pages of one list can share a body but not their pagination metadata.
    pagination = response.headers.get("X-Pagination", "").encode()
    response.set_etag(hashlib.sha256(body + b"\0" + pagination).hexdigest()[:32])
    fresh = request.path.startswith(ALWAYS_FRESH)
    max_age = 0 if fresh else current_app.config["CACHE_MAX_AGE"]
    response.headers["Cache-Control"] = f"public, max-age={max_age}"
    return response.make_conditional(request)


def _cacheable(response: Response) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.direct_passthrough
        and request.path.startswith(CACHED_PREFIXES)
    )
