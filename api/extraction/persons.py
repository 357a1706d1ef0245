"""People and institutions from runs of capitalised words, titles and appositions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extraction import gazetteers as gz
from api.extraction.registry import Registry
from api.extraction.words import Word

PLACE_WORDS = {
    "City",
    "Street",
    "Square",
    "Avenue",
    "Airport",
    "Province",
    "Region",
    "District",
    "Valley",
    "River",
    "Lake",
    "Sea",
    "Ocean",
    "Mountains",
    "Island",
    "Islands",
    "Isle",
    "Park",
    "Palace",
    "Hospital",
    "Station",
    "Stadium",
    "Bridge",
    "Road",
    "East",
    "West",
    "North",
    "South",
    "Republic",
    "Kingdom",
    "State",
    "States",
    "Coast",
    "Gulf",
    "Bay",
    "Peninsula",
    "Desert",
    "Middle",
    "Latin",
    "New",
    "Day",
    "War",
}
APPOSITION_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))((?:[Tt]he|[Aa]n?)\s+[\w’'\- ]{2,70}),\s*$"
)
APPOSITION_AFTER = re.compile(r"^,\s+((?:[Tt]he|[Aa]n?)\s+[\w’'\- ]{2,70}?)(?=[,.;)])")


@dataclass
class Part:
    kind: str  # NAME, TITLE, SKIP or a gazetteer label (COUNTRY, DEMONYM, ...)
    start: int
    end: int
    words: list[Word]
    value: str = ""


def parse_run(run: list[Word], gazetteer: dict[int, tuple]) -> list[Part]:
    parts, index = [], 0
    while index < len(run):
        part = _gazetteer_part(run, index, gazetteer) or _title_part(run, index)
        part = part or _name_part(run, index, gazetteer)
        parts.append(part)
        index += len(part.words)
    return parts


def _gazetteer_part(run, index, gazetteer) -> Part | None:
    hit = gazetteer.get(run[index].start)
    if not hit:
        return None
    end, label, canonical = hit
    covered = [w for w in run[index:] if w.end <= end]
    if not covered or covered[-1].end != end:
        return None
    return Part(label, run[index].start, end, covered, canonical)


# Words after which a title's word names a body's field: 'Ministry of Justice'.
FIELD_AFTER = {"of", "for"}


def _title_part(run, index) -> Part | None:
    if index and run[index - 1].text in FIELD_AFTER:
        return None
    for size in (2, 1):
        chunk = run[index : index + size]
        if len(chunk) == size and " ".join(w.text for w in chunk) in gz.TITLES:
            return Part("TITLE", chunk[0].start, chunk[-1].end, chunk)
    return None


def _name_part(run, index, gazetteer) -> Part:
    word = run[index]
    role_word = word.text.lower() in gz.ROLE_NOUNS and index + 1 < len(run)
    if word.text in gz.NOT_NAMES or not word.capital or role_word:
        return Part("SKIP", word.start, word.end, [word])
    stop = index + 1
    while stop < len(run) and _continues_name(run, stop, gazetteer):
        stop += 1
    while not run[stop - 1].capital:
        stop -= 1
    chunk = run[index:stop]
    return Part("NAME", chunk[0].start, chunk[-1].end, chunk)


def _continues_name(run, index, gazetteer) -> bool:
    word = run[index]
    if word.start in gazetteer or _title_part(run, index) or word.text in gz.NOT_NAMES:
        return False
    return word.capital or word.text in gz.PARTICLES


def is_institution(part: Part) -> bool:
    return any(w.text in gz.INSTITUTION_WORDS for w in part.words)


def is_person_name(part: Part) -> bool:
    texts = [w.text for w in part.words]
    if any(t in PLACE_WORDS or t in gz.INSTITUTION_WORDS for t in texts):
        return False
    if texts[-1].lower() in gz.GROUPS:
        return False  # 'Opposition MPs', 'Tory MPs': a group, named by its noun
    return not any(t.isupper() and len(t) > 1 for t in texts)


def role_from(parts: list[Part], title: Part, text: str) -> tuple[str, str | None]:
    """'French President' -> ('President of France', 'France')."""
    title_text = text[title.start : title.end]
    before = parts[: parts.index(title)]
    owner = before[-1] if before and before[-1].kind != "SKIP" else None
    if owner is None:
        lead = text[max(0, title.start - 9) : title.start].split()
        prefix = f"{lead[-1]} " if lead and lead[-1] in ("former", "acting") else ""
        return prefix + title_text, None
    affiliation = owner.value or text[owner.start : owner.end]
    article = "the " if owner.kind in ("ORG", "NAME") else ""
    return f"{title_text} of {article}{affiliation}", affiliation


def describe(description: str, registry: Registry, start: int = 0, end: int = 0):
    """'the president of the European Commission' -> (role, affiliation)."""
    body = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", description)
    lowered = body.lower()
    role = next(
        (
            n
            for n in sorted(gz.ROLE_NOUNS, key=len, reverse=True)
            if re.search(rf"\b{n}\b", lowered)
        ),
        None,
    )
    if role is None:
        return None, None
    affiliation = _affiliation(body, registry)
    for ref in registry.between(start, end):
        owner = registry.drafts[ref.key]
        if owner.type in ("organization", "government", "country"):
            affiliation = affiliation or owner.name
    if affiliation:
        return f"{role.title()} of {affiliation}", affiliation
    return body[0].upper() + body[1:], None


def _affiliation(body: str, registry: Registry) -> str | None:
    tail = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w’'\- ]+)$", body)
    if tail:
        name = tail.group(1).strip()
        return gz.country_forms().get(name, name)
    for word in body.split():
        if word in gz.DEMONYMS:
            return gz.DEMONYMS[word]
    return None
