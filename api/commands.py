"""Commands of the `lede` tool, registered on the app's CLI."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from api.budget import warm_up
from api.config import settings
from api.db import migrate, session
from api.db.load import find_by_hash, store
from api.ingest import follow, read_articles, summary, worker_processes
from api.jobs import queue
from api.sources import (
    annotate_file,
    article_files,
    curated_annotation,
    extract_file,
)


def init_app(app: Flask) -> None:
    for command in (db, seed, extract, ingest, worker, evaluate, export, serve):
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
        # The same text posted under another title: one text is stored once.
        stored = find_by_hash(session(), annotation.article.content_hash)
        if stored is not None and stored.id != annotation.article.id:
            click.echo(f"skipped {path.name}: its text is stored as {stored.id}")
            continue
        store(session(), annotation, curated=curated)
        session().commit()
        click.echo(
            f"seeded {annotation.article.id} ({'curated' if curated else 'extracted'})"
        )


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract(file):
    """Print the extracted Annotation of FILE as JSON; touches no database."""
    try:
        annotation = extract_file(file)
    except ValueError as error:
        raise click.ClickException(f"{file}: {error}") from error
    json.dump(annotation.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@click.command()
@with_appcontext
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
@click.option(
    "--workers",
    type=int,
    default=None,
    help="`lede worker` processes to start for this job (default: cores; 0: "
    "leave it to the workers already running).",
)
@click.option("--wait/--no-wait", default=True, help="Follow the job until it is done.")
def ingest(paths, workers, wait):
    """Extract and store article files or folders as one job; idempotent."""
    payloads, unreadable = read_articles(article_files(paths))
    job = queue().submit(payloads)
    click.echo(f"job {job.id}: {len(payloads)} article(s) queued", err=True)
    if not wait:
        return
    count = workers if workers is not None else os.cpu_count() or 1
    with worker_processes(count, current_app.config) as processes:
        follow(job.id, processes)
    click.echo(summary(job.id, unreadable))


@click.command()
@with_appcontext
@click.option("--threads", type=int, default=1, help="Articles extracted at once.")
def worker(threads):
    """Extract the queued articles of every job, until stopped (Ctrl-C, SIGTERM).

    Run one per core, on as many machines as share LEDE_DATABASE_URL and a
    redis:// LEDE_QUEUE_URL.
    """
    warm_up()
    queue().run_worker(threads)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def evaluate(paths):
    """Score extraction against the curated annotations (default: the seeds)."""
    from api.evaluation import format_summary, format_table, score
    from api.extraction.pipeline import extract

    seeds = settings()["SEEDS_DIR"]
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
@with_appcontext
@click.argument("path")
@click.argument("parameters", nargs=-1)
@click.option(
    "--format",
    "kind",
    type=click.Choice(["ndjson", "csv"]),
    default="ndjson",
    show_default=True,
)
@click.option(
    "--output",
    "-o",
    type=click.File("wb"),
    default="-",
    help="The file to write (default: standard output).",
)
def export(path, parameters, kind, output):
    """Export a list whole, as `GET /api/v1/PATH?format=...` does.

    PATH is a list of the API (`quotes`, `articles/ID/actors`, `deletions`);
    PARAMETERS are its filters, sort, `cursor` or `changed_since` as NAME=VALUE
    (`kind=direct,partial sort=-length`). Streamed: any size, in constant memory.
    """
    query = urlencode([*_pairs(parameters), ("format", kind)])
    url = f"/api/v1/{path.strip('/')}?{query}"
    # Through the API itself: the parameters, checks and formats of `?format=`.
    response = current_app.test_client().get(url, buffered=False)
    try:
        if response.status_code != 200:
            raise click.ClickException(_reason(response))
        for chunk in response.iter_encoded():
            output.write(chunk)
        output.flush()
    finally:
        response.close()


def _pairs(parameters: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs = []
    for given in parameters:
        name, sep, value = given.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{given!r} is not NAME=VALUE")
        pairs.append((name, value))
    return pairs


def _reason(response) -> str:
    """The error's message, and what it says of each parameter."""
    body = response.get_json(silent=True) or {}
    message = body.get("message") or f"HTTP {response.status_code}"
    errors = body.get("errors", {}).get("query", {})
    said = [f"{name}: {' '.join(map(str, why))}" for name, why in errors.items()]
    return f"{message} ({'; '.join(said)})" if said else message


@click.command()
def serve():
    """Serve the API with gunicorn, on LEDE_BIND, with LEDE_WORKERS and LEDE_THREADS."""
    from api.serving import Server, gunicorn_options

    Server(gunicorn_options(settings())).run()


def _safe_url(url: str) -> str:
    # Never echo a password that the URL may carry.
    head, sep, tail = url.rpartition("@")
    return f"{head.split('://')[0]}://***@{tail}" if sep else url
