"""The statistical recogniser's named entities, reconciled with the rule registry.

The rules know titles, countries and institution words; the recogniser knows names
it was never told about. A name is typed by the votes of all its entity mentions, a
rule-made name the recogniser reads as a product, building, work or event is no actor,
and a person or organisation the rules missed is added, tentative until it acts.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from api.extraction import gazetteers as gz
from api.extraction import institutions, parse, wordlists
from api.extraction.registry import Registry, normalise

ACTOR_LABELS = {"PERSON": "person", "ORG": "organization"}
# Things named like people: never actors, whatever verb follows them.
THING_LABELS = {"FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "LOC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# 'the' inside a name follows a linking word ('Church of the Nazarene'); after a
# name it joins two ('Rathbun the Scientology').
GLUED_THE = re.compile(r"(?<!\bof)(?<!\bfor)(?<!\band)(?<!\bto)\s+the\s+")
LEADING = re.compile(r"^(?:the|The|a|A|an|An)\s+")
TRAILING = re.compile(r"(?:[’']s?|\s+[’']s)$")
TITLE_WORDS = (
    {w.lower().rstrip(".") for t in gz.TITLES for w in t.split()}
    | {w for r in gz.ROLE_NOUNS for w in r.split()}
    | {"administrator", "professor", "prof", "sir", "dame", "miss"}
)
PARTICLE_TAIL = re.compile(
    r"(?:\s+(?:von|van|der|den|de|del|da|di|du|la|le|bin|ibn|al|el)\b)+[\s-][A-Z][\w’'-]+"
)
NATIONAL_PREFIX = re.compile(r"(?<![\w.])(U\.S\.|US|UK|U\.K\.|EU) $")
JOINED_OPENER = re.compile(
    r"\b[Tt]he\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:and|&)\s+$"
)
COUNTRY_TAIL = re.compile(r"\s+of\s+the\s+([A-Z][\w. ]+)$")
# Words of time that open a description: 'Former Labour leader', 'Acting Mayor'.
TIME_WORDS = {"former", "late", "then", "acting", "outgoing", "incoming", "ex"}
# Longest entity worth reading as one name: a run of capitals longer than this is a
# list or a headline, not an actor.
MAX_WORDS = 8
# Verbs only a named actor does, beside the reporting verbs: 'declined to comment'.
SPEAKING = {"decline", "refuse", "confirm", "deny", "respond", "apologise", "apologize"}


def reconcile(registry: Registry, doc, zones) -> None:
    """Retype or set aside rule-made drafts, then add the names the rules missed."""
    entities = Entities(e for e in (_trimmed(e) for e in doc.ents) if e is not None)
    votes = _votes(entities)
    places = _places(doc, entities)
    _split_glued(registry, doc, entities)
    _widen_to_organisations(registry, entities, votes)
    _cut_descriptions(registry)
    _cut_time_adjectives(registry, votes)
    _extend_over_particles(registry)
    _trim_country_tails(registry)
    _national_prefixes(registry)
    _joined_names(registry)
    _complete_names(registry, entities)
    _retype(registry, entities, votes)
    _add_missing(registry, doc, entities, votes, zones, places)
    _national_governments(registry, doc)
    _fold_surnames(registry)
    # the recogniser's own one-word organisations fold as the rules' do
    institutions.fold_short_forms(registry, types=("organization",))
    _named_in_passing(registry, doc)
    _things(registry, votes)


def _trimmed(entity):
    """(start, end, text, label) without a leading article or a possessive 's; None
    for no proper noun at all ('Keys were handed over': a capital at the start)."""
    if not any(t.pos_ == "PROPN" for t in entity):
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


def _votes(entities) -> dict[str, Counter]:
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
    # A tie between a person and something else: the person, since it is what a
    # reader would check first.
    if counts["PERSON"] == count:
        return "PERSON"
    return best


def _retype(registry: Registry, entities, votes) -> None:
    outlets = wordlists.lemmas("outlet_names")
    for draft in list(registry.drafts.values()):
        if draft.type not in ("person", "organization"):
            continue
        if " " in draft.name and draft.name.rsplit(" ", 1)[1].lower() in outlets:
            draft.type = "organization"  # 'Evening Monthly': a news outlet
            continue
        labels = Counter(
            label_of(votes, text)
            for span in draft.spans
            for _, _, text, _ in _inside(entities, *span)
        )
        labels.pop(None, None)
        if not labels:
            continue
        label = labels.most_common(1)[0][0]
        if draft.role and draft.type == "person":
            continue  # 'Yonas, a survivor': the rules read a person by their role
        if label in THING_LABELS:
            draft.not_actor = True
        elif label == "ORG" and draft.type == "person":
            draft.type = "organization"
        elif label == "PERSON" and draft.type == "organization" and draft.tentative:
            draft.type = "person"


class Entities(list):
    """(start, end, text, label) in text order, with their starts for bisection."""

    def __init__(self, items) -> None:
        super().__init__(sorted(items))
        self.starts = [e[0] for e in self]


def _inside(entities: Entities, start: int, end: int) -> list:
    """The entities lying wholly within [start, end)."""
    index = bisect.bisect_left(entities.starts, start)
    found = []
    while index < len(entities) and entities[index][0] < end:
        if entities[index][1] <= end:
            found.append(entities[index])
        index += 1
    return found


def _places(doc, entities) -> set[str]:
    """Names the text uses as a place somewhere: labelled one, or after 'in'."""
    found = set()
    for start, end, text, label in entities:
        tokens = parse.tokens_between(doc, start, end)
        if label in PLACE_LABELS or any(parse.is_place(t) for t in tokens):
            found.add(normalise(text))
    return found


def _split_glued(registry: Registry, doc, entities) -> None:
    """A rule-made name that holds an organisation and a person the recogniser
    tells apart ('Refugee Council Enver Solomon') is two names."""
    for ref in list(registry.refs):
        inner = [
            e for e in _inside(entities, ref.start, ref.end) if e[3] in ACTOR_LABELS
        ]
        if len(inner) < 2 or len({e[3] for e in inner}) < 2:
            continue
        original = registry.drafts[ref.key]
        registry.unmention(ref.start, ref.end)
        pieces = _pieces(doc, inner, ref.start)
        for index, (start, end, label) in enumerate(pieces):
            name = registry.text[start:end]
            draft = registry.draft(name, ACTOR_LABELS[label])
            registry.mention(draft, start, end)
            draft.acts = draft.acts or (original.acts and index == len(pieces) - 1)
        if not original.spans:
            registry.drafts.pop(original.key, None)


def _cut_descriptions(registry: Registry) -> None:
    """'Historian Lena Vogt', 'Teenagers Irma Lopez': a description opening the
    sentence is the person's role, not the first word of their name."""
    descriptors = wordlists.lemmas("descriptors")
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        written = registry.text[ref.start : ref.end]
        first, _, rest = written.partition(" ")
        if draft is None or draft.type not in ("person", "organization", "government"):
            continue
        if first.lower() not in descriptors or len(rest.split()) < 2:
            continue
        if not all(w[:1].isupper() for w in rest.split()) or _institutional(rest):
            continue
        registry.unmention(ref.start, ref.end)
        person = registry.draft(rest, "person", role=first.lower(), acts=draft.acts)
        person.acts = person.acts or draft.acts
        registry.mention(person, ref.end - len(rest), ref.end)
        if not draft.spans:
            registry.drafts.pop(draft.key, None)


