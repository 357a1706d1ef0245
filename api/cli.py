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
    from api.config import SettingError
    from api.extraction.nlp import ModelMissing

    try:
        cli(prog_name="lede")
    except (ModelMissing, SettingError) as error:
        # a missing model or a refused setting stops every command with one line
        # that says what to do, no traceback
        raise SystemExit(f"lede: {error}") from None


if __name__ == "__main__":
    main()
