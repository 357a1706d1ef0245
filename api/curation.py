"""Curated annotations: hand-checked evidence strings resolved to offsets in the text.

A curated file names its evidence as it is written in the article and never types an
offset: this module finds each piece of evidence and refuses the file, naming the item,
when a piece is missing or ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from api.extraction.ids import actor_id, article_id, content_hash, item_id
from api.extraction.nlp import get_nlp
from api.extraction.quotes import find_spans as quote_spans
from api.extraction.segment import sentences
from api.extraction.text import paragraph_spans
from api.extraction.types import (
    ACTOR_TYPES,
    CATEGORIES,
    PARAGRAPH_KINDS,
    QUALIFIERS,
    QUOTE_KINDS,
    STANCES,
    Actor,
    Annotation,
    ArticleInfo,
    Caveat,
    Mention,
    Occurrence,
    Paragraph,
    Quote,
    Reaction,
    Statistic,
)


class CurationError(ValueError):
    """A curated annotation that does not match its article."""


def locate(text: str, spec: dict, label: str, key: str = "evidence") -> tuple[int, int]:
    """Offsets of spec[key], looked for inside spec["within"] when given."""
    evidence = spec.get(key)
    if not evidence:
        raise CurationError(f"{label}: no {key} given")
    within = spec.get("within")
    if not within:
        start = _unique_start(text, evidence, label, spec.get("occurrence"))
        return start, start + len(evidence)
    base = _unique_start(text, within, label, spec.get("occurrence"))
    start = base + _unique_start(within, evidence, label, None)
    return start, start + len(evidence)


def _unique_start(text: str, needle: str, label: str, occurrence: int | None) -> int:
    starts = [m.start() for m in re.finditer(_bounded(needle), text)]
    if not starts:
        raise CurationError(f"{label}: evidence {needle!r} not found in the text")
    if occurrence is not None:
        if not 1 <= occurrence <= len(starts):
            raise CurationError(
                f"{label}: occurrence {occurrence} of {needle!r} absent"
            )
        return starts[occurrence - 1]
    if len(starts) > 1:
        raise CurationError(
            f"{label}: evidence {needle!r} occurs {len(starts)} times; "
            "give 'within' or 'occurrence'"
        )
    return starts[0]


def _bounded(needle: str) -> str:
    """A pattern for `needle` that cannot start or end inside a word or number:
    evidence "18" must not resolve to the end of "2018"."""
    head = r"(?<!\w)" if needle[:1].isalnum() else ""
    tail = r"(?!\w)" if needle[-1:].isalnum() else ""
    return f"{head}{re.escape(needle)}{tail}"


def resolve(spec: dict, text: str, published_on: str | None = None) -> Annotation:
    """Turn a curated spec (evidence strings) into an Annotation with offsets."""
    article = _article(spec.get("article", {}), spec, text, published_on)
    actors = _actors(spec.get("actors", []), text)
    names = {actor.name: actor.id for actor in actors}
    quotes = [_quote(q, text, article, names) for q in spec.get("quotes", [])]
    _place_in_sentences(quotes, sentence_spans(text, article.paragraphs))
    quote_ids = {q.text: q.id for q in quotes}
    for quote in quotes:
        quote_ids.update({o.text: quote.id for o in quote.occurrences})
    return Annotation(
        article=article,
        actors=actors,
        quotes=quotes,
        reactions=[
            _reaction(r, text, article, names, quote_ids)
            for r in spec.get("reactions", [])
        ],
        statistics=[
            _statistic(s, text, article, names) for s in spec.get("statistics", [])
        ],
    )


def _article(
    meta: dict, spec: dict, text: str, published_on: str | None
) -> ArticleInfo:
    title = meta.get("title") or text.strip().split("\n", 1)[0][:120]
    info = ArticleInfo(
        id=article_id(title, text),
        title=title,
        text=text,
        content_hash=content_hash(text),
        published_on=meta.get("published_on", published_on),
        credits=list(meta.get("credits", [])),
        language=meta.get("language", "en"),
        source_url=meta.get("source_url"),
        extractor="curated",
    )
    info.paragraphs = _paragraphs(spec.get("paragraphs", []), text)
    info.caveats = [
        Caveat(c["evidence"], *locate(text, c, f"caveat {i + 1}"))
        for i, c in enumerate(spec.get("caveats", []))
    ]
    return info


def _paragraphs(kinds: list[dict], text: str) -> list[Paragraph]:
    paragraphs = [
        Paragraph(index, "body", start, end)
        for index, (start, end) in enumerate(paragraph_spans(text))
    ]
    for number, entry in enumerate(kinds, 1):
        label = f"paragraph kind {number} ({entry.get('kind')})"
        start, _ = locate(text, entry, label)
        paragraph = next((p for p in paragraphs if p.start <= start < p.end), None)
        if paragraph is None:
            raise CurationError(f"{label}: evidence starts outside every paragraph")
        paragraph.kind = _known(entry.get("kind"), PARAGRAPH_KINDS, "kind", label)
    return paragraphs


def paragraph_kind_at(paragraphs: Iterable[Paragraph], offset: int) -> str:
    return next((p.kind for p in paragraphs if p.start <= offset < p.end), "body")


def _actors(specs: list[dict], text: str) -> list[Actor]:
    actors = [
        Actor(
            id=actor_id(s["name"]),
            name=s["name"],
            type=_known(s.get("type"), ACTOR_TYPES, "type", f"actor {s.get('name')!r}"),
            role=s.get("role"),
            country=s.get("country"),
            aliases=list(s.get("aliases", [])),
        )
        for s in specs
    ]
    claimed: list[tuple[int, int]] = []
    forms = sorted(
        ((form, actor) for actor in actors for form in {actor.name, *actor.aliases}),
        key=lambda pair: -len(pair[0]),
    )
    for form, actor in forms:
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            span = match.span()
            if not any(s < span[1] and span[0] < e for s, e in claimed):
                claimed.append(span)
                actor.mentions.append(Mention(span[0], span[1], form))
    for actor in actors:
        missing = [
            a for a in actor.aliases if a not in {m.text for m in actor.mentions}
        ]
        if missing:
            raise CurationError(f"actor {actor.name!r}: alias {missing[0]!r} not found")
        actor.mentions.sort(key=lambda m: m.start)
    return actors


def _actor_ref(names: dict[str, str], name: str | None, label: str) -> str | None:
    if name is None:
        return None
    if name not in names:
        raise CurationError(f"{label}: unknown actor {name!r}")
    return names[name]


def _quote(spec: dict, text: str, article: ArticleInfo, names: dict) -> Quote:
    label = f"quote {spec.get('evidence', '')[:40]!r}"
    start, end = locate(text, spec, label)
    occurrences = _occurrences(spec, text, label, start, end)
    return Quote(
        id=item_id("q", article.id, start, end),
        text=text[start:end],
        start=start,
        end=end,
        speaker=_actor_ref(names, spec.get("speaker"), label),
        kind=_known(spec.get("kind", "direct"), QUOTE_KINDS, "kind", label),
        verb=spec.get("verb"),
        speaker_reason=spec.get("speaker_reason"),
        occurrences=occurrences,
    )


def _occurrences(spec: dict, text: str, label: str, start: int, end: int) -> list:
    """The main evidence and every repeat listed under `also`, in text order."""
    occurrences = [Occurrence(start, end, text[start:end])]
    for other in spec.get("also", []):
        o_start, o_end = locate(text, other, f"{label} (repeat)")
        occurrences.append(Occurrence(o_start, o_end, text[o_start:o_end]))
    return sorted(occurrences, key=lambda o: o.start)


def _known(value, allowed: tuple[str, ...], field: str, label: str):
    """A vocabulary value, or the file is refused naming the item and the field."""
    if value not in allowed:
        raise CurationError(
            f"{label}: {field} {value!r} is not one of {', '.join(allowed)}"
        )
    return value


def sentence_spans(text: str, paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """The sentences of the text, cut as extraction cuts them (never inside a quote)."""
    passages = [span.bounds for span in quote_spans(text, paragraphs)]
    return sentences(get_nlp()(text), paragraphs, passages)


def _place_in_sentences(quotes: list[Quote], spans: list[tuple[int, int]]) -> None:
    for quote in quotes:
        holding = next((s for s in spans if s[0] <= quote.start < s[1]), None)
        if holding:
            quote.sentence_start, quote.sentence_end = holding


def _reaction(spec: dict, text, article, names, quote_ids) -> Reaction:
    label = f"reaction of {spec.get('actor')!r}"
    start, end = locate(text, spec, label)
    missing = [q for q in spec.get("quotes", []) if q not in quote_ids]
    if missing:
        raise CurationError(
            f"{label}: quote {missing[0][:40]!r} is not a curated quote"
        )
    return Reaction(
        id=item_id("r", article.id, start, end) + "-" + actor_id(spec["actor"])[:12],
        actor=_actor_ref(names, spec["actor"], label),
        on_behalf_of=_actor_ref(names, spec.get("on_behalf_of"), label),
        stance=_known(spec.get("stance"), STANCES, "stance", label),
        target=spec.get("target"),
        summary=spec["summary"],
        evidence=text[start:end],
        start=start,
        end=end,
        quotes=[quote_ids[q] for q in spec.get("quotes", [])],
    )


def _statistic(spec: dict, text, article, names) -> Statistic:
    label = f"statistic {spec.get('evidence')!r} ({spec.get('subject')})"
    start, end = locate(text, spec, label)
    high = spec.get("high")
    return Statistic(
        id=item_id("s", article.id, start, end),
        value=float(spec["value"]),
        high=None if high is None else float(high),
        evidence=text[start:end],
        start=start,
        end=end,
        qualifier=_known(
            spec.get("qualifier", "exact"), QUALIFIERS, "qualifier", label
        ),
        category=_known(spec.get("category", "other"), CATEGORIES, "category", label),
        subject=spec.get("subject"),
        source=_actor_ref(names, spec.get("source"), label),
        unit=spec.get("unit"),
        placement=_placement(paragraph_kind_at(article.paragraphs, start)),
        verified=bool(spec.get("verified", False)),
        context=spec.get("within"),
        occurrences=_occurrences(spec, text, label, start, end),
    )


def _placement(kind: str) -> str:
    return (
        kind if kind in ("related_headline", "photo_caption", "pull_quote") else "body"
    )
