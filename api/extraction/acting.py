"""Whether a mention acts: the subject of a verb, a source, or a speaker.

A country named only as a place ("protests in Kazakhstan") is no actor.
"""

from __future__ import annotations

import re

from api.extraction import gazetteers as gz
from api.extraction import parse
from api.extraction.registry import Registry
from api.extraction.zones import holder

PREPOSITIONS = {
    "in", "to", "from", "of", "across", "into", "for", "over", "within", "at", "on",
    "by", "with", "throughout", "near", "outside", "inside", "toward", "towards",
    "against", "about", "between", "among", "through", "around", "left", "visited",
}  # fmt: skip
NOT_VERBS = {
    "and", "or", "but", "the", "a", "an", "of", "in", "to", "is", "as", "that",
    "which", "who", "with", "from", "for", "on", "at", "by", "its", "their",
    "news", "press", "series", "this", "these", "those", "less", "unless",
}  # fmt: skip
VERBS = {
    "has", "have", "had", "is", "was", "were", "are", "will", "would", "can",
    "could", "must", "should", "may", "might", "did", "does", "do", "say",
    "clash", "warn", "call", "urge", "ask", "send", "deploy", "demand", "reject",
    "said", "told", "sent", "put", "gave", "made", "took", "met", "began", "left",
    "came", "went", "fled", "found", "brought", "kept", "held", "stood", "ran",
    "fought", "won", "lost", "paid", "spent", "struck", "saw", "got", "wrote",
}  # fmt: skip
# Prepositions that may qualify a subject: 'Doctors at the hospital in X told'.
QUALIFYING = {"at", "in", "from", "of", "on", "across", "near", "inside", "outside"}
PHRASE_WORD = re.compile(r"\s*([\w’'\-]+)")
FILLERS = {"also", "yesterday", "today", "now", "then", "later", "already", "still"}
# Asides between a subject and its verb: a weekday, 'for its part', a bracket.
WEEKDAY = re.compile(
    r"\s*,?\s*on \w+day\b,?|\s*,?\s*for (?:its|their) part,?|\s*\([^()]{0,60}\)"
)
# Words between a preposition and the place it introduces: 'in western Nepal'.
PLACE_ADJECTIVES = {
    "central", "western", "eastern", "northern", "southern", "north", "south",
    "east", "west", "north-western", "north-eastern", "south-western",
    "south-eastern", "northwestern", "northeastern", "southwestern", "southeastern",
    "rural", "neighbouring", "neighboring", "remote", "coastal",
}  # fmt: skip
NEXT_WORD = re.compile(r"\s*([\w’'\-]+)")
# 'urged the security forces to show restraint': asked to act, so an actor.
ASKED = re.compile(
    r"\b(?:urg|ask|order|authori[sz]|call(?:ed|s)? on)\w*\s+(?:the\s+)?$", re.I
)
TO_VERB = re.compile(r"\s+to\s+[a-z]+\b")
# A count before a group is no place: 'Hundreds of vendors offered', 'thousands of
# fans donned'; the group is who acts.
COUNT_OF = re.compile(rf"\b(?:{'|'.join(parse.COUNTS)})\s+of\s+(?:the\s+)?$", re.I)
SOURCE_CUES = re.compile(
    r"(?:according to|citing|cited by|said by)\s+(?:the\s+)?$", re.I
)


def mark(registry: Registry, sentences, paragraphs=(), quoted=()) -> None:
    """Flag drafts with a mention that acts; captions describe, they do not count."""
    text = registry.text
    starts = {start for start, _ in sentences}
    captions = [(p.start, p.end) for p in paragraphs if p.kind == "photo_caption"]
    chain = []
    for ref in registry.refs:
        if any(a <= ref.start < b for a, b in captions):
            continue
        gap = text[chain[-1].end : ref.start] if chain else ""
        if chain and not re.fullmatch(r",\s*|,?\s+and\s+(?:the\s+)?", gap):
            chain = []
        chain.append(ref)
        if registry.drafts[ref.key].type == "country" and (
            _only_place(text, chain[0].start, ref, quoted)
            or not _country_acts(registry, ref)
        ):
            continue
        if acts(text, ref.start, ref.end, starts):
            # 'The United States, Japan and Switzerland said': the whole list acts
            for member in chain:
                registry.drafts[member.key].acts = True
    _only_talked_about(registry, quoted)
    _only_reported(registry)


