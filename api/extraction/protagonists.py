"""Whom a story is about, and who speaks for them: they do not react to it."""

from __future__ import annotations

from api.extraction.ids import actor_id
from api.extraction.registry import Draft, Registry, normalise


def protagonist(registry: Registry, paragraphs=()) -> Draft | None:
    """Whom the story is about: the first person its lead paragraph names (the
    subject or object of the main event); without one, the first person named
    among those the first half names or who recur (a figure who only comes in
    late comments on the story; a minister answering the lead's strikers comes
    after their own spokesman)."""
    named = lead_person(registry, paragraphs)
    if named is not None:
        return named
    half = len(registry.text) // 2
    people = [
        d
        for d in registry.drafts.values()
        if d.type == "person"
        and not d.not_actor
        and (len(d.spans) > 2 or min(s for s, _ in d.spans) < half)
    ]
    return min(people, key=lambda d: min(d.spans), default=None)


def lead_person(registry: Registry, paragraphs) -> Draft | None:
    """The first person the lead paragraph names, if any."""
    lead = next((p for p in paragraphs if p.kind == "body"), None)
    if lead is None:
        return None
    for ref in registry.between(lead.start, lead.end):
        draft = registry.drafts[ref.key]
        if draft.type == "person" and not draft.tentative and not draft.not_actor:
            return draft  # a person, not a thing named like one
    return None


def party_voices(registry: Registry, paragraphs) -> set[str]:
    """Ids of those who speak for a party the lead names ('the rebel ALK signed
    a ceasefire' ... 'ALK spokesman Emmanuel Rugira'): a protagonist's voice."""
    lead = next((p for p in paragraphs if p.kind == "body"), None)
    if lead is None:
        return set()
    parties = set()
    for ref in registry.between(lead.start, lead.end):
        draft = registry.drafts[ref.key]
        parties |= {normalise(f) for f in (draft.name, *draft.aliases)}
    return {
        actor_id(d.name)
        for d in registry.drafts.values()
        if d.type == "person"
        and normalise(d.affiliation or "") in parties
        and speaks_for(d)
    }


def speaks_for(person: Draft) -> bool:
    """Only a spokesperson voices an institution; a minister speaks for themself."""
    return "spokes" in (person.role or "").lower()
