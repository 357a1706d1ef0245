"""Who does a stance verb: the actors mentioned in its clause before it.

Mentions that only describe, qualify or are reported on are dropped: the employer in
'the UN resident coordinator, Astrid Lindqvist, urged', the object of a relative
clause ('Rwanda, which Kinshasa accuses of arming the rebels, said'), and what a
reporting verb reports ('Mr Rugira said the ALK had lost ... and accused').
"""

from __future__ import annotations

import re

from api.extraction.acting import PREPOSITIONS
from api.extraction.registry import Draft, Ref, Registry

CLAUSE = re.compile(
    r"[;:]|,\s+(?:while|whereas|but|although|though|as|after|when|where)\b"
)
WHICH = re.compile(r",\s+(?:which|whom|who)\s+")
RELATIVE = re.compile(r"^,?\s*who\s*[“\"«]?\s*$")
AND = re.compile(r",\s*and\s+(?!that\b)")
# 'and accused': a second verb of the same subjects
COORDINATED = re.compile(r"(?:,\s*|\s)(?:and|but)\s+$")
REPORTING = re.compile(r"\b(?:said|says|told|added)\b")
# '’s regional director for Africa, ': what lies between an employer and its employee
AUXILIARY = re.compile(r"\s+(?:(?:had|has|have|would|will|was|is)\s+)?")
DESCRIPTION = re.compile(r"^(?:[’']s)?\s+(?:[\w\-]+\s+){1,6}?[\w\-]+,\s*$")
DETERMINERS = ("the", "a", "an", "its", "their")
SUBJECT_REACH = 300


def find(registry: Registry, floor: int, verb_at: int, hero) -> list[Draft]:
    """The actors doing the verb at verb_at, within the clause that starts at floor."""
    text = registry.text
    # a subject stands within SUBJECT_REACH characters of its verb
    floor = max(floor, verb_at - SUBJECT_REACH)
    cuts = [m.end() for m in CLAUSE.finditer(text, floor, verb_at)]
    cuts += [m.end() for m in AND.finditer(text, floor, verb_at) if _joins(registry, m)]
    floor = max(cuts, default=floor)
    refs = _outside_relatives(registry, floor, verb_at)
    if refs and RELATIVE.match(text[refs[-1].end : verb_at]):
        refs = refs[-1:]
    refs = [
        r
        for r in _unreported(text, refs, floor, verb_at)
        if not _governed(text, r, floor)
    ]
    found: list[Draft] = []
    for ref in _without_employers(registry, refs):
        draft = registry.drafts[ref.key]
        if draft is not hero and draft not in found:
            found.append(draft)
    people = {d.affiliation for d in found if d.type == "person"}
    return [d for d in found if d.name not in people]


def coordinated(text: str, floor: int, verb_at: int) -> bool:
    """'condemned the attack and urged restraint': the second verb has no subject of
    its own, only the words of the first verb's object."""
    return bool(COORDINATED.search(text, floor, verb_at))


def in_relative(text: str, floor: int, verb_at: int) -> bool:
    """'Rwanda, which Kinshasa accuses of ..., said': the verb belongs to the clause."""
    relatives = list(WHICH.finditer(text, floor, verb_at))
    return bool(relatives) and "," not in text[relatives[-1].end() : verb_at]


def _joins(registry: Registry, match: re.Match) -> bool:
    """', and' joins two clauses, not the last two names of a list ('A, B, and C')."""
    before = registry.between(max(0, match.start() - 80), match.start())
    return not any(r.end == match.start() for r in before)


def _outside_relatives(registry: Registry, floor: int, verb_at: int) -> list[Ref]:
    text = registry.text
    relatives = list(WHICH.finditer(text, floor, verb_at))
    if not relatives:
        return registry.between(floor, verb_at)
    last = relatives[-1]
    close = text.find(",", last.end(), verb_at)
    if close == -1:
        # the verb is inside the relative clause: 'Rwanda, which Kinshasa accuses'
        if re.search(r"\w", text[last.end() : verb_at]):
            # 'which Kinshasa accuses': the relative clause has a subject of its own
            return registry.between(last.end(), verb_at)
        return registry.between(floor, verb_at)
    # a closed relative clause describes its antecedent and has no say in the verb
    return [
        r
        for r in registry.between(floor, verb_at)
        if not last.start() <= r.start < close
    ]


def _unreported(text: str, refs: list[Ref], floor: int, verb_at: int) -> list[Ref]:
    """Drop mentions after a reporting verb: they are what is said, not who acts."""
    kept = []
    for ref in refs:
        said = list(REPORTING.finditer(text, floor, ref.start))
        gap = text[said[-1].end() : ref.start] if said else ""
        reported = said and not re.search(r",\s*and\b(?!\s+that)|;", gap)
        if reported and not _direct(text, ref, refs, verb_at):
            continue
        kept.append(ref)
    return kept


def _direct(text: str, ref: Ref, refs: list[Ref], verb_at: int) -> bool:
    """'said the National Cyber Security Centre had sent': the last mention, right
    before the verb but for an auxiliary, is what the reported clause is about."""
    return ref is refs[-1] and bool(AUXILIARY.fullmatch(text, ref.end, verb_at))


def _governed(text: str, ref: Ref, floor: int) -> bool:
    """A mention after a preposition ('aid to Malawi') does not act."""
    head = re.findall(r"[\w’'\-]+", text[max(floor, ref.start - 30) : ref.start])
    while head and head[-1].lower() in DETERMINERS:
        head.pop()
    if len(head) >= 2 and head[-1] == "of" and _state_body(head[-2]):
        return False  # 'The foreign ministries of Portugal, ... condemned'
    return bool(head) and head[-1].lower() in PREPOSITIONS | {"by", "after", "given"}


# Bodies of a state named by 'of' and the country: 'the government of Portugal'.
STATE_BODIES = {"government", "ministry", "embassy"}


def _state_body(word: str) -> bool:
    """A state body's noun, singular or plural ('ministries', 'governments')."""
    word = word.lower()
    singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return singular in STATE_BODIES


def _without_employers(registry: Registry, refs: list[Ref]) -> list[Ref]:
    """'The UN resident coordinator, Astrid Lindqvist,': the person acts, the UN
    only describes her."""
    text, kept = registry.text, []
    for index, ref in enumerate(refs):
        following = refs[index + 1] if index + 1 < len(refs) else None
        employee = following and registry.drafts[following.key].type == "person"
        if employee and DESCRIPTION.match(text[ref.end : following.start]):
            continue
        kept.append(ref)
    return kept
