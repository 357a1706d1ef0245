"""Figures written as phrases ('more than half a million', 'a quarter of a percentage
point', 'eight-month-old'), and durations, which are not figures ('for twenty-eight
years', 'a 48-hour strike')."""

from __future__ import annotations

import re

from api.extraction.tries import alternation

FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "a quarter": 0.25,
    "three-quarters": 0.75,
    "a third": 1 / 3,
    "two-thirds": 2 / 3,
}
_FRACTION = alternation(FRACTIONS, ignore_case=True)
# 'more than half a million', 'a quarter of a percentage point'
FRACTION_OF = (
    rf"(?<![\w-])(?:(?P<qual>(?i:{{qual}}))\s+)?(?P<frac>(?i:{_FRACTION}))\s+"
    r"(?:of\s+)?an?\s+(?P<scale>million|billion|percentage point)\b"
)
# 'around three-quarters of severe cases': a share, in percent
SHARE = (
    r"(?<![\w-])(?:(?P<qual>(?i:{qual}))\s+)?(?P<frac>(?i:three-quarters|two-thirds))"
    r"(?=\s+of\b)"
)
WRITTEN_AGE = (
    r"(?<![\w-])(?P<word>(?i:{units}))(?:-(?P<unit>{ones}))?"
    r"-(?P<span>year|month|week)s?-old\b"
)
ONES = "one|two|three|four|five|six|seven|eight|nine"
DURATION = re.compile(
    r"(?:-|\s+)(?:hours?|days?|weeks?|months?|years?|decades?|nights?|minutes?)\b"
    r"(?!\s*old|-old)"
)


# Text that every match of each phrase pattern holds, in the case the pattern asks
# for: looking for it first skips the slower pattern in most paragraphs.
NEEDED = (("million", "billion", "percentage point"), ("-",), ("-old",))


def may_match(index: int, text: str, start: int, end: int) -> bool:
    """Whether pattern `index` of compile_with may match in text[start:end]."""
    return any(text.find(needed, start, end) != -1 for needed in NEEDED[index])


def compile_with(qualifiers: str, units: str) -> tuple[re.Pattern, ...]:
    """The phrase patterns, given the qualifier and number-word alternations."""
    return (
        re.compile(FRACTION_OF.replace("{qual}", qualifiers)),
        re.compile(SHARE.replace("{qual}", qualifiers)),
        re.compile(WRITTEN_AGE.replace("{units}", units).replace("{ones}", ONES)),
    )


def is_duration(text: str, end: int) -> bool:
    """'for twenty-eight years', 'two weeks', 'a 48-hour strike': a length of time."""
    return bool(DURATION.match(text, end))


def fraction(match: re.Match) -> tuple[float, str | None]:
    """Value and unit of 'half a million' or 'a quarter of a percentage point'."""
    share = FRACTIONS[match.group("frac").lower()]
    if match.group("scale") == "percentage point":
        return share, "percentage points"
    return share * (1e6 if match.group("scale") == "million" else 1e9), None


def share(match: re.Match) -> float:
    return round(FRACTIONS[match.group("frac").lower()] * 100, 2)


def written_age(match: re.Match, units: dict) -> tuple[float, str]:
    value = units[match.group("word").lower()] + units.get(match.group("unit") or "", 0)
    return float(value), match.group("span") + "s"
