"""Reads side by side, in one run: bare WSGI, plain Flask, Datasette and Lede.

Run by hand: `.venv/bin/python bench/readpath.py [--seconds 10] [--before DIR]`,
or `.venv/bin/python bench/readpath.py --growth 1,2000,20000 [--database-url URL]`.
Seeds a fresh SQLite database, starts Lede under gunicorn (2 sync workers), records
its responses, then starts under gunicorn, 2 workers each: bare WSGI and plain
Flask answering with those bytes, Datasette over the same SQLite file, Lede with
no body kept in memory (what a first read after a write costs) and, given
`--before DIR` (a checkout of an older Lede), that Lede too. A client of 16
connections (asyncio, one request per connection, as gunicorn's sync workers
close each) drives each case for SECONDS and prints requests per second, p50,
p99 and the ratio to bare WSGI. The client shares the machine's cores with the
servers, so the fastest rows are held back by it.

With `--growth`, bench/growth.py times a first read after a write as the corpus
grows, on SQLite in a scratch folder, on `--database-url` (an empty database) or
on an embedded PostgreSQL (`--postgres`), and with `--before` the older Lede too.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CONNECTIONS = 16
ASGI = "uvicorn.workers.UvicornWorker"  # Datasette is an ASGI application
SKIPPED_HEADERS = {"date", "server", "connection", "content-length"}

# (case, Lede's URL, Datasette's URL for the same rows, or None)
CASES = (
    ("list: 20 actors", "/api/v1/actors?page_size=20", "/lede/actors.json?_size=20"),
    (
        "detail: the article",
        "/api/v1/articles/{article}",
        "/lede/articles/{article}.json",
    ),
    (
        "search: actors?q=kazakh",
        "/api/v1/actors?q=kazakh",
        "/lede/actors.json?name__contains=kazakh",
    ),
    ("304: 20 actors", "/api/v1/actors?page_size=20", None),
)


def gunicorn(port: int, app: str, env: dict, cwd: Path = ROOT, worker="sync"):
    command = [BIN / "gunicorn", "--workers", "2", "--worker-class", worker]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", app]
    environ = {**os.environ, "PYTHONPATH": str(cwd), **env}
    quiet = subprocess.DEVNULL  # access lines and start-up notices
    return subprocess.Popen(command, cwd=cwd, env=environ, stdout=quiet, stderr=quiet)


def wait_for(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server for {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answers, if not at that URL
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer in 60 s")


def record(base: str, urls: list[str]) -> dict:
    """Lede's responses, headers and bytes, for the yardsticks to repeat."""
    recorded = {}
    for url in urls:
        with urllib.request.urlopen(base + url) as response:
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in SKIPPED_HEADERS
            ]
            body = base64.b64encode(response.read()).decode()
        recorded[url] = {"headers": headers, "body": body}
    return recorded


async def _request(port: int, raw: bytes) -> tuple[float, int]:
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(raw)
    answer = await reader.read()
    writer.close()
    return time.perf_counter() - started, int(answer[9:12] or 0)


