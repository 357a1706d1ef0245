"""The one place a parsed reaction's stance is decided: from the verb of the
response ('criticised', 'welcomed') if it carries one, else from the evaluative
words of what the actor says (the reported clause and its quotes)."""

from __future__ import annotations

from collections import Counter
from functools import cache

from api.extraction import wordlists

# When words of several stances meet, blame outweighs worry, worry outweighs praise.
ORDER = ("critical", "concerned", "supportive")
NEGATIONS = {"not", "n't", "never", "no", "nor"}
PERSONAL_OBJECTS = {"him", "her", "them", "me", "us"}


@cache
def _verbs() -> dict[str, str]:
    return {e["lemma"]: e["stance"] for e in wordlists.entries("reaction_verbs")}


@cache
def _not_of_people() -> frozenset[str]:
    entries = wordlists.entries("reaction_verbs")
    return frozenset(e["lemma"] for e in entries if e.get("not_of_people"))


@cache
def _words() -> dict[str, str]:
    return {e["lemma"]: e["stance"] for e in wordlists.entries("stance_words")}


def of_verb(verb) -> str | None:
    """The stance a response verb carries; a negated one ('did not support')
    carries none."""
    lemma = verb.lemma_.lower()
    stance = _verbs().get(lemma)
    if stance is None or negated(verb):
        return None
    if lemma in _not_of_people() and _of_a_person(verb):
        return None
    return stance


def _of_a_person(verb) -> bool:
    """'questioned the student', 'questioned him': the object is a person."""
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        if child.ent_type_ == "PERSON" or child.lower_ in PERSONAL_OBJECTS:
            return True
        if child.lemma_.lower() in wordlists.lemmas("descriptors"):
            return True
    return False


def negated(verb) -> bool:
    """'did not support', 'no longer wants to support': a negation on the verb or
    on the verbs it complements."""
    for _ in range(3):
        modifiers = [c for c in verb.children if c.dep_ in ("neg", "advmod")]
        if any(t.lower_ in NEGATIONS for c in modifiers for t in c.subtree):
            return True
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head is verb:
            return False
        verb = verb.head
    return False


def of_words(tokens) -> str | None:
    """The stance of the evaluative words among `tokens`, or None if neutral."""
    counts: Counter = Counter()
    previous = ""
    for token in tokens:
        stance = _words().get(token.lemma_.lower()) or _words().get(token.lower_)
        if stance and previous not in NEGATIONS:
            counts[stance] += 1
        previous = token.lower_
    if not counts:
        return None
    best = max(counts.values())
    return next(s for s in ORDER if counts[s] == best)


def decide(verb, tokens) -> str | None:
    return of_verb(verb) or of_words(tokens)
