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
from functools import cache

from api.extraction import gazetteers as gz
from api.extraction import (
    institutions,
    parse,
    reporting,
    stances,
    unrecognised,
    wordlists,
)
from api.extraction.names import (
    campus_tails,
    complete_names,
    cut_descriptions,
    cut_time_adjectives,
    extend_over_particles,
    joined_institutions,
    joined_names,
    national_prefixes,
    split_glued,
    titled,
    trim_country_tails,
    widen_to_organisations,
)
from api.extraction.recognised import (
    ACTOR_LABELS,
    PLACE_LABELS,
    THING_LABELS,
    Entities,
    inside,
    label_of,
    trimmed,
    votes_of,
)
from api.extraction.registry import Registry, normalise


def reconcile(registry: Registry, doc, zones) -> None:
    """Retype or set aside rule-made drafts, then add the names the rules missed."""
    entities = Entities(
        [
            *(e for e in (trimmed(e) for e in doc.ents) if e is not None),
            *unrecognised.organisations(doc),
        ]
    )
    votes = votes_of(entities)
    places = _places(doc, entities)
    split_glued(registry, doc, entities)
    widen_to_organisations(registry, entities, votes)
    cut_descriptions(registry)
    cut_time_adjectives(registry, votes)
    extend_over_particles(registry)
    trim_country_tails(registry)
    national_prefixes(registry)
    joined_names(registry)
    joined_institutions(registry, doc)
    campus_tails(registry)
    complete_names(registry, entities)
    _retype(registry, entities, votes)
    _people_named_like_places(registry, entities)
    _add_missing(registry, doc, entities, votes, zones, places)
    _national_governments(registry, doc)
    institutions.fold_company_nouns(registry)
    _fold_surnames(registry)
    _fold_national_forms(registry)
    # the recogniser's own one-word organisations fold as the rules' do
    institutions.fold_short_forms(registry, types=("organization",))
    _named_in_passing(registry, doc)
    _depicted(registry, doc)
    _only_sites(registry, doc)
    _owned_by_pronoun(registry, doc)
    _only_modifying(registry, doc)
    _things(registry, votes)
    _named_things(registry, doc)
    _versioned(registry)
    _no_proper_noun(registry, doc, votes)


# Shortest outlet word a one-word outlet's name may end in ('Wikinews'): shorter
# ones ('sun', 'tv') end too many surnames.
OUTLET_SUFFIX = 4


def _outlet_word(name: str, outlets) -> bool:
    """One word ending in an outlet's word, with more before it: 'Wikinews'."""
    lower = name.lower()
    return " " not in name and any(
        lower.endswith(word) and len(lower) > len(word) >= OUTLET_SUFFIX
        for word in outlets
    )


