"""Read throughput of the API under gunicorn: requests per second and latency.

Run by hand: `.venv/bin/python bench/api.py [SECONDS]`. Seeds a fresh SQLite database,
starts gunicorn with gunicorn.conf.py on a free port, and for each endpoint runs
4 client threads for SECONDS (default 5), printing requests/s, median and p95 latency.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.live import gunicorn  # noqa: E402  (after the path is set)

LEDE = Path(sys.executable).parent / "lede"
THREADS = 4


def endpoints(base: str) -> dict[str, str]:
    with urllib.request.urlopen(f"{base}/api/v1/articles") as response:
        article_id = json.load(response)[0]["id"]
    return {
        "article detail": f"{base}/api/v1/articles/{article_id}",
        "article stats": f"{base}/api/v1/articles/{article_id}/stats",
        "actors, 100 per page": f"{base}/api/v1/actors?page_size=100",
        "quotes by speaker": f"{base}/api/v1/quotes?speaker=kassym-jomart-tokayev",
        "statistics filtered": f"{base}/api/v1/statistics?min_value=10&sort=-value",
    }


def hammer(url: str, seconds: float) -> list[float]:
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    def worker():
        mine = []
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            with urllib.request.urlopen(url) as response:
                response.read()
            mine.append(time.perf_counter() - started)
        latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def main(argv: list[str]) -> None:
    seconds = float(argv[0]) if argv else 5.0
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{scratch}/bench.db"
        env = {**os.environ, "LEDE_DATABASE_URL": url}
        for command in (["db", "upgrade"], ["seed"]):
            subprocess.run([LEDE, *command], env=env, check=True, capture_output=True)
        with gunicorn(url) as base:
            print(f"gunicorn, {os.cpu_count()} cores, {THREADS} client threads")
            for name, target in endpoints(base).items():
                times = sorted(hammer(target, seconds))
                median = statistics.median(times) * 1000
                p95 = times[int(len(times) * 0.95)] * 1000
                rate = len(times) / seconds
                print(
                    f"{name:24} {rate:7.0f} req/s  "
                    f"median {median:5.1f} ms  p95 {p95:5.1f} ms"
                )


if __name__ == "__main__":
    main(sys.argv[1:])
