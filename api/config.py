"""Settings: laptop defaults in `Config`, overridden by `LEDE_*` variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

INSTANCE_DIR = Path(os.environ.get("LEDE_INSTANCE_DIR", Path.cwd() / "instance"))


class Config:
    DATABASE_URL = f"sqlite:///{INSTANCE_DIR / 'lede.sqlite3'}"
    API_KEYS: tuple[str, ...] = ()
    CORS_ORIGINS = "*"
    LOG_LEVEL = "INFO"
    SEEDS_DIR = str(Path(__file__).resolve().parent.parent / "seeds")
    MAX_CONTENT_LENGTH = 1_000_000
    CACHE_MAX_AGE = 60
    # Longest a posted article's extraction may run before it is refused (422);
    # below gunicorn's 60 s worker timeout, so the refusal is what happens.
    EXTRACTION_SECONDS = 30.0
    # Where clients reach the API (behind a proxy, say): the start of absolute
    # links. Empty: links are relative to the request.
    PUBLIC_URL = ""
    READ_CACHE_BYTES = 32 * 1024 * 1024
    # Where jobs wait for `lede worker`: a SQLite file (embedded, no server) or a
    # redis:// URL, for workers on several machines.
    QUEUE_URL = f"sqlite:///{INSTANCE_DIR / 'queue.sqlite3'}"
    # Seconds a worker may spend on one article before another takes it over.
    JOB_LEASE = 600
    # A posted article longer than this (characters) is extracted as a job: 202.
    JOB_THRESHOLD = 20_000

    API_TITLE = "Lede API"
    API_VERSION = "1.0.0"
    OPENAPI_VERSION = "3.1.0"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    JSON_SORT_KEYS = False


# (variable, setting, parser); README and .env.example list every variable
ENV_SETTINGS = (
    ("LEDE_DATABASE_URL", "DATABASE_URL", str),
    (
        "LEDE_API_KEYS",
        "API_KEYS",
        lambda v: tuple(k for k in v.split(",") if k.strip()),
    ),
    ("LEDE_CORS_ORIGINS", "CORS_ORIGINS", str),
    ("LEDE_LOG_LEVEL", "LOG_LEVEL", str.upper),
    ("LEDE_SEEDS_DIR", "SEEDS_DIR", str),
    ("LEDE_MAX_CONTENT_LENGTH", "MAX_CONTENT_LENGTH", int),
    ("LEDE_CACHE_MAX_AGE", "CACHE_MAX_AGE", int),
    ("LEDE_PUBLIC_URL", "PUBLIC_URL", str),
    ("LEDE_EXTRACTION_SECONDS", "EXTRACTION_SECONDS", float),
    ("LEDE_READ_CACHE_BYTES", "READ_CACHE_BYTES", int),
    ("LEDE_QUEUE_URL", "QUEUE_URL", str),
    ("LEDE_JOB_LEASE", "JOB_LEASE", int),
    ("LEDE_JOB_THRESHOLD", "JOB_THRESHOLD", int),
)


def settings_from_env(environ: Mapping[str, str]) -> dict:
    """The settings that `environ` overrides; pure, so it is testable."""
    return {
        setting: parse(environ[name].strip())
        for name, setting, parse in ENV_SETTINGS
        if environ.get(name, "").strip()
    }
