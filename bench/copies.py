"""A large corpus from the real development articles, for bench/readpath.py.

Each copy is one of the articles with a sentence of its own appended (so its text,
hash and id are new) and its items' ids suffixed; the items keep their offsets and
the actors stay shared, as real actors are across articles.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from api.db import load, session
from api.extraction.ids import content_hash
from api.extraction.types import Annotation
from api.sources import annotate_file, article_files

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("seeds", "tests/corpus", "tests/corpus-real")
COMMIT_EVERY = 200


def originals() -> list[Annotation]:
    """The development articles, curated where they can be, extracted otherwise."""
    return [annotate_file(path)[0] for path in article_files(ROOT / f for f in FOLDERS)]


def copy(annotation: Annotation, number: int) -> Annotation:
    suffix = f"-c{number}"
    text = f"{annotation.article.text}\n\nCopy {number} of the bench corpus."
    article = dataclasses.replace(
        annotation.article,
        id=annotation.article.id[:60] + suffix,
        text=text,
        content_hash=content_hash(text),
    )
    return Annotation(
        article=article,
        actors=annotation.actors,
        quotes=[dataclasses.replace(q, id=q.id + suffix) for q in annotation.quotes],
        reactions=[
            dataclasses.replace(
                r, id=r.id + suffix, quotes=[q + suffix for q in r.quotes]
            )
            for r in annotation.reactions
        ],
        statistics=[
            dataclasses.replace(s, id=s.id + suffix) for s in annotation.statistics
        ],
    )


def store_copies(total: int, first: int = 0) -> None:
    """Store copies `first` to `total - 1` round the originals (app context needed)."""
    sources = originals()
    for number in range(first, total):
        load.store(
            session(), copy(sources[number % len(sources)], number), curated=False
        )
        if number % COMMIT_EVERY == COMMIT_EVERY - 1:
            session().commit()
    session().commit()