def _retype(registry: Registry, entities, votes) -> None:
    outlets = wordlists.lemmas("outlet_names") | wordlists.lemmas("company_names")
    for draft in list(registry.drafts.values()):
        if draft.type not in ("person", "organization"):
            continue
        if " " in draft.name and draft.name.rsplit(" ", 1)[1].lower() in outlets:
            draft.type = "organization"  # 'Evening Monthly', 'Westmarch Ferries'
            continue
        if _outlet_word(draft.name, outlets):
            draft.type = "organization"  # 'told Wikinews'
            continue
        # a word of the name the recogniser labels alone ('Earth' of 'Friends of
        # the Earth') says nothing of the whole
        labels = Counter(
            label_of(votes, text)
            for span in draft.spans
            for start, end, text, _ in inside(entities, *span)
            if 2 * (end - start) >= span[1] - span[0]
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
            if any(_role_beside(registry.text, *span) for span in draft.spans):
                continue  # 'Rachel Power, chief executive of ...': a person
            draft.type = "organization"
            _drop_surname_mentions(registry, draft)
        elif label == "NORP" and draft.type == "person" and draft.name.endswith("s"):
            draft.type = "organization"  # 'Liberal Democrats': a party, by its members
        elif label == "PERSON" and draft.type == "organization" and draft.tentative:
            draft.type = "person"


ROLE_AFTER = re.compile(r", (?:the |an? )?((?:[a-z][\w’'-]* ){0,3}[a-z][\w’'-]*)")
ROLE_BEFORE = re.compile(
    r"\b(?:[Ii]ts|[Tt]heir|[Tt]he)\s+((?:[a-z][\w’'-]* ){0,2}[a-z][\w’'-]*), $"
)


# 'Swedish opposite Maja Lindqvist', 'Kestrel middle blocker Kadri Tamm': a
# nationality or a side's name, a lowercase noun of what they do, then the name.
POSITION_BEFORE = re.compile(r"\b[A-Z][\w’'-]+ ((?:[a-z]+ )?[a-z]+) $")


def _role_beside(text: str, start: int, end: int) -> bool:
    """A person's post written beside their name, set off by a comma: 'Rachel
    Power, chief executive of the Patients Association', 'said its chief
    executive, Rachel Power'; or a position set between a side and a name."""
    after = ROLE_AFTER.match(text, end)
    before = ROLE_BEFORE.search(text[max(0, start - 60) : start])
    if any(_role_words(m.group(1)) for m in (after, before) if m):
        return True
    position = POSITION_BEFORE.search(text[max(0, start - 40) : start])
    return position is not None and _a_position(position.group(1))


def _a_position(words: str) -> bool:
    """Lowercase words of what a person does, not of a body or a thing ('the
    charity Refuge Littoral', 'the ship Freewinds')."""
    written = words.split()
    return not set(written) & _not_positions() and len(written[-1]) > 3


@cache
def _not_positions() -> frozenset[str]:
    return gz.ORG_NOUNS | wordlists.lemmas("thing_names") | {"the", "a", "an"}


def _role_words(phrase: str) -> bool:
    words = phrase.split()
    return any(
        " ".join(words[i:j]) in gz.ROLE_NOUNS
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
    )


def _drop_surname_mentions(registry: Registry, draft) -> None:
    """A name read as a person's took its last word alone as a surname ('Wales'
    of 'Natural Resources Wales'); an organisation is not named by its last word."""
    words = draft.name.split()
    if len(words) < 2:
        return
    for start, end in list(draft.spans):
        if registry.text[start:end] == words[-1]:
            registry.unmention(start, end)


MENTION_REACH = 200


def _people_named_like_places(registry: Registry, entities) -> None:
    """'Denzel Washington', 'Jordan Henderson': a person's name the recogniser
    reads whole, one of whose words the rules took for a country's, is the
    person's; the pieces the rules made of it are forgotten, and the name is
    added whole as the recogniser's."""
    for start, end, text, label in entities:
        if label != "PERSON" or not 2 <= len(text.split()) <= 3:
            continue
        # no mention is longer than MENTION_REACH: the lookup stays local
        nearby = registry.between(max(0, start - MENTION_REACH), end + MENTION_REACH)
        refs = [r for r in nearby if r.start < end and start < r.end]
        types = {registry.drafts[r.key].type for r in refs}
        if "country" not in types or not types <= {"country", "person"}:
            continue
        if any(r.start <= start and end <= r.end for r in refs):
            continue  # a name of the rules' holds it whole
        for ref in refs:
            registry.unmention(ref.start, ref.end)


def _places(doc, entities) -> set[str]:
    """Names the text uses as a place somewhere: labelled one, or after 'in'."""
    found, placed = set(), parse.places(doc)
    for start, end, text, label in entities:
        tokens = parse.tokens_between(doc, start, end)
        if label in PLACE_LABELS or any(t.i in placed for t in tokens):
            found.add(normalise(text))
    return found


def _add_missing(registry: Registry, doc, entities, votes, zones, places) -> None:
    zone_starts = [a for a, _ in zones]
    for start, end, text, _ in entities:
        label = label_of(votes, text)
        index = bisect.bisect_right(zone_starts, start) - 1
        within = index >= 0 and end <= zones[index][1]
        type_ = ACTOR_LABELS.get(label) or _people_named(doc, start, end, label)
        if type_ is None or not within:
            continue
        if normalise(text) in places or text in gz.TITLES or f"{text}." in gz.TITLES:
            continue  # a place, or a title alone ('Republican Sen. Pat Toomey')
        if not registry.free(start, end) or _office_words(registry.text, end, text):
            continue
        # a nationality or faith is capitalised anywhere, so an opening one is a name
        if type_ != "group" and _lone_opener(doc, start, end, votes):
            continue
        # the same name joins its draft; a lone surname folds in later
        draft = registry.drafts.get(normalise(text)) or registry.draft(
            text, type_, tentative=True
        )
        if registry.mention(draft, start, end) and _acts(doc, start, end):
            draft.acts = True


OFFICE = re.compile(r"\s+(?:Secretary|Minister)\b")


def _office_words(text: str, end: int, name: str) -> bool:
    """'Shadow Home Secretary Yvette Cooper': words the recogniser reads as an
    organisation right before 'Secretary' or 'Minister' name an office, unless
    they hold an institution's word ('Home Office Minister')."""
    if not OFFICE.match(text, end):
        return False
    return not any(word in gz.INSTITUTION_WORDS for word in name.split())


def _people_named(doc, start: int, end: int, label: str) -> str | None:
    """'Palestinians protested', 'Democrats rejected the deal': a nationality,
    faith or party written as a plural noun that acts is a group."""
    tokens = parse.tokens_between(doc, start, end)
    if label != "NORP" or len(tokens) != 1 or tokens[0].tag_ not in ("NNPS", "NNS"):
        return None
    word = tokens[0].text
    if word in gz.DEMONYMS or word.removesuffix("s") in gz.DEMONYMS:
        return None  # 'the Belgians won', 'the British said': the country's own
    return "group" if parse.is_agent(tokens[0]) else None


def _lone_opener(doc, start: int, end: int, votes) -> bool:
    """A one-word organisation that opens a sentence and is never named again is a
    capitalised noun ('Malaria killed 300 people'), not a name."""
    tokens = parse.tokens_between(doc, start, end)
    text = parse.text_of(doc)[start:end]
    once = sum(votes.get(normalise(text), {}).values()) <= 1
    if len(tokens) != 1 or not tokens[0].is_sent_start or not once:
        return False
    # 'Google declined to comment', 'Oxfam hit out at': a name that speaks or
    # responds is one
    token = tokens[0]
    return not (
        parse.speaks(token)
        or stances.of_verb(token.head) is not None
        or unrecognised.treated_as_organisation(doc, token)
    )


def _acts(doc, start: int, end: int) -> bool:
    """The name heads the subject of a verb, directly or as an apposition, or is
    who a speaker addresses ('told LA Weekly'): a party to what is said."""
    return any(
        parse.is_agent(t) or parse.is_addressed(t)
        for t in parse.phrase_heads(doc, start, end)
    )


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


# Up to how many surnames a lone name is compared with for a slip of spelling: the
# comparison costs surnames x lone names, and no real article names this many.
SPELLING_CAP = 300


def _fold_surnames(registry: Registry) -> None:
    """'Wilkins' or 'Administrator Bolden' alone is the one person of the article
    with that surname; two people sharing it ('Domingo' and 'David Soyos') keep
    the bare surname apart."""
    people = [d for d in registry.drafts.values() if d.type == "person"]
    by_surname: dict[str, list] = {}
    by_given: dict[str, list] = {}
    for draft in people:
        words = draft.key.split()
        if len(words) >= 2 and not titled(words[:-1]):
            by_surname.setdefault(words[-1], []).append(draft)
            by_given.setdefault(words[0], []).append(draft)
    for draft in list(registry.drafts.values()):
        words = draft.key.split()
        if draft.type not in ("person", "organization") or not words:
            continue
        if len(words) > 1 and not titled(words[:-1]):
            continue
        if draft.role in wordlists.lemmas("relatives"):
            continue  # 'Mr Gates, her husband': another one of the family
        owners = [o for o in by_surname.get(words[-1], []) if o is not draft]
        if not owners and len(words) == 1 and draft.type == "person":
            # 'Thomas' after 'Thomas Sam': a given name alone, when one person has it
            owners = [o for o in by_given.get(words[0], []) if o is not draft]
        if not owners and draft.type == "person" and len(by_surname) <= SPELLING_CAP:
            # 'Water said' after 'Kathryn Waters': the surname misspelt
            owners = [
                o
                for surname, found in by_surname.items()
                if misspelt(words[-1], surname)
                for o in found
                if o is not draft
            ]
        if len(owners) > 1 and draft.type == "person":
            # 'Mrs Lowe' after 'Jenny Lowe' and her husband 'Mark Lowe': not the
            # one the text says is a man
            gender = reporting.known_gender(registry, draft)
            if gender is not None:
                owners = [
                    o
                    for o in owners
                    if reporting.known_gender(registry, o) in (None, gender)
                ]
            if len(owners) > 1 and draft.key in registry.drafts:
                _share_out(registry, draft, owners)
                continue
        if len(owners) == 1 and draft.key in registry.drafts:
            owners[0].acts = owners[0].acts or draft.acts
            registry.merge(draft, owners[0])


def _share_out(registry: Registry, draft, owners) -> None:
    """'Ms Marsden said' after 'Ellie Marsden' and then her mother 'Joanne
    Marsden': a surname several people share is, at each mention, the one of them
    named last before it; a mention before any of them stays apart."""
    for start, end in sorted(draft.spans):
        named_before = [
            (max(s for s, _ in o.spans if s < start), o)
            for o in owners
            if any(s < start for s, _ in o.spans)
        ]
        if not named_before:
            continue
        owner = max(named_before, key=lambda pair: pair[0])[1]
        registry.unmention(start, end)
        registry.mention(owner, start, end)
        owner.acts = owner.acts or draft.acts
    if not draft.spans:
        registry.drafts.pop(draft.key, None)


def _fold_national_forms(registry: Registry) -> None:
    """'The United Kingdom Home Office' once, 'the Home Office' after: one body,
    named as the article names it most."""
    countries = gz.country_forms()
    institutional = ("organization", "government")
    for draft in list(registry.drafts.values()):
        if draft.type not in institutional or draft.key not in registry.drafts:
            continue
        words = draft.name.split()
        for cut in range(1, min(4, len(words))):
            if " ".join(words[:cut]) not in countries:
                continue
            other = registry.drafts.get(normalise(" ".join(words[cut:])))
            if other is not None and other is not draft and other.type in institutional:
                registry.merge(draft, other)
                break


def misspelt(written: str, name: str) -> bool:
    """Whether `written` is `name` with one slip (two in a name of eight letters
    or more) after its first letter: a letter added, dropped, changed or two swapped."""
    if written == name or written[:1] != name[:1] or min(len(written), len(name)) < 5:
        return False
    allowed = 2 if len(name) >= 8 else 1
    if abs(len(written) - len(name)) > allowed:
        return False
    return _edits(written, name, allowed) <= allowed


def _edits(a: str, b: str, bound: int) -> int:
    """Optimal-string-alignment distance, stopped once past `bound`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        row = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        if min(row) > bound:
            return bound + 1
        previous2, previous = previous, row
    return previous[-1]


def _named_in_passing(registry: Registry, doc) -> None:
    """A name written once, in a list of three or more and not as the one who
    acts ('Polaroids of Truman Capote, Carly Simon and Dennis Hopper'), is only
    mentioned; a later stage may still find it speaks or reacts."""
    for draft in registry.drafts.values():
        if draft.type not in ("person", "organization") or len(draft.spans) != 1:
            continue
        start, end = draft.spans[0]
        if not parse.in_long_list(doc, start, end):
            continue
        if parse.mention_acts(doc, start, end) or parse.list_is_subject(
            doc, start, end
        ):
            continue
        draft.acts = False


def _depicted(registry: Registry, doc) -> None:
    """'Polaroids of actor Dennis Hopper; musician Nick Rhodes ...': a name
    written once, inside 'of' after a noun of a work that shows people, is what
    the work depicts; a later stage may still find it speaks or reacts."""
    nouns = wordlists.lemmas("depiction_nouns")
    for token in doc:
        noun = token.lower_.removesuffix("s")
        if token.pos_ not in ("NOUN", "PROPN") or noun not in nouns:
            continue
        for of in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            end = _list_end(of)
            for ref in registry.between(of.idx, end):
                draft = registry.drafts[ref.key]
                if draft.type in ("person", "organization") and len(draft.spans) == 1:
                    draft.acts = False


# Prepositions after which an organisation is where something is or happens.


def _only_sites(registry: Registry, doc) -> None:
    """'displayed at the Udvar-Hazy Center', 'a curator at the University of
    Arkansas': an organisation named only as where something is, never as who
    acts, is a place in the story; a later stage may still find it speaks."""
    sites = parse.places(doc, parse.SITE_PREPOSITIONS)
    for draft in registry.drafts.values():
        if draft.type not in ("organization", "government") or not draft.spans:
            continue
        heads = [t for s, e in draft.spans for t in parse.phrase_heads(doc, s, e)]
        if heads and all(t.i in sites for t in heads):
            draft.acts = False


def _list_end(token) -> int:
    """Where what `token` governs ends; a list its parse cut at semicolons
    ('of actor X; musician Y; and athletes Z') runs on to the sentence's end."""
    last = token.doc[max(t.i for t in token.subtree)]
    end = last.idx + len(last)
    sentence = token.sent
    return (
        sentence.end_char if ";" in sentence.text[end - sentence.start_char :] else end
    )


def _owned_by_pronoun(registry: Registry, doc) -> None:
    """'said its director, Iria Castro': the body 'its' stands for, the last one
    named before in the paragraph, is the person's."""
    for draft in registry.drafts.values():
        if draft.type != "person" or draft.affiliation or not draft.spans:
            continue
        start, end = min(draft.spans)
        heads = parse.phrase_heads(doc, start, end)
        role = heads[0].head if heads and heads[0].dep_ == "appos" else None
        if role is None or not any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in role.children
        ):
            continue
        paragraph = registry.text.rfind("\n", 0, start) + 1
        bodies = [
            registry.drafts[r.key]
            for r in registry.between(paragraph, start)
            if registry.drafts[r.key].type in ("organization", "government")
        ]
        if bodies:
            draft.affiliation = bodies[-1].name


