"""People: names with titles or role nouns, appositions, surnames, descriptions."""

from __future__ import annotations

import re
from functools import lru_cache

from api.extraction import acting, wordlists
from api.extraction import gazetteers as gz
from api.extraction import persons as ps
from api.extraction.registry import Registry, normalise
from api.extraction.zones import holder, inside


def person(text, parts, index, people) -> None:
    part = parts[index]
    previous = parts[index - 1] if index else None
    role, affiliation = None, None
    if previous is not None and previous.kind == "TITLE":
        role, affiliation = ps.role_from(parts, previous, text)
    else:
        role, affiliation = _role_noun_before(text, part.start)
        if role is None and not _likely_person(text, part):
            return
    people.append(
        [part.start, part.end, text[part.start : part.end], role, affiliation]
    )


def _likely_person(text: str, part) -> bool:
    """Two capitalised words not placed by a preposition ('at Las Lajas'), or one
    word named as a speaker ('said Yonas')."""
    before = re.findall(r"[\w’']+", text[max(0, part.start - 30) : part.start])
    while before and before[-1].lower() in ("the", "a"):
        before.pop()
    previous = before[-1].lower() if before else ""
    if len([w for w in part.words if w.capital]) < 2:
        return _named_speaker(text, part)
    return previous not in acting.PREPOSITIONS


SPEAKER_CUE = re.compile(r"\b(?:said|says|added|told)\s+$")
# After the name: the end of the attribution, not the verb of a reported clause.
SPEAKER_END = re.compile(r"\s*(?:[,.;:)”\"]|$)")


def _named_speaker(text: str, part) -> bool:
    """'said Yonas.': the cue right before the word, in the same sentence (no
    article, no full stop: 'he said. Malaria killed'), and no verb after it
    ('said Brussels would')."""
    if not SPEAKER_CUE.search(text[max(0, part.start - 12) : part.start]):
        return False
    return bool(SPEAKER_END.match(text, part.end))


ROLE_BEFORE = re.compile(r"(?:([A-Z][\w’'.]*(?: [A-Z][\w’'.]*)*) )?([a-z\-]+) $")
# 'The ALK’s spokesman, X,': with an owner, a role set off by a comma is X's own
# (a bare 'the French president, X' is read by the appositions).
OWNED_ROLE_BEFORE = re.compile(
    r"(?:The )?([A-Z][\w.]*(?: [A-Z][\w.]*)*)[’']s ([a-z\-]+), $"
)


def _role_noun_before(text: str, start: int):
    """'United Nations spokesman X', 'The ALK’s spokesman, X': a lowercase role
    noun right before a name, its owner before it."""
    before = text[max(0, start - 60) : start]
    match = ROLE_BEFORE.search(before) or OWNED_ROLE_BEFORE.search(before)
    if not match or match.group(2) not in gz.ROLE_NOUNS:
        return None, None
    owner = match.group(1)
    if not owner:
        return match.group(2), None
    affiliation = (
        gz.INSTITUTIONS.get(owner)
        or gz.country_forms().get(owner)
        or gz.DEMONYMS.get(owner)
        or owner
    )
    return f"{owner} {match.group(2)}", affiliation


MAX_NAME_WORDS = 8


def surname(name: str) -> str:
    return normalise(name.split()[-1])


WORD_BEFORE = re.compile(r"(?<![\w.])([A-Z][\w.]*) $")
RELATION_AFTER = re.compile(r",\s+(?:her|his|their|the)\s+([a-z]+)\b")


def relation_after(text: str, end: int) -> str | None:
    """'Mr Gates, her husband,': the kinship noun describing the name just before."""
    match = RELATION_AFTER.match(text, end, end + 30)
    if match and match.group(1) in wordlists.lemmas("relatives"):
        return match.group(1)
    return None


def register_people(registry: Registry, people) -> None:
    """One draft per person: a name joins the longest form of the same person; two
    people who share a surname ('Domingo Soyos', father of 'David Soyos') stay two,
    and a lone surname they share stays apart from both."""
    # a run of capitalised words longer than any name is a list or a headline
    people = [p for p in people if len(p[2].split()) <= MAX_NAME_WORDS]
    by_surname: dict[str, list[str]] = {}
    for _, _, name, _, _ in people:
        forms = by_surname.setdefault(surname(name), [])
        same = [f for f in forms if same_person(f, name)]
        if not same:
            forms.append(name)
        elif len(name.split()) > len(same[0].split()):
            forms[forms.index(same[0])] = name
    for start, end, name, role, affiliation in people:
        forms = [f for f in by_surname[surname(name)] if same_person(f, name)]
        full = _fix_case(forms[0] if len(forms) == 1 else name)
        relation = relation_after(registry.text, end) if " " not in name else None
        if relation:
            # a relative of someone named before: their own person, not that one
            title = WORD_BEFORE.search(registry.text, max(0, start - 20), start)
            titled = title is not None and title.group(1) in gz.TITLES
            written = f"{title.group(1)} {name}" if titled else name
            full, role = _fix_case(written), relation
        country = affiliation if affiliation in gz.country_forms().values() else None
        draft = registry.draft(
            full,
            "person",
            role=role,
            affiliation=affiliation,
            country=country,
            acts=True,
        )
        registry.mention(draft, start, end)


