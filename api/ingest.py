"""Annotate many article files on every core; the caller stores the results."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from api.children import die_with_parent
from api.curation import CurationError
from api.extraction.types import Annotation
from api.sources import annotate_file


@dataclass
class Outcome:
    path: Path
    annotation: Annotation | None = None
    curated: bool = False
    skipped: str | None = None


def annotate_one(path: Path) -> Outcome:
    """Annotate a file, or say why it was skipped; never raises on bad files."""
    try:
        annotation, curated = annotate_file(path)
    except UnicodeDecodeError:
        return Outcome(path, skipped="not UTF-8 text")
    except (OSError, CurationError, ValueError) as error:
        return Outcome(path, skipped=f"{type(error).__name__}: {error}")
    if not annotation.article.text.strip():
        return Outcome(path, skipped="empty text")
    return Outcome(path, annotation, curated)


def annotate_all(
    paths: Iterable[Path], workers: int | None = None
) -> Iterator[Outcome]:
    """Outcomes in input order; extraction runs in `workers` processes."""
    workers = workers or os.cpu_count() or 1
    paths = list(paths)
    if workers == 1 or len(paths) < 2:
        yield from map(annotate_one, paths)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        yield from pool.map(annotate_one, paths, chunksize=8)
