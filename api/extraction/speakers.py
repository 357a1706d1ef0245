"""Who speaks a quote: cues in its sentence ("X said", "said X", "according to X",
"he added"), a possessive ("X's 'term'"), the sentence subject, or the quote it
continues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extraction import parse, reporting
from api.extraction.acting import PREPOSITIONS
from api.extraction.registry import Draft, Registry

SPEECH = (
    r"said|says|say|added|adding|adds|told|tells|stated|states|declared|declares|"
    r"explained|explains|insisted|noted|notes|warned|warns|stressed|affirmed|"
    r"assured|claimed|claims|announced|announces|asserted|argued|remarked|wrote|"
    r"tweeted|commented|replied|responded|asked|urged|acknowledged|admitted|"
    r"emphasized|emphasised|indicated|continued|concluded|recalled|promised|"
    r"reiterated|denounced|expressed|pointed out|underlined|maintained|called|calls|"
    r"according to"
)
SPEECH_WORD = re.compile(rf"\b(?:{SPEECH})\b")
AFTER_NAME = re.compile(
    rf"[\s,]*(?:who\s+|which\s+)?(?:(?:also|then|later|yesterday|today|has|had|"
    rf"on \w+day|in a \w+(?: \w+)?),?\s+)*({SPEECH})\b"
)
ACCORDING = re.compile(r"\b(?:[Aa]ccording to|citing)\s+(?:the\s+)?")
PRONOUN = re.compile(
    rf"\b(?:([Hh]e|[Ss]he)(?:\s+also)?\s+({SPEECH})|according to (?:him|her))\b"
)
# Verbs after which the speaker may follow ("said X"); "warned X" names a listener.
INVERTED = re.compile(
    r"said|says|added|adds|stated|declared|explained|insisted|noted|stressed|"
    r"affirmed|claimed|announced|asserted|argued|remarked|wrote|tweeted|commented|"
    r"replied|responded|acknowledged|admitted|emphasi[sz]ed|continued|concluded|"
    r"recalled|reiterated|according to"
)
SUBJECT_PRONOUN = re.compile(r"^(?:[A-Z]\w*(?: \w+){0,3}, )?([Hh]e|[Ss]he)\b")


@dataclass
class Attribution:
    speaker: Draft | None
    verb: str | None
    reason: str


def mask(text: str, start: int, end: int, quotes) -> str:
    """The sentence with every quoted passage blanked, offsets kept."""
    chars = list(text[start:end])
    for q in quotes:
        for pos in range(max(q.outer_start, start), min(q.outer_end, end)):
            chars[pos - start] = "\x00"
    return "".join(chars)


def attribute(registry: Registry, quote, sentence, quotes) -> Attribution:
    text, (s_start, s_end) = registry.text, sentence
    masked = mask(text, s_start, s_end, quotes)
    skip = [(q.outer_start, q.outer_end) for q in quotes]
    possessive = _possessive(registry, quote)
    if possessive is not None:
        return Attribution(possessive, None, "possessive")
    parsed = reporting.attribute(registry, quote, sentence, skip)
    if parsed is not None:
        return Attribution(*parsed, "parse")
    cues = _cues(registry, masked, s_start, skip)
    if cues:
        best = min(cues, key=lambda cue: quote.distance_to(cue[0]))
        return Attribution(best[1], best[2], "cue")
    return _subject(registry, masked, s_start, quote, skip)


def _pronoun_person(registry: Registry, offset: int, skip) -> Draft | None:
    """Whom 'he' or 'she' at `offset` means: read from the parse where there is
    one, else the last person named before it."""
    token = parse.token_at(registry.doc, offset) if registry.doc is not None else None
    if token is not None and parse.pronoun_kind(token) == "person":
        return reporting.antecedent(registry, token, skip)
    return registry.last_person_before(offset, skip)


def _cues(registry: Registry, masked: str, base: int, skip) -> list[tuple]:
    cues = []
    for ref in registry.between(base, base + len(masked)):
        after = AFTER_NAME.match(masked, ref.end - base)
        if after and "\x00" not in masked[ref.start - base : ref.end - base]:
            speaker = _joint(registry, masked, base, after.start(1) + base)
            cues.append((after.start(1) + base, speaker, after.group(1)))
    for match in SPEECH_WORD.finditer(masked):
        if not INVERTED.fullmatch(match.group()):
            continue
        found = _after_verb(registry, masked, base, match)
        if found:
            cues.append(found)
    for match in PRONOUN.finditer(masked):
        if match.group(2) or match.group(1) in ("him", "her"):
            person = _pronoun_person(registry, base + match.start(), skip)
            cues.append(
                (base + match.start(), person, match.group(2) or "according to")
            )
    return cues


def _after_verb(registry: Registry, masked: str, base: int, match):
    """'said United Nations spokesman X', 'said its director, X', 'according to Y'."""
    tail = masked[match.end() : match.end() + 70]
    stop = re.search(r"[.;:\x00]", tail)
    limit = base + match.end() + (stop.start() if stop else len(tail))
    refs = [
        r
        for r in registry.between(base + match.end(), limit)
        if _closes(masked, base, r)
    ]
    if not refs:
        return None
    gap = masked[match.end() : refs[0].start - base]
    if len(gap.split()) > 4 or re.search(r"\b(?:that|to)\b", gap):
        return None
    drafts = [registry.drafts[r.key] for r in refs]
    person = next((d for d in drafts if d.type == "person"), drafts[0])
    return base + match.start(), person, match.group()


def _closes(masked: str, base: int, ref) -> bool:
    """'said X.' or 'said X, the ...': X ends the clause; 'said X had...' reports."""
    return bool(re.match(r"\s*(?:[,.;:!?)\x00]|$)", masked[ref.end - base :]))


def _joint(registry: Registry, masked: str, base: int, verb_at: int) -> Draft | None:
    """'X and Y asked ...' is nobody's quote alone: None when a list speaks."""
    refs = registry.between(base, verb_at)
    if not refs:
        return None
    chain, cursor = [refs[-1]], refs[-1]
    for ref in reversed(refs[:-1]):
        gap = masked[ref.end - base : cursor.start - base]
        if not re.fullmatch(r",?\s*(?:and\s+)?(?:the\s+)?|,\s*", gap):
            break
        chain.append(ref)
        cursor = ref
    tail = masked[refs[-1].end - base : verb_at - base]
    if len({r.key for r in chain}) >= 2 or re.match(r",?\s*and\b", tail):
        return None
    return registry.drafts[refs[-1].key]


def _possessive(registry: Registry, quote) -> Draft | None:
    before = registry.text[max(0, quote.outer_start - 4) : quote.outer_start]
    if not re.search(r"[’']s\s*$", before):
        return None
    owner_end = quote.outer_start - len(before) + before.rfind("s") - 1
    for ref in registry.between(owner_end - 80, owner_end + 1):
        if ref.end == owner_end:
            return registry.drafts[ref.key]
    return None


def _subject(registry: Registry, masked: str, base: int, quote, skip) -> Attribution:
    head = masked[: quote.outer_start - base]
    pronoun = SUBJECT_PRONOUN.match(head)
    if pronoun:
        person = _pronoun_person(registry, base + pronoun.start(1), skip)
        return Attribution(person, None, "pronoun subject")
    for ref in registry.between(base, quote.outer_start):
        words = re.findall(r"[\w’'\-]+", masked[: ref.start - base])
        if not words or words[-1].lower() not in PREPOSITIONS:
            return Attribution(registry.drafts[ref.key], None, "sentence subject")
    return Attribution(None, None, "none")
