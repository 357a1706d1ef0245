"""Totals kept on each actor, refreshed by every write that changes its appearances."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.db import models

# Aliases an actor carries in a response; `alias_count` tells how many there are.
ALIASES_KEPT = 10


def refresh_actors(db: Session, actor_ids: Iterable[str]) -> None:
    """Recount the actors' mentions, articles, salience, aliases and role from
    their appearances, in one read and one update; the caller commits."""
    ids = sorted(set(actor_ids))
    if not ids:
        return
    seen = models.Appearance
    rows = db.execute(
        select(
            seen.actor_id, seen.aliases, seen.role, seen.mention_count, seen.salience
        )
        .where(seen.actor_id.in_(ids))
        .order_by(seen.actor_id, seen.article_id)
    ).all()
    by_actor: dict[str, list] = {actor_id: [] for actor_id in ids}
    for row in rows:
        by_actor[row.actor_id].append(row)
    db.execute(
        update(models.Actor),
        [_totals(actor_id, found) for actor_id, found in by_actor.items()],
    )


def _totals(actor_id: str, appearances: list) -> dict:
    forms = ranked_aliases(a.aliases for a in appearances)
    totals = {
        "id": actor_id,
        "mention_count": sum(a.mention_count for a in appearances),
        "article_count": len(appearances),
        "salience": max((a.salience for a in appearances), default=0.0),
        "aliases": forms[:ALIASES_KEPT],
        "alias_count": len(forms),
    }
    # The first article that gives a role names it; without one the actor keeps
    # the role it was created with.
    role = next((a.role for a in appearances if a.role), None)
    if role is not None:
        totals["role"] = role
    return totals


def ranked_aliases(alias_lists: Iterable[list[str]]) -> list[str]:
    """Distinct forms, the one more articles use first, then in the order met."""
    used: Counter[str] = Counter()
    for aliases in alias_lists:
        used.update(list(dict.fromkeys(aliases)))
    return sorted(used, key=lambda form: -used[form])