def _only_modifying(registry: Registry, doc) -> None:
    """A name only ever written before a thing's noun ('the Silver Clouds
    installation', 'the UNC Greensboro exhibit') says which thing, not who acts;
    before a person's noun ('a Microsoft spokesman') it is the person's body."""
    people = wordlists.lemmas("descriptors") | parse.VOICES
    for draft in registry.drafts.values():
        if draft.type not in ("person", "organization") or not draft.spans:
            continue
        heads = [h for s, e in draft.spans for h in parse.phrase_heads(doc, s, e)]
        if heads and all(
            h.dep_ == "compound"
            and h.head.pos_ == "NOUN"
            and h.head.lemma_.lower() not in people
            and h.head.lower_ not in gz.GROUPS
            and h.head.lower_ not in gz.ORG_NOUNS
            for h in heads
        ):
            draft.not_actor = True


def _no_proper_noun(registry: Registry, doc, votes) -> None:
    """'Last Year over 4 million visitors came', 'Five Panamanian players were
    booked': capitalised words the parse reads as no proper noun, in any mention,
    and the recogniser never as a person, are no one's name."""
    for draft in registry.drafts.values():
        if (
            draft.type != "person"
            or draft.role
            or label_of(votes, draft.name) == "PERSON"
        ):
            continue
        tokens = [t for s, e in draft.spans for t in parse.tokens_between(doc, s, e)]
        if tokens and not any(t.pos_ == "PROPN" for t in tokens):
            draft.not_actor = True


