"""Text and metadata in, Annotation out: the extraction pipeline's entry points."""

from __future__ import annotations

import logging
import re

from api.extraction import actors, segment, stages
from api.extraction.ids import article_id, content_hash
from api.extraction.nlp import extractor_name
from api.extraction.text import parse_header
from api.extraction.types import Annotation, ArticleInfo

log = logging.getLogger(__name__)


def extract(
    text: str,
    *,
    title: str | None = None,
    published_on: str | None = None,
    credits: list[str] | None = None,
    source_url: str | None = None,
) -> Annotation:
    """Annotate an article (text without header). Never raises on odd text: if a
    rule trips, the article still comes back, with paragraphs only."""
    info = article_info(text, title, published_on, credits, source_url)
    info.extractor = extractor_name()
    try:
        return analyse(info)
    except Exception:  # noqa: BLE001 - a bad rule must not lose the article
        # kept with its paragraphs, and said loudly: a rule that trips is a bug
        log.exception("extraction failed on article %s; stored without items", info.id)
        return Annotation(article=info)


def extract_raw(raw: str, **meta) -> Annotation:
    """Annotate a raw file that may start with the ` date YYYY-MM-DD ` header."""
    published_on, text = parse_header(raw)
    meta.setdefault("published_on", published_on)
    return extract(text, **meta)


def analyse(info: ArticleInfo) -> Annotation:
    """The strict pipeline: every stage of `stages.STAGES` in order, exceptions
    propagate."""
    values = stages.run(
        {
            "text": info.text,
            "paragraphs": info.paragraphs,
            "article": info.id,
            # a title made from the first line is no headline of its own
            "headline": None if info.title == default_title(info.text) else info.title,
        }
    )
    found, figures, events = (
        values["quotes"],
        values["statistics"],
        values["reactions"],
    )
    info.caveats = values["caveats"]
    used = _used(found, figures, events)
    return Annotation(
        article=info,
        actors=actors.to_actors(values["registry"], used),
        quotes=found,
        reactions=events,
        statistics=figures,
    )


def _used(found, figures, events) -> set[str]:
    ids = {q.speaker for q in found} | {s.source for s in figures}
    ids |= {r.actor for r in events} | {r.on_behalf_of for r in events}
    return {i for i in ids if i}


def article_info(text, title, published_on, credits, source_url) -> ArticleInfo:
    title = title or default_title(text)
    paragraphs = segment.paragraphs(text)
    if credits is None:
        credits = _credits(text, paragraphs)
    return ArticleInfo(
        id=article_id(title, text),
        title=title,
        text=text,
        content_hash=content_hash(text),
        published_on=published_on,
        credits=list(credits),
        source_url=source_url,
        paragraphs=paragraphs,
    )


def default_title(text: str, limit: int = 100) -> str:
    """The first line, cut at a word boundary when long: an article posted without
    a title still gets a readable one (and a readable id)."""
    line = text.strip().split("\n", 1)[0].strip()
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def _credits(text: str, paragraphs) -> list[str]:
    """'AFP AND EFE' -> ['AFP', 'EFE']."""
    names: list[str] = []
    for para in paragraphs:
        if para.kind == "credit":
            chunk = text[para.start : para.end]
            names += [
                n for n in re.split(r"\s+AND\s+|[,/&]|\s+Y\s+", chunk) if n.strip()
            ]
    return [n.strip() for n in names]
