"""Institutions: keyword names with their 'of' tails, names introduced by a
descriptive noun ('the transport union BTB'), acronyms that act, and descriptions
that stand for an organisation ('the port authority', 'the union')."""

from __future__ import annotations

import re
from functools import lru_cache

from api.extraction import gazetteers as gz
from api.extraction import parse, wordlists
from api.extraction.persons import PLACE_WORDS
from api.extraction.registry import Registry
from api.extraction.zones import inside

NAME_REACH = 120
NAME = r"[A-Z][\w’'&.-]*(?: (?:[A-Z][\w’'&.-]*|de|del|la|of|for|&))*(?<![ .])"
# Words that make a described organisation some other one than a named antecedent.
NOT_MODIFIERS = {"same", "other", "whole", "combined", "new", "former", "its", "their"}
NOT_MODIFIERS |= {"of", "my", "our", "his", "her", "in", "on", "at", "to", "for", "and"}
NOT_MODIFIERS |= {"or", "with", "from", "by", "a", "an", "this", "that", "was", "is"}


def institution(text, parts, index, orgs) -> int:
    """'Ministry of the Interior of Kazakhstan': a keyword phrase and its 'of' tail."""
    start, last, country = parts[index].start, index, None
    if index and parts[index - 1].kind in ("DEMONYM", "COUNTRY"):
        # 'Belgian Red Cross', 'India Meteorological Department'
        start, country = parts[index - 1].start, parts[index - 1].value
    elif (
        index
        and parts[index - 1].kind == "TITLE"
        and len(parts[index].words) == 1
        and text[parts[index - 1].end : parts[index].start] == " "
    ):
        start = parts[index - 1].start  # 'Premier League': a title's word opens it
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
    while (
        last + 1 < len(parts)
        and parts[last + 1].kind == "COUNTRY"
        and text[parts[last].end : parts[last + 1].start] == " "
    ):
        last += 1  # a national branch: 'Food Standards Australia New Zealand'
    start = _skip_based(text, start)
    end = _office_cut(text, parts, index, last)
    name = text[start:end]
    words_ = {w.text for p in parts[index : last + 1] for w in p.words}
    type_ = "government" if words_ & gz.GOVERNMENT_WORDS else "organization"
    orgs.append((start, end, name, type_, country, None))
    return last


# A post after an institution's name: 'Senate Majority Leader', 'Senate Republican
# leader', 'Council deputy leader'.
POST_AFTER = re.compile(r" (?:[Ll]eader|[Ww]hip|[Dd]eputy)\b")


def _office_cut(text: str, parts, index: int, last: int) -> int:
    """Where the institution's name ends: before a title or a post, its words
    after the last institution's word name the office ('Senate Majority Leader
    Chuck Schumer': the Senate), not the body."""
    end = parts[last].end
    titled = last + 1 < len(parts) and parts[last + 1].kind == "TITLE"
    if not (titled or POST_AFTER.match(text, end)):
        return end
    words_ = [w for p in parts[index : last + 1] for w in p.words]
    institutional = [w for w in words_ if w.text in gz.INSTITUTION_WORDS]
    return institutional[-1].end if institutional else end


def national_body(part, doc) -> bool:
    """'NHS England', 'Public Health England', 'BBC Scotland': a name of two or
    more words ending in a country's or a nation's one-word name is its body,
    unless the recogniser reads a person there."""
    words_ = [w.text for w in part.words]
    nation = words_[-1] in gz.country_forms() or words_[-1] in gz.NATIONS
    if len(words_) < 2 or not nation:
        return False
    if words_[0] in gz.NOT_NAMES or words_[0] in gz.DEMONYMS:
        return False
    if words_[0].lower() in gz.TIME_WORDS:
        return False  # 'Former England captain Alan Shearer': a description
    return doc is None or not _recognised_person(doc, part.start, part.end)


