"""Actor discovery: people, institutions, groups and countries, with their mentions."""

from __future__ import annotations

import re

from api.extraction import (
    countries,
    entities,
    groups,
    institutions,
    kin,
    parse,
    roles,
    wordlists,
)
from api.extraction import gazetteers as gz
from api.extraction import people as pp
from api.extraction import persons as ps
from api.extraction.ids import actor_id
from api.extraction.registry import Registry
from api.extraction.types import Actor, Mention
from api.extraction.words import capital_runs, words
from api.extraction.zones import NAME_KINDS, inside, within, zones


def discover(text: str, paragraphs, hits, doc=None, quoted=()) -> Registry:
    registry = Registry(text)
    registry.doc = doc
    registry.hits = hits
    gazetteer = {start: (end, label, value) for start, end, label, value in hits}
    name_zones = zones(text, paragraphs, NAME_KINDS)
    all_zones = zones(text, paragraphs)
    tokens = within(all_zones, words(text))
    people, orgs = [], []
    for run in capital_runs(text, tokens):
        named = inside(name_zones, run[0].start, run[-1].end)
        _read_run(text, run, gazetteer, named, people, orgs, doc)
    # A name introduced once as an organisation ('the charity X') is one throughout.
    org_names = {name for _, _, name, *_ in orgs}
    orgs += [
        (s, e, n, "organization", None, None)
        for s, e, n, *_ in people
        if n in org_names
    ]
    pp.register_people(registry, [p for p in people if p[2] not in org_names])
    institutions.appositions(registry, all_zones)
    for start, end, name, type_, country, role in orgs:
        draft = registry.draft(name, type_, country=country, role=role, acts=True)
        registry.mention(draft, start, end)
    institutions.bracketed_names(registry, all_zones)
    institutions.fold_short_forms(registry)
    institutions.acronyms(registry, all_zones)
    pp.appositions(registry, people, name_zones)
    pp.surnames(registry, all_zones)
    pp.descriptions(registry, all_zones, quoted)
    institutions.descriptions(registry, all_zones)
    roles.posts(registry, all_zones)
    groups.groups(registry, all_zones)
    countries.register(registry, hits, all_zones)
    if doc is not None:
        entities.reconcile(registry, doc, all_zones)
    kin.relatives(registry, all_zones)
    roles.voices_for(registry, all_zones)
    _slogans(registry, quoted)
    return registry


SLACK = (-1, 0, 1)


def _slogans(registry: Registry, quoted) -> None:
    """'placards reading "Save Castlebridge"': a name that is all a quotation
    holds, and is never written whole outside one, is a slogan or a title: no
    mention of it is an actor's."""
    whole = set(quoted)

    def quotation(start: int, end: int) -> bool:  # the marks' own offsets aside
        return any((start + a, end + b) in whole for a in SLACK for b in SLACK)

    for draft in registry.drafts.values():
        # the full name's mentions: a surname folded in later says nothing of it
        named = [(s, e) for s, e in draft.spans if registry.text[s:e] == draft.name]
        if named and all(quotation(s, e) for s, e in named):
            for span in list(draft.spans):
                registry.unmention(*span)


def _read_run(text, run, gazetteer, named, people, orgs, doc=None) -> None:
    joined = institutions.possessive_name(text, run) or institutions.outlet_name(
        text, run
    )
    if joined:
        orgs.append(joined)
        return
    if _a_description(text, run):
        return
    parts = ps.parse_run(run, gazetteer)
    described = _described_person(text, run, parts)
    if described:
        people.append(described)
        return
    connected = institutions.connected_name(text, run, parts, doc)
    if connected:
        orgs.append(connected)
        return
    noun = institutions.introduced(text, run[0].start)
    if noun and parts_are_name(ps.parse_run(run, gazetteer)):
        end = institutions.name_end(text, run[-1].end)
        name = text[run[0].start : end]
        orgs.append((run[0].start, end, name, "organization", None, noun))
        return
    parts = ps.parse_run(run, gazetteer)
    skip_to = -1
    for index, part in enumerate(parts):
        if index <= skip_to:
            continue
        if part.kind == "ORG":
            orgs.append(_org(text, parts, index))
        elif part.kind == "NAME" and ps.is_institution(part):
            if _describing_word(doc, part) or _post_of_a_name(text, doc, part):
                continue  # 'International observers said': an adjective, no name
            skip_to = institutions.institution(text, parts, index, orgs)
        elif part.kind == "NAME" and institutions.introduced(text, part.start):
            orgs.append(_introduced_org(text, part))
        elif part.kind == "NAME" and institutions.national_body(part, doc):
            country = gz.country_forms().get(part.words[-1].text)
            name = text[part.start : part.end]
            orgs.append((part.start, part.end, name, "organization", country, None))
        elif part.kind == "NAME" and institutions.national_branch(
            text, parts, index, doc
        ):
            # a body of its own, not the country's government: no country of its
            end = parts[index + 1].end
            name = text[part.start : end]
            orgs.append((part.start, end, name, "organization", None, None))
            skip_to = index + 1
        elif part.kind == "NAME" and named and ps.is_person_name(part):
            if index + 1 < len(parts) and parts[index + 1].kind == "TITLE":
                continue  # 'Homeland Security Minister X': an office, no person
            pp.person(text, parts, index, people)


