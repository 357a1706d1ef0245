"""One-word organisations the recogniser missed, told by how the sentence treats
them: 'Ofsted, which inspects schools, said', 'Chelsea have sacked their manager',
'The regulator, Ofwat, said', 'Unite said its members would strike'."""

from __future__ import annotations

import re

from api.extraction import gazetteers as gz
from api.extraction import parse, stances

WHICH_AFTER = re.compile(r",\s+which\b")
OWN_WORDS = {"its", "their"}
# A plural verb after a singular proper noun: a body named as its members
# ('Chelsea have', 'Labour are').
PLURAL_AGREEMENT = {"have", "are", "were"}


def organisations(doc) -> list[tuple[int, int, str, str]]:
    """(start, end, text, 'ORG') for each capitalised one-word name no entity
    covers that the sentence treats as an organisation."""
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    found = []
    for token in doc:
        if token.i in covered or not _lone_name(token):
            continue
        if treated_as_organisation(doc, token):
            found.append((token.idx, token.idx + len(token), token.text, "ORG"))
    return found


def _lone_name(token) -> bool:
    word = token.text
    if token.tag_ != "NNP" or len(word) < 2 or not word[0].isupper():
        return False
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
        return False  # part of a longer name, which the rules read whole
    lower = word.lower()
    return not (
        lower in gz.GROUPS
        or word in gz.TITLES
        or lower in gz.ROLE_NOUNS
        or lower in gz.ORG_NOUNS
        or word in gz.DEMONYMS
        or word in gz.country_forms()
    )


def treated_as_organisation(doc, token) -> bool:
    """Set beside an organisation's noun, or acting with a relative 'which', a
    plural verb or its own 'its' ('Unite said its members would strike')."""
    if token.dep_ == "appos" and token.head.lemma_.lower() in gz.ORG_NOUNS:
        return True  # 'The regulator, Ofwat, said'
    if not parse.is_agent(token):
        return False
    verb = token.head
    if WHICH_AFTER.match(parse.text_of(doc), token.idx + len(token)):
        return True
    if any(c.dep_ == "aux" and c.lower_ in PLURAL_AGREEMENT for c in verb.children):
        return True
    if verb.lower_ in PLURAL_AGREEMENT and verb.tag_ == "VBP":
        return True
    voiced = parse.speaks(token) or stances.of_verb(verb) is not None
    return voiced and any(t.lower_ in OWN_WORDS and t.i > verb.i for t in verb.subtree)