def national_branch(text: str, parts, index: int, doc) -> bool:
    """'Water UK', 'Cancer Research UK': a name, not a person's, right before a
    country that ends the run is that country's body."""
    part = parts[index]
    if index + 2 != len(parts) or parts[index + 1].kind != "COUNTRY":
        return False
    if text[part.end : parts[index + 1].start] != " ":
        return False
    if any(w.text in gz.NOT_NAMES or w.text in gz.DEMONYMS for w in part.words):
        return False
    return doc is not None and not _recognised_person(doc, part.start, part.end)


# Entity labels of a run that make it no organisation of its own.
NOT_ORGANISATION = {"PERSON", "GPE", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}


def connected_name(text: str, run, parts, doc) -> tuple | None:
    """'Friends of the Earth called the plan a mistake': capitalised words joined
    by 'of' or 'for' that hold no title, no institution's word and no person,
    and that head the subject of a verb, name an organisation."""
    if doc is None or not any(p.kind == "SKIP" and p.words[0].text in ("of", "for")
                              for p in parts[1:-1]):  # fmt: skip
        return None
    named = [p for p in parts if p.kind != "SKIP"]
    if not named or any(p.kind != "NAME" for p in named):
        return None
    if any(is_institution_part(p) for p in named):
        return None
    start = parts[0].start if parts[0].kind != "SKIP" else parts[1].start
    end = parts[-1].end
    tokens = parse.tokens_between(doc, start, end)
    if not tokens or any(t.ent_type_ in NOT_ORGANISATION for t in tokens[:1]):
        return None
    if _recognised_person(doc, start, end):
        return None
    if tokens[0].dep_ != "nsubj" or tokens[0].head.pos_ != "VERB":
        return None
    # a capital opening a sentence says nothing: 'Members of the Sea Org said'
    if tokens[0].is_sent_start and tokens[0].pos_ != "PROPN":
        return None
    if any(w.text in PLACE_WORDS for p in named for w in p.words):
        return None  # 'the Isle of Wight'
    return (start, end, text[start:end], "organization", None, None)


def is_institution_part(part) -> bool:
    return any(w.text in gz.INSTITUTION_WORDS for w in part.words)


def _recognised_person(doc, start: int, end: int) -> bool:
    return any(t.ent_type_ == "PERSON" for t in parse.tokens_between(doc, start, end))


def possessive_name(text: str, run) -> tuple | None:
    """'Attorney General’s Office': a run joined by a possessive is one institution
    (its words may look like a title)."""
    if len(run) < 2 or not any(w.possessive for w in run[:-1]):
        return None
    if run[-1].text not in gz.INSTITUTION_WORDS:
        return None
    words_ = {w.text for w in run}
    type_ = "government" if words_ & gz.GOVERNMENT_WORDS else "organization"
    start = run[1].start if run[0].text in gz.NOT_NAMES else run[0].start
    return (start, run[-1].end, text[start : run[-1].end], type_, None, None)


def outlet_name(text: str, run) -> tuple | None:
    """'The Deseret News', 'LA Weekly': a run of two or more names ending in the
    last word of an outlet's name is that outlet, an organisation, whole."""
    start_index = 1 if run and run[0].text in gz.NOT_NAMES else 0
    named = run[start_index:]
    if len(named) < 2 or named[-1].text.lower() not in wordlists.lemmas("outlet_names"):
        return None
    if any(w.text in gz.INSTITUTION_WORDS or w.possessive for w in named[:-1]):
        return None  # 'Environment Agency', 'the mayor's Press': the other rules
    start, end = named[0].start, named[-1].end
    return (start, end, text[start:end], "organization", None, None)


def _skip_based(text: str, start: int) -> int:
    """'US-based Crestline Communications': the base is not part of the name."""
    match = re.match(r"[\w.]+-based ", text[start : start + 30])
    return start + match.end() if match else start


def introduced(text: str, start: int) -> str | None:
    """The noun right before a name that says it is an organisation: 'the
    brokerage Berg & Holm', 'Swedish telecoms group Norrvik'."""
    match = re.search(r"(?<![\w’'])([a-z]+) $", text[max(0, start - 30) : start])
    noun = match.group(1) if match else None
    return noun if noun in gz.ORG_NOUNS else None


