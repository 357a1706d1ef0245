"""Whom a story is about, and who speaks for them: they do not react to it."""

from __future__ import annotations

import re

from api.extraction import roles
from api.extraction.ids import actor_id
from api.extraction.nlp import get_nlp
from api.extraction.registry import Draft, Registry, normalise


def protagonist(registry: Registry, paragraphs=()) -> Draft | None:
    """Whom the story is about: the first person its lead paragraph names (the
    subject or object of the main event); without one, the first person named
    among those its opening (the first three paragraphs, at most its first half)
    names or who recur (a figure who only comes in later comments on the story; a
    minister answering the lead's strikers comes after their own spokesman)."""
    named = lead_person(registry, paragraphs)
    if named is not None:
        return named
    opening = len(registry.text) // 2
    body = [p for p in paragraphs if p.kind == "body"]
    if len(body) > OPENING_PARAGRAPHS:
        # a story's subject is named in its opening: one first named later comments
        opening = min(opening, body[OPENING_PARAGRAPHS - 1].end)
    people = [
        d
        for d in registry.drafts.values()
        if d.type == "person"
        and not d.not_actor
        and d.spans
        and not _introduced_as_a_source(registry.text, d)
        and (len(d.spans) > 2 or min(s for s, _ in d.spans) < opening)
    ]
    return min(people, key=lambda d: min(d.spans), default=None)


# How many body paragraphs open a story: the lead and the two that follow it.
OPENING_PARAGRAPHS = 3


# 'Professor Terry Hughes, of James Cook University, said': a person brought in
# by where they work.
FROM_BODY = re.compile(r",\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]")
# 'Cres Eastman, Director of the National Iodine Nutrition study,': by their post
POST_AT_BODY = re.compile(
    r",\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?([\w-]+)\s+(?:of|at|for)\s+(?:the\s+)?[A-Z]"
)


def _introduced_as_a_source(text: str, draft: Draft) -> bool:
    """A person first named with their organisation, their post at one or their
    own affiliation comments on the story; the story is not theirs."""
    start, end = min(draft.spans)
    post = POST_AT_BODY.match(text, end)
    return (
        bool(draft.affiliation)
        or FROM_BODY.match(text, end) is not None
        or (post is not None and post.group(1).lower() in roles.person_nouns())
    )


def named_in_headline(registry: Registry, headline: str | None) -> Draft | None:
    """The actor the headline names first, by a name, an alias or a person's
    surname ('Texas student Ahmed Mohamed inspires...', 'Microsoft waits for...')."""
    if not headline:
        return None
    found = []
    for draft in registry.drafts.values():
        if draft.not_actor or not draft.spans or draft.tentative:
            continue
        forms = {draft.name, *draft.aliases}
        if draft.type == "person":
            forms.add(draft.name.split()[-1])
        for form in (f for f in forms if len(f) >= 3):
            match = re.search(rf"(?<![\w’'-]){re.escape(form)}(?![\w’'-])", headline)
            if match:
                found.append((match.start(), -len(form), draft.key, draft))
    subject = _headline_subject(headline) if found else None
    if subject is not None:
        # 'Australian woman claims Church of Scientology imprisoned her': the
        # story is the woman's; the church she accuses may answer
        found = [f for f in found if subject[0] <= f[0] < subject[1]]
    return min(found, key=lambda f: f[:3])[3] if found else None


def _headline_subject(headline: str) -> tuple[int, int] | None:
    """Where the subject of the headline's main verb is written, if it has one
    ('Hundreds dead in Hajj stampede' has none)."""
    doc = get_nlp()(headline)
    root = next(iter(doc.sents)).root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            tokens = list(child.subtree)
            return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return None


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