def _cut_time_adjectives(registry: Registry, votes) -> None:
    """'Former Labour leader Jeremy Corbyn': 'Former' opens the description of
    someone else; 'Labour' alone is what the recogniser reads it as."""
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        written = registry.text[ref.start : ref.end]
        first, _, rest = written.partition(" ")
        if draft is None or draft.type != "person" or first.lower() not in TIME_WORDS:
            continue
        if not rest or " " in rest or rest in gz.DEMONYMS:
            continue
        # a party or body ('Labour') unless the recogniser reads a person
        type_ = "person" if label_of(votes, rest) == "PERSON" else "organization"
        registry.unmention(ref.start, ref.end)
        named = registry.draft(rest, type_)
        registry.mention(named, ref.end - len(rest), ref.end)
        if not draft.spans:
            registry.drafts.pop(draft.key, None)


def _institutional(name: str) -> bool:
    """'General’s Office' is what 'Attorney' opens, not a person."""
    words = re.findall(r"[\w-]+", name)
    return "’" in name or "'" in name or any(w in gz.INSTITUTION_WORDS for w in words)


def _extend_over_particles(registry: Registry) -> None:
    """'Suleiman al-Amr', 'Ursula von der Leyen': a lowercase particle and the name
    after it belong to the person's name."""
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        tail = PARTICLE_TAIL.match(registry.text, ref.end)
        if draft is None or draft.type != "person" or tail is None:
            continue
        if not registry.free(ref.end, tail.end()):
            continue
        full = registry.text[ref.start : tail.end()]
        registry.unmention(ref.start, ref.end)
        person = registry.draft(full, "person", role=draft.role, country=draft.country)
        person.acts = person.acts or draft.acts
        registry.mention(person, ref.start, tail.end())
        if not draft.spans:
            registry.drafts.pop(draft.key, None)
        elif person is not draft:
            registry.merge(draft, person)


