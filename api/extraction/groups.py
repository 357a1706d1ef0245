"""Collective actors ('Russian troops', 'the government', 'protesters') and
countries that act."""

from __future__ import annotations

import re
from functools import lru_cache

from api.extraction import acting
from api.extraction import gazetteers as gz
from api.extraction.registry import Registry
from api.extraction.zones import inside


@lru_cache(maxsize=1)
def _group_pattern() -> re.Pattern:
    prefixes = [*gz.DEMONYMS, *gz.country_forms()]
    prefix = "|".join(sorted(map(re.escape, prefixes), key=len, reverse=True))
    nouns = "|".join(sorted(map(re.escape, gz.GROUPS), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w’'])(?:({prefix})\s+)?(?:(?:local|national|federal|riot|state)\s+)?"
        rf"(?i:({nouns}))(?![\w’'-])"
    )


def groups(registry: Registry, zones_) -> None:
    """'Russian troops', 'US diplomacy', 'the Kazakh government', 'protesters'."""
    by_class: dict[tuple, object] = {}
    for match in _group_pattern().finditer(registry.text):
        if not inside(zones_, *match.span()):
            continue
        prefix, noun = match.group(1), match.group(2).lower()
        if _adjective(registry.text, noun, match.end()):
            continue
        kind, type_ = gz.GROUPS[noun]
        country = gz.DEMONYMS.get(prefix) or gz.country_forms().get(prefix)
        draft = _group_draft(registry, by_class, prefix, noun, kind, type_, country)
        if draft is not None:
            start = match.start(1) if prefix else match.start(2)
            registry.mention(draft, start, match.end())
    _merge_plain(registry, by_class)


def _group_draft(registry, by_class, prefix, noun, kind, type_, country):
    if kind == "government":
        governments = [
            d
            for d in registry.drafts.values()
            if d.type == "government" and "Government" in d.name
        ]
        if country:
            return registry.draft(
                f"Government of {country}", "government", country=country, acts=True
            )
        if len(governments) == 1:
            return governments[0]
        country = None if governments else _main_country(registry)
        return (
            registry.draft(f"Government of {country}", "government", country=country)
            if country
            else None
        )
    if prefix:
        key = (country, kind)
        if key not in by_class:
            by_class[key] = registry.draft(
                f"{prefix} {noun}", type_, country=country, acts=True
            )
        return by_class[key]
    by_class.setdefault((None, kind), registry.draft(kind, type_))
    return by_class[(None, kind)]


def _main_country(registry: Registry) -> str | None:
    """The country the article is about: the most named one, if any."""
    counts: dict[str, int] = {}
    for *_, label, value in registry.hits:
        if label in ("COUNTRY", "DEMONYM"):
            counts[value] = counts.get(value, 0) + 1
    return max(sorted(counts), key=counts.get, default=None)


ADJECTIVAL = {"military", "police", "army", "government", "opposition", "media"}


def _adjective(text: str, noun: str, end: int) -> bool:
    """'military helicopters', 'opposition MP': the noun qualifies another."""
    if noun not in ADJECTIVAL:
        return False
    match = re.match(r" ([\w’'-]+)", text[end : end + 30])
    if not match:
        return False
    word = match.group(1)
    return not (
        word.lower() in acting.VERBS | acting.FILLERS | acting.PREPOSITIONS
        or word.endswith("ed")
        or word in ("and", "or", "who", "which", "that", "said", "says")
    )


def _merge_plain(registry: Registry, by_class) -> None:
    """A plain 'police' is the one national police the article names, if only one."""
    for (country, kind), plain in list(by_class.items()):
        if country is not None or plain.key not in registry.drafts:
            continue
        owners = [d for (c, k), d in by_class.items() if k == kind and c is not None]
        if len(owners) == 1:
            registry.merge(plain, owners[0])


def countries(registry: Registry, hits, zones_) -> None:
    for start, end, label, value in hits:
        if label in ("COUNTRY", "CAPITAL") and inside(zones_, start, end):
            registry.mention(
                registry.draft(value, "country", country=value), start, end
            )
