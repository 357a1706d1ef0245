"""The `lede` command: a Flask CLI group over the app factory."""

from __future__ import annotations

import click
from flask.cli import FlaskGroup


def _create_app():
    from api import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, load_dotenv=False)
def cli():
    """Lede: actors, quotes, reactions and statistics of news articles."""


def main() -> None:
    cli(prog_name="lede")