def _trim_country_tails(registry: Registry) -> None:
    """'Colorado State University of the US': the country says where the
    organisation is, it is not part of its name."""
    countries = gz.country_forms()
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        written = registry.text[ref.start : ref.end]
        tail = COUNTRY_TAIL.search(written)
        if draft is None or draft.type != "organization" or tail is None:
            continue
        if tail.group(1) not in countries:
            continue
        end = ref.start + tail.start()
        registry.unmention(ref.start, ref.end)
        name = registry.text[ref.start : end]
        organisation = registry.draft(
            name, "organization", country=countries[tail.group(1)]
        )
        organisation.acts = organisation.acts or draft.acts
        registry.mention(organisation, ref.start, end)
        if not draft.spans:
            registry.drafts.pop(draft.key, None)


def _national_prefixes(registry: Registry) -> None:
    """'U.S. Department of Agriculture', 'UK Home Office': a country's short form
    written before an institution is part of its name."""
    countries = gz.country_forms()
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        prefix = NATIONAL_PREFIX.search(registry.text, max(0, ref.start - 8), ref.start)
        if draft is None or draft.type not in ("organization", "government"):
            continue
        if prefix is None or prefix.group(1) not in countries:
            continue
        start = prefix.start(1)
        for other in registry.between(start, ref.start):
            registry.unmention(other.start, other.end)
        registry.unmention(ref.start, ref.end)
        name = registry.text[start : ref.end]
        named = registry.draft(
            name, draft.type, role=draft.role, country=countries[prefix.group(1)]
        )
        named.acts = named.acts or draft.acts
        registry.mention(named, start, ref.end)
        if not draft.spans:
            registry.drafts.pop(draft.key, None)


def _joined_names(registry: Registry) -> None:
    """'the Seafarers and Harbour Workers' Union', 'the Food and Drug
    Administration': a name before 'and' that no mention holds, after 'the',
    opens the institution's name."""
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        if draft is None or draft.type not in ("organization", "government"):
            continue
        opener = JOINED_OPENER.search(registry.text, max(0, ref.start - 60), ref.start)
        if opener is None or not registry.free(opener.start(1), ref.start):
            continue
        start = opener.start(1)
        registry.unmention(ref.start, ref.end)
        name = registry.text[start : ref.end]
        named = registry.draft(name, draft.type, role=draft.role, country=draft.country)
        named.acts = named.acts or draft.acts
        registry.mention(named, start, ref.end)
        if not draft.spans:
            registry.drafts.pop(draft.key, None)


def _complete_names(registry: Registry, entities) -> None:
    """A person the rules named by title and surname ('Administrator Bolden' of
    'NASA Administrator Charles Bolden') takes the full name the recogniser read."""
    for start, end, text, label in entities:
        if label != "PERSON" or " " not in text:
            continue
        refs = [r for r in registry.between(start, end + 1) if r.end == end]
        if len(refs) != 1 or refs[0].start <= start:
            continue
        draft = registry.drafts[refs[0].key]
        if draft.type != "person" or not _titled(draft.key.split()[:-1]):
            continue
        if registry.text[start : refs[0].start].strip() in ("", "and"):
            continue
        full = registry.draft(text, "person", role=draft.role, country=draft.country)
        if full is not draft:
            registry.merge(draft, full)