BODY_NOUNS = ("office", "agency", "mission", "commission", "council", "committee")
BODY = re.compile(rf"((?: [a-z]+){{1,3}}?) (?:{'|'.join(BODY_NOUNS)})\b(?! [A-Z])")


def body_end(text: str, end: int) -> int | None:
    """'UN human rights office': lowercase words and an office noun after a known
    organisation name a body of it; its end, if so."""
    match = BODY.match(text, end, end + 50)
    if not match:
        return None
    if set(match.group(1).split()) & NOT_MODIFIERS:
        return None
    return match.end()


# What joins the words of a name introduced by what it is: 'Berg & Holm', 'the
# campaign group Dignity in Dying', 'the charity Save the Children'.
NAME_JOINS = re.compile(
    r"(?: (?:&|of|for|in|on|without|and)(?: the)?| the) [A-Z][\w’'-]*"
    r"(?: [A-Z][\w’'-]*)*"
)


def name_end(text: str, end: int) -> int:
    """Where a name introduced by what it is ends: over '&' and the small words
    that join its capitalised ones."""
    match = NAME_JOINS.match(text, end, end + 60)
    return match.end() if match else end


@lru_cache(maxsize=1)
def _apposition_patterns() -> tuple[re.Pattern, re.Pattern]:
    nouns = "|".join(sorted(gz.ORG_NOUNS, key=len, reverse=True))
    description = rf"(?:[\w’'-]+ ){{0,4}}?(?:{nouns})"
    before = re.compile(rf"\b[Tt]he ({description}), ({NAME})(?=[,.;])")
    after = re.compile(rf"(?<![\w’'])({NAME}), the ({description})(?=[,.;])")
    return before, after


def appositions(registry: Registry, zones_) -> None:
    """'The UN refugee agency, UNHCR,' and 'Gavi, the vaccine alliance,': the name
    is an organisation and the description one of its mentions."""
    before, after = _apposition_patterns()
    text = registry.text
    for match in before.finditer(text):
        _described(registry, zones_, match.span(2), match.span(1))
    # Searched only around each ', the ', with a name of at most NAME_REACH
    # characters before it: a name pattern tried at every capital of a long run
    # of capitals costs the square of its length.
    for comma in re.finditer(r", the ", text):
        window = max(0, comma.start() - NAME_REACH)
        for match in after.finditer(text, window, comma.end() + NAME_REACH):
            if match.end(1) == comma.start():
                _described(registry, zones_, match.span(1), match.span(2))
                break


def _described(registry: Registry, zones_, name_span, description_span) -> None:
    name = registry.text[slice(*name_span)]
    if not inside(zones_, *name_span) or name in gz.NOT_NAMES:
        return
    if name in gz.country_forms() or name in gz.CAPITALS:
        return
    if not registry.free(*name_span) and not _read_as_a_person(registry, name_span):
        return
    canonical = gz.INSTITUTIONS.get(name, name)
    description = registry.text[slice(*description_span)]
    draft = registry.draft(canonical, "organization", role=description)
    registry.mention(draft, *name_span)
    registry.mention(draft, *description_span)


def _read_as_a_person(registry: Registry, span) -> bool:
    """'The developer, Taylor Wimpey, said': a name the rules read as a person's,
    only here, that an organisation's description stands beside, is that
    organisation; it gives its mention up."""
    held = [r for r in registry.between(*span) if (r.start, r.end) == tuple(span)]
    if not held:
        return False
    draft = registry.drafts[held[0].key]
    if draft.type != "person" or len(draft.spans) != 1:
        return False
    registry.unmention(*span)
    registry.drafts.pop(held[0].key, None)
    return True


