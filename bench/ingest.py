"""Throughput of `lede ingest`: articles per second on 1 and 2 processes, peak memory.

Run by hand: `.venv/bin/python bench/ingest.py [N]` (default 1,000 generated articles,
each a fresh SQLite database). Prints one line per worker count.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extraction import generate_articles

LEDE = Path(sys.executable).parent / "lede"


def write_articles(folder: Path, count: int) -> int:
    """Write `count` distinct articles; returns their total number of words."""
    words = 0
    for index, text in enumerate(generate_articles(count, seed=7)):
        text = f"{text}\n\nReference {index}."  # distinct texts: nothing deduplicated
        (folder / f"{index:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def run_ingest(folder: Path, workers: int) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "LEDE_DATABASE_URL": f"sqlite:///{scratch}/bench.db",
            "LEDE_QUEUE_URL": f"sqlite:///{scratch}/queue.db",
        }
        subprocess.run(
            [LEDE, "db", "upgrade"], env=env, check=True, capture_output=True
        )
        command = [LEDE, "ingest", "--workers", str(workers), str(folder)]
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        return time.perf_counter() - started


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = write_articles(folder, count)
        print(f"{count} articles, {words} words, {os.cpu_count()} cores")
        for workers in (1, 2):
            seconds = run_ingest(folder, workers)
            print(
                f"workers={workers}: {seconds:.1f} s, {count / seconds:.0f} articles/s"
            )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak resident memory of one child process: {peak:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