NUMBERED = re.compile(r"-\d+$")
# A version after a name: 'Internet Explorer 9', 'Windows 10.1', or glued to an
# acronym: 'IE6'. A score is no version ('England 6-1 Panama', 'Belgium 3 Panama 0').
NOT_A_SCORE = r"(?![\d.,:–-]|\s+[A-Z][\w’'-]*\s+\d)"


def _versioned(registry: Registry) -> None:
    """'Internet Explorer 6 is one of the most successful software products':
    a name written with a version number is a product, not an actor. A one-word
    name ('Boeing 737') is the maker of a numbered model, unless it is an acronym
    the number is glued to ('IE6')."""
    versioned = _names_before_versions(registry.text)
    for draft in registry.drafts.values():
        if draft.type not in ("person", "organization") or draft.role:
            continue
        if {draft.name, *draft.aliases} & versioned:
            draft.not_actor = True


CAPITALISED_RUN = r"[A-Z][\w’'&-]*(?: [A-Z][\w’'&-]*)*"


# How far before a version its name may start: no product name is longer.
VERSIONED_NAME_REACH = 80
RUN_BEFORE = re.compile(rf"(?<![\w’'&-])({CAPITALISED_RUN})$")


def _names_before_versions(text: str) -> set[str]:
    """Every name a version follows, read once per number in the text, within a
    bounded window before it: each tail of two or more capitalised words before a
    spaced version ('Internet Explorer' of 'Microsoft Internet Explorer 9'), each
    acronym a version is glued to."""
    names = set()
    for number in re.finditer(rf"(?<=[A-Za-z]) ?\d+(?:\.\d+)*{NOT_A_SCORE}", text):
        start = number.start()
        run = RUN_BEFORE.search(text, max(0, start - VERSIONED_NAME_REACH), start)
        if run is None:
            continue
        words = run.group(1).split()
        if number.group().startswith(" "):
            names |= {" ".join(words[i:]) for i in range(len(words) - 1)}
        elif words[-1].isupper() and len(words[-1]) > 1:
            names.add(words[-1])  # 'IE6'
    return names


