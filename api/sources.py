"""Article files on disk: a `.txt` (optional date header) and, if curated, a `.json`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from api.curation import resolve
from api.extraction.text import parse_header
from api.extraction.types import Annotation


def article_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Every `.txt` named, or found (sorted) inside a named folder."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(path.rglob("*.txt"))
        else:
            yield path


def read_text(path: Path) -> tuple[str | None, str]:
    return parse_header(path.read_text(encoding="utf-8"))


def curated_annotation(path: Path) -> Annotation | None:
    """The hand-checked annotation beside the article, if there is one."""
    curated = path.with_suffix(".json")
    if not curated.exists():
        return None
    published_on, text = read_text(path)
    spec = json.loads(curated.read_text(encoding="utf-8"))
    return resolve(spec, text, published_on)


def annotate_file(path: Path) -> tuple[Annotation, bool]:
    """(annotation, curated): the curated annotation wins over extraction."""
    curated = curated_annotation(path)
    if curated is not None:
        return curated, True
    return extract_file(path), False


def extract_file(path: Path) -> Annotation:
    """The extracted annotation of a raw file; ValueError (check_readable) for a
    text the model cannot read whole."""
    from api.extraction.pipeline import extract_raw

    raw = path.read_text(encoding="utf-8")
    check_readable(raw)
    return extract_raw(raw)


def check_readable(raw: str) -> None:
    """ValueError for a text longer than the English model reads, which would
    otherwise come back with paragraphs only."""
    from api.extraction.nlp import get_nlp

    limit = get_nlp().max_length
    if len(raw) > limit:
        raise ValueError(
            f"{len(raw):,} characters, over the {limit:,} that the English model "
            "reads (nlp.max_length)"
        )
