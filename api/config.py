"""Settings: every `LEDE_*` variable, parsed and checked here and nowhere else."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dotenv import dotenv_values

# Read from the folder the command starts in; the environment wins over it.
DOTENV = ".env"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingError(ValueError):
    """A variable whose value its setting does not accept; one line, no traceback."""


@dataclass(frozen=True)
class Setting:
    variable: str
    key: str
    parse: Callable[[str], Any]
    accepts: str
    # Whether an error may repeat the value: never for one that can hold a password.
    secret: bool = False
    # What an empty value means: the default unless `empty` says otherwise.
    empty: Any = None


def whole(minimum: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        number = int(value)
        if number < minimum:
            raise ValueError(value)
        return number

    return parse


def seconds(value: str) -> float:
    number = float(value)
    if not 0 < number < float("inf"):
        raise ValueError(value)
    return number


def log_level(value: str) -> str:
    if value.upper() not in LOG_LEVELS:
        raise ValueError(value)
    return value.upper()


def bind(value: str) -> str:
    if value.startswith("unix:") and len(value) > len("unix:"):
        return value
    host, colon, port = value.rpartition(":")
    if not (colon and host and port.isdigit() and 0 < int(port) < 65536):
        raise ValueError(value)
    return value


def base_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(value)
    return value.rstrip("/")


def absolute_folder(value: str) -> str:
    if not Path(value).is_absolute():
        raise ValueError(value)
    return value


def database_url(value: str) -> str:
    if "://" not in value:
        raise ValueError(value)
    return value


def queue_url(value: str) -> str:
    if not value.startswith(("sqlite:///", "redis://", "rediss://", "unix://")):
        raise ValueError(value)
    return value


def keys(value: str) -> tuple[str, ...]:
    return tuple(key.strip() for key in value.split(",") if key.strip())


SETTINGS = (
    Setting(
        "LEDE_DATABASE_URL", "DATABASE_URL", database_url, "a SQLAlchemy URL", True
    ),
    Setting("LEDE_INSTANCE_DIR", "INSTANCE_DIR", absolute_folder, "an absolute path"),
    Setting("LEDE_API_KEYS", "API_KEYS", keys, "comma-separated keys", True),
    Setting("LEDE_CORS_ORIGINS", "CORS_ORIGINS", str, "* or comma-separated origins"),
    Setting(
        "LEDE_LOG_LEVEL", "LOG_LEVEL", log_level, f"one of {', '.join(LOG_LEVELS)}"
    ),
    Setting("LEDE_BIND", "BIND", bind, "HOST:PORT or unix:PATH"),
    Setting("LEDE_WORKERS", "WORKERS", whole(1), "a whole number, at least 1"),
    Setting("LEDE_THREADS", "THREADS", whole(1), "a whole number, at least 1"),
    Setting("LEDE_ACCESS_LOG", "ACCESS_LOG", str, "- or a file path", empty=""),
    Setting("LEDE_SEEDS_DIR", "SEEDS_DIR", str, "a folder"),
    Setting(
        "LEDE_MAX_CONTENT_LENGTH",
        "MAX_CONTENT_LENGTH",
        whole(1),
        "a whole number of bytes, at least 1",
    ),
    Setting(
        "LEDE_CACHE_MAX_AGE", "CACHE_MAX_AGE", whole(0), "a whole number of seconds"
    ),
    Setting(
        "LEDE_EXTRACTION_SECONDS",
        "EXTRACTION_SECONDS",
        seconds,
        "a number of seconds above 0",
    ),
    Setting(
        "LEDE_JOB_EXTRACTION_SECONDS",
        "JOB_EXTRACTION_SECONDS",
        seconds,
        "a number of seconds above 0",
    ),
    Setting("LEDE_PUBLIC_URL", "PUBLIC_URL", base_url, "an http:// or https:// URL"),
    Setting(
        "LEDE_READ_CACHE_BYTES",
        "READ_CACHE_BYTES",
        whole(0),
        "a whole number of bytes",
    ),
    Setting(
        "LEDE_QUEUE_URL",
        "QUEUE_URL",
        queue_url,
        "sqlite:///FILE or redis://HOST:PORT/DB",
        True,
    ),
    Setting("LEDE_JOB_LEASE", "JOB_LEASE", whole(1), "a whole number of seconds"),
    Setting(
        "LEDE_JOB_THRESHOLD",
        "JOB_THRESHOLD",
        whole(1),
        "a whole number of characters, at least 1",
    ),
)


class Config:
    """Laptop defaults; DATABASE_URL and QUEUE_URL default to files in the instance
    folder (`instance_defaults`)."""

    INSTANCE_DIR = ""
    API_KEYS: tuple[str, ...] = ()
    CORS_ORIGINS = "*"
    LOG_LEVEL = "INFO"
    BIND = "127.0.0.1:8000"
    WORKERS = min(4, multiprocessing.cpu_count() * 2)
    THREADS = 2
    # "-": each request is logged to stdout; empty: no access log.
    ACCESS_LOG = "-"
    # The seed article and its curated annotation, shipped inside the package.
    SEEDS_DIR = str(files("api") / "seeds")
    MAX_CONTENT_LENGTH = 1_000_000
    CACHE_MAX_AGE = 60
    # Longest a client waits for the extraction of the article it posted; past
    # it the article is handed to the job queue (202), so every post is answered
    # within 2 s.
    EXTRACTION_SECONDS = 1.5
    # Longest a job worker extracts one article before recording it as failed;
    # below JOB_LEASE, past which another worker would take the article over.
    JOB_EXTRACTION_SECONDS = 300.0
    # Where clients reach the API (behind a proxy, say): the start of absolute
    # links. Empty: links are relative to the request.
    PUBLIC_URL = ""
    READ_CACHE_BYTES = 32 * 1024 * 1024
    # Seconds a worker may spend on one article before another takes it over.
    JOB_LEASE = 600
    # A posted article longer than this (characters) is extracted as a job: 202.
    JOB_THRESHOLD = 20_000

    API_TITLE = "Lede API"
    API_VERSION = metadata.version("lede")  # the document's version is the package's
    OPENAPI_VERSION = "3.1.0"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    JSON_SORT_KEYS = False


def instance_defaults(instance_path: str) -> dict:
    """The database and the job queue: SQLite files in the instance folder."""
    folder = Path(instance_path)
    return {
        "DATABASE_URL": f"sqlite:///{folder / 'lede.sqlite3'}",
        "QUEUE_URL": f"sqlite:///{folder / 'queue.sqlite3'}",
    }


def environment(
    environ: Mapping[str, str] | None = None, dotenv: str | Path = DOTENV
) -> dict[str, str]:
    """The variables of `dotenv` (if the file exists), under those of `environ`."""
    environ = os.environ if environ is None else environ
    from_file = dotenv_values(dotenv) if Path(dotenv).is_file() else {}
    return {**{k: v for k, v in from_file.items() if v is not None}, **environ}


def settings_from_env(environ: Mapping[str, str]) -> dict:
    """The settings that `environ` overrides, checked; pure, so it is testable.
    SettingError names the first variable whose value is refused."""
    settings = {}
    for setting in SETTINGS:
        if setting.variable not in environ:
            continue
        value = environ[setting.variable].strip()
        if not value:
            if setting.empty is not None:
                settings[setting.key] = setting.empty
            continue
        settings[setting.key] = _parse(setting, value)
    return settings


def _parse(setting: Setting, value: str) -> Any:
    try:
        return setting.parse(value)
    except ValueError:
        shown = "" if setting.secret else f" (not {value!r})"
        raise SettingError(
            f"{setting.variable} must be {setting.accepts}{shown}"
        ) from None


def settings(environ: Mapping[str, str] | None = None) -> dict:
    """Every setting that needs no app: the defaults, then `.env`, then the
    environment."""
    defaults = {
        s.key: getattr(Config, s.key) for s in SETTINGS if hasattr(Config, s.key)
    }
    return {**defaults, **settings_from_env(environment(environ))}
