"""Reads done once per change: ETags from the data version, bodies kept per worker.

The ETag of a read is a digest of the data version, the request URL and the code
that renders it, so it is known before any query: a matching `If-None-Match` costs
one read of the version, and a body rendered once for a version is served again
from memory until a write raises it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask, Response, current_app, g, request
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.datastructures import ETags

from api import compression, formats
from api.db import version
from api.readcache import StoredRead, VersionedCache

VERSIONED_PREFIX = "/api/"
# Answers for the state of the server or of a running job: never kept, revalidated
# every time.
LIVE_PREFIXES = ("/health", "/api/v1/jobs/")
ROOT = Path(__file__).resolve().parent.parent
# Room for the counts of some thousands of filtered lists.
COUNT_CACHE_BYTES = 1024 * 1024


def code_fingerprint() -> str:
    """A digest of the code that renders reads: a new release changes every ETag,
    so no client keeps a body that the new code would render otherwise."""
    digest = hashlib.sha256()
    for folder in ("api", "schemas"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def init_app(app: Flask) -> None:
    app.extensions["lede_reads"] = VersionedCache(app.config["READ_CACHE_BYTES"])
    app.extensions["lede_counts"] = VersionedCache(COUNT_CACHE_BYTES)
    app.extensions["lede_code"] = code_fingerprint()
    # Registered first, so that it runs after the hooks below, on the body they
    # kept and under the ETag they set.
    compression.init_app(app, CompressedReads(app.extensions["lede_reads"]))
    app.before_request(answer_from_version)
    app.after_request(add_cache_headers)


def answer_from_version() -> Response | None:
    """A 304 or a kept body when the version says nothing changed; else None."""
    if not _versioned() or _live():
        return None
    current = _data_version()
    if current is None:
        return None  # no version to trust: the view answers, uncached
    g.read_version, g.read_etag = current, _etag(current)
    matched = _matched(request.if_none_match, g.read_etag)
    if matched:
        response = Response(status=304)
        response.set_etag(matched)  # as the client has it, compressed or not
        return response
    kept = current_app.extensions["lede_reads"].get(current, g.read_etag)
    if kept is None:
        return None
    g.read_was_kept = True
    return kept.response()


def version_read() -> version.Version | None:
    """The data version this request read before its view ran, if it did."""
    return g.get("read_version")


def add_cache_headers(response: Response) -> Response:
    if request.method not in ("GET", "HEAD") or response.status_code not in (200, 304):
        return response
    if _live():
        return _conditional_on_body(response)
    etag = g.get("read_etag")
    if etag is None:
        return response
    response.vary.add("Accept")  # which export, if any: api.formats
    if response.status_code == 200:
        # An export streams as it is read: it is never held whole, to keep.
        if not g.get("read_was_kept") and not response.is_streamed:
            reads = current_app.extensions["lede_reads"]
            reads.put(g.read_version, etag, StoredRead.of(response))
        response.set_etag(etag)
    response.headers["Cache-Control"] = _cache_control()
    return response


class CompressedReads:
    """flask-compress's cache: a read's body compressed once per data version,
    kept beside the body itself."""

    def __init__(self, reads: VersionedCache):
        self.reads = reads

    @staticmethod
    def key(_request) -> str:
        return g.get("read_etag") or ""

    def get(self, key: str) -> bytes | None:
        version = version_read()
        if version is None or key.endswith(";"):
            return None  # not a versioned read: compressed anew
        kept = self.reads.get(version, key)
        return None if kept is None else kept.body

    def set(self, key: str, value: bytes) -> None:
        version = version_read()
        if version is not None and not key.endswith(";"):
            self.reads.put(version, key, StoredRead(value, ()))


def _live() -> bool:
    return request.path.startswith(LIVE_PREFIXES)


def _versioned() -> bool:
    return request.method in ("GET", "HEAD") and request.path.startswith(
        VERSIONED_PREFIX
    )


def _data_version() -> version.Version | None:
    try:
        return version.current(current_app.extensions["lede_version_engine"])
    except SQLAlchemyError:
        return None


def _etag(current: version.Version) -> str:
    digest = hashlib.sha256(current_app.extensions["lede_code"].encode())
    parts = (str(current), *_url_parts(request.environ), formats.representation())
    for part in parts:
        digest.update(b"\0" + part.encode("latin-1", "replace"))
    return digest.hexdigest()[:32]


def _url_parts(environ: dict) -> tuple[str, ...]:
    # The URL as sent, query string raw: two spellings of one query are two
    # URLs, never one URL that could stand for two queries. (WSGI hands text
    # over as Latin-1, so it encodes back to the bytes sent.)
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    return (
        environ.get("wsgi.url_scheme", "http"),
        host,
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
    )


def _matched(tags: ETags, etag: str) -> str | None:
    """The tag of `If-None-Match` that names this read, plain or compressed."""
    # Not `*`: it matches any representation, and before the view runs nothing
    # says that this URL has one (it may be a 404).
    if tags.star_tag:
        return None
    for tag in (etag, *compression.etags(etag)):
        if tags.contains_weak(tag):
            return tag
    return None


def _cache_control() -> str:
    return f"public, max-age={current_app.config['CACHE_MAX_AGE']}"


def _conditional_on_body(response: Response) -> Response:
    response.set_etag(hashlib.sha256(response.get_data()).hexdigest()[:32])
    response.headers["Cache-Control"] = "public, max-age=0"
    return response.make_conditional(request)