async def _drive(port: int, raw: bytes, seconds: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    failures = 0
    deadline = time.perf_counter() + seconds

    async def connection():
        nonlocal failures
        while time.perf_counter() < deadline:
            try:
                latency, status = await _request(port, raw)
            except OSError:
                failures += 1
                continue
            if status in (200, 304):
                latencies.append(latency)
            else:
                failures += 1

    await asyncio.gather(*(connection() for _ in range(CONNECTIONS)))
    return latencies, failures


def measure(port: int, url: str, headers: dict, seconds: float) -> dict:
    lines = [f"GET {url} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    raw = ("\r\n".join(lines) + "\r\n\r\n").encode()
    asyncio.run(_drive(port, raw, 1.0))  # warm-up: imports, caches, connections
    latencies, failures = asyncio.run(_drive(port, raw, seconds))
    latencies.sort()

    def quantile(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * q))] * 1000

    return {
        "rate": len(latencies) / seconds,
        "p50": quantile(0.50),
        "p99": quantile(0.99),
        "failures": failures,
    }


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(scratch: Path) -> tuple[str, Path]:
    database = scratch / "lede.sqlite3"
    env = {**os.environ, "LEDE_DATABASE_URL": f"sqlite:///{database}"}
    for command in (["db", "upgrade"], ["seed"]):
        subprocess.run([BIN / "lede", *command], env=env, check=True, cwd=ROOT)
    return f"sqlite:///{database}", database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--before", type=Path, help="checkout of an older Lede")
    parser.add_argument("--growth", help="article counts, e.g. 1,2000,20000")
    parser.add_argument("--database-url", help="an empty database for --growth")
    parser.add_argument(
        "--postgres", action="store_true", help="--growth on an embedded PostgreSQL"
    )
    args = parser.parse_args()
    if args.growth:
        sys.path.insert(0, str(ROOT))
        from bench.growth import embedded_postgres, growth

        sizes = [int(n) for n in args.growth.split(",")]
        with tempfile.TemporaryDirectory() as folder:
            url = args.database_url or f"sqlite:///{folder}/growth.sqlite3"
            with (
                embedded_postgres(Path(folder))
                if args.postgres
                else nullcontext(url) as url
            ):
                growth(url, sizes, args.before)
        return
    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as stack:
        scratch = Path(folder)
        url, database = prepare(scratch)
        lede_env = {"LEDE_DATABASE_URL": url, "LEDE_LOG_LEVEL": "warning"}
        lede = stack.enter_context(serving("api:create_app()", lede_env, ROOT))
        with urllib.request.urlopen(f"{lede}/api/v1/articles") as response:
            article = json.load(response)[0]["id"]
        cases = [
            (
                name,
                ours.format(article=article),
                theirs and theirs.format(article=article),
            )
            for name, ours, theirs in CASES
        ]
        responses = scratch / "responses.json"
        responses.write_text(json.dumps(record(lede, [case[1] for case in cases])))
        yardstick = {"BENCH_RESPONSES": str(responses), "BENCH_DATABASE": str(database)}
        uncached = {**lede_env, "LEDE_READ_CACHE_BYTES": "0"}
        servers = {
            "bare WSGI": ("bench.readpath_apps:bare", yardstick, ROOT, "sync"),
            "plain Flask": ("bench.readpath_apps:flask_app()", yardstick, ROOT, "sync"),
            "Datasette": ("bench.readpath_apps:datasette_app()", yardstick, ROOT, ASGI),
        }
        bases = {
            name: stack.enter_context(serving(*spec)) for name, spec in servers.items()
        }
        bases["Lede"] = lede
        bases["Lede, nothing kept"] = stack.enter_context(
            serving("api:create_app()", uncached, ROOT)
        )
        if args.before:
            bases["Lede before"] = stack.enter_context(
                serving("api:create_app()", lede_env, args.before)
            )
        report(bases, cases, args.seconds)


@contextlib.contextmanager
def serving(app: str, env: dict, cwd: Path, worker: str = "sync"):
    """A gunicorn of 2 workers serving `app` from `cwd`; yields its base URL."""
    port = free_port()
    process = gunicorn(port, app, env, cwd, worker)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=15)


def report(bases: dict[str, str], cases: list, seconds: float) -> None:
    print(f"{os.cpu_count()} cores, {CONNECTIONS} connections, {seconds:g} s a case")
    print("| case | server | req/s | p50 | p99 | ratio to bare WSGI | failures |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, lede_url, datasette_url in cases:
        bare = None
        for server, base in bases.items():
            url = datasette_url if server == "Datasette" else lede_url
            if url is None:
                continue
            headers = {}
            if name.startswith("304"):
                # The ETag this server gives, for the URL as the client sends it.
                with urllib.request.urlopen(base + url) as response:
                    headers = {"If-None-Match": response.headers["ETag"]}
            result = measure(int(base.rsplit(":", 1)[1]), url, headers, seconds)
            bare = bare or result["rate"]
            print(
                f"| {name} | {server} | {result['rate']:,.0f} | "
                f"{result['p50']:.1f} ms | {result['p99']:.1f} ms | "
                f"{result['rate'] / bare:.2f} | {result['failures']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
