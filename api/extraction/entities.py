"""The statistical recogniser's named entities, reconciled with the rule registry.

The rules know titles, countries and institution words; the recogniser knows names
it was never told about. A name is typed by the votes of all its entity mentions, a
rule-made name the recogniser reads as a product, building, work or event is no actor,
and a person or organisation the rules missed is added, tentative until it acts.
"""

from __future__ import annotations

import re
from collections import Counter

from api.extraction import parse
from api.extraction.registry import Registry, normalise
from api.extraction.zones import inside

ACTOR_LABELS = {"PERSON": "person", "ORG": "organization"}
# Things named like people: never actors, whatever verb follows them.
THING_LABELS = {"FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "LOC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
LEADING = re.compile(r"^(?:the|The|a|A|an|An)\s+")
TRAILING = re.compile(r"(?:[’']s?|\s+[’']s)$")
# Longest entity worth reading as one name: a run of capitals longer than this is a
# list or a headline, not an actor.
MAX_WORDS = 8


def reconcile(registry: Registry, doc, zones) -> None:
    """Retype or set aside rule-made drafts, then add the names the rules missed."""
    entities = [e for e in (_trimmed(e) for e in doc.ents) if e is not None]
    votes = _votes(entities)
    places = _places(doc, entities)
    _retype(registry, entities, votes)
    _add_missing(registry, doc, entities, votes, zones, places)


def _trimmed(entity):
    """(start, end, text, label) without a leading article or a possessive 's; None
    for no proper noun at all ('Keys were handed over': a capital at the start)."""
    if not any(t.pos_ == "PROPN" for t in entity):
        return None
    start, end, text = entity.start_char, entity.end_char, entity.text
    lead = LEADING.match(text)
    if lead:
        start, text = start + lead.end(), text[lead.end() :]
    tail = TRAILING.search(text)
    if tail:
        end, text = end - len(tail.group()), text[: tail.start()]
    if not text or len(text.split()) > MAX_WORDS or not text[0].isupper():
        return None
    return start, end, text, entity.label_


def _votes(entities) -> dict[str, Counter]:
    """Labels each written name received; a lone surname also votes for the full
    name it ends ('Wilkins' is the 'Kristen Wilkins' of the same article)."""
    votes: dict[str, Counter] = {}
    for _, _, text, label in entities:
        votes.setdefault(normalise(text), Counter())[label] += 1
    people = [n for n, c in votes.items() if c["PERSON"] and " " in n]
    for name in people:
        surname = name.rsplit(" ", 1)[1]
        if surname in votes:
            votes[surname]["PERSON"] += votes[name]["PERSON"]
    return votes


def label_of(votes: dict[str, Counter], name: str) -> str | None:
    counts = votes.get(normalise(name))
    if not counts:
        return None
    best, count = counts.most_common(1)[0]
    # A tie between a person and something else: the person, since it is what a
    # reader would check first.
    if counts["PERSON"] == count:
        return "PERSON"
    return best


def _retype(registry: Registry, entities, votes) -> None:
    for draft in list(registry.drafts.values()):
        if draft.type not in ("person", "organization"):
            continue
        labels = Counter(
            label_of(votes, text)
            for start, end, text, _ in entities
            if any(s <= start and end <= e for s, e in draft.spans)
        )
        labels.pop(None, None)
        if not labels:
            continue
        label = labels.most_common(1)[0][0]
        if label in THING_LABELS:
            draft.not_actor = True
        elif label == "ORG" and draft.type == "person":
            draft.type = "organization"
        elif label == "PERSON" and draft.type == "organization" and draft.tentative:
            draft.type = "person"


def _places(doc, entities) -> set[str]:
    """Names the text uses as a place somewhere: labelled one, or after 'in'."""
    found = set()
    for start, end, text, label in entities:
        tokens = parse.tokens_between(doc, start, end)
        if label in PLACE_LABELS or any(parse.is_place(t) for t in tokens):
            found.add(normalise(text))
    return found


def _add_missing(registry: Registry, doc, entities, votes, zones, places) -> None:
    for start, end, text, _ in entities:
        label = label_of(votes, text)
        if label not in ACTOR_LABELS or not inside(zones, start, end):
            continue
        if normalise(text) in places:
            continue
        if not registry.free(start, end):
            continue
        draft = _existing(registry, text, label) or registry.draft(
            text, ACTOR_LABELS[label], tentative=True
        )
        if registry.mention(draft, start, end) and _acts(doc, start, end):
            draft.acts = True


def _existing(registry: Registry, text: str, label: str):
    """The draft a written name refers to: the same name, or for a lone word the
    person whose surname it is (one such person only)."""
    found = registry.drafts.get(normalise(text))
    if found is not None:
        return found
    if " " in text or label != "PERSON":
        return None
    key = normalise(text)
    owners = [
        d
        for d in registry.drafts.values()
        if d.type == "person" and d.key.rsplit(" ", 1)[-1] == key and " " in d.key
    ]
    return owners[0] if len(owners) == 1 else None


def _acts(doc, start: int, end: int) -> bool:
    """The name heads the subject of a verb, directly or as an apposition."""
    tokens = parse.tokens_between(doc, start, end)
    heads = [t for t in tokens if not (start <= t.head.idx < end) or t.head is t]
    return any(parse.is_agent(t) for t in heads)
