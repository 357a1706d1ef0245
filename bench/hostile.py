"""Seconds that the extraction takes on each costly text of `tests/costly.py`,
and where the time goes.

Run by hand: `.venv/bin/python bench/hostile.py [--cap SECONDS] [--profile]`. Each
text is extracted once in a child forked from a warm process (as the API and the
job workers extract, api.budget), so no text inherits what the tokenizer cached
for another; one still running after --cap seconds (default 120) is stopped and
shown as "> cap". With --profile, the five functions of Lede's own code with the
most time of their own, for each text that finished within the cap.

With --served, each text is instead posted to the production stack (nginx in front
of gunicorn, default settings, a fresh SQLite database): the status and the
seconds the client waited for it.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.budget import OverBudget, extract_within, warm_up  # noqa: E402
from api.extraction.pipeline import extract  # noqa: E402
from tests.costly import COSTLY  # noqa: E402

HOT_SPOTS = 5


def timed(text: str, cap: float) -> float | None:
    started = time.perf_counter()
    try:
        extract_within(cap, "--cap", extract, text)
    except OverBudget:
        return None
    return time.perf_counter() - started


def _profiled(text: str) -> list[str]:
    """Lede's functions (module:line) with the most time of their own, profiled
    in the child, where the extraction runs."""
    profiler = cProfile.Profile()
    profiler.runcall(extract, text)
    return _read_profile(profiler)


def _read_profile(profiler) -> list[str]:
    stats = pstats.Stats(profiler).stats
    ours = [
        (own, f"{Path(file).relative_to(ROOT)}:{line} {name}")
        for (file, line, name), (_, _, own, _, _) in stats.items()
        if file.startswith(str(ROOT / "api"))
    ]
    return [f"{own:6.2f} s  {where}" for own, where in sorted(ours)[-HOT_SPOTS:][::-1]]


def served() -> None:
    import json
    import tempfile

    from api.db import migrate
    from tests.conftest import API_KEY
    from tests.jobs import call
    from tests.live import served_stack

    url = f"sqlite:///{tempfile.mkdtemp(prefix='lede-hostile-')}/lede.sqlite3"
    migrate.upgrade(url)
    with served_stack(url, LEDE_API_KEYS=API_KEY) as base:
        for label, text in COSTLY.items():
            body = json.dumps({"text": text}).encode()
            started = time.perf_counter()
            status = call(f"{base}/api/v1/articles", body)[0]
            elapsed = time.perf_counter() - started
            print(f"{label}: {status} in {elapsed:.2f} s", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cap", type=float, default=120.0)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--served", action="store_true")
    args = parser.parse_args(argv)
    if args.served:
        served()
        return
    warm_up()
    for label, text in COSTLY.items():
        seconds = timed(text, args.cap)
        shown = f"> {args.cap:g} s" if seconds is None else f"{seconds:.2f} s"
        print(f"{label}: {len(text):,} characters, {shown}", flush=True)
        if args.profile and seconds is not None:
            for line in extract_within(3600, "profile", _profiled, text):
                print(f"    {line}", flush=True)


if __name__ == "__main__":
    main()
