"""Collective actors ('Russian troops', 'the government', 'protesters')."""

from __future__ import annotations

import re
from functools import lru_cache

from api.extraction import acting, countries, parse
from api.extraction import gazetteers as gz
from api.extraction.registry import Registry
from api.extraction.tries import alternation
from api.extraction.zones import inside


@lru_cache(maxsize=1)
def _group_pattern() -> re.Pattern:
    prefix = alternation([*gz.DEMONYMS, *gz.country_forms()])
    nouns = alternation(gz.GROUPS, ignore_case=True)
    modifiers = alternation(gz.GROUP_MODIFIERS, ignore_case=True)
    return re.compile(
        rf"(?<![\w’'])(?:({prefix})\s+)?((?:(?i:{modifiers})\s+){{0,2}})"
        # a plural possessive ('the protesters’ anger') still names the group
        rf"(?i:({nouns}))(?![\w-]|[’'](?!s?\s))"
    )


# Modifiers that do not make a group another one: 'riot police' are the police.
TRANSPARENT = {"national", "federal", "riot"}
OWNED = re.compile(r"\b(?:its|their|our|his|her|my|your)\s+$", re.IGNORECASE)
OF_COUNTRY = re.compile(
    r" of (?:the )?([A-Z][\w’'-]*(?: (?:of the |of )?[A-Z][\w’'-]*)*)"
)


def groups(registry: Registry, zones_) -> None:
    """'Russian troops', 'US diplomacy', 'the Kazakh government', 'protesters'."""
    by_class: dict[tuple, object] = {}
    for match in _group_pattern().finditer(registry.text):
        if not inside(zones_, *match.span()):
            continue
        prefix, noun = match.group(1), match.group(3).lower()
        modifiers = match.group(2).lower().split()
        match_start = match.start(2)
        classifier = None if prefix or modifiers else _classifier(registry, match)
        members_of = None if prefix or modifiers else _named_members(registry, match)
        if classifier:
            modifiers, match_start = classifier
        if _adjective(registry.text, noun, match.end()) or _owned(registry, match):
            continue
        if _names_another(registry.text, match.end()) or _another_thing(
            registry.text, noun, match.start(3)
        ):
            continue
        kind, type_ = gz.GROUPS[noun]
        noun = gz.GROUP_FORMS[noun]
        country = gz.DEMONYMS.get(prefix) or gz.country_forms().get(prefix)
        end = match.end()
        if kind == "government" and not prefix:
            country, end = _tail_country(registry.text, end) or (None, end)
        naming = [m for m in modifiers if m not in TRANSPARENT]
        allies = None if prefix or naming else ALLIES.match(registry.text, end)
        place = _place(registry.text, end) if naming and not prefix else None
        if members_of:
            owner, match_start = members_of
            draft = _modified(registry, by_class, [owner], noun, kind, "group")
        elif allies:
            name = f"{allies.group(1).capitalize()} {noun}"
            draft, end = registry.draft(name, type_, tentative=True), allies.end()
        elif place:
            draft = _modified(
                registry, by_class, [place[0], *naming], noun, kind, type_
            )
            end = place[1]
        elif naming and not prefix:
            draft = _modified(registry, by_class, naming, noun, kind, type_)
        else:
            draft = _group_draft(registry, by_class, prefix, noun, kind, type_, country)
        if draft is not None:
            start = match.start(1) if prefix else match_start
            registry.mention(draft, start, end)
    _merge_plain(registry, by_class)
    _fold_into_described(registry, by_class)


def _classifier(registry: Registry, match) -> tuple[list[str], int] | None:
    """'street vendors', 'asylum seekers', 'station staff': a noun the parse
    compounds with the group noun says which group it is; the words and where they
    start. A word of a name ('Toronto fans') is a place, not a kind."""
    doc = registry.doc
    token = parse.token_at(doc, match.start(3)) if doc is not None else None
    if token is None or token.i == 0:
        return None
    # 'disability rights campaigners': every noun compounded into the phrase, up
    # to the first one another actor's name already holds
    words = []
    for word in reversed(parse.compounds_before(token, "NOUN", limit=3)):
        if not registry.free(word.idx, word.idx + len(word.text)):
            break
        words.insert(0, word)
    if not words:
        return None
    return [w.lower_ for w in words], words[0].idx


# Entity types of a proper name before a group noun that make it where the group is
# ('Toronto fans'), not whose members they are.
PLACE_TYPES = {"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT"}


def _named_members(registry: Registry, match) -> tuple[str, int] | None:
    """'Scientology officials', 'Labour MPs', 'Red Cross workers': a name the
    parse compounds with the group noun says whose members the group is; the
    name as written and where it starts. A place ('Toronto fans') is no owner."""
    doc = registry.doc
    token = parse.token_at(doc, match.start(3)) if doc is not None else None
    if token is None:
        return None
    names = parse.compounds_before(token, "PROPN", direct=True)
    if not names or any(t.ent_type_ in PLACE_TYPES for t in names):
        return None
    start, end = names[0].idx, names[-1].idx + len(names[-1].text)
    text = registry.text[start:end]
    if text in gz.DEMONYMS or text in gz.country_forms() or text in gz.NOT_NAMES:
        return None
    for ref in registry.between(start, end):
        registry.unmention(ref.start, ref.end)
        if not registry.drafts[ref.key].spans:
            registry.drafts.pop(ref.key)  # a name read only here is the group's
    return text, start


# 'troops from other allied countries': a group named by the countries it comes from
ALLIES = re.compile(
    r" from (?:other |several )?(allied|neighbou?ring|partner|member|donor|western)"
    r" (?:countries|nations|states)\b"
)
PLACE = re.compile(r" in ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)(?![\w’'-])")