ACRONYM = re.compile(r"(?<![\w’'&-])[A-Z]{3,}(?![\w’'&-])")
# 'Charles III', 'Super Bowl LVII': a numeral after a name is part of it.
REGNAL = re.compile(r"[A-Z][\w’'-]* (?=[IVXL]+$)")


def acronyms(registry: Registry, zones_) -> None:
    """'FIFA said': a bare acronym may be an organisation; it counts if it acts.
    An acronym of an organisation already named ('WTO') is that organisation."""
    by_initials = {_initials(d.name): d for d in list(registry.drafts.values())}
    text = registry.text
    for match in ACRONYM.finditer(text):
        line = text[max(0, match.start() - 30) : match.end()]
        if REGNAL.search(line) and _roman(match.group()):
            continue
        if inside(zones_, *match.span()) and registry.free(*match.span()):
            draft = by_initials.get(match.group())
            if draft is None or draft.type not in ("organization", "government"):
                name = gz.INSTITUTIONS.get(match.group(), match.group())
                draft = registry.draft(name, "organization", tentative=True)
            registry.mention(draft, *match.span())


# 'Transport for London (TfL)': a capitalised run, then its initials in brackets.
SPELLED_OUT = re.compile(
    r"(?<![\w’'-])([A-Z][\w’'&-]*(?: (?:[A-Z][\w’'&-]*|of|for|the|and|on|to|in|&))*)"
    r" \(([A-Z][A-Za-z&]{1,9})\)"
)
BRACKET_INITIALS = re.compile(r" \(([A-Z][A-Za-z&]{1,9})\)")
# A short name in capitals that need not spell the words before it: 'CUT'.
SHORT_NAME = re.compile(r"[A-Z][A-Z&]{1,5}")
SMALL_WORDS = {"of", "for", "the", "and", "on", "to", "in", "&"}


def bracketed_names(registry: Registry, zones_) -> None:
    """Initials in brackets after a name: the words whose initials they spell are
    an organisation's name ('Transport for London (TfL)', 'the Royal Society for
    the Prevention of Cruelty to Animals (RSPCA)'); where they spell none, a
    short name in capitals right after an organisation's name is one of its
    names ('the Workers' United Centre of Chile (CUT)'). The initials are then
    one more of its names, here and wherever they are written again."""
    # Each bracket first, then the run before it within reach: the run's pattern
    # tried at every capital of a long run of capitals would cost its square.
    for bracket in BRACKET_INITIALS.finditer(registry.text):
        if not _spelled_out(registry, zones_, bracket):
            _short_name(registry, zones_, bracket)


def _spelled_out(registry: Registry, zones_, bracket) -> bool:
    """Whether the run before the bracket spelled its initials and took them."""
    text = registry.text
    window = max(0, bracket.start() - NAME_REACH)
    match = SPELLED_OUT.search(text, window, bracket.end())
    if match is None or match.end() != bracket.end():
        return False
    if not inside(zones_, *match.span()):
        return False
    span = _spelled_span(match)
    if span is None or _names_a_thing(registry.doc, *span):
        return False
    overlapping = [
        r
        for r in registry.between(span[0] - 60, span[1] + 1)
        if r.end > span[0] and r.start < span[1]
    ]
    # 'the Irish Data Protection Commission (DPC)': a name read whole already,
    # which the initials spell the end of, takes them as one of its names
    whole = [r for r in overlapping if r.start <= span[0] and r.end == span[1]]
    if whole:
        _initials_again(registry, registry.drafts[whole[0].key], bracket, zones_)
        return True
    if any(r.start < span[0] or r.end > span[1] for r in overlapping):
        return False
    for ref in registry.between(*span):
        registry.unmention(ref.start, ref.end)
        if not registry.drafts[ref.key].spans:
            registry.drafts.pop(ref.key, None)
    name = text[slice(*span)]
    words_ = set(name.split())
    type_ = "government" if words_ & gz.GOVERNMENT_WORDS else "organization"
    draft = registry.draft(name, type_, acts=True)
    registry.mention(draft, *span)
    _initials_again(registry, draft, bracket, zones_)
    return True