def _widen_to_organisations(registry: Registry, entities, votes) -> None:
    """'National Air and Space Museum', 'the Andy Warhol Foundation': names the
    rules cut inside an organisation the recogniser reads whole are that
    organisation (a person's name that ends it, 'Pan-democrat Lam Cheuk-ting',
    stays the person)."""
    for start, end, text, _ in entities:
        if label_of(votes, text) != "ORG" or " " not in text:
            continue
        inner = [
            r for r in registry.between(start, end) if (r.start, r.end) != (start, end)
        ]
        drafts = [registry.drafts[r.key] for r in inner]
        if not inner or any(d.type not in ("person", "organization") for d in drafts):
            continue
        if any(
            d.type == "person" and r.end == end and label_of(votes, d.name) == "PERSON"
            for r, d in zip(inner, drafts, strict=True)
        ):
            continue
        if not registry.free(start, inner[0].start) or not registry.free(
            inner[-1].end, end
        ):
            continue
        for ref, draft in zip(inner, drafts, strict=True):
            registry.unmention(ref.start, ref.end)
            if not draft.spans:
                registry.drafts.pop(draft.key, None)
        organisation = registry.draft(text, "organization")
        organisation.acts = organisation.acts or any(d.acts for d in drafts)
        registry.mention(organisation, start, end)


def _pieces(doc, inner, floor: int) -> list[tuple[int, int, str]]:
    """Each entity's span, a person's widened over the given names before it that
    the recogniser left out ('Enver' of 'Enver Solomon')."""
    pieces, reach = [], floor
    for start, end, _, label in inner:
        if label == "PERSON":
            token = parse.token_at(doc, start)
            while token is not None and token.i > 0:
                before = doc[token.i - 1]
                if before.pos_ != "PROPN" or before.idx < reach:
                    break
                token, start = before, before.idx
        pieces.append((start, end, label))
        reach = end
    return pieces


def _add_missing(registry: Registry, doc, entities, votes, zones, places) -> None:
    zone_starts = [a for a, _ in zones]
    for start, end, text, _ in entities:
        label = label_of(votes, text)
        index = bisect.bisect_right(zone_starts, start) - 1
        within = index >= 0 and end <= zones[index][1]
        if label not in ACTOR_LABELS or not within:
            continue
        if normalise(text) in places:
            continue
        if not registry.free(start, end) or _lone_opener(doc, start, end, votes):
            continue
        draft = _existing(registry, text, label) or registry.draft(
            text, ACTOR_LABELS[label], tentative=True
        )
        if registry.mention(draft, start, end) and _acts(doc, start, end):
            draft.acts = True


def _lone_opener(doc, start: int, end: int, votes) -> bool:
    """A one-word organisation that opens a sentence and is never named again is a
    capitalised noun ('Malaria killed 300 people'), not a name."""
    tokens = parse.tokens_between(doc, start, end)
    text = parse.text_of(doc)[start:end]
    once = sum(votes.get(normalise(text), {}).values()) <= 1
    if len(tokens) != 1 or not tokens[0].is_sent_start or not once:
        return False
    # 'Google declined to comment', 'Microsoft said': a name that speaks is one
    return tokens[0].head.lemma_ not in SPEAKING | wordlists.lemmas("reporting_verbs")


def _existing(registry: Registry, text: str, label: str):
    """The draft a written name refers to: the same name, or for a lone word the
    person whose surname it is (one such person only)."""
    found = registry.drafts.get(normalise(text))
    if found is not None:
        return found
    if " " in text or label != "PERSON":
        return None
    key = normalise(text)
    owners = [
        d
        for d in registry.drafts.values()
        if d.type == "person" and d.key.rsplit(" ", 1)[-1] == key and " " in d.key
    ]
    return owners[0] if len(owners) == 1 else None


def _acts(doc, start: int, end: int) -> bool:
    """The name heads the subject of a verb, directly or as an apposition."""
    tokens = parse.tokens_between(doc, start, end)
    heads = [t for t in tokens if not (start <= t.head.idx < end) or t.head is t]
    return any(parse.is_agent(t) for t in heads)


