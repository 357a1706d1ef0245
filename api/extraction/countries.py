"""Countries and their capitals as actors: a capital that stands for a country
whose government the article names is that government ('Paris blamed ...' with
'French authorities')."""

from __future__ import annotations

from api.extraction import parse
from api.extraction.registry import Draft, Registry
from api.extraction.zones import inside


def main_country(registry: Registry) -> str | None:
    """The country the article is about: the most named one, if any."""
    counts: dict[str, int] = {}
    for *_, label, value in registry.hits:
        if label in ("COUNTRY", "DEMONYM"):
            counts[value] = counts.get(value, 0) + 1
    return max(sorted(counts), key=counts.get, default=None)


def register(registry: Registry, hits, zones_) -> None:
    governments = _governments(registry)
    doc = registry.doc
    # 'protests in the capital, Santiago': a capital written as a place is where
    # things happen, not the government that sits there
    places = parse.places(doc) if doc is not None and governments else set()
    for start, end, label, value in hits:
        if label not in ("COUNTRY", "CAPITAL") or not inside(zones_, start, end):
            continue
        token = parse.token_at(doc, start) if places else None
        placed = token is not None and token.i in places
        draft = governments.get(value) if label == "CAPITAL" and not placed else None
        if draft is None:
            draft = registry.draft(value, "country", country=value)
        registry.mention(draft, start, end)


def _governments(registry: Registry) -> dict[str, Draft]:
    """Each country's one named government, if the article names exactly one."""
    found: dict[str, list[Draft]] = {}
    for draft in registry.drafts.values():
        if draft.type == "government" and draft.country and draft.spans:
            found.setdefault(draft.country, []).append(draft)
    return {country: drafts[0] for country, drafts in found.items() if len(drafts) == 1}