def _only_reported(registry: Registry) -> None:
    """A group named only inside what someone reports ('The union said 38 nurses
    would be moved') is what the speaker talks about; a later stage still keeps it
    if it speaks or reacts."""
    doc = registry.doc
    if doc is None:
        return
    for draft in registry.drafts.values():
        if draft.type != "group" or not draft.spans:
            continue
        heads = [t for s, e in draft.spans for t in parse.phrase_heads(doc, s, e)]
        if heads and all(_talked_about(t) for t in heads):
            draft.acts = False


# Auxiliaries of what may happen, not what was done: 'members could lose'.
MODALS = {"would", "could", "may", "might", "will", "can", "should"}


def _talked_about(token) -> bool:
    """Inside what someone reports, and not the one doing what was done there
    ('said stewards had locked gate 4' tells what the stewards did)."""
    if not parse.in_reported_clause(token):
        return False
    if token.dep_ != "nsubj":
        return True
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.head.children)


def _only_talked_about(registry: Registry, quoted) -> None:
    """A name written only inside quotations ('his more famous pictures of
    Marilyn') is what speakers talk about, not someone who acts in the story; a
    later stage still keeps it if it speaks or reacts."""
    quoting = holder(quoted)
    for draft in registry.drafts.values():
        if draft.spans and all(quoting(start) for start, _ in draft.spans):
            draft.acts = False


def _country_acts(registry: Registry, ref) -> bool:
    """The parse agrees a country's mention acts: it heads a subject or is a
    source, not an owner ('Australia's children') or a place."""
    doc = registry.doc
    return doc is None or parse.mention_acts(doc, ref.start, ref.end)


def _only_place(text: str, head: int, ref, quoted) -> bool:
    """A country named as a place: in a list after a preposition ('from Germany and
    the Netherlands, had left'), owning something ('India's most populous state'),
    or inside a quote, where it is what the speaker talks about."""
    return (
        _placed(text, head)
        or _possessive(text, ref.end)
        or any(a <= ref.start < b for a, b in quoted)
    )


def _possessive(text: str, end: int) -> bool:
    return re.match(r"[’']s?\s", text[end : end + 3]) is not None


def _placed(text: str, start: int) -> bool:
    """After a preposition, across place adjectives: 'in central Colombia'; not
    after 'according to', which names a source."""
    if SOURCE_CUES.search(text[max(0, start - 30) : start]):
        return False
    previous = re.findall(r"[\w’'\-]+", text[max(0, start - 40) : start])
    while previous and previous[-1].lower() in PLACE_ADJECTIVES:
        previous.pop()
    return bool(previous) and previous[-1].lower() in PREPOSITIONS


def acts(text: str, start: int, end: int, sentence_starts) -> bool:
    before = text[max(0, start - 30) : start]
    if SOURCE_CUES.search(before):
        return True
    if ASKED.search(before) and TO_VERB.match(text, end):
        return True
    if re.match(r"[’']s?\s", text[end : end + 3]):
        return True  # possessive: 'the protesters’ anger'
    if _placed(text, start) and not COUNT_OF.search(before):
        return False
    word = _next_word(text, end)
    if word in QUALIFYING and _opens_clause(text, start, sentence_starts):
        return _verb_after_phrase(text, end, word == "from")
    if word is None or not word.islower() or word in NOT_VERBS:
        return False
    if word in VERBS or word.endswith("ed") or _third_person(word):
        return True
    return _opens_clause(text, start, sentence_starts)


def _verb_after_phrase(text: str, end: int, origin: bool) -> bool:
    """'Rescue teams in central Colombia recovered': a subject qualified by a
    short place phrase, then its verb (no comma or stop in between). Members
    'from the charity X' speak for it, not as a group of their own."""
    cursor = end
    for _ in range(9):
        match = PHRASE_WORD.match(text, cursor)
        if not match:
            return False
        word = match.group(1)
        if origin and word in gz.ORG_NOUNS:
            return False
        if word in VERBS or (word.islower() and word.endswith("ed")):
            return True
        cursor = match.end()
    return False


def _third_person(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _next_word(text: str, end: int) -> str | None:
    cursor = end
    for _ in range(4):
        skip = WEEKDAY.match(text, cursor) or None
        if skip:
            cursor = skip.end()
            continue
        match = NEXT_WORD.match(text, cursor)
        if not match:
            return None
        if match.group(1).lower() not in FILLERS:
            return match.group(1)
        cursor = match.end()
    return None


def _opens_clause(text: str, start: int, sentence_starts) -> bool:
    """At the start of a sentence, after at most an article and a qualifier."""
    head = text[max(0, start - 12) : start]
    stripped = re.sub(r"(?:\b(?:[Tt]he|[Ss]ome|[Mm]any|[Aa]ll)\s+)+$", "", head)
    return (start - (len(head) - len(stripped))) in sentence_starts
