"""Names the rules cut or glued wrong, re-cut with the recogniser's help: an
organisation and a person run together, a describing word or a time word opening a
name, particles, a country's short form before an institution or its name after one,
'the A and B Union', a title and surname, an organisation cut inside."""

from __future__ import annotations

import re

from api.extraction import gazetteers as gz
from api.extraction import parse, wordlists
from api.extraction.recognised import ACTOR_LABELS, inside, label_of
from api.extraction.registry import Registry

PARTICLE_TAIL = re.compile(
    r"(?:\s+(?:von|van|der|den|de|del|da|di|du|la|le|bin|ibn|al|el)\b)+[\s-][A-Z][\w’'-]+"
)


NATIONAL_PREFIX = re.compile(r"(?<![\w.])(U\.S\.|US|UK|U\.K\.|EU) $")


JOINED_OPENER = re.compile(
    r"\b[Tt]he\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:and|&)\s+$"
)
# Without 'the', at most two capitalised words that open their run ('Devon and
# Cornwall Police', 'Avon Fire and Rescue Service').
BARE_OPENER = re.compile(
    r"(?<![\w’'-])(?<![A-Z][\w’'-] )([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) (?:and|&) $"
)


COUNTRY_TAIL = re.compile(r"\s+of\s+the\s+([A-Z][\w. ]+)$")


# Adverbs that open a sentence before a name: 'Later Tom Reid met ...'.
OPENING_ADVERBS = {
    "later", "earlier", "meanwhile", "yesterday", "today", "now", "then", "however",
    "instead", "also", "still", "separately", "elsewhere", "afterwards", "finally",
}  # fmt: skip


def split_glued(registry: Registry, doc, entities) -> None:
    """A rule-made name that holds an organisation and a person the recogniser
    tells apart ('Refugee Council Enver Solomon') is two names."""
    for ref in list(registry.refs):
        inner = [
            e for e in inside(entities, ref.start, ref.end) if e[3] in ACTOR_LABELS
        ]
        if len(inner) < 2 or len({e[3] for e in inner}) < 2:
            continue
        original = registry.drafts[ref.key]
        registry.unmention(ref.start, ref.end)
        pieces = _pieces(doc, inner, ref.start)
        # each piece did what the whole name did: 'Eunice Yung of New People's
        # Party' and 'Refugee Council Enver Solomon' name two who were elected, spoke
        for start, end, label in pieces:
            name = registry.text[start:end]
            draft = registry.draft(name, ACTOR_LABELS[label])
            registry.mention(draft, start, end)
            draft.acts = draft.acts or original.acts
        if not original.spans:
            registry.drafts.pop(original.key, None)


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


def recut(registry: Registry, ref, start: int, end: int, type_: str, **fields):
    """Move the mention `ref` to the text [start, end), under the draft that text
    names (made with `type_` and `fields` if new), with the mentions inside that
    text; a draft left with no mention goes. Returns the new draft, acting if one
    of those it took a mention from did."""
    covered = registry.between(min(start, ref.start), max(end, ref.end))
    replaced = [registry.drafts[ref.key], *(registry.drafts[o.key] for o in covered)]
    for other in covered:
        registry.unmention(other.start, other.end)
    named = registry.draft(registry.text[start:end], type_, **fields)
    named.acts = named.acts or any(d.acts for d in replaced)
    registry.mention(named, start, end)
    for draft in replaced:
        if draft is named or draft.key not in registry.drafts:
            continue
        if not draft.spans:
            registry.drafts.pop(draft.key, None)
        elif _tail_of(draft, named):
            registry.merge(draft, named)  # 'the trust' read for the cut name
            # the cut name is no longer written as a mention of its own
            named.aliases = [a for a in named.aliases if a != draft.name]
    return named


def _tail_of(draft, named) -> bool:
    """'District Hospitals NHS Trust' of 'Kettleford and District Hospitals NHS
    Trust': the same body, its name cut at its start."""
    bodies = ("organization", "government")
    return (
        draft.type in bodies
        and named.type in bodies
        and named.name.endswith(f" {draft.name}")
    )


def cut_descriptions(registry: Registry) -> None:
    """'Historian Lena Vogt', 'Teenagers Irma Lopez': a description opening the
    sentence is the person's role, not the first word of their name."""
    descriptors = wordlists.lemmas("descriptors")
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        written = registry.text[ref.start : ref.end]
        first, _, rest = written.partition(" ")
        if draft is None or draft.type not in ("person", "organization", "government"):
            continue
        opener = first.lower() in OPENING_ADVERBS
        if not (first.lower() in descriptors or opener) or len(rest.split()) < 2:
            continue
        if not all(w[:1].isupper() for w in rest.split()) or _institutional(rest):
            continue
        role = None if opener else first.lower()
        recut(registry, ref, ref.end - len(rest), ref.end, "person", role=role)