def _things(registry: Registry, votes) -> None:
    """'Space Shuttle Columbia', 'Grand Mosque', 'World Cup': a name whose head
    word names a thing is no actor; a person the recogniser reads as one ('Jo
    Park', 'Anna Hall') keeps their name."""
    heads = wordlists.lemmas("thing_names")
    for draft in registry.drafts.values():
        if draft.type not in ("person", "organization") or draft.role:
            continue
        # 'Orbiter Processing Facility-1': the number is no part of the head word
        written = re.findall(r"[\w-]+", NUMBERED.sub("", draft.name))
        words = [w.lower() for w in written]
        last_two = {" ".join(words[-2:])} & heads  # 'Johnson Space Center'
        if len(words) < 2 or (written[-1] in gz.INSTITUTION_WORDS and not last_two):
            continue  # 'Harbour Workers' Union', 'Food and Drug Administration'
        # the head word names the thing; a vehicle also comes before its own
        # name ('Space Shuttle Columbia')
        found = ({words[-1]} & heads) | last_two
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


def _named_things(registry: Registry, doc) -> None:
    """'her graphic novel Angel Catbird', 'the ship Freewinds': a name the parse
    sets beside a thing's noun, as its apposition or after it as a compound, names
    that thing."""
    nouns = {w for w in wordlists.lemmas("thing_names") if " " not in w}
    for draft in registry.drafts.values():
        if draft.type not in ("person", "organization") or draft.role:
            continue
        for start, end in draft.spans:
            heads = parse.phrase_heads(doc, start, end)
            first = parse.token_at(doc, start)
            if any(_beside_thing(h, first, nouns) for h in heads):
                draft.not_actor = True
                break


def _beside_thing(head, first, nouns) -> bool:
    if head.dep_ == "appos" and head.head.i < head.i:
        return head.head.lemma_.lower() in nouns
    before = head.doc[first.i - 1] if first is not None and first.i > 0 else None
    return (
        before is not None
        and before.dep_ == "compound"
        and before.head.i == head.i
        and before.lemma_.lower() in nouns
    )


@cache
def _thing_kinds() -> dict[str, str]:
    return {e["lemma"]: e["kind"] for e in wordlists.entries("thing_names")}


def _thing_kind(word: str) -> str | None:
    return _thing_kinds().get(word)


def _written_as_a_thing(registry: Registry, draft) -> bool:
    """'the Arecibo Observatory': a person is never written after 'the'."""
    return any(
        registry.text[max(0, start - 4) : start].lower() == "the "
        for start, _ in draft.spans
    )
