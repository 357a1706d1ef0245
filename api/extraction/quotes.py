"""Quoted passages: pairing of straight, curly and guillemet marks, and their kind."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from api.extraction import parse, reporting, speakers
from api.extraction.ids import actor_id, item_id
from api.extraction.types import Occurrence, Quote

# Opening mark -> the marks that may close it.
PAIRS = {"“": "”“", "«": "»", "„": "“”", '"': '"', "‘": "’", "'": "'", "‹": "›"}
DOUBLE = set('“«„"‹')
SENTENCE_START = re.compile(r"^[\W_]*[A-Z0-9À-Þ]")
EMBEDDING_WORDS = {
    "that",
    "to",
    "the",
    "a",
    "an",
    "of",
    "for",
    "as",
    "his",
    "her",
    "their",
    "its",
    "and",
    "or",
    "on",
    "in",
    "by",
    "with",
    "whose",
    "about",
    "called",
    "are",
    "is",
    "were",
    "was",
    "be",
    "been",
    "so",
    "this",
    "these",
    "those",
}
WORD = re.compile(r"\w+(?:[’'\-.,]\w+)*")


@dataclass
class Span:
    """A quoted passage: inner = the words, outer = with the marks."""

    outer_start: int
    start: int
    end: int
    outer_end: int
    paragraph: int
    open_end: bool = False
    continued: bool = False
    group: int = -1

    @property
    def bounds(self) -> tuple[int, int, int, int]:
        return self.outer_start, self.start, self.end, self.outer_end

    def distance_to(self, offset: int) -> int:
        """Characters between the quotation, marks included, and `offset`."""
        if offset >= self.outer_end:
            return offset - self.outer_end
        return max(0, self.outer_start - offset)


def find_spans(text: str, paragraphs) -> list[Span]:
    """Every quoted passage, per paragraph; one left open runs to paragraph end."""
    spans: list[Span] = []
    for para in paragraphs:
        spans.extend(_paragraph_spans(text, para.start, para.end, para.index))
    _link_continuations(text, spans, paragraphs)
    return spans


def _paragraph_spans(text: str, start: int, end: int, index: int) -> list[Span]:
    found, opening = [], None
    for pos in range(start, end):
        char = text[pos]
        if char not in PAIRS and char not in "”»“’›":
            continue
        if opening is not None and char in PAIRS[text[opening]]:
            if _can_close(text, pos, text[opening], start):
                found.append(_span(text, opening, pos + 1, index, False))
                opening = None
        elif opening is None and char in PAIRS and _can_open(text, pos, end):
            opening = pos
    if opening is not None and text[opening] in DOUBLE:
        found.append(_span(text, opening, end, index, True))
    return [s for s in found if s is not None]


def _can_open(text: str, pos: int, end: int) -> bool:
    after = text[pos + 1] if pos + 1 < end else " "
    before = text[pos - 1] if pos > 0 else " "
    if text[pos] in "'‘":
        # An apostrophe is no opening mark: demand a word start after a space.
        return (before.isspace() or before in "(—–-[") and after.isalnum()
    return not after.isspace() or text[pos] in "«„"


def _can_close(text: str, pos: int, opener: str, para_start: int) -> bool:
    after = text[pos + 1] if pos + 1 < len(text) else " "
    before = text[pos - 1] if pos > para_start else " "
    if opener in "'‘":
        return not before.isspace() and not after.isalnum()
    return not (before.isspace() and after.isalnum())


def _span(text: str, outer_start: int, outer_end: int, index: int, open_end: bool):
    inner_start = outer_start + 1
    inner_end = outer_end if open_end else outer_end - 1
    chunk = text[inner_start:inner_end]
    lead = len(chunk) - len(chunk.lstrip())
    kept = chunk.strip().rstrip(",;:").rstrip()
    if not any(c.isalnum() for c in kept):
        return None
    start = inner_start + lead
    return Span(outer_start, start, start + len(kept), outer_end, index, open_end)


def _link_continuations(text: str, spans: list[Span], paragraphs) -> None:
    """A quote left open continues in the next paragraph that opens with a mark."""
    by_paragraph = {}
    for span in spans:
        by_paragraph.setdefault(span.paragraph, []).append(span)
    for number, span in enumerate(spans):
        span.group = number if span.group < 0 else span.group
        following = by_paragraph.get(span.paragraph + 1, [])
        if span.open_end and following:
            head = following[0]
            if head.outer_start == paragraphs[span.paragraph + 1].start:
                head.group, head.continued = span.group, True


def kind(text: str, span: Span) -> str:
    """term: a one- or two-word scare quote; partial: a fragment; direct: sentences
    (a short one too: '"Nobody listened."')."""
    quoted = text[span.start : span.end]
    words = WORD.findall(quoted)
    whole = bool(SENTENCE_START.match(quoted)) and quoted.rstrip().endswith(
        (".", "!", "?")
    )
    if len(words) <= 2:
        return "direct" if whole else "term"
    if span.continued or span.open_end:
        return "direct"
    previous = WORD.findall(text[max(0, span.outer_start - 30) : span.outer_start])
    embedded = bool(previous) and previous[-1].lower() in EMBEDDING_WORDS
    starts_sentence = bool(SENTENCE_START.match(text[span.start : span.end]))
    if starts_sentence and not embedded and len(words) >= 4:
        return "direct"
    return "partial"


def sentence_of(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence holding offset (sentences are sorted and never split a quote)."""
    index = bisect.bisect_right(sentences, (offset, float("inf"))) - 1
    if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
        return sentences[index]
    return offset, offset + 1


