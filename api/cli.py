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
    from api.extraction.nlp import ModelMissing

    try:
        cli(prog_name="lede")
    except ModelMissing as missing:
        # a missing model stops every command with what to install, no traceback
        raise SystemExit(f"lede: {missing}") from None


if __name__ == "__main__":
    main()
