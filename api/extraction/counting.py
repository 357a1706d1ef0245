"""What a figure counts and what happens to it, read from the parse.

'At least eight people, among them a girl, drowned': the counted noun is 'people'
and its verb 'drowned', however many words stand between them. The words come
back in the order that decides a category: the verb of the clause the counted
thing is subject or object of, the words that complete it ('taken to hospital',
'found dead'), the verbs it goes on to share its subject with, then the counted
noun itself.
"""

from __future__ import annotations

from api.extraction import parse

# Dependencies by which a counted thing belongs to its clause's verb.
CLAUSE_ROLES = ("nsubj", "nsubjpass", "dobj", "attr", "oprd")
# A count that is its own noun: 'thousands of fans', 'Eight of them'.
COUNT_HEADS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj")
# Children of a verb that complete what happened: 'found dead', 'taken to hospital'.
COMPLETING = ("acomp", "oprd", "prep", "advmod", "xcomp", "dobj")
# How far the words describing a figure reach: a run-on parse links whole lists.
MAX_WORDS = 12


def describing_words(doc, start: int, end: int) -> list[str]:
    """Lowercased words that say what the figure at [start, end) counts and what
    happened to it, most telling first; [] when the parse has no figure there."""
    token = parse.token_at(doc, max(start, end - 1))
    if token is None:
        return []
    anchor, counted = _counted(token)
    words: list[str] = []
    verb = anchor.head if anchor.dep_ in CLAUSE_ROLES else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        words += _verb_words(verb)
        if anchor.dep_.startswith("nsubj"):
            words += [w for v in _sharing_subject(verb) for w in _verb_words(v)]
    if counted.i != token.i:
        words.append(counted.lower_)
    return words[:MAX_WORDS]


def _counted(token):
    """(the token whose clause role counts, the noun counted): the head for '12
    people'; for 'thousands of fans' and 'Eight of them' the count holds the role
    and the object of 'of' is counted; a number standing alone is both."""
    if token.dep_ in ("nummod", "quantmod", "compound") and token.head.i != token.i:
        head = token.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head, head
    if token.dep_ in COUNT_HEADS or token.pos_ == "NUM":
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].pos_ in ("NOUN", "PROPN", "PRON"):
                    return token, objects[0]
    return token, token


def _sharing_subject(verb) -> list:
    """'managed to climb out and were taken to hospital': the verbs after this
    one that have no subject of their own."""
    return [
        child
        for child in verb.children
        if child.dep_ in parse.SHARED_SUBJECT
        and child.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in parse.SUBJECT_DEPS for c in child.children)
    ]


def _verb_words(verb) -> list[str]:
    words = [verb.lemma_.lower(), verb.lower_]
    for child in verb.children:
        if child.dep_ not in COMPLETING:
            continue
        words.append(child.lower_)
        words += [g.lower_ for g in child.children if g.dep_ == "pobj"]
    return words


def counted_unit(doc, start: int, end: int, uncounted: frozenset[str]) -> str | None:
    """The plural noun a figure counts ('18 aircraft', 'more than 60 ships',
    '23,000 tickets'): the figure's unit, unless it is one of `uncounted` (people,
    time), whose count is the figure itself."""
    token = parse.token_at(doc, max(start, end - 1))
    if token is None:
        return None
    _, counted = _counted(token)
    if counted.i == token.i or counted.pos_ != "NOUN" or counted.tag_ != "NNS":
        return None
    word = counted.lower_
    return None if word in uncounted else word
