"""Actors being discovered: canonical drafts and the offsets that mention them."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field


def normalise(name: str) -> str:
    """Case-, accent- and hyphen-blind key; a leading "the" does not count, nor
    British or American spelling ('Organisation', 'Organization')."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()
    key = re.sub(r"isation\b", "ization", key)
    return key[4:] if key.startswith("the ") else key


@dataclass
class Draft:
    name: str
    type: str
    role: str | None = None
    country: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    acts: bool = False
    # Guessed from a weak cue (a bare acronym, a description): kept only if it acts.
    tentative: bool = False
    # Named like an actor but a thing (a product, a building, a work): never listed.
    not_actor: bool = False

    @property
    def key(self) -> str:
        return normalise(self.name)


@dataclass
class Ref:
    start: int
    end: int
    key: str


class Registry:
    """Drafts by key, plus a sorted, non-overlapping index of mention spans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: dict[str, Draft] = {}
        self.refs: list[Ref] = []
        self.hits: list[tuple] = []
        self.doc = None  # the parsed text, for the stages that read structure
        # who each sentence says reports its figures, filled by the statistics
        self.sentence_cues: dict[tuple[int, int], Draft | None] = {}
        # what the text tells of each person's sex, filled as pronouns are read
        self.genders: dict[tuple[str, int], str | None] = {}
        self._starts: list[int] = []

    def draft(self, name: str, type_: str, **fields) -> Draft:
        key = normalise(name)
        found = self.drafts.get(key)
        if found is None:
            found = self.drafts[key] = Draft(name, type_, **fields)
        else:
            for attr, value in fields.items():
                if value and not getattr(found, attr):
                    setattr(found, attr, value)
        return found

    def free(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self._starts, end)
        return not any(r.end > start for r in self.refs[max(0, index - 8) : index])

    def mention(self, draft: Draft, start: int, end: int) -> bool:
        """Record a mention unless an earlier, stronger one covers the span."""
        if start >= end or not self.free(start, end):
            return False
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self.refs.insert(index, Ref(start, end, draft.key))
        draft.spans.append((start, end))
        written = self.text[start:end]
        if written not in draft.aliases:
            draft.aliases.append(written)
        return True

    def unmention(self, start: int, end: int) -> None:
        """Forget the mention at exactly these offsets (a longer one replaces it)."""
        for index, ref in enumerate(self.refs):
            if (ref.start, ref.end) == (start, end):
                draft = self.drafts[ref.key]
                draft.spans = [s for s in draft.spans if s != (start, end)]
                del self.refs[index], self._starts[index]
                return

    def between(self, start: int, end: int) -> list[Ref]:
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return [r for r in self.refs[low:high] if r.end <= end]

    def at(self, start: int, end: int) -> Draft | None:
        for ref in self.between(start, end):
            return self.drafts[ref.key]
        return None

    def last_person_before(self, offset: int, skip=()) -> Draft | None:
        index = bisect.bisect_left(self._starts, offset)
        for ref in reversed(self.refs[:index]):
            draft = self.drafts[ref.key]
            inside = any(a <= ref.start < b for a, b in skip)
            if draft.type == "person" and not inside and ref.end <= offset:
                return draft
        return None

    def merge(self, source: Draft, target: Draft) -> None:
        """Fold one draft into another (e.g. "police" into "Kazakh police")."""
        for ref in self.refs:
            if ref.key == source.key:
                ref.key = target.key
        target.spans.extend(source.spans)
        target.aliases.extend(a for a in source.aliases if a not in target.aliases)
        target.acts = target.acts or source.acts
        self.drafts.pop(source.key, None)