def _short_name(registry: Registry, zones_, bracket) -> None:
    if not SHORT_NAME.fullmatch(bracket.group(1)) or not registry.free(
        *bracket.span(1)
    ):
        return
    before = registry.between(max(0, bracket.start() - NAME_REACH), bracket.start())
    named = [r for r in before if r.end == bracket.start()]
    if not named:
        return
    draft = registry.drafts[named[-1].key]
    if draft.type in ("organization", "government"):
        _initials_again(registry, draft, bracket, zones_)


def _initials_again(registry: Registry, draft, bracket, zones_) -> None:
    """The initials in the bracket and wherever they are written after it."""
    acronym, text = bracket.group(1), registry.text
    for again in re.finditer(rf"(?<![\w’'-]){re.escape(acronym)}(?![\w’'-])", text):
        if again.start() >= bracket.start(1) and inside(zones_, *again.span()):
            _claim(registry, draft, *again.span())


# What the recogniser labels a law or a work is no organisation ('the General Data
# Protection Regulation (GDPR)').
THING_TYPES = {"LAW", "WORK_OF_ART", "PRODUCT", "EVENT"}


def _names_a_thing(doc, start: int, end: int) -> bool:
    if doc is None:
        return False
    return any(
        t.ent_type_ in THING_TYPES for t in parse.tokens_between(doc, start, end)
    )


def _claim(registry: Registry, draft, start: int, end: int) -> None:
    """Mention `draft` at its initials; a name read only there that ends with
    them ('Later TfL said') gives them up."""
    for ref in registry.between(start - 30, end):
        other = registry.drafts[ref.key]
        if ref.end == end and ref.start < start and len(other.spans) == 1:
            registry.unmention(ref.start, ref.end)
            registry.drafts.pop(ref.key, None)
    registry.mention(draft, start, end)


def _spelled_span(match) -> tuple[int, int] | None:
    """The shortest end of the run, from a capitalised word, whose initials (of
    every word, or of the capitalised ones) are the bracket's letters."""
    letters = match.group(2).upper().replace("&", "")
    run, start = match.group(1), match.start(1)
    words_ = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", run)]
    for index, (offset, word) in enumerate(words_):
        if not word[0].isupper() or word in ("The", "A", "An"):
            continue
        rest = [w for _, w in words_[index:]]
        every = "".join(w[0] for w in rest).upper()
        capitals = "".join(w[0] for w in rest if w not in SMALL_WORDS)
        if len(rest) > 1 and letters in (every, capitals):
            return offset, match.end(1)
    return None


def _roman(word: str) -> bool:
    return re.fullmatch(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})", word) is not None


def _initials(name: str) -> str:
    """'World Trade Organization' -> 'WTO'; small words do not count."""
    words_ = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words_) if len(words_) > 1 else ""


@lru_cache(maxsize=1)
def _description_pattern() -> re.Pattern:
    nouns = "|".join(sorted(gz.ORG_NOUNS, key=len, reverse=True))
    # no article among the modifiers: 'a charge the utility denied' holds two
    modifier = r"(?!(?:the|a|an)\b)(?:[A-Z][a-z]+|[a-z][a-z-]+)"
    return re.compile(
        rf"\b(?P<article>[Tt]he|[Aa]n?) ((?:{modifier} ){{0,3}}?)({nouns})"
        rf"(?![\w-])(?! [A-Z])"
    )


