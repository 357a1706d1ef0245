"""Word tokens with offsets, and runs of capitalised words that may form names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extraction import gazetteers as gz

WORD = re.compile(r"[^\W\d_][\w’'\-]*(?:\.(?=[A-Z]\.))?\.?")
ABBREVIATIONS = {"Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "U.S.", "U.N.", "St.", "Jr."}
CONNECTORS = {"of", "the", "for"}


@dataclass
class Word:
    start: int
    end: int
    text: str
    possessive: bool = False

    @property
    def capital(self) -> bool:
        return self.text[0].isupper()


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Words of text[start:end]; a possessive "’s" and a final period are cut off."""
    result = []
    for match in WORD.finditer(text, start, len(text) if end is None else end):
        value, stop = match.group(), match.end()
        if value.endswith(".") and value not in ABBREVIATIONS:
            value, stop = value[:-1], stop - 1
        possessive = value.endswith(("’s", "'s")) and len(value) > 2
        if possessive:
            value, stop = value[:-2], stop - 2
        if value:
            result.append(Word(match.start(), stop, value, possessive))
    return result


def capital_runs(text: str, tokens: list[Word]) -> list[list[Word]]:
    """Maximal runs of capitalised words, joined by single spaces, that may carry
    particles ("von der") and connectors ("of the") between capitalised words."""
    runs, current = [], []
    for index, word in enumerate(tokens):
        if current and not _joins(text, current[-1], word):
            runs.append(current)
            current = []
        if word.capital or (current and _bridge(tokens, index)):
            current.append(word)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [_trim(run) for run in runs if _trim(run)]


def _joins(text: str, left: Word, right: Word) -> bool:
    """Words one space apart; after a possessive only an institution word joins
    ('Attorney General’s Office')."""
    gap = text[left.end : right.start]
    if left.possessive:
        return gap in ("’s ", "'s ") and right.text in gz.INSTITUTION_WORDS
    return gap == " "


def _bridge(tokens: list[Word], index: int) -> bool:
    """A lowercase particle or connector continues a run if a capital follows."""
    word = tokens[index].text
    if word not in gz.PARTICLES and word not in CONNECTORS:
        return False
    for later in tokens[index + 1 : index + 3]:
        if later.capital:
            return True
        if later.text not in gz.PARTICLES and later.text not in CONNECTORS:
            return False
    return False


def _trim(run: list[Word]) -> list[Word]:
    while run and not run[-1].capital:
        run = run[:-1]
    return run
