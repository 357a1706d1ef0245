"""Responses compressed when the client accepts it (flask-compress)."""

from __future__ import annotations

from flask import Flask
from flask_compress import Compress

# Smaller bodies gain less than compressing them costs.
MIN_SIZE = 1024
ALGORITHMS = ("zstd", "br", "gzip", "deflate")


def init_app(app: Flask, cache) -> None:
    """Compress with `cache` (get/set by a key of the algorithm and the read's
    ETag) keeping what it compressed."""
    app.config.setdefault("COMPRESS_MIN_SIZE", MIN_SIZE)
    app.config.setdefault("COMPRESS_ALGORITHM", list(ALGORITHMS))
    app.config["COMPRESS_CACHE_BACKEND"] = lambda: cache
    app.config["COMPRESS_CACHE_KEY"] = cache.key
    Compress(app)


def etags(etag: str) -> list[str]:
    """The ETags flask-compress gives a body tagged `etag` once compressed."""
    return [f"{etag}:{algorithm}" for algorithm in ALGORITHMS]