def _place(text: str, end: int) -> tuple[str, int] | None:
    """'district officials in Jajarkot': a narrow group named with its place
    (a country is no place of a local group)."""
    match = PLACE.match(text, end)
    if not match or match.group(1) in gz.country_forms():
        return None
    if match.group(1) in gz.NOT_NAMES or match.group(1) in gz.CAPITALS:
        return None
    return match.group(1), match.end()


DESCRIBING = re.compile(r"\b([a-z]+) $")
POSSESSED = re.compile(r"[’']s? ([\w’'-]+)")


def _names_another(text: str, end: int) -> bool:
    """'the miners’ union Sintrapaz', 'the army's Military Emergencies Unit': a
    possessive before an organisation names that organisation, not the group."""
    match = POSSESSED.match(text, end)
    if not match:
        return False
    word = match.group(1)
    return word[0].isupper() or word in gz.ORG_NOUNS


def _owned(registry: Registry, match) -> bool:
    """'its volunteers': a group that belongs to another actor is not one."""
    return bool(OWNED.search(registry.text[max(0, match.start() - 8) : match.start()]))


def _tail_country(text: str, end: int) -> tuple[str, int] | None:
    """'the government of the Democratic Republic of Congo'."""
    match = OF_COUNTRY.match(text, end)
    if not match:
        return None
    name = match.group(1)
    country = gz.country_forms().get(name) or _congo_free(name)
    return (country, match.end()) if country else None


def _congo_free(name: str) -> str | None:
    """A country written without its article ('Democratic Republic of Congo')."""
    forms = gz.country_forms()
    for form, country in forms.items():
        if form.replace(" the ", " ") == name:
            return country
    return None


def _modified(registry, by_class, modifiers, noun, kind, type_):
    """'traditional leaders', 'the state government': a narrower group, kept
    apart from the plain one."""
    name = " ".join([*modifiers, noun])
    if kind == "government" and not set(modifiers) & gz.SUBNATIONAL:
        return _group_draft(registry, by_class, None, noun, kind, type_, None)
    key = (" ".join(modifiers), kind)
    if key not in by_class:
        by_class[key] = registry.draft(name, type_, tentative=True)
    return by_class[key]


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
        country = None if governments else countries.main_country(registry)
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
    by_class.setdefault((None, kind), registry.draft(kind, type_, tentative=True))
    return by_class[(None, kind)]


ADJECTIVAL = {"military", "police", "army", "government", "opposition", "media"}
# Verbs in -s that follow a collective subject: 'the government wants'. A plural
# noun in -s ('government forces') looks alike, hence a list.
SINGULAR_VERBS = {
    "wants", "plans", "insists", "denies", "claims", "argues", "hopes", "believes",
    "expects", "intends", "needs", "accepts", "refuses", "admits", "agrees",
}  # fmt: skip


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
        or word in SINGULAR_VERBS
    )


def _another_thing(text: str, noun: str, start: int) -> bool:
    """'on social media': the word before makes the noun something else."""
    before = re.search(r"([\w’'-]+)\s+$", text[max(0, start - 30) : start])
    words = gz.GROUP_NOT_AFTER.get(noun, ())
    return bool(before) and before.group(1).lower() in words


def _merge_plain(registry: Registry, by_class) -> None:
    """A plain 'police' is the one national police the article names, if only one;
    without one, the one narrower group of its kind ('trade ministers')."""
    for (country, kind), plain in list(by_class.items()):
        if country is not None or plain.key not in registry.drafts:
            continue
        owners = [
            d
            for (c, k), d in by_class.items()
            if k == kind and c in gz.country_forms().values()
        ]
        if not owners and plain.spans:
            # 'Trade ministers ... Ministers did approve': the one narrower group
            # named first, so the plain noun reads as its short form
            owners = [
                d
                for (c, k), d in by_class.items()
                if k == kind and c and d.spans and min(d.spans) < min(plain.spans)
            ]
        if not owners:
            owners = _named_bodies(registry, kind, {d.key for d in by_class.values()})
        if len(owners) == 1 and owners[0].key in registry.drafts:
            registry.merge(plain, owners[0])


# Words that may follow a group's noun in the name of the body that is that group:
# 'Harlan Springs Police Department' is the police, its 'Police Officers
# Association' is not.
BODY_HEADS = {"department", "service", "force", "bureau"}


def _named_bodies(registry: Registry, kind: str, group_keys) -> list:
    """'police said ... the Irving Police Department': the one body of the group's
    kind the article names (not a group of that noun) stands for the plain noun."""
    bodies = []
    for draft in registry.drafts.values():
        words = draft.name.lower().split()
        if draft.key in group_keys or draft.type not in ("organization", "government"):
            continue
        if kind not in words[1:]:
            continue
        if all(w in BODY_HEADS for w in words[words.index(kind) + 1 :]):
            bodies.append(draft)
    return bodies


def _fold_into_described(registry: Registry, by_class) -> None:
    """'the rebel Alliance for the Liberation of Kivu ... the rebels': a plural
    whose singular describes one organisation is that organisation."""
    described: dict[str, set[str]] = {}
    for ref in registry.refs:
        if registry.drafts[ref.key].type != "organization":
            continue
        word = DESCRIBING.search(registry.text, max(0, ref.start - 20), ref.start)
        if word:
            described.setdefault(word.group(1).lower() + "s", set()).add(ref.key)
    for group in list(by_class.values()):
        orgs = described.get(group.name.lower(), set())
        if len(orgs) == 1 and group.key in registry.drafts:
            registry.merge(group, registry.drafts[next(iter(orgs))])