def descriptions(registry: Registry, zones_) -> None:
    """'the port authority said', 'the union’s chairman': an organisation named by
    what it is. A bare noun refers back to the last organisation of that kind."""
    text = registry.text
    for match in _description_pattern().finditer(text):
        if not inside(zones_, *match.span()):
            continue
        modifiers, noun = match.group(2).split(), match.group(3)
        if set(modifiers) & NOT_MODIFIERS or any(
            m.lower() in gz.ORG_NOUNS for m in modifiers
        ):
            continue
        if modifiers and not _one_phrase(registry.doc, match.start(2), match.end()):
            continue  # 'The court said the group': a clause, not a name
        if match.group("article").lower() != "the" and not _introduces(
            registry.doc, match, modifiers
        ):
            continue
        draft = _apposed_to(registry, match.start())
        if draft is not None and not draft.role:
            draft.role = " ".join([*modifiers, noun])  # 'the agency' is it later
        if draft is None and not modifiers:
            draft = _antecedent(registry, noun, match.start())
        if draft is None and not modifiers and noun in _business_nouns():
            draft = _named_before(registry, zones_, match.start(), noun)
        if draft is None:
            name = " ".join([*modifiers, noun])
            draft = registry.draft(name, "organization", role=name, tentative=True)
        registry.mention(draft, *match.span())


# Between a name and the description set after it: 'the Prairie Water Authority
# (PWA), the government agency that', 'The Players' Council, a fan group'.
APPOSED = re.compile(r"\)?(?:\s+\([^()]{1,15}\))?,\s+$")


def _apposed_to(registry: Registry, start: int):
    """The organisation whose name a description at `start` is set beside."""
    before = registry.between(max(0, start - 40), start)
    if not before:
        return None
    last = before[-1]
    draft = registry.drafts[last.key]
    if draft.type not in ("organization", "government"):
        return None
    return draft if APPOSED.fullmatch(registry.text, last.end, start) else None


NAMED_AFTER = re.compile(r",?\s+(?:calling itself|called|known as|named)\s+[A-Z]")


def _introduces(doc, match, modifiers) -> bool:
    """'A Greek court has ruled': an indefinite description brings in a body of
    its own when it is narrowed by a word and acts; 'a court' alone, or one
    that is only talked about, is no one."""
    if doc is None or not modifiers:
        return False
    if NAMED_AFTER.match(parse.text_of(doc), match.end()):
        return False  # 'a criminal group calling itself BlackTide': the name acts
    return parse.mention_acts(doc, match.start(2), match.end())


def _one_phrase(doc, start: int, end: int) -> bool:
    """The words in [start, end) are one noun phrase in the parse: each hangs
    from a word inside it, except its head noun."""
    if doc is None:
        return True
    return len(parse.phrase_heads(doc, start, end)) == 1


def _named_before(registry: Registry, zones_, before: int, noun: str):
    """'Shares in Tesco fell after the supermarket warned': a company noun with no
    organisation named before it stands for the proper name, unclaimed by any
    actor or place, closest before it in its sentence or the one before; that
    name is the organisation, wherever the text writes it."""
    doc = registry.doc
    token = parse.token_at(doc, before) if doc is not None else None
    if token is None:
        return None
    sentence = parse.sentence(token)
    floor = sentence.start
    if floor > 0:
        floor = parse.sentence(doc[floor - 1]).start
    for candidate in reversed(doc[floor : token.i]):
        if candidate.pos_ != "PROPN" or candidate.ent_type_ in NOT_ORG_TYPES:
            continue
        if candidate.ent_type_ == "GPE" and not _held_in(candidate):
            return None  # 'the attorney in Manhattan': somewhere, no company

        words = [*parse.compounds_before(candidate, "PROPN", floor=floor), candidate]
        start, end = words[0].idx, candidate.idx + len(candidate.text)
        name = registry.text[start:end]
        if name.split()[-1].lower() in wordlists.lemmas("thing_names"):
            continue  # 'the biggest riser on the FTSE 100': an index, no company
        if not registry.free(start, end) or _place_word(name):
            return None  # the closest name is someone's or somewhere: no guess
        draft = registry.draft(name, "organization", role=noun)
        for found in re.finditer(
            rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", registry.text
        ):
            if inside(zones_, *found.span()) and registry.free(*found.span()):
                registry.mention(draft, *found.span())
        return draft
    return None


