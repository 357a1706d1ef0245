"""Statistic items: each figure with its category, subject, source and placement."""

from __future__ import annotations

import re
from functools import cache
from itertools import zip_longest

from api.extraction import counting, countries, descriptions, parse, wordlists
from api.extraction import gazetteers as gz
from api.extraction.ids import actor_id, item_id
from api.extraction.numbers import Figure, figures
from api.extraction.numberwords import COUNT_WORDS, COUNTED, shared_currency
from api.extraction.quotes import sentence_of
from api.extraction.registry import Registry
from api.extraction.types import Occurrence, Statistic


def _stems_by_category(linked=False) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The stems of each category, categories in the order the file first names
    them: the first category with a matching stem wins. With `linked`, the stems
    that count only where the parse links them to the figure."""
    by_category: dict[str, list[str]] = {}
    for entry in wordlists.entries("category_stems"):
        if entry.get("linked_only", False) != linked:
            continue
        by_category.setdefault(entry["category"], []).append(entry["lemma"])
    return tuple((name, tuple(stems)) for name, stems in by_category.items())


# Stems of the counted thing or of what happened to it, by category.
CATEGORY_STEMS = _stems_by_category()
# Stems that tell a category only where the parse links them to the count's verb
# ('Eight of them were taken to hospital'): near a figure by chance ('the hospital
# bought two dozen coolers') they tell nothing.
LINKED_STEMS = _stems_by_category(linked=True)
# What a word the parse links to a figure may tell: every stem, linked ones too.
PARSED_STEMS = CATEGORY_STEMS + LINKED_STEMS
POPULATION_NOUNS = set(wordlists.lemmas("population_nouns"))
# Entity labels whose numbers are parts of names ('Boeing 747'), not figures.
NAMES_WITH_NUMBERS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC"}
# Before a year used as a modifier: 'the 2014 protests', "Kenya's 2007 election"
YEAR_BEFORE = re.compile(r"(?:\b[Tt]he|[’']s|\b[Ii]n|\b[Ss]ince)\s+$")
# A number the recogniser puts in a date or time and a unit of time follows.
DURATION = re.compile(
    r"[\s-]*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", re.I
)
# 'aged eighteen', 'at age 14'
AGED = re.compile(r"\b(?:[Aa]ged?|ages)\s+$")
# 'Mr Larraín, 61, said': a bare number set off after a name is an age.
NAME_AGE = re.compile(r"[A-Z][\w’'-]+,\s$")
SPEAKER_AGE = re.compile(
    r"\b(?:said|says|added|told)\s+(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+,\s$"
)
RANGE_REST = re.compile(r"(?:\s+and\s+[\d,.]+)?")
STOP = re.compile(r"[,;:.()!?]")
WORD = re.compile(r"[A-Za-z][\w’'-]*")
REPORTING = re.compile(
    r"[\s,]*(?:(?:also|yesterday|today|on \w+day|have|has|had),?\s+)*"
    r"(?:reported|said|says|announced|confirmed|estimated|counted|indicated|"
    r"recorded|registered|told|claimed|put|gave|released|published|reports)\b"
)
ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Cc]iting|[Ss]ources? (?:at|in))\s+")
OFFICIAL = ("authorities", "police", "security forces", "officials", "ministry")
CONJUNCTIONS = ("and", "but", "or", "while", "whereas")
PLACEMENTS = ("body", "related_headline", "photo_caption", "pull_quote")


def category(text: str, figure: Figure, doc=None) -> str:
    if figure.age or _age_after_name(text, figure):
        return "age"
    first = _first_listed(doc, figure.start) if doc is not None else figure.start
    if figure.unit is None and AGED.search(text[max(0, first - 8) : first]):
        return "age"  # 'aged 19, 21 and 34': every figure of the list
    if figure.money:
        return "economy"
    tail = text[figure.end : figure.end + 90]
    # the low bound of 'between 3,000 and 7,000 people' is about what follows both
    tail = tail[RANGE_REST.match(tail).end() :]
    after = _until_conjunction(WORD.findall(STOP.split(tail, 1)[0])[:8])
    before = WORD.findall(
        STOP.split(text[max(0, figure.start - 50) : figure.start])[-1]
    )
    # nor 'died' to the figure after 'and': 'died and 100,000 have been forced'
    before = _until_conjunction(before[::-1])[:4]
    if before[:1] == ["magnitude"] or figure.unit:
        return "other"  # a measure, not a count
    # the parse links the count to its verb across any words between them
    parsed = counting.describing_words(doc, figure.start, figure.end) if doc else []
    for word in parsed:
        found = _category_of(word, PARSED_STEMS)
        if found:
            return found
    # else what a figure counts, when it is a thing, is all it is about:
    # 'Officers seized more than 300 tablets' counts no officers
    thing = _counted_unit_at(doc, figure.start, figure.end) if doc else None
    words = [w.lower() for w in after]
    if thing in words:
        # the thing with the words before it: '12 fatal crashes'
        phrase = words[: words.index(thing) + 1]
        return next(filter(None, map(_category_of, phrase)), "other")
    # what the figure counts comes first: 'people have died and tens of thousands
    # have been forced from their homes'
    for word in after[:4] + _alternate(after[4:], before):
        found = _category_of(word.lower())
        if found:
            return found
    head = [w.lower() for w in after[:3] if w.lower() not in ("of", "the")]
    people = set(head) & POPULATION_NOUNS or any(_demonym_plural(w) for w in head)
    return "population" if people else "other"


def _first_listed(doc, start: int) -> int:
    """Where the list of figures the figure at `start` closes begins ('19' in
    '19, 21 and 34'); its own start when it is in no list."""
    token = parse.token_at(doc, start)
    if token is None:
        return start
    while token.dep_ == "conj" and token.head.pos_ == "NUM" and token.head.i < token.i:
        token = token.head
    return token.idx


def _demonym_plural(word: str) -> bool:
    """'100,000 Greeks': people named by where they are from."""
    return word.endswith("s") and word[:-1].capitalize() in gz.DEMONYMS


def _until_conjunction(words: list[str]) -> list[str]:
    """Words that can describe the figure: 'killed 12 people and injured 40' must
    not lend 'injured' to the 12."""
    for index, word in enumerate(words):
        if word.lower() in CONJUNCTIONS:
            return words[:index]
    return words


def _alternate(after: list[str], before: list[str]) -> list[str]:
    return [w for pair in zip_longest(before, after) for w in pair if w]


def _age_after_name(text: str, figure: Figure) -> bool:
    if figure.unit is not None or not 0 < figure.value < 120:
        return False
    before = text[max(0, figure.start - 30) : figure.start]
    if not NAME_AGE.search(before):
        return False
    after = text[figure.end : figure.end + 1]
    # '... ," said Fatma Gharbi, 61.': the speaker's age ends the sentence
    wide = text[max(0, figure.start - 60) : figure.start]
    return after == "," or (after in (".", "") and bool(SPEAKER_AGE.search(wide)))


def _category_of(word: str, table=CATEGORY_STEMS) -> str | None:
    if word == "people":
        return None
    for name, stems in table:
        if word.startswith(stems):
            return name
    return None


def subject(text: str, figure: Figure) -> str | None:
    clause = STOP.split(text[figure.end : figure.end + 90], 1)[0]
    words = WORD.findall(clause)
    if words and words[0] == "of":
        words = words[1:]
    head = []
    for word in words[:4]:
        if word.lower() in ("have", "has", "had", "were", "was", "are", "is", "in"):
            break
        head.append(word)
    verb = next((w for w in words[len(head) :] if w.endswith("ed")), None)
    phrase = " ".join(head + ([verb] if verb else []))
    return phrase or None


def source(registry: Registry, sentence, figure: Figure, quotes) -> str | None:
    """The actor that reported the figure: 'according to X', 'X reported', the
    speaker of a quote holding it, or an official body that is the subject."""
    start, end = sentence
    for quote in quotes:
        if quote.start <= figure.start < quote.end and quote.speaker:
            return quote.speaker
    cue = _sentence_cue(registry, start, end)
    if cue is None:
        cue = _official_subject(registry, start, figure.start)
    if cue is None:
        return None
    cue.acts = True
    return actor_id(cue.name)


def _sentence_cue(registry: Registry, start: int, end: int):
    """Who the sentence says reports its figures, read once per sentence: every
    figure of a sentence shares it, and a sentence may hold thousands."""
    cues = registry.sentence_cues
    if (start, end) not in cues:
        cue = _according(registry, start, end) or _reporter(registry, start, end)
        cues[start, end] = cue or descriptions.reporter(registry, start, end)
    return cues[start, end]


def _according(registry: Registry, start: int, end: int):
    for match in ACCORDING.finditer(registry.text, start, end):
        refs = registry.between(match.end(), min(end, match.end() + 80))
        if refs and refs[0].start - match.end() <= 4:
            return registry.drafts[refs[0].key]
    return None


def _reporter(registry: Registry, start: int, end: int):
    for ref in registry.between(start, end):
        if REPORTING.match(registry.text, ref.end) and not _counted(registry, ref):
            return registry.drafts[ref.key]
    return None


def _counted(registry: Registry, ref) -> bool:
    """'represents about four million workers, said': people a figure counts
    are what it measures, not who reports it."""
    before = registry.text[max(0, ref.start - 30) : ref.start]
    match = COUNTED.search(before)
    return match is not None and (
        match.group(1)[0].isdigit() or match.group(1).lower() in COUNT_WORDS
    )


def _official_subject(registry: Registry, start: int, figure_start: int):
    refs = registry.between(start, figure_start)
    if not refs or refs[0].start - start > 25:
        return None
    if _counted(registry, refs[0]):
        return None
    draft = registry.drafts[refs[0].key]
    official = draft.type == "government" or any(
        w in draft.name.lower() for w in OFFICIAL
    )
    return draft if official else None


def extract(registry, paragraphs, sentences, quotes, article: str) -> list[Statistic]:
    text, items = registry.text, []
    for para in paragraphs:
        if para.kind not in PLACEMENTS:
            continue
        for figure in figures(text, para.start, para.end):
            kind = category(text, figure, registry.doc)
            if _named_date_or_label(registry.doc, text, figure, kind):
                continue
            sentence = sentence_of(sentences, figure.start)
            items.append(_item(registry, para, figure, kind, sentence, quotes, article))
    folded = _repeats_folded(text, items)
    country = countries.main_country(registry)
    for item in folded:
        if item.unit is None and item.category == "economy":
            item.unit = shared_currency(item.evidence, country)
        # after folding: 'three' votes and 'three' points stay two figures
        item.unit = item.unit or _counted_unit(registry.doc, item)
    return folded


def _repeats_folded(text: str, items: list[Statistic]) -> list[Statistic]:
    """The same figure written again ('around 2 million voters' in the lead and in
    the last paragraph) is one statistic with two occurrences. Small bare counts
    ('two') repeat for different things, so they stay apart."""
    kept: dict[tuple, Statistic] = {}
    result = []
    for item in items:
        item.occurrences = [Occurrence(item.start, item.end, item.evidence)]
        key = (item.evidence.lower(), item.value, item.unit, item.category)
        first = kept.get(key)
        if first is not None and _distinctive(item):
            first.occurrences.append(item.occurrences[0])
            continue
        kept.setdefault(key, item)
        result.append(item)
    return result


def _distinctive(item: Statistic) -> bool:
    return item.unit is not None or item.value >= 10 or item.value != int(item.value)


def _named_date_or_label(doc, text: str, figure: Figure, kind: str) -> bool:
    """A number the recogniser reads as part of a date, a time or a duration ('in
    2014', 'the last 30 years', '73 seconds') or of a name ('Boeing 747') is no
    figure; an age stays one whatever the recogniser says."""
    if doc is None or figure.money or figure.unit == "percent":
        return False
    if kind == "age":
        return False
    entity = _entity_at(doc, figure.start, figure.end)
    if entity is None:
        return False
    if entity.label_ in NAMES_WITH_NUMBERS:
        return True
    return entity.label_ in ("DATE", "TIME") and (
        _year(doc, text, figure) or DURATION.match(text, figure.end) is not None
    )


def _year(doc, text: str, figure: Figure) -> bool:
    """'in 2014', 'since 1958', 'the 2014 protests': a year, unless a noun
    follows a bare number ('1709 children')."""
    if not re.fullmatch(r"1\d{3}|20\d{2}", text[figure.start : figure.end]):
        return False
    if YEAR_BEFORE.search(text, max(0, figure.start - 8), figure.start):
        return True
    after = _token_after(doc, figure.end)
    return after is None or after.pos_ not in ("NOUN", "PROPN")


def _token_after(doc, offset: int):
    """The first token after `offset`."""
    token = parse.token_at(doc, max(0, offset - 1))
    return doc[token.i + 1] if token is not None and token.i + 1 < len(doc) else None


def _entity_at(doc, start: int, end: int):
    """The named entity holding [start, end), through the token at `start`."""
    token = parse.token_at(doc, start)
    if token is None or not token.ent_type_:
        return None
    first = token.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    last = token.i + 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    entity = doc[first:last]
    if entity.start_char <= start and end <= entity.end_char:
        entity.label_ = token.ent_type_
        return entity
    return None


# Categories whose figures count people or money: what they count is no unit.
UNCOUNTED = ("fatalities", "injuries", "arrests", "economy", "age")


@cache
def _uncounted_nouns() -> frozenset[str]:
    """Plural nouns whose count needs no unit: people and groups the word lists
    know ('dockers', 'firefighters', 'residents'), and spans of time."""
    lists = ("uncounted_nouns", "population_nouns", "groups", "descriptors")
    return frozenset(w for name in lists for w in wordlists.lemmas(name))


def _counted_unit_at(doc, start: int, end: int) -> str | None:
    return counting.counted_unit(doc, start, end, _uncounted_nouns())


def _counted_unit(doc, item: Statistic) -> str | None:
    if doc is None or item.category in UNCOUNTED:
        return None
    return _counted_unit_at(doc, item.start, item.end)


def _item(registry, para, figure, kind, sentence, quotes, article) -> Statistic:
    text = registry.text
    return Statistic(
        id=item_id("s", article, figure.start, figure.end),
        value=figure.value,
        evidence=text[figure.start : figure.end],
        start=figure.start,
        end=figure.end,
        qualifier=figure.qualifier,
        high=figure.high,
        category=kind,
        subject=subject(text, figure),
        source=source(registry, sentence, figure, quotes),
        unit=figure.unit or ("years" if kind == "age" else None),
        placement=para.kind,
    )