def _national_governments(registry: Registry, doc) -> None:
    """'The Chinese government', 'Kenya's government': the government of a country
    the gazetteer knows, named by its demonym or its name."""
    countries = gz.country_forms()
    for token in doc:
        if token.lemma_.lower() != "government" or token.tag_ != "NN":
            continue
        for child in token.children:
            if child.dep_ not in ("amod", "compound", "poss") or child.i >= token.i:
                continue
            country = gz.DEMONYMS.get(child.text) or countries.get(child.text)
            if country is None:
                continue
            start, end = child.idx, token.idx + len(token.text)
            for ref in registry.between(start, end + 1):
                registry.unmention(ref.start, ref.end)
            draft = registry.draft(
                f"Government of {country}", "government", country=country
            )
            registry.mention(draft, start, end)
            draft.acts = draft.acts or parse.is_agent(token)
            break


def _fold_surnames(registry: Registry) -> None:
    """'Wilkins' or 'Administrator Bolden' alone is the one person of the article
    with that surname; two people sharing it ('Domingo' and 'David Soyos') keep
    the bare surname apart."""
    people = [d for d in registry.drafts.values() if d.type == "person"]
    by_surname: dict[str, list] = {}
    by_given: dict[str, list] = {}
    for draft in people:
        words = draft.key.split()
        if len(words) >= 2 and not _titled(words[:-1]):
            by_surname.setdefault(words[-1], []).append(draft)
            by_given.setdefault(words[0], []).append(draft)
    for draft in list(registry.drafts.values()):
        words = draft.key.split()
        if draft.type not in ("person", "organization") or not words:
            continue
        if len(words) > 1 and not _titled(words[:-1]):
            continue
        owners = [o for o in by_surname.get(words[-1], []) if o is not draft]
        if not owners and len(words) == 1 and draft.type == "person":
            # 'Thomas' after 'Thomas Sam': a given name alone, when one person has it
            owners = [o for o in by_given.get(words[0], []) if o is not draft]
        if len(owners) == 1 and draft.key in registry.drafts:
            owners[0].acts = owners[0].acts or draft.acts
            registry.merge(draft, owners[0])


def _titled(words: list[str]) -> bool:
    """Words before a surname that are a title or an office, not a given name."""
    return all(w in TITLE_WORDS for w in words)


def _named_in_passing(registry: Registry, doc) -> None:
    """A name written once, in a list of three or more and not as the one who
    acts ('Polaroids of Truman Capote, Carly Simon and Dennis Hopper'), is only
    mentioned; a later stage may still find it speaks or reacts."""
    for draft in registry.drafts.values():
        if draft.type not in ("person", "organization") or len(draft.spans) != 1:
            continue
        start, end = draft.spans[0]
        if parse.in_long_list(doc, start, end) and not parse.mention_acts(
            doc, start, end
        ):
            draft.acts = False


def _things(registry: Registry, votes) -> None:
    """'Space Shuttle Columbia', 'Grand Mosque', 'World Cup': a name whose head
    word names a thing is no actor; a person the recogniser reads as one ('Jo
    Park', 'Anna Hall') keeps their name."""
    heads = wordlists.lemmas("thing_names")
    for draft in registry.drafts.values():
        if draft.type not in ("person", "organization") or draft.role:
            continue
        written = re.findall(r"[\w-]+", draft.name)
        words = [w.lower() for w in written]
        if len(words) < 2 or written[-1] in gz.INSTITUTION_WORDS:
            continue  # 'Harbour Workers' Union', 'Food and Drug Administration'
        # the head word names the thing; a vehicle also comes before its own
        # name ('Space Shuttle Columbia')
        found = {words[-1]} & heads
        found |= {w for w in words[1:-1] if _thing_kind(w) == "vehicle"}
        if not found:
            continue
        person = any(
            label_of(votes, form) == "PERSON" for form in (draft.name, *draft.aliases)
        )
        # only a place word is also a surname ('Jo Park', 'Anna Hall')
        surname_like = all(_thing_kind(w) == "place" for w in found)
        if person and surname_like and not _written_as_a_thing(registry, draft):
            continue
        draft.not_actor = True


def _thing_kind(word: str) -> str | None:
    return next(
        (e["kind"] for e in wordlists.entries("thing_names") if e["lemma"] == word),
        None,
    )


def _written_as_a_thing(registry: Registry, draft) -> bool:
    """'the Arecibo Observatory': a person is never written after 'the'."""
    return any(
        registry.text[max(0, start - 4) : start].lower() == "the "
        for start, _ in draft.spans
    )
