"""The statistical recogniser's named entities as plain records: trimmed of
articles and possessives, indexed for lookup, and voted on by name."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from api.extraction import parse, stances, wordlists
from api.extraction.registry import normalise

ACTOR_LABELS = {"PERSON": "person", "ORG": "organization"}


# Things named like people: never actors, whatever verb follows them.
THING_LABELS = {"FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "LOC"}


PLACE_LABELS = {"GPE", "LOC", "FAC"}


# 'the' inside a name follows a linking word ('Church of the Nazarene'); after a
# name it joins two ('Rathbun the Scientology').
GLUED_THE = re.compile(r"(?<!\bof)(?<!\bfor)(?<!\band)(?<!\bto)\s+the\s+")


LEADING = re.compile(r"^(?:the|The|a|A|an|An)\s+")


TRAILING = re.compile(r"(?:[’']s?|\s+[’']s)$")


# Longest entity worth reading as one name: a run of capitals longer than this is a
# list or a headline, not an actor.
MAX_WORDS = 8


def trimmed(entity):
    """(start, end, text, label) without a leading article or a possessive 's; None
    for no proper noun at all ('Keys were handed over': a capital at the start)."""
    if not any(t.pos_ == "PROPN" for t in entity) and not _speaking_name(entity):
        return None
    start, end, text = entity.start_char, entity.end_char, entity.text
    lead = LEADING.match(text)
    if lead:
        start, text = start + lead.end(), text[lead.end() :]
    bracket = text.find(" (")
    if bracket > 0 and ")" not in text[bracket:]:
        end, text = start + bracket, text[:bracket]  # 'World Health Organisation (WHO'
    tail = TRAILING.search(text)
    if tail:
        end, text = end - len(tail.group()), text[: tail.start()]
    if not text or len(text.split()) > MAX_WORDS or not text[0].isupper():
        return None
    if GLUED_THE.search(text):
        return None  # 'Rathbun the Scientology': two names run together
    return start, end, text, entity.label_


def _speaking_name(entity) -> bool:
    """'Labour said it would vote against', 'Labour accused the government': a
    capitalised word the tagger reads as a common noun is still a name when, as
    an organisation, it speaks or responds."""
    if entity.label_ != "ORG" or len(entity) != 1 or entity[0].dep_ != "nsubj":
        return False
    token = entity[0]
    return parse.speaks(token) or stances.of_verb(token.head) is not None


def votes_of(entities) -> dict[str, Counter]:
    """Labels each written name received; a lone surname also votes for the full
    name it ends ('Wilkins' is the 'Kristen Wilkins' of the same article)."""
    votes: dict[str, Counter] = {}
    outlets = wordlists.lemmas("outlet_names")
    for _, _, text, label in entities:
        if " " in text and text.rsplit(" ", 1)[1].lower() in outlets:
            label = "ORG"  # 'the Sydney Morning Herald' is no event
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
    # A one-word name no person's full name ends (votes_of lends it theirs), read
    # as often as an organisation as a person: the organisation ('Labour said').
    if " " not in normalise(name) and counts["ORG"] == counts["PERSON"] == count:
        return "ORG"
    # A tie between a person and something else: the person, since it is what a
    # reader would check first.
    if counts["PERSON"] == count:
        return "PERSON"
    return best


class Entities(list):
    """(start, end, text, label) in text order, with their starts for bisection."""

    def __init__(self, items) -> None:
        super().__init__(sorted(items))
        self.starts = [e[0] for e in self]


def inside(entities: Entities, start: int, end: int) -> list:
    """The entities lying wholly within [start, end)."""
    index = bisect.bisect_left(entities.starts, start)
    found = []
    while index < len(entities) and entities[index][0] < end:
        if entities[index][1] <= end:
            found.append(entities[index])
        index += 1
    return found
