"""Actors named by a description: 'the country's disaster agency said', 'the ministry
reported'. The description stands for the one known body that shares its words."""

from __future__ import annotations

import re

from api.extraction.registry import Draft, Registry

HEADS = r"agency|ministry|department|office|service|authority|regulator|commission"
DESCRIBED = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?:country|state|nation)[’']s\s+)?"
    rf"(?P<words>(?:[a-z\-]+\s+){{0,2}}(?:{HEADS}))\s+"
    r"(?:(?:also|on \w+day)\s+)?"
    r"(?:said|says|reported|estimated|confirmed|announced|counted|recorded)\b"
)
BODIES = ("organization", "government")


def reporter(registry: Registry, start: int, end: int) -> Draft | None:
    """The known body a reporting description in text[start:end] stands for."""
    for match in DESCRIBED.finditer(registry.text, start, end):
        words = set(match.group("words").split())
        found = [
            d
            for d in registry.drafts.values()
            if d.type in BODIES and words & set(d.name.lower().split())
        ]
        if len(found) == 1:
            return found[0]
    return None
