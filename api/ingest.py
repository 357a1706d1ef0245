"""`lede ingest`: article files become one job, followed until its workers finish."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import click
from tqdm import tqdm

from api.children import die_with_parent
from api.db import jobs as rows
from api.db import session
from api.db.models import Job
from api.extraction.text import parse_header
from api.sources import check_readable

POLL_SECONDS = 0.2
# With no workers of its own, how long ingest waits for some worker to take an
# article of its job before it stops waiting (the job stays queued).
UNTAKEN_SECONDS = 120


class Unreadable(ValueError):
    """A file that holds no article to queue."""


def read_articles(paths: Iterable[Path]) -> tuple[list[dict], list[tuple[str, str]]]:
    """(payloads to queue, (file, reason) for each file that cannot be one)."""
    payloads, unreadable = [], []
    for path in paths:
        try:
            payloads.append(_payload(path))
        except UnicodeDecodeError:
            unreadable.append((str(path), "not UTF-8 text"))
        except Unreadable as error:
            unreadable.append((str(path), str(error)))
        except (OSError, ValueError) as error:
            unreadable.append((str(path), f"{type(error).__name__}: {error}"))
    return payloads, unreadable


def _payload(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not parse_header(text)[1].strip():
        raise Unreadable("empty text")
    try:
        check_readable(text)
    except ValueError as error:
        raise Unreadable(str(error)) from error
    payload = {"text": text, "source": str(path)}
    curated = path.with_suffix(".json")
    if curated.exists():
        payload["curated"] = json.loads(curated.read_text(encoding="utf-8"))
    return payload


@contextlib.contextmanager
def worker_processes(count: int, config) -> Iterator[list[subprocess.Popen]]:
    """`count` processes of `lede worker` on the app's database and queue; the
    kernel ends them if this process is killed, even by `kill -9`."""
    environ = {
        **os.environ,
        "LEDE_DATABASE_URL": config["DATABASE_URL"],
        "LEDE_QUEUE_URL": config["QUEUE_URL"],
        "LEDE_JOB_LEASE": str(config["JOB_LEASE"]),
        "LEDE_LOG_LEVEL": "WARNING",
    }
    # -P: the folder it starts in is not searched first, so no api/ there shadows ours.
    command = [sys.executable, "-P", "-m", "api.cli", "worker"]
    adopt = functools.partial(die_with_parent, os.getpid())
    workers = [
        subprocess.Popen(command, env=environ, preexec_fn=adopt) for _ in range(count)
    ]
    try:
        yield workers
    finally:
        for process in workers:
            process.terminate()
        for process in workers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def follow(job_id: str, workers: list[subprocess.Popen], untaken=None) -> None:
    """Show the job's progress until it is done; stop if every worker has died,
    or, with no workers of its own, if none takes an article for `untaken`
    seconds (UNTAKEN_SECONDS): the job stays queued for workers that come later."""
    untaken = UNTAKEN_SECONDS if untaken is None else untaken
    db = session()
    total = db.get(Job, job_id).total
    taken, since = -1, time.monotonic()
    with tqdm(total=total, unit="article", file=sys.stderr) as bar:
        while (finished := rows.finished_count(db, job_id)) < total:
            if finished > bar.n:
                bar.update(finished - bar.n)
            if workers and all(w.poll() is not None for w in workers):
                codes = ", ".join(str(w.returncode) for w in workers)
                raise click.ClickException(f"every worker stopped (exit {codes})")
            if not workers:
                now_taken = rows.taken_count(db, job_id)
                if now_taken != taken:
                    taken, since = now_taken, time.monotonic()
                elif time.monotonic() - since > untaken:
                    raise click.ClickException(
                        f"no worker took an article of job {job_id} for {untaken} s;"
                        " it stays queued: start `lede worker`, or ingest with"
                        " --workers N"
                    )
            time.sleep(POLL_SECONDS)
            db.commit()  # a fresh snapshot for the next count
        bar.update(total - bar.n)


def summary(job_id: str, unreadable: list[tuple[str, str]]) -> str:
    """What was stored, and each file skipped with the reason."""
    db = session()
    # the workers wrote every outcome after this database session's reads
    db.expire_all()
    job = rows.get_job(db, job_id)
    skipped = list(unreadable)
    for item in job.articles:
        if item.state == rows.DUPLICATE:
            skipped.append(
                (item.payload["source"], f"already stored as {item.article_id}")
            )
        elif item.state == rows.FAILED:
            skipped.append((item.payload["source"], item.error))
    stored = sum(1 for item in job.articles if item.state == rows.STORED)
    lines = [f"stored {stored} article(s), skipped {len(skipped)}"]
    lines += [f"  skipped {path}: {reason}" for path, reason in sorted(skipped)]
    return "\n".join(lines)
