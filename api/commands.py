"""Commands of the `lede` tool, registered on the app's CLI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from api.db import migrate, session
from api.db.load import store
from api.sources import annotate_file, article_files


def init_app(app: Flask) -> None:
    for command in (db, seed, extract, serve):
        app.cli.add_command(command)


db = AppGroup("db", help="Database schema migrations.")


@db.command()
def upgrade():
    """Apply every migration to the configured database."""
    migrate.upgrade(current_app.config["DATABASE_URL"])
    click.echo(f"database at head: {_safe_url(current_app.config['DATABASE_URL'])}")


@db.command()
def downgrade():
    """Revert every migration (drops all tables)."""
    migrate.downgrade(current_app.config["DATABASE_URL"])


@click.command()
@with_appcontext
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def seed(paths):
    """Load the seed articles (default: the seeds folder); idempotent."""
    folders = paths or (Path(current_app.config["SEEDS_DIR"]),)
    for path in article_files(folders):
        annotation, curated = annotate_file(path)
        store(session(), annotation, curated=curated)
        session().commit()
        click.echo(
            f"seeded {annotation.article.id} ({'curated' if curated else 'extracted'})"
        )


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract(file):
    """Print the extracted Annotation of FILE as JSON; touches no database."""
    from api.extraction.pipeline import extract_raw

    annotation = extract_raw(file.read_text(encoding="utf-8"))
    json.dump(annotation.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@click.command()
def serve():
    """Serve the API with gunicorn (gunicorn.conf.py, LEDE_BIND)."""
    from gunicorn.app.wsgiapp import run

    sys.argv = ["gunicorn", "--config", "gunicorn.conf.py", "api:create_app()"]
    run()


def _safe_url(url: str) -> str:
    # Never echo a password that the URL may carry.
    head, sep, tail = url.rpartition("@")
    return f"{head.split('://')[0]}://***@{tail}" if sep else url