def cut_time_adjectives(registry: Registry, votes) -> None:
    """'Former Labour leader Jeremy Corbyn': 'Former' opens the description of
    someone else; 'Labour' alone is what the recogniser reads it as."""
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        written = registry.text[ref.start : ref.end]
        first, _, rest = written.partition(" ")
        if (
            draft is None
            or draft.type != "person"
            or first.lower() not in gz.TIME_WORDS
        ):
            continue
        if not rest or " " in rest or rest in gz.DEMONYMS:
            continue
        # a party or body ('Labour') unless the recogniser reads a person
        type_ = "person" if label_of(votes, rest) == "PERSON" else "organization"
        recut(registry, ref, ref.end - len(rest), ref.end, type_)


def _institutional(name: str) -> bool:
    """'General’s Office' is what 'Attorney' opens, not a person."""
    words = re.findall(r"[\w-]+", name)
    return "’" in name or "'" in name or any(w in gz.INSTITUTION_WORDS for w in words)


def extend_over_particles(registry: Registry) -> None:
    """'Suleiman al-Amr', 'Ursula von der Leyen': a lowercase particle and the name
    after it belong to the person's name."""
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        tail = PARTICLE_TAIL.match(registry.text, ref.end)
        if draft is None or draft.type != "person" or tail is None:
            continue
        if not registry.free(ref.end, tail.end()):
            continue
        fields = {"role": draft.role, "country": draft.country}
        person = recut(registry, ref, ref.start, tail.end(), "person", **fields)
        if draft.key in registry.drafts and person is not draft:
            registry.merge(draft, person)


def trim_country_tails(registry: Registry) -> None:
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
        end, country = ref.start + tail.start(), countries[tail.group(1)]
        recut(registry, ref, ref.start, end, "organization", country=country)


def national_prefixes(registry: Registry) -> None:
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
        country = countries[prefix.group(1)]
        fields = {"role": draft.role, "country": country}
        recut(registry, ref, prefix.start(1), ref.end, draft.type, **fields)


def joined_names(registry: Registry) -> None:
    """'the Seafarers and Harbour Workers' Union', 'the Food and Drug
    Administration': a name before 'and' that no mention holds, after 'the',
    opens the institution's name; so does a bare one before an institution's
    word ('Devon and Cornwall Police'), even where a name was read in it."""
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        if draft is None or draft.type not in ("organization", "government"):
            continue
        opener = JOINED_OPENER.search(registry.text, max(0, ref.start - 60), ref.start)
        if opener is None or not registry.free(opener.start(1), ref.start):
            opener = _bare_opener(registry, ref)
        if opener is None:
            continue
        fields = {"role": draft.role, "country": draft.country}
        recut(registry, ref, opener.start(1), ref.end, draft.type, **fields)


def _bare_opener(registry: Registry, ref):
    """The words before 'and' share the institution's word at the end of its
    name, unless they are a title, a country or a person named elsewhere too:
    'Germany and European Union officials' are two."""
    text = registry.text
    written = text[ref.start : ref.end]
    if written.split()[-1] not in gz.INSTITUTION_WORDS:
        return None
    opener = BARE_OPENER.search(text, max(0, ref.start - 40), ref.start)
    if opener is None:
        return None
    words = opener.group(1).split()
    countries = gz.country_forms()
    if any(
        w.lower() in TITLE_WORDS or w in gz.NOT_NAMES or w in countries
        or w in gz.DEMONYMS or w in gz.INSTITUTION_WORDS
        for w in words
    ):  # fmt: skip
        return None
    # the end of a name ('Institute of Technology and Colorado State University')
    # is no opener
    if not registry.free(opener.start(1), opener.start(1) + 1) and not any(
        r.start == opener.start(1) for r in registry.between(opener.start(1), ref.start)
    ):
        return None
    inside_opener = registry.between(opener.start(1), ref.start)
    if any(len(registry.drafts[r.key].spans) > 1 for r in inside_opener):
        return None
    return opener


INSTITUTIONAL = ("organization", "government")


