"""Actor discovery: people, institutions, groups and countries, with their mentions."""

from __future__ import annotations

import re
from functools import lru_cache

from api.extraction import acting
from api.extraction import gazetteers as gz
from api.extraction import persons as ps
from api.extraction.ids import actor_id
from api.extraction.registry import Registry, normalise
from api.extraction.segment import caption_credit
from api.extraction.types import Actor, Mention
from api.extraction.words import capital_runs, words

MENTION_KINDS = ("body", "pull_quote", "related_headline", "photo_caption")
NAME_KINDS = ("body", "pull_quote", "photo_caption")


def zones(text: str, paragraphs, kinds=MENTION_KINDS) -> list[tuple[int, int]]:
    """Spans where actors may be mentioned: no credits, no trailing more-news block."""
    spans = []
    for para in paragraphs:
        if para.kind not in kinds:
            continue
        credit = caption_credit(text, para) if para.kind == "photo_caption" else None
        spans.append((para.start, credit[0] if credit else para.end))
    return spans


def inside(spans, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def discover(text: str, paragraphs, hits) -> Registry:
    registry = Registry(text)
    registry.hits = hits
    gazetteer = {start: (end, label, value) for start, end, label, value in hits}
    name_zones = zones(text, paragraphs, NAME_KINDS)
    all_zones = zones(text, paragraphs)
    tokens = [w for w in words(text) if inside(all_zones, w.start, w.end)]
    people, orgs = [], []
    for run in capital_runs(text, tokens):
        named = inside(name_zones, run[0].start, run[-1].end)
        _read_run(text, run, gazetteer, named, people, orgs)
    _register_people(registry, people)
    for start, end, name, type_, country in orgs:
        draft = registry.draft(name, type_, country=country, acts=True)
        registry.mention(draft, start, end)
    _appositions(registry, people, name_zones)
    _surnames(registry, all_zones)
    _descriptions(registry, all_zones)
    _groups(registry, all_zones)
    _countries(registry, hits, all_zones)
    return registry


def _read_run(text, run, gazetteer, named, people, orgs) -> None:
    parts = ps.parse_run(run, gazetteer)
    skip_to = -1
    for index, part in enumerate(parts):
        if index <= skip_to:
            continue
        if part.kind == "ORG":
            orgs.append((part.start, part.end, part.value, "organization", None))
        elif part.kind == "NAME" and ps.is_institution(part):
            skip_to = _institution(text, parts, index, orgs)
        elif part.kind == "NAME" and named and ps.is_person_name(part):
            if index + 1 < len(parts) and parts[index + 1].kind == "TITLE":
                continue  # 'Homeland Security Minister X': an office, no person
            _person(text, parts, index, people)


def _institution(text, parts, index, orgs) -> int:
    """'Ministry of the Interior of Kazakhstan': a keyword phrase and its 'of' tail."""
    start, last, country = parts[index].start, index, None
    if index and parts[index - 1].kind == "DEMONYM":
        start, country = parts[index - 1].start, parts[index - 1].value
    probe = index + 1
    while probe + 1 < len(parts) and parts[probe].kind == "SKIP":
        connector = parts[probe].words[0].text
        nxt = probe + 1 + (parts[probe + 1].words[0].text == "the")
        if connector not in ("of", "for") or nxt >= len(parts):
            break
        if parts[nxt].kind not in ("NAME", "COUNTRY", "CAPITAL", "ORG", "DEMONYM"):
            break
        while nxt + 1 < len(parts) and parts[nxt + 1].kind in ("NAME", "COUNTRY"):
            nxt += 1  # 'of Belgian Enterprises'
        last, probe = nxt, nxt + 1
        country = parts[nxt].value if parts[nxt].kind == "COUNTRY" else country
    name = text[start : parts[last].end]
    words_ = {w.text for p in parts[index : last + 1] for w in p.words}
    type_ = "government" if words_ & gz.GOVERNMENT_WORDS else "organization"
    orgs.append((start, parts[last].end, name, type_, country))
    return last


def _person(text, parts, index, people) -> None:
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
        return previous in ("said", "says", "added", "told")
    return previous not in acting.PREPOSITIONS


def _role_noun_before(text: str, start: int):
    """'United Nations spokesman X': a lowercase role noun right before a name."""
    match = re.search(
        r"(?:([A-Z][\w’'.]*(?: [A-Z][\w’'.]*)*) )?([a-z\-]+) $",
        text[max(0, start - 60) : start],
    )
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


def surname(name: str) -> str:
    return normalise(name.split()[-1])


def _register_people(registry: Registry, people) -> None:
    canonical: dict[str, str] = {}
    for _, _, name, _, _ in people:
        key = surname(name)
        if len(name.split()) > len(canonical.get(key, "").split()):
            canonical[key] = name
    for start, end, name, role, affiliation in people:
        full = _fix_case(canonical[surname(name)])
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


def _fix_case(name: str) -> str:
    return " ".join(
        w if w in gz.PARTICLES else w[0].upper() + w[1:] for w in name.split()
    )


def _appositions(registry: Registry, people, zones_) -> None:
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


def _surnames(registry: Registry, zones_) -> None:
    """Lone surnames and case slips ("Emmanuel macron") of people already named."""
    text = registry.text
    for draft in [d for d in registry.drafts.values() if d.type == "person"]:
        parts = draft.name.split()
        forms = [r"[\s\-]".join(map(re.escape, parts))]
        if len(parts) > 1:
            forms.append(re.escape(parts[-1]))
        for form in forms:
            flags = re.IGNORECASE if form is forms[0] else 0
            for match in re.finditer(rf"(?<!\w){form}(?!\w)", text, flags):
                if inside(zones_, *match.span()) and match.group()[0].isupper():
                    registry.mention(draft, *match.span())


@lru_cache(maxsize=1)
def _description_pattern() -> re.Pattern:
    demonyms = "|".join(sorted(map(re.escape, gz.DEMONYMS), key=len, reverse=True))
    roles = "|".join(sorted(map(re.escape, gz.ROLE_NOUNS), key=len, reverse=True))
    return re.compile(
        rf"\b[Tt]he\s+(?:(current|former|new)\s+)?(?:({demonyms})\s+)?"
        rf"(?i:({roles}))\b(?!\s+of\b)"
    )


def _descriptions(registry: Registry, zones_) -> None:
    """'the Kazakh president' -> the person whose role says so; a bare 'the
    president' -> the most mentioned person holding that role."""
    people = [d for d in registry.drafts.values() if d.type == "person"]
    if not people:
        return
    for match in _description_pattern().finditer(registry.text):
        modifier, demonym, role = match.groups()
        if modifier == "former" or not inside(zones_, *match.span()):
            continue
        country = gz.DEMONYMS.get(demonym) if demonym else None
        draft = _holder(people, role.lower(), country)
        if draft is not None:
            registry.mention(draft, *match.span())


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


@lru_cache(maxsize=1)
def _group_pattern() -> re.Pattern:
    prefixes = [*gz.DEMONYMS, *gz.country_forms()]
    prefix = "|".join(sorted(map(re.escape, prefixes), key=len, reverse=True))
    nouns = "|".join(sorted(map(re.escape, gz.GROUPS), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w’'])(?:({prefix})\s+)?(?:(?:local|national|federal|riot|state)\s+)?"
        rf"(?i:({nouns}))(?![\w’'-])"
    )


def _groups(registry: Registry, zones_) -> None:
    """'Russian troops', 'US diplomacy', 'the Kazakh government', 'protesters'."""
    by_class: dict[tuple, object] = {}
    for match in _group_pattern().finditer(registry.text):
        if not inside(zones_, *match.span()):
            continue
        prefix, noun = match.group(1), match.group(2).lower()
        if _adjective(registry.text, noun, match.end()):
            continue
        kind, type_ = gz.GROUPS[noun]
        country = gz.DEMONYMS.get(prefix) or gz.country_forms().get(prefix)
        draft = _group_draft(registry, by_class, prefix, noun, kind, type_, country)
        if draft is not None:
            start = match.start(1) if prefix else match.start(2)
            registry.mention(draft, start, match.end())
    _merge_plain(registry, by_class)


def _group_draft(registry, by_class, prefix, noun, kind, type_, country):
    if kind == "government":
        governments = [
            d
            for d in registry.drafts.values()
            if d.type == "government" and "Government" in d.name
        ]
        if country:
            return registry.draft(
                f"Government of {country}", "government", country=country, acts=True
            )
        if len(governments) == 1:
            return governments[0]
        country = None if governments else _main_country(registry)
        return (
            registry.draft(f"Government of {country}", "government", country=country)
            if country
            else None
        )
    if prefix:
        key = (country, kind)
        if key not in by_class:
            by_class[key] = registry.draft(
                f"{prefix} {noun}", type_, country=country, acts=True
            )
        return by_class[key]
    by_class.setdefault((None, kind), registry.draft(kind, type_))
    return by_class[(None, kind)]


def _main_country(registry: Registry) -> str | None:
    """The country the article is about: the most named one, if any."""
    counts: dict[str, int] = {}
    for *_, label, value in registry.hits:
        if label in ("COUNTRY", "DEMONYM"):
            counts[value] = counts.get(value, 0) + 1
    return max(sorted(counts), key=counts.get, default=None)


ADJECTIVAL = {"military", "police", "army", "government", "opposition", "media"}


def _adjective(text: str, noun: str, end: int) -> bool:
    """'military helicopters', 'opposition MP': the noun qualifies another."""
    if noun not in ADJECTIVAL:
        return False
    match = re.match(r" ([\w’'-]+)", text[end : end + 30])
    if not match:
        return False
    word = match.group(1)
    return not (
        word.lower() in acting.VERBS | acting.FILLERS | acting.PREPOSITIONS
        or word.endswith("ed")
        or word in ("and", "or", "who", "which", "that", "said", "says")
    )


def _merge_plain(registry: Registry, by_class) -> None:
    """A plain 'police' is the one national police the article names, if only one."""
    for (country, kind), plain in list(by_class.items()):
        if country is not None or plain.key not in registry.drafts:
            continue
        owners = [d for (c, k), d in by_class.items() if k == kind and c is not None]
        if len(owners) == 1:
            registry.merge(plain, owners[0])


def _countries(registry: Registry, hits, zones_) -> None:
    for start, end, label, value in hits:
        if label in ("COUNTRY", "CAPITAL") and inside(zones_, start, end):
            registry.mention(
                registry.draft(value, "country", country=value), start, end
            )


def to_actors(registry: Registry, used: set[str]) -> list[Actor]:
    """Actors that act or are referred to by an item; a country that is only a
    place is left out."""
    actors = []
    for draft in registry.drafts.values():
        keep = draft.type in ("person", "organization", "government") or draft.acts
        wanted = actor_id(draft.name) in used
        if not (wanted or (keep and draft.spans)):
            continue
        spans = sorted(set(draft.spans))
        aliases = sorted({a for a in draft.aliases if a != draft.name})
        actors.append(
            Actor(
                id=actor_id(draft.name),
                name=draft.name,
                type=draft.type,
                role=draft.role,
                country=draft.country,
                aliases=aliases,
                mentions=[Mention(s, e, registry.text[s:e]) for s, e in spans],
            )
        )
    first = {
        a.id: a.mentions[0].start if a.mentions else len(registry.text) for a in actors
    }
    return sorted(actors, key=lambda a: (first[a.id], a.id))