INDEFINITE_BEFORE = re.compile(r"\b[Aa]n? $")


def _a_description(text, run) -> bool:
    """'Jon Tester, a Montana Democrat who chairs': capitalised words after 'a'
    that end in a word describing a person say what someone is, no name; nor
    do words that end in an abbreviated title ('Republican Sen. Pat Toomey')."""
    before = text[max(0, run[0].start - 3) : run[0].start]
    written = text[run[-1].start : run[-1].end]
    if f"{written}." in gz.TITLES and text[run[-1].end :][:1] == ".":
        return True  # 'Republican Sen. Pat Toomey': a party and a title
    return bool(INDEFINITE_BEFORE.search(before)) and written.lower() in (
        wordlists.lemmas("descriptors")
    )


# 'Valeska Paris, an Australian woman,': a name described as a person's
DESCRIBED_AS_PERSON = re.compile(
    r", (?:an?|the) (?:[\w’'-]+ ){0,3}?(?P<noun>[a-z][\w-]*)\b(?! of\b)"
)


def _described_person(text, run, parts) -> list | None:
    """Two capitalised words, one of which names a place ('Valeska Paris'), set
    beside a description of a person are that person's name."""
    if len(run) != 2 or not any(p.kind in ("COUNTRY", "CAPITAL") for p in parts):
        return None
    start, end = run[0].start, run[-1].end
    described = DESCRIBED_AS_PERSON.match(text, end)
    if described is None:
        return None
    noun = described.group("noun")
    if noun not in roles.PERSON_NOUNS and noun not in wordlists.lemmas("descriptors"):
        return None
    return [start, end, text[start:end], None, None]


def _describing_word(doc, part) -> bool:
    """A lone capitalised word the parse reads as an adjective of a common noun
    ('International observers', 'National guards')."""
    if doc is None or " " in part.value:
        return False
    token = parse.token_at(doc, part.start)
    return (
        token is not None
        and token.dep_ == "amod"
        and token.pos_ == "ADJ"
        and token.head.pos_ == "NOUN"
    )


ROLE_THEN_NAME = re.compile(r" ([a-z]+) [A-Z]")


def _post_of_a_name(text: str, doc, part) -> bool:
    """'Union official Gary Marsh said', 'Council leader Mike Jones': a lone
    institution word that opens a sentence before a post and a name tells whose
    post it is, no organisation named."""
    if doc is None or " " in text[part.start : part.end]:
        return False
    token = parse.token_at(doc, part.start)
    post = ROLE_THEN_NAME.match(text, part.end)
    return (
        token is not None
        and token.is_sent_start
        and post is not None
        and post.group(1) in gz.ROLE_NOUNS
    )


def _org(text: str, parts, index: int) -> tuple:
    """A known organisation; a country right before a two-word one makes it the
    national branch ('Nepal Red Cross', 'British Red Cross')."""
    part = parts[index]
    previous = parts[index - 1] if index else None
    national = (
        previous is not None
        and previous.kind in ("COUNTRY", "DEMONYM")
        and " " in part.value
        and text[previous.end : part.start] == " "
    )
    body = institutions.body_end(text, part.end)
    if body:
        # 'UN human rights office': a body of the organisation, read whole
        return (part.start, body, text[part.start : body], "organization", None, None)
    if not national:
        return (part.start, part.end, part.value, "organization", None, None)
    name = text[previous.start : part.end]
    return (previous.start, part.end, name, "organization", previous.value, None)


def _introduced_org(text: str, part) -> tuple:
    """'Volunteers from the charity Refuge Littoral': named by what it is."""
    noun = institutions.introduced(text, part.start)
    end = institutions.name_end(text, part.end)
    return (part.start, end, text[part.start : end], "organization", None, noun)


def parts_are_name(parts) -> bool:
    """A run that may be an organisation's own name: no title, no lone country."""
    kinds = {p.kind for p in parts}
    return "TITLE" not in kinds and kinds != {"COUNTRY"} and kinds != {"CAPITAL"}


def to_actors(registry: Registry, used: set[str]) -> list[Actor]:
    """Actors that act or are referred to by an item; a country that is only a
    place is left out."""
    actors = []
    for draft in registry.drafts.values():
        keep = draft.acts and not draft.not_actor
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
