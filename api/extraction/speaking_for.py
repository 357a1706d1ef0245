"""Whom a reacting actor speaks for: its organisation, or its country's government."""

from __future__ import annotations

from api.extraction import gazetteers as gz
from api.extraction.registry import Draft, Registry, normalise


def behalf(registry: Registry, actor: Draft) -> Draft | None:
    """Whom an actor speaks for; a country its own name already carries
    ('Government of Mexico', 'Nigeria Labour Congress') or its capital stands
    for adds nothing."""
    affiliation = actor.affiliation
    if affiliation and normalise(affiliation) not in registry.drafts:
        # 'Employment Minister': a portfolio, not an actor; the government is
        affiliation = _government(registry, actor.country)
    name = affiliation or (actor.country if actor.type != "country" else None)
    if not name or name == actor.name:
        return None
    if not affiliation and name in actor.name:
        return None
    if any(gz.CAPITALS.get(alias) == name for alias in actor.aliases):
        return None  # 'Paris' for 'French authorities': the government is France
    countries = set(gz.country_forms().values())
    draft = registry.draft(name, "country" if name in countries else "organization")
    draft.acts = True
    return draft


def _government(registry: Registry, country: str | None) -> str | None:
    """The article's own 'Government of X' for a minister of X, if it names one."""
    draft = registry.drafts.get(normalise(f"Government of {country}"))
    return draft.name if country and draft and draft.spans else None