def fold_company_nouns(registry: Registry) -> None:
    """'In a statement, Brookfield Components said ... the firm's bosses': a
    company noun no name claimed stands for the organisation last named shortly
    before it, once every name is read, passing over public bodies (a council,
    an agency), outlets and names written as sites; one named by what it is,
    unless that is a company, stops the search ('the union Sintraminas')."""
    business = _business_nouns()
    nouns = [
        d
        for d in registry.drafts.values()
        if d.tentative and d.type == "organization" and d.spans
        and d.name in business and d.role == d.name
    ]  # fmt: skip
    if not nouns:
        return
    # a name written as where something is ('11th in the Premier League') is
    # passed over
    sites = (
        parse.places(registry.doc, parse.SITE_PREPOSITIONS)
        if registry.doc is not None
        else set()
    )
    for draft in nouns:
        company = _last_company(registry, min(draft.spans)[0], draft, sites)
        if company is not None:
            registry.merge(draft, company)


# How far before a company noun the company it stands for may be named.
COMPANY_REACH = 600


def _last_company(registry: Registry, before: int, noun, sites):
    outlets = wordlists.lemmas("outlet_names")
    for ref in reversed(registry.between(max(0, before - COMPANY_REACH), before)):
        draft = registry.drafts[ref.key]
        if draft.type not in ("organization", "government") or draft is noun:
            continue
        token = parse.token_at(registry.doc, ref.start) if registry.doc else None
        if token is not None and token.i in sites:
            continue
        words_ = draft.name.split()
        if any(w.lower() in outlets for w in words_):
            continue  # where someone spoke ('on BBC Radio Leeds'), no company
        if draft.type == "government" or set(words_) & gz.INSTITUTION_WORDS:
            continue  # a public body ('the Data Protection Commission') is none
        # named by what it is, and that is no company ('the union Sintraminas')
        if draft.role and draft.role.split()[-1] not in _business_nouns():
            return None
        return draft
    return None


def _business_nouns() -> frozenset[str]:
    return wordlists.flagged("org_nouns", "business")


# Entity types of a proper name that no organisation description stands for.
# What is held in a company: 'Shares in Tesco', which the recogniser may read as
# a place.
HOLDINGS = {"share", "stake", "investment", "holding"}


def _held_in(token) -> bool:
    preposition = token.head
    return preposition.lower_ == "in" and preposition.head.lemma_ in HOLDINGS


NOT_ORG_TYPES = {"PERSON", "DATE", "TIME", "NORP", "LOC", "EVENT", "LAW", "MONEY"}


def _place_word(name: str) -> bool:
    return (
        name in gz.country_forms()
        or name in gz.DEMONYMS
        or name in gz.CAPITALS
        or name in gz.NOT_NAMES
    )


def _antecedent(registry: Registry, noun: str, before: int):
    """The organisation last mentioned before the offset whose name or role holds
    the noun ('Severn Vale Hospitals NHS Trust' for 'the trust')."""
    pattern = re.compile(rf"\b{noun}\b", re.IGNORECASE)
    business = noun in _business_nouns()
    for ref in reversed(registry.between(0, before)):
        draft = registry.drafts[ref.key]
        if draft.type not in ("organization", "government"):
            continue
        if pattern.search(draft.name) or pattern.search(draft.role or ""):
            return draft
        if business and draft.role in _business_nouns():
            return draft  # 'the supermarket' ... 'the company': one company
    return None


def fold_short_forms(registry: Registry, types=("organization", "government")) -> None:
    """'the Bank' after 'Bank of England', 'Crestline' after 'Crestline
    Communications': a one-word organisation that starts a longer one is it."""
    drafts = [d for d in registry.drafts.values() if d.type in types]
    for short in drafts:
        if " " in short.name or short.key not in registry.drafts:
            continue
        # 'the Commission' after 'European Commission': the head noun also folds
        longer = [
            d
            for d in drafts
            if d is not short and short.name in (d.name.split()[0], d.name.split()[-1])
        ]
        if len(longer) == 1 and longer[0].key in registry.drafts:
            registry.merge(short, longer[0])
