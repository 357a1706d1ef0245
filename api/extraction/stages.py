"""The extraction's stages, in order, each with what it reads and what it writes.

Every stage is a function of named values; `run` hands it what it reads and stores
what it returns under the names it writes. A stage may read only what the article
brings or an earlier stage wrote (checked by `check_order`, and by a test), so the
order the stages depend on is the order written here. The registry of actors is
written by several stages on purpose: each one that marks actors as acting says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from api.extraction import (
    acting,
    actors,
    caveats,
    pullquotes,
    quotes,
    reactions,
    segment,
    statistics,
)
from api.extraction.nlp import gazetteer_hits, get_nlp

QUOTED_KINDS = ("body", "pull_quote", "photo_caption")
# What the article brings before any stage runs.
INPUTS = ("text", "paragraphs", "article", "headline")


@dataclass(frozen=True)
class Stage:
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable


def _parse(text):
    return get_nlp()(text)


def _quote_spans(text, paragraphs):
    return [
        s
        for s in quotes.find_spans(text, paragraphs)
        if paragraphs[s.paragraph].kind in QUOTED_KINDS
    ]


def _sentences(doc, paragraphs, spans, text):
    return segment.sentences(doc, paragraphs, [s.bounds for s in spans], text)


def _actors(text, paragraphs, doc, spans):
    quoted = [(s.start, s.end) for s in spans]
    return actors.discover(text, paragraphs, gazetteer_hits(doc), doc, quoted)


def _acting(registry, sentences, paragraphs, spans):
    acting.mark(registry, sentences, paragraphs, [(s.start, s.end) for s in spans])
    return registry


def _quotes(registry, spans, sentences, article, text, paragraphs):
    found = quotes.build(registry, spans, sentences, article)
    return pullquotes.merge(text, paragraphs, found), registry


def _statistics(registry, paragraphs, sentences, quotes, article):
    found = statistics.extract(registry, paragraphs, sentences, quotes, article)
    return found, registry


def _reactions(registry, paragraphs, sentences, quotes, article, headline):
    found = reactions.extract(
        registry, paragraphs, sentences, quotes, article, headline
    )
    return found, registry


def _caveats(text, sentences):
    return caveats.extract(text, sentences)


STAGES = (
    Stage("parse", ("text",), ("doc",), _parse),
    Stage("quote_spans", ("text", "paragraphs"), ("spans",), _quote_spans),
    Stage(
        "sentences", ("doc", "paragraphs", "spans", "text"), ("sentences",), _sentences
    ),
    Stage("actors", ("text", "paragraphs", "doc", "spans"), ("registry",), _actors),
    Stage(
        "acting",
        ("registry", "sentences", "paragraphs", "spans"),
        ("registry",),
        _acting,
    ),
    Stage(
        "quotes",
        ("registry", "spans", "sentences", "article", "text", "paragraphs"),
        ("quotes", "registry"),
        _quotes,
    ),
    Stage(
        "statistics",
        ("registry", "paragraphs", "sentences", "quotes", "article"),
        ("statistics", "registry"),
        _statistics,
    ),
    Stage(
        "reactions",
        ("registry", "paragraphs", "sentences", "quotes", "article", "headline"),
        ("reactions", "registry"),
        _reactions,
    ),
    Stage("caveats", ("text", "sentences"), ("caveats",), _caveats),
)


def check_order(stages=STAGES) -> list[str]:
    """Problems with the declared order: a stage reading what nothing before wrote."""
    known, problems = set(INPUTS), []
    for stage in stages:
        missing = [name for name in stage.reads if name not in known]
        problems += [
            f"{stage.name} reads {name} before any stage writes it" for name in missing
        ]
        known |= set(stage.writes)
    return problems


def run(values: dict, stages=STAGES) -> dict:
    """Every stage in order over `values` (which holds INPUTS); returns them all."""
    for stage in stages:
        result = stage.run(**{name: values[name] for name in stage.reads})
        results = result if len(stage.writes) > 1 else (result,)
        values.update(zip(stage.writes, results, strict=True))
    return values
