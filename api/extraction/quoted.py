"""Reactions carried only by a quote: a bystander's own words about the events.

'"I am angry that a hospital can be switched off like a light."' says how its
speaker takes the news although no stance verb introduces it. Only people count,
and only those the story is not about: the protagonist and the voices of the
lead's parties tell the story, they do not react to it.
"""

from __future__ import annotations

import re

from api.extraction import stances
from api.extraction.ids import actor_id, item_id
from api.extraction.types import Reaction

# Blame that names no verdict word: neglect ('nobody seems to have noticed') and
# foreknowledge ('the company knew the gas was bad').
BLAME = re.compile(
    r"\bnobody\b(?:\s+[\w’']+){0,6}?\s+(?:noticed|listened|cares|cared|helped|told|warned|asked|came|bothered)\b"
    r"|\b(?:knew|should have|could have been avoided|preventable)\b",
    re.I,
)


def extract(registry, quotes, sentences, taken, silent, article) -> list[Reaction]:
    """At most one reaction per speaker, from a quote with a damning word; `taken`
    holds (actor, start, end) of the reactions found already, `silent` the ids
    of those who do not react."""
    people = {
        actor_id(d.name): d for d in registry.drafts.values() if d.type == "person"
    }
    reacting = {a for a, _, _ in taken}
    reacting_names = {d.name for i, d in registry_ids(registry) if i in reacting}
    found = []
    for quote in quotes:
        speaker = people.get(quote.speaker)
        if speaker is None or quote.speaker in silent or quote.kind == "term":
            continue
        if quote.speaker in reacting or speaker.affiliation in reacting_names:
            continue  # one voice already heard: its other words add no reaction
        verdict = _damning(registry.text, quote)
        if verdict is None:
            continue
        start, end = _sentence(sentences, quote)
        reacting.add(quote.speaker)
        found.append(_reaction(registry.text, quote, verdict, (start, end), article))
    return found


def registry_ids(registry):
    return ((actor_id(d.name), d) for d in registry.drafts.values())


def _damning(text: str, quote):
    """A critical word the speaker does not deny ('I am not angry with the
    nurses'); worry in a quote is too often the speaker's own job to count."""
    for found in stances.VERDICT.finditer(text, quote.start, quote.end):
        if found.lastgroup == "critical" and not stances.denied(
            text, found.start(), quote.start
        ):
            return found
    return BLAME.search(text, quote.start, quote.end)


def _sentence(sentences, quote) -> tuple[int, int]:
    """The sentence the quote opens in; the quote itself if it spans several."""
    for start, end in sentences:
        if start <= quote.start < end:
            return start, max(end, quote.end)
    return quote.start, quote.end


def _reaction(text, quote, verdict, span, article) -> Reaction:
    start, end = span
    return Reaction(
        id=item_id("r", article, start, end) + "-" + quote.speaker[:12],
        actor=quote.speaker,
        stance=verdict.lastgroup or "critical",
        target=None,
        summary=quote.text if len(quote.text) <= 120 else quote.text[:117] + "...",
        evidence=text[start:end],
        start=start,
        end=end,
        quotes=[quote.id],
    )
