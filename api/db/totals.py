"""Totals kept on each actor, moved by every write that adds or removes appearances.

Each write adds what its appearances bring and takes away what the appearances it
removes brought, so that its cost follows the article written, not the number of
articles that mention its actors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

from api.db import models

# Aliases an actor carries in a response; `alias_count` tells how many there are.
ALIASES_KEPT = 10


class Share(NamedTuple):
    """What one appearance brings to its actor's totals."""

    actor_id: str
    mention_count: int
    salience: float
    aliases: list[str]
    role: str | None

    @classmethod
    def of(cls, appearance: models.Appearance) -> Share:
        return cls(
            appearance.actor_id,
            appearance.mention_count,
            appearance.salience,
            list(dict.fromkeys(appearance.aliases)),
            appearance.role,
        )


def shares_of_article(db: Session, article_id: str) -> list[Share]:
    seen = models.Appearance
    stmt = select(seen).where(seen.article_id == article_id)
    return [Share.of(appearance) for appearance in db.scalars(stmt)]


def update_actors(db: Session, added: list[Share], removed: list[Share]) -> None:
    """Move the totals of the actors concerned; the caller flushes and commits."""
    ids = {share.actor_id for share in (*added, *removed)}
    if not ids:
        return
    # Locked, in one order, and read afresh: two writers moving one actor's totals
    # take turns instead of one overwriting the other (PostgreSQL; SQLite lets
    # one writer in at a time anyway). NO KEY: inserts that refer to the actor
    # may go on meanwhile.
    stmt = (
        select(models.Actor)
        .where(models.Actor.id.in_(ids))
        .order_by(models.Actor.id)
        .options(undefer(models.Actor.forms))
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    actors = {actor.id: actor for actor in db.scalars(stmt)}
    for sign, shares in ((-1, removed), (1, added)):
        for share in shares:
            _move(actors[share.actor_id], share, sign)
    # A maximum cannot be taken back: ask the appearances left.
    losers = {share.actor_id for share in removed}
    for actor_id, highest in _highest_salience(db, losers).items():
        actors[actor_id].salience = highest or 0.0
    for actor in actors.values():
        actor.aliases = ranked_aliases(actor.forms)[:ALIASES_KEPT]
        actor.alias_count = len(actor.forms)


def _move(actor: models.Actor, share: Share, sign: int) -> None:
    actor.mention_count = (actor.mention_count or 0) + sign * share.mention_count
    actor.article_count = (actor.article_count or 0) + sign
    forms = dict(actor.forms or {})  # a new dict, so that the change is saved
    for form in share.aliases:
        forms[form] = forms.get(form, 0) + sign
        if forms[form] <= 0:
            del forms[form]
    actor.forms = forms
    if sign > 0:
        actor.salience = max(actor.salience or 0.0, share.salience)
        # The first article to give a role names it, unless the actor came with one.
        actor.role = actor.role or share.role


def _highest_salience(db: Session, actor_ids: set[str]) -> dict[str, float | None]:
    if not actor_ids:
        return {}
    seen = models.Appearance
    stmt = (
        select(models.Actor.id, select(func.max(seen.salience))
        .where(seen.actor_id == models.Actor.id)
        .scalar_subquery())
        .where(models.Actor.id.in_(actor_ids))
    )  # fmt: skip
    return dict(db.execute(stmt).all())


def ranked_aliases(forms: dict[str, int]) -> list[str]:
    """The forms more articles use first, then in the order first met."""
    return sorted(forms, key=lambda form: -forms[form])


def count_forms(alias_lists: Iterable[list[str]]) -> dict[str, int]:
    """How many of the lists use each form, in the order first met."""
    forms: dict[str, int] = {}
    for aliases in alias_lists:
        for form in dict.fromkeys(aliases):
            forms[form] = forms.get(form, 0) + 1
    return forms
