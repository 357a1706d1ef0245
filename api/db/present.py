"""Shape stored rows into what the schemas serialise, scoped to one article if asked."""

from __future__ import annotations

from flask import url_for
from sqlalchemy import func, select

from api.db import models, session


def present_actors(actors: list[models.Actor], article_id: str | None = None) -> list:
    """Actors as the API shows them, counting their quotes and reactions in two
    queries for the whole page."""
    ids = [actor.id for actor in actors]
    quotes = _counts_by(models.Quote, models.Quote.speaker_id, ids, article_id)
    reactions = _counts_by(models.Reaction, models.Reaction.actor_id, ids, article_id)
    return [
        _present_actor(
            actor, article_id, quotes.get(actor.id, 0), reactions.get(actor.id, 0)
        )
        for actor in actors
    ]


def _present_actor(
    actor: models.Actor, article_id: str | None, quote_count: int, reaction_count: int
) -> dict:
    """An actor as the API shows it; with `article_id`, only what that article says."""
    appearances = [a for a in actor.appearances if article_id in (None, a.article_id)]
    mentions = [m for m in actor.mentions if article_id in (None, m.article_id)]
    aliases = list(dict.fromkeys(alias for a in appearances for alias in a.aliases))
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "role": next((a.role for a in appearances if a.role), actor.role),
        "country": actor.country,
        "aliases": aliases,
        "mention_count": len(mentions),
        "salience": max((a.salience for a in appearances), default=0.0),
        "mentions": [
            {"article": m.article_id, "start": m.start, "end": m.end, "text": m.text}
            for m in mentions
        ],
        "articles": [a.article_id for a in actor.appearances],
        "quote_count": quote_count,
        "reaction_count": reaction_count,
        "links": _actor_links(actor.id),
    }


def _actor_links(actor_id: str) -> dict:
    return {
        "self": url_for("actors.ActorsById", actor_id=actor_id),
        "quotes": url_for("quotes.ActorQuotes", actor_id=actor_id),
        "reactions": url_for("reactions.ActorReactions", actor_id=actor_id),
    }


def _counts_by(model, column, ids: list[str], article_id: str | None) -> dict:
    stmt = select(column, func.count()).where(column.in_(ids)).group_by(column)
    if article_id:
        stmt = stmt.where(model.article_id == article_id)
    return dict(session().execute(stmt).all())


def article_counts(article_id: str) -> dict:
    counted = {
        "actors": models.Appearance,
        "quotes": models.Quote,
        "reactions": models.Reaction,
        "statistics": models.Statistic,
    }
    return {
        name: session().scalar(
            select(func.count())
            .select_from(model)
            .where(model.article_id == article_id)
        )
        for name, model in counted.items()
    }