def joined_institutions(registry: Registry, doc) -> None:
    """'the Tang Teaching Museum and Art Gallery': two institution names joined by
    'and' are one when the parse hangs the first from the second as its modifier;
    joined as two items ('the Museum of Flight and the Smithsonian'), they stay two."""
    refs = list(registry.refs)
    for first, second in zip(refs, refs[1:], strict=False):
        drafts = [registry.drafts.get(r.key) for r in (first, second)]
        if any(d is None or d.type not in INSTITUTIONAL for d in drafts):
            continue
        if registry.text[first.end : second.start] not in (" and ", " & "):
            continue
        if (
            registry.text[first.start : first.end].split()[-1]
            not in gz.INSTITUTION_WORDS
        ):
            continue
        heads = parse.phrase_heads(doc, first.start, first.end)
        if not any(
            h.dep_ in ("nmod", "compound") and second.start <= h.head.idx < second.end
            for h in heads
        ):
            continue
        fields = {"role": drafts[1].role, "country": drafts[1].country}
        recut(registry, second, first.start, second.end, drafts[1].type, **fields)


# 'the University of North Carolina at Chapel Hill': a campus named after 'at'
CAMPUS = re.compile(r" at ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})(?![\w’'-])")
CAMPUS_HEADS = {"University", "College"}


def campus_tails(registry: Registry) -> None:
    """A university's campus, written after 'at', is part of its name; another
    institution after 'at' ('the Block Museum at Northwestern University') is
    where the first one is, not its name."""
    for ref in list(registry.refs):
        draft = registry.drafts.get(ref.key)
        if draft is None or draft.type not in INSTITUTIONAL:
            continue
        if not CAMPUS_HEADS & set(registry.text[ref.start : ref.end].split()):
            continue
        tail = CAMPUS.match(registry.text, ref.end)
        if tail is None or set(tail.group(1).split()) & gz.INSTITUTION_WORDS:
            continue
        if tail.group(1) in gz.country_forms():
            continue
        fields = {"role": draft.role, "country": draft.country}
        recut(registry, ref, ref.start, tail.end(), draft.type, **fields)


def _located_at_another(name: str) -> bool:
    """'Block Museum at Northwestern University': two institutions, one inside
    the other."""
    return any(
        set(match.group(1).split()) & gz.INSTITUTION_WORDS
        for match in CAMPUS.finditer(name)
    )


def complete_names(registry: Registry, entities) -> None:
    """A person the rules named by title and surname ('Administrator Bolden' of
    'NASA Administrator Charles Bolden') takes the full name the recogniser read."""
    for start, end, text, label in entities:
        if label != "PERSON" or " " not in text:
            continue
        refs = [r for r in registry.between(start, end + 1) if r.end == end]
        if len(refs) != 1 or refs[0].start <= start:
            continue
        draft = registry.drafts[refs[0].key]
        if draft.type != "person" or not titled(draft.key.split()[:-1]):
            continue
        if registry.text[start : refs[0].start].strip() in ("", "and"):
            continue
        full = registry.draft(text, "person", role=draft.role, country=draft.country)
        if full is not draft:
            registry.merge(draft, full)


WIDENED = ("person", "organization", "government")


def widen_to_organisations(registry: Registry, entities, votes) -> None:
    """'National Air and Space Museum', 'the Andy Warhol Foundation': names the
    rules cut inside an organisation the recogniser reads whole are that
    organisation (a person's name that ends it, 'Pan-democrat Lam Cheuk-ting',
    stays the person)."""
    for start, end, text, _ in entities:
        if label_of(votes, text) != "ORG" or " " not in text:
            continue
        if _located_at_another(text):
            continue
        inner = [
            r for r in registry.between(start, end) if (r.start, r.end) != (start, end)
        ]
        drafts = [registry.drafts[r.key] for r in inner]
        if not inner or any(d.type not in WIDENED for d in drafts):
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
        # 'the Department for Work and Pensions' stays a government body
        kind = "government" if any(d.type == "government" for d in drafts) else None
        organisation = registry.draft(text, kind or "organization")
        organisation.acts = organisation.acts or any(d.acts for d in drafts)
        registry.mention(organisation, start, end)


TITLE_WORDS = (
    {w.lower().rstrip(".") for t in gz.TITLES for w in t.split()}
    | {w for r in gz.ROLE_NOUNS for w in r.split()}
    | {"administrator", "professor", "prof", "sir", "dame", "miss"}
)


def titled(words: list[str]) -> bool:
    """Words before a surname that are a title or an office, not a given name."""
    return all(w in TITLE_WORDS for w in words)
