"""People the story names only by their kin: 'Her mother had spoken out', 'Thomas'
sister pleaded with him', 'her parents moved her'. One who acts is an actor of
their own, named for whose relative they are ('Valeska Paris's mother')."""

from __future__ import annotations

import re
from functools import lru_cache

from api.extraction import parse, reporting, wordlists
from api.extraction.registry import Registry, normalise
from api.extraction.zones import inside

OWNER = (
    r"(?P<pronoun>[Hh]is|[Hh]er)|(?P<owner>[A-Z][\w-]+(?: [A-Z][\w-]+)?)(?:['’]s|['’])"
)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    nouns = "|".join(sorted(_kin_types(), key=len, reverse=True))
    # 'His father, Domingo Soyos,': a relative named is a person of their own name
    return re.compile(rf"\b(?:{OWNER})\s+(?P<kin>{nouns})\b(?!,?\s+[A-Z])")


@lru_cache(maxsize=1)
def _kin_types() -> dict[str, str]:
    return {e["lemma"]: e.get("type", "person") for e in wordlists.entries("relatives")}


def relatives(registry: Registry, zones_) -> None:
    """Register each relative who acts, once the people they belong to are read."""
    doc = registry.doc
    if doc is None:
        return
    for match in _pattern().finditer(registry.text):
        if not inside(zones_, *match.span()) or not registry.free(*match.span("kin")):
            continue
        token = parse.token_at(doc, match.start("kin"))
        if token is None or not parse.is_agent(token) or _reported(token):
            continue
        owner = _owner(registry, doc, match)
        if owner is None or owner.type != "person":
            continue
        kin = match.group("kin")
        name = (
            f"{owner.name}’s {kin}" if "’" in match.group() else f"{owner.name}'s {kin}"
        )
        draft = registry.draft(name, _kin_types()[kin], role=kin, acts=True)
        # 'her mother' is one mention; 'Thomas' sister' leaves Thomas his own
        start = match.start() if match.group("pronoun") else match.start("kin")
        registry.mention(draft, start, match.end())


# Clauses another's words or an event hold: 'said her husband had bought the jugs',
# 'when her son died'. The relative acts there only in what someone reports.
REPORTED = {"ccomp", "advcl", "relcl"}


def _reported(token) -> bool:
    return token.head.dep_ in REPORTED


def _owner(registry: Registry, doc, match):
    if match.group("pronoun"):
        pronoun = parse.token_at(doc, match.start("pronoun"))
        return reporting.antecedent(registry, pronoun, []) if pronoun else None
    written = normalise(match.group("owner"))
    for draft in registry.drafts.values():
        if draft.type != "person" or not draft.spans:
            continue
        words = draft.key.split()
        if written in (draft.key, words[0], words[-1]):
            return draft
    return None
