"""Figures in prose: numerals, scales, written numbers, money, percentages, ranges,
with their qualifier; dates, years, times and numbers inside names are left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extraction import phrases, wordlists
from api.extraction.numberwords import (
    CURRENCIES,
    CURRENCY_BEFORE,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    GLUED,
    MEASURES,
    UNITS,
)
from api.extraction.tries import alternation

# 'between 40 and 60' is a range, read whole in _ranges: its qualifier is exact.
QUALIFIERS = {e["lemma"]: e["qualifier"] for e in wordlists.entries("qualifiers")}
RANGE_AND = re.compile(r"\s+and\s+")
RANGE_TO = re.compile(r"\s+to\s+|\s*[-–]\s*")
CHANGE_BY = re.compile(r"\bby\s+$")
MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]+(?:of\s+)?$", re.I)
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
VAGUE = {
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2e6,
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
    "a dozen": 12,
    "two dozen": 24,
    "three dozen": 36,
    "a few dozen": 24,
    "a million": 1e6,
}
# Capitalised words that open a sentence rather than name a thing ('But 46%')
OPENERS = {
    "More", "Over", "About", "Some", "Nearly", "With", "But", "The", "And", "In",
    "Only", "Just", "All", "Of", "For", "At", "By", "To", "Almost", "Around",
    # 'A 34-year-old man was charged', 'Another 12 died', 'His 2019 book'
    "A", "An", "Another", "Each", "Every", "These", "Those", "Its", "Their", "His",
    "Her", "When", "After", "Before", "Since", "Until", "While", "As", "If",
}  # fmt: skip
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|"
    "november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

_QUAL = alternation(QUALIFIERS, ignore_case=True)
_WRITTEN = alternation([*VAGUE, *UNITS], ignore_case=True)
FIGURE = re.compile(
    rf"(?<![\w.,:/$€£¥-])(?:(?P<qual>(?i:{_QUAL}))\s+)?"
    rf"(?:(?P<cur>{CURRENCY_SIGNS})\s?)?"
    # a currency written before the number: 'dollars 6.58bn', 'USD 5m'
    rf"(?:(?P<precur>{CURRENCY_BEFORE})\s)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,.]?\d)"
    r"(?:(?:\s|-)?(?P<scale>million|billion|trillion|thousand|bn|mn|tn|m|k)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per cent)\b)?"
    # a unit glued to the number: '18km', 'up to 70km/h', 'above 46C'
    rf"(?:(?P<measure>{GLUED})(?![A-Za-z]))?"
    r"(?:(?P<pence>p)(?![A-Za-z]))?"
    rf"(?:\s(?P<curword>{CURRENCY_WORDS})\b)?"
    # spaced or hyphenated: '1,500 km', 'a 1,500-km pipeline'
    rf"(?:[\s-](?P<measureword>{'|'.join(sorted(MEASURES, key=len, reverse=True))})\b)?"
)
WRITTEN = re.compile(
    rf"(?<![\w-])(?:(?P<qual>(?i:{_QUAL}))\s+)?(?P<word>(?i:{_WRITTEN}))"
    r"(?:-(?P<unit>one|two|three|four|five|six|seven|eight|nine))?"
    r"(?:\s+(?P<scale>million|billion|thousand)\b)?"
    r"(?=\s+of\s+(?:them|those)\b"
    r"|\s+(?:of\s+(?:the\s+)?)?(?:\W\s*)?(?:[a-z\-]+\s+){0,2}(?:[A-Za-z]+s|people|"
    r"children|men|women|staff|dead|injured|wounded|missing|killed)\b"
    r"|\s+(?:have|had|were|are)\b"
    # the low end of a range: 'from ten to 32'
    r"|\s+(?:to|and)\s+\d)"
)
# 'a thousand', 'more than a thousand', 'over one million', 'half a million'
WHOLE = re.compile(
    rf"(?<![\w-])(?:(?P<qual>(?i:{_QUAL}))\s+)?"
    rf"(?P<count>[Aa]|[Hh]alf\s+a|(?i:{alternation(UNITS, ignore_case=True)}))\s+"
    r"(?P<scale>hundred|thousand|million|billion)\b(?!\s+(?:of\s|years?\b|-))"
    # 'one hundred and twenty'
    rf"(?:\s+and\s+(?P<rest>(?i:{alternation(UNITS, ignore_case=True)}))\b(?!-))?"
)
# 'almost half', 'about half': a share, written only with its qualifier
HALF = re.compile(rf"(?<![\w-])(?P<qual>(?i:{_QUAL}))\s+half\b(?!\s+(?:an?|the)\s)")
# 'aged eighteen', 'at age seventeen'
AGE_WORD = re.compile(
    rf"(?<![\w-])(?:[Aa]ged|[Aa]t\s+(?:the\s+)?age(?:\s+of)?)\s+"
    rf"(?P<word>(?i:{alternation(UNITS, ignore_case=True)}))\b(?!-)"
)
DATE_BEFORE = re.compile(rf"(?i:\b(?:{MONTHS})\.?)\s*$")
DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?i:(?:{MONTHS})\b)")
TIME_AFTER = re.compile(r"^(?::\d|\s?(?:a\.?m\b|p\.?m\b|hours\b|GMT|h\b|o'clock))")
AGE = re.compile(r"^(?:-years?-old|\s+years?\s+old|-years?\s+old|\s+years?-old)")
# After 'NNm', words of size or distance make the 'm' metres: 'a 20m tall tower'.
METRES_AFTER = re.compile(
    r"\s*(?:tall|high|long|wide|deep|away|above|below|under|in\s+(?:length|height|"
    r"diameter)|of\s+water)\b"
)
# 'the river rose 6m in two days': a level's change is in metres, where no noun
# it could count ('rose 6m viewers') follows
RISE_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|dropped|climbed)\s+$"
)
NOT_COUNTED_AFTER = re.compile(
    r"\s*(?:[.,;:)]|$|(?:in|on|over|overnight|since|and|after|within|above)\b)"
)
AGE_BEFORE = re.compile(r"\baged\s+$")
DIGIT = re.compile(r"\d")


@dataclass
class Figure:
    start: int
    end: int
    value: float
    qualifier: str = "exact"
    unit: str | None = None
    age: bool = False
    money: bool = False
    high: float | None = None  # the upper end of a range


def figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    end = len(text) if end is None else end
    found = []
    if DIGIT.search(text, start, end):  # every numeral has one; most sentences none
        found = [
            f for m in FIGURE.finditer(text, start, end) if (f := _numeral(text, m))
        ]
    found += [f for m in WRITTEN.finditer(text, start, end) if (f := _written(m))]
    found = _phrases(text, start, end, found)
    found = _wholes(text, start, end, found)
    found = _ranges(text, sorted(found, key=lambda f: f.start))
    return [f for f in found if f.age or not phrases.is_duration(text, f.end)]


PHRASES = phrases.compile_with(_QUAL, "|".join(k for k in UNITS if " " not in k))


def _wholes(text: str, start: int, end: int, found: list[Figure]) -> list[Figure]:
    """Round numbers in words, shares written as 'about half', ages in words; they
    win over the numbers written inside them."""
    extra = []
    for match in WHOLE.finditer(text, start, end):
        count = match.group("count").lower()
        # 'three hundred', 'two million': the number word times its scale
        share = 0.5 if count.startswith("half") else UNITS.get(count, 1)
        value = float(share * {**SCALES, "hundred": 100}[match.group("scale")])
        value += UNITS.get((match.group("rest") or "").lower(), 0)
        default = "approximate" if match.group("count").lower() == "a" else "exact"
        qualifier = QUALIFIERS.get((match.group("qual") or "").lower(), default)
        extra.append(Figure(match.start(), match.end(), value, qualifier))
    for match in HALF.finditer(text, start, end):
        qualifier = QUALIFIERS.get(match.group("qual").lower(), "exact")
        extra.append(Figure(match.start(), match.end(), 50.0, qualifier, "percent"))
    for match in AGE_WORD.finditer(text, start, end):
        value = float(UNITS[match.group("word").lower()])
        extra.append(Figure(match.start(), match.end(), value, "exact", "years", True))
    kept = [
        f for f in found if not any(e.start < f.end and f.start < e.end for e in extra)
    ]
    return kept + extra


def _phrases(text: str, start: int, end: int, found: list[Figure]) -> list[Figure]:
    """Phrase figures, which win over the numbers written inside them."""
    fraction_of, share, age = PHRASES
    extra = []
    for match in _finditer(0, fraction_of, text, start, end):
        value, unit = phrases.fraction(match)
        extra.append(Figure(match.start(), match.end(), value, _qual(match), unit))
    for match in _finditer(1, share, text, start, end):
        value = phrases.share(match)
        extra.append(Figure(match.start(), match.end(), value, _qual(match), "percent"))
    for match in _finditer(2, age, text, start, end):
        value, unit = phrases.written_age(match, UNITS)
        extra.append(Figure(match.start(), match.end(), value, "exact", unit, True))
    kept = [
        f for f in found if not any(e.start < f.end and f.start < e.end for e in extra)
    ]
    return kept + extra


def _finditer(index: int, pattern: re.Pattern, text: str, start: int, end: int):
    if not phrases.may_match(index, text, start, end):
        return ()
    return pattern.finditer(text, start, end)


def _qual(match: re.Match) -> str:
    return QUALIFIERS.get((match.group("qual") or "").lower(), "exact")


def _ranges(text: str, found: list[Figure]) -> list[Figure]:
    """'between 40 and 60', 'from ten to 32', '20 to 50 years', '3-5%': one figure,
    the low end its value and the high end its `high`."""
    merged: list[Figure] = []
    index = 0
    while index < len(found):
        low = found[index]
        high = found[index + 1] if index + 1 < len(found) else None
        if high is not None and _joined(text, low, high):
            merged.append(_range(text, low, high))
            index += 2
            continue
        merged.append(low)
        index += 1
    return merged


def _joined(text: str, low: Figure, high: Figure) -> bool:
    gap = text[low.end : high.start]
    if low.value >= high.value or low.money != high.money:
        return False
    if text[low.start : low.start + 8].lower().startswith("between"):
        return RANGE_AND.fullmatch(gap) is not None
    if CHANGE_BY.search(text, max(0, low.start - 4), low.start):
        return False  # 'rose by 50,000 to 1.4 million': a change, then a level
    units = {low.unit, high.unit} - {None}
    return RANGE_TO.fullmatch(gap) is not None and len(units) <= 1


def _range(text: str, low: Figure, high: Figure) -> Figure:
    between = text[low.start : low.start + 8].lower().startswith("between")
    value = low.value
    while value * 1000 <= high.value and low.unit is None and high.value >= 1e6:
        value *= 1000  # '3 to 5 million': the scale is written once
    return Figure(
        low.start,
        high.end,
        value,
        "exact" if between else low.qualifier,
        high.unit or low.unit,
        high.age or low.age,
        high.money,
        high=high.value,
    )


def _numeral(text: str, match: re.Match) -> Figure | None:
    raw = match.group("num")
    value = float(raw.replace(",", ""))
    if not _counted(text, match, raw, value):
        return None
    after = text[match.end() : match.end() + 14]
    before = text[max(0, match.start() - 8) : match.start()]
    age = bool(AGE.match(after) or AGE_BEFORE.search(before))
    scale = match.group("scale")
    currency = match.group("cur") or match.group("precur") or match.group("curword")
    if scale == "k" and not currency:
        return None
    measure = MEASURES.get(match.group("measure") or "")
    if scale == "m" and not currency and _metres(text, match.start(), match.end()):
        scale, measure = None, "m"  # 'a 20m tall tower': metres, not millions
    value *= SCALES.get(scale or "", 1)
    unit = CURRENCIES.get(currency) if currency else None
    if match.group("pence") and not scale and not currency:
        value, unit, currency = value / 100, "GBP", "p"  # '1p': one penny
    measure = measure or MEASURES.get(match.group("measureword") or "")
    if MAGNITUDE_BEFORE.search(text, max(0, match.start() - 16), match.start()):
        measure = "magnitude"  # 'a magnitude 6.4 quake'

    unit = "percent" if match.group("pct") else (measure or unit)
    unit = "years" if age else unit
    qualifier = QUALIFIERS.get((match.group("qual") or "").lower(), "exact")
    money = bool(currency) and not age
    return Figure(match.start(), match.end(), value, qualifier, unit, age, money)


def _counted(text: str, match: re.Match, raw: str, value: float) -> bool:
    """Dates, years, times and numbers glued to names are not figures."""
    num_start, num_end = match.span("num")
    before, after = (
        text[max(0, num_start - 12) : num_start],
        text[num_end : num_end + 12],
    )
    glued = match.group("scale") or match.group("measure") or match.group("pence")
    if after[:1].isalpha() and not glued:
        return False
    if DATE_BEFORE.search(before) or DATE_AFTER.match(after) or TIME_AFTER.match(after):
        return False
    plain_year = re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100
    if plain_year and not match.group("cur") and not match.group("pct"):
        return bool(re.match(r"\s+[a-z]+s\b", after)) and not re.match(r"\s+was", after)
    previous = re.search(r"([A-Za-z][\w’'-]*)\s+$", before)
    return not (
        previous
        and previous.group(1)[0].isupper()
        and not match.group("qual")
        and not match.group("precur")
        and previous.group(1) not in OPENERS
    )


def _written(match: re.Match) -> Figure | None:
    word = match.group("word").lower()
    qualifier = QUALIFIERS.get((match.group("qual") or "").lower(), "exact")
    if word in VAGUE:
        # 'a dozen' is about twelve; 'dozens', 'thousands' are at least twice the unit
        counted = word.endswith("dozen") or word.startswith("a ")
        vague = "approximate" if counted else "at_least"
        qualifier = qualifier if match.group("qual") else vague
        return Figure(match.start(), match.end(), float(VAGUE[word]), qualifier)
    if word == "one":
        return None
    value = UNITS[word] + (UNITS.get(match.group("unit") or "", 0))
    value *= SCALES.get(match.group("scale") or "", 1)
    return Figure(match.start(), match.end(), float(value), qualifier)


def _metres(text: str, start: int, end: int) -> bool:
    """'20m tall', 'rose 6m in two days': an 'm' that measures, not a million."""
    if METRES_AFTER.match(text, end):
        return True
    rise = RISE_BEFORE.search(text, max(0, start - 12), start)
    return rise is not None and NOT_COUNTED_AFTER.match(text, end) is not None
