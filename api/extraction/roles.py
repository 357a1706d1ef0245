"""Unnamed office holders: 'A Commission spokeswoman said', 'the finance director
has estimated', 'the state governor imposed'. A person known only by their post
is an actor of their own when they act; the draft stays tentative otherwise."""

from __future__ import annotations

import re
from functools import lru_cache

from api.extraction import gazetteers as gz
from api.extraction.registry import Registry, normalise
from api.extraction.zones import inside

# Posts held by one person that a story may name without the person's name.
POSTS = {
    "spokeswoman", "spokesman", "spokesperson", "governor", "director", "mayor",
    "prosecutor", "commissioner", "prime minister", "president", "chancellor",
    "minister", "judge", "coroner", "chief executive", "chairman", "chairwoman",
}  # fmt: skip
# Lowercase words that narrow a post: 'the finance director', 'the state governor'.
POST_MODIFIERS = {
    "state", "finance", "police", "army", "government", "hospital", "company",
    "regional", "provincial", "district", "city", "chief", "deputy", "public",
}  # fmt: skip


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    posts = "|".join(sorted(POSTS, key=len, reverse=True))
    modifiers = "|".join(sorted(POST_MODIFIERS, key=len, reverse=True))
    return re.compile(
        rf"\b(?:[Aa]n?|[Tt]he) (?:([A-Z][\w’'-]*|{modifiers}) )?({posts})\b"
        r"(?![\w’'-]| (?:of|for|at)\b| [A-Z])"
    )


def posts(registry: Registry, zones_) -> None:
    """Register each free post description as a person of its own; an
    organisation word inside it ('Commission') gives the person's affiliation."""
    text = registry.text
    for match in _pattern().finditer(text):
        if not inside(zones_, *match.span()) or _beside_name(text, *match.span()):
            continue
        owner, post = match.group(1), match.group(2)
        org = _owner(registry, owner, match.span(1)) if owner else None
        if owner and owner[0].isupper() and org is None:
            continue  # 'the Kazakh governor', 'A Tuesday spokesman': not ours
        if not _free_but(registry, match.span(), match.span(1) if org else None):
            continue
        name = f"{post} for the {org.name}" if org else f"{owner or ''} {post}"
        draft = registry.draft(
            name.strip(),
            "person",
            role=name.strip(),
            affiliation=org.name if org else None,
            tentative=True,
        )
        if org:
            registry.unmention(match.start(1), match.end(1))
        registry.mention(draft, *match.span())


def _beside_name(text: str, start: int, end: int) -> bool:
    """'Jane Doe, the finance director,' or 'the director, Jane Doe': an
    apposition of a named person, who holds the post."""
    before = re.search(r"[A-Z][\w’'-]+, $", text[max(0, start - 40) : start])
    after = re.match(r", [A-Z][a-z]+ [A-Z]", text[end : end + 30])
    return bool(before or after)


def _owner(registry: Registry, owner: str, span):
    """The organisation a capitalised word inside the post stands for."""
    for ref in registry.between(*span):
        draft = registry.drafts[ref.key]
        if draft.type in ("organization", "government"):
            return draft
    name = gz.INSTITUTIONS.get(owner)
    return registry.drafts.get(normalise(name)) if name else None


def _free_but(registry: Registry, span, owner_span) -> bool:
    """Nothing is mentioned in the span but, maybe, the owner word."""
    refs = registry.between(*span)
    if owner_span is None:
        return registry.free(*span)
    return all((r.start, r.end) == owner_span for r in refs) and not any(
        r.start < span[0] < r.end for r in registry.refs
    )
