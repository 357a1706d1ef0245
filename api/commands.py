"""Commands of the `lede` tool, registered on the app's CLI."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from tqdm import tqdm

from api.config import Config, settings_from_env
from api.db import migrate, session
from api.db.load import find_by_hash, store
from api.ingest import annotate_all
from api.sources import annotate_file, article_files, curated_annotation


def init_app(app: Flask) -> None:
    for command in (db, seed, extract, ingest, evaluate, serve):
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
@with_appcontext
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
@click.option("--workers", type=int, default=None, help="Processes (default: cores).")
def ingest(paths, workers):
    """Extract and store article files or folders; idempotent."""
    files = list(article_files(paths))
    stored, skipped = 0, []
    outcomes = annotate_all(files, workers)
    progress = tqdm(outcomes, total=len(files), unit="article", file=sys.stderr)
    for outcome in progress:
        reason = outcome.skipped or _store_new(outcome)
        if reason:
            skipped.append((outcome.path, reason))
        else:
            stored += 1
    click.echo(f"stored {stored} article(s), skipped {len(skipped)}")
    for path, reason in skipped:
        click.echo(f"  skipped {path}: {reason}")


def _store_new(outcome) -> str | None:
    """Store the outcome's article, in a transaction of its own, unless its text is
    stored already. One article per transaction holds the SQLite write lock for
    milliseconds, so API writes never wait behind a batch."""
    existing = find_by_hash(session(), outcome.annotation.article.content_hash)
    if existing is not None:
        return f"already stored as {existing.id}"
    try:
        store(session(), outcome.annotation, curated=outcome.curated)
        session().commit()
    except BaseException:
        session().rollback()
        raise
    return None


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def evaluate(paths):
    """Score extraction against the curated annotations (default: the seeds)."""
    from api.evaluation import format_summary, format_table, score
    from api.extraction.pipeline import extract

    seeds = settings_from_env(os.environ).get("SEEDS_DIR", Config.SEEDS_DIR)
    corpora: dict[str, list[dict]] = {}
    for corpus in paths or (Path(seeds),):
        for path in article_files((corpus,)):
            expected = curated_annotation(path)
            if expected is None:
                continue
            info = expected.article
            actual = extract(
                info.text, title=info.title, published_on=info.published_on
            )
            row = {**score(expected, actual), "article": path.stem}
            corpora.setdefault(str(corpus), []).append(row)
    if not corpora:
        raise click.ClickException("no curated annotation (.json beside a .txt) found")
    rows = [row for group in corpora.values() for row in group]
    click.echo(format_table(rows))
    if len(corpora) > 1:
        click.echo("")
        click.echo(format_summary(corpora))


@click.command()
def serve():
    """Serve the API with gunicorn: ./gunicorn.conf.py if present, else LEDE_BIND."""
    from gunicorn.app.wsgiapp import run

    if Path("gunicorn.conf.py").exists():
        options = ["--config", "gunicorn.conf.py"]
    else:
        options = ["--bind", os.environ.get("LEDE_BIND", "127.0.0.1:8000")]
    sys.argv = ["gunicorn", *options, "api:create_app()"]
    run()


def _safe_url(url: str) -> str:
    # Never echo a password that the URL may carry.
    head, sep, tail = url.rpartition("@")
    return f"{head.split('://')[0]}://***@{tail}" if sep else url
