"""The Lede API.

`create_app()` builds the application (api.app). It is imported when called, so
that what only needs a submodule (the container's health probe, `api.config`)
does not load Flask, the database layer and the English model first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def create_app(config: dict | None = None) -> Flask:
    from api.app import create_app as build

    return build(config)