def same_person(one: str, other: str) -> bool:
    """Two written names of one person: the same surname, and the given names of
    the shorter among (or initials of) the longer's ('Macron', 'Emmanuel Macron')."""
    a, b = normalise(one).split(), normalise(other).split()
    if not a or not b or a[-1] != b[-1]:
        return False
    short, long_ = sorted((a[:-1], b[:-1]), key=len)
    return all(
        any(w == g or (len(w) == 1 and g.startswith(w)) for g in long_) for w in short
    )


def _fix_case(name: str) -> str:
    return " ".join(
        w if w in gz.PARTICLES else w[0].upper() + w[1:] for w in name.split()
    )


def appositions(registry: Registry, people, zones_) -> None:
    text = registry.text
    for start, end, *_ in people:
        draft = registry.at(start, end)
        if draft is None or draft.type != "person":
            continue
        before = ps.APPOSITION_BEFORE.search(text[max(0, start - 90) : start])
        after = ps.APPOSITION_AFTER.search(text[end : end + 90])
        for match, base in ((before, max(0, start - 90)), (after, end)):
            if match:
                _apposition(registry, draft, base + match.start(1), base + match.end(1))


def _apposition(registry: Registry, draft, start: int, end: int) -> None:
    description = registry.text[start:end]
    if not registry.free(start, end):
        return
    role, affiliation = ps.describe(description, registry, start, end)
    if role is None:
        return
    draft.role = draft.role or role
    draft.affiliation = draft.affiliation or affiliation
    if affiliation in gz.country_forms().values():
        draft.country = draft.country or affiliation
    registry.mention(draft, start, end)


def surnames(registry: Registry, zones_) -> None:
    """Lone surnames and case slips ("Emmanuel macron") of people already named."""
    text = registry.text
    for draft in [d for d in registry.drafts.values() if d.type == "person"]:
        parts = draft.name.split()
        forms = [r"[\s\-]".join(map(re.escape, parts))]
        if len(parts) > 1:
            forms.append(re.escape(parts[-1]))
        for form in forms:
            flags = re.IGNORECASE if form is forms[0] else 0
            # the check before the name comes after it: a pattern that opens with
            # the name itself lets the engine jump to where it occurs
            pattern = rf"{form}(?<!\w{form})(?!\w)"
            for match in re.finditer(pattern, text, flags):
                if inside(zones_, *match.span()) and match.group()[0].isupper():
                    registry.mention(draft, *match.span())


@lru_cache(maxsize=1)
def _description_pattern() -> re.Pattern:
    demonyms = "|".join(sorted(map(re.escape, gz.DEMONYMS), key=len, reverse=True))
    roles = "|".join(sorted(map(re.escape, gz.ROLE_NOUNS), key=len, reverse=True))
    return re.compile(
        rf"\b[Tt]he\s+(?:(current|former|new)\s+)?(?:({demonyms})\s+)?"
        rf"(?:([A-Z][\w’'-]+)\s+)?(?i:({roles}))\b(?!\s+of\b)"
    )


def descriptions(registry: Registry, zones_, quoted=()) -> None:
    """'the Kazakh president' -> the person whose role says so; a bare 'the
    president' -> the most mentioned person holding that role."""
    people = [d for d in registry.drafts.values() if d.type == "person"]
    if not people:
        return
    quoting = holder(quoted)
    for match in _description_pattern().finditer(registry.text):
        modifier, demonym, body, role = match.groups()
        if modifier == "former" or not inside(zones_, *match.span()):
            continue
        country = gz.DEMONYMS.get(demonym) if demonym else None
        if body is None:
            draft = _holder(people, role.lower(), country)
        elif quoting(match.start()):
            continue  # '"The Home Secretary and I ...": the speaker's own words
        else:
            draft = _holder_for(people, role.lower(), body)
        if draft is not None:
            registry.mention(draft, *match.span())


def _holder_for(people, role: str, body: str):
    """'the Labour leader': the person holding the role for that body, by their
    role or affiliation; else the one person the article gives the role, if only
    one holds it."""
    holders = [d for d in people if d.role and role in d.role.lower()]
    named = [d for d in holders if body in f"{d.role} {d.affiliation or ''}"]
    if named:
        return max(named, key=lambda d: len(d.spans))
    return holders[0] if len(holders) == 1 else None


def _holder(people, role: str, country: str | None):
    holders = [
        d
        for d in people
        if d.role
        and role in d.role.lower()
        and "former" not in d.role.lower()
        and (country is None or d.country == country)
    ]
    return max(holders, key=lambda d: len(d.spans), default=None)