def build(registry, spans: list[Span], sentences, article: str) -> list[Quote]:
    """Quote items with speakers; a quote continued over paragraphs keeps one."""
    text, results, by_group = registry.text, [], {}
    for span in spans:
        sentence = sentence_of(sentences, span.start)
        if _a_things_name(registry, span):
            results.append((span, None, speakers.Attribution(None, None, "name")))
            continue
        found = speakers.attribute(registry, span, sentence, spans)
        if _unvoiced_term(text, span, found):
            voice = reporting.voice_of_term(registry, span)
            results.append((span, voice, found))
            continue
        speaker = found.speaker
        if speaker is None and span.group in by_group:
            speaker = by_group[span.group]
        if speaker is None and found.reason == "none":
            speaker = reporting.continued_voice(registry, span)
        if speaker is None and found.reason == "none":
            speaker = _previous_speaker(registry, span, spans, results)
        if speaker is not None:
            speaker.acts = True
            by_group.setdefault(span.group, speaker)
        results.append((span, speaker, found))
    return [
        _quote(
            text,
            article,
            span,
            by_group.get(span.group) if span.continued else speaker,
            found,
            sentences,
        )
        for span, speaker, found in results
    ]


NAMING_VERBS = {"call", "title", "entitle", "name", "dub"}


def _a_things_name(registry, span: Span) -> bool:
    """'the screen print called "Cowboys and Indians"': the quotation marks hold
    what a thing is called, which nobody says; 'what he called "a disgrace"' is
    still his."""
    doc = registry.doc
    first = parse.token_at(doc, span.start) if doc is not None else None
    if first is None or first.i == 0:
        return False
    before = first.i - 1
    while before > 0 and doc[before].is_punct:
        before -= 1  # the opening quotation mark
    verb = doc[before]
    return (
        verb.lemma_ in NAMING_VERBS
        and verb.dep_ == "acl"
        and verb.head.pos_ in ("NOUN", "PROPN")
    )


def _unvoiced_term(text: str, span: Span, found) -> bool:
    """A one- or two-word label no reporting verb reports: its speaker is whoever
    the verb it hangs from has as subject ('X applauded the "strong measures"'),
    else nobody ('the "legacy backlog"' is a scare quote or a title)."""
    return (
        kind(text, span) == "term"
        and found.verb is None
        and found.reason != "possessive"
    )


def _previous_speaker(registry, span: Span, spans: list[Span], results):
    """An unattributed quote goes on from the quote before it in its paragraph, or,
    opening a paragraph, from the person the previous lines were about."""
    same = [s for s, speaker, _ in results if s.paragraph == span.paragraph and speaker]
    if same:
        return next(sp for s, sp, _ in results if s is same[-1])
    text = registry.text
    if span.outer_start > 0 and text[span.outer_start - 1] != "\n":
        return None
    skip = [(s.outer_start, s.outer_end) for s in spans]
    person = registry.last_person_before(span.outer_start, skip)
    near = person and any(span.outer_start - e < 600 for s, e in person.spans)
    return person if near else None


def _quote(text, article, span, speaker, found, sentences) -> Quote:
    sentence = sentence_of(sentences, span.start)
    evidence = text[span.start : span.end]
    return Quote(
        id=item_id("q", article, span.start, span.end),
        text=evidence,
        start=span.start,
        end=span.end,
        speaker=actor_id(speaker.name) if speaker else None,
        kind=kind(text, span),
        verb=found.verb,
        speaker_reason=None if speaker else "no attribution in the text",
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        occurrences=[Occurrence(span.start, span.end, evidence)],
    )
