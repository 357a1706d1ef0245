"""Shape stored rows into what the schemas serialise, scoped to one article if asked."""

from __future__ import annotations

from flask import url_for
from sqlalchemy import func, select

from api.db import models, session


def present_actor(actor: models.Actor, article_id: str | None = None) -> dict:
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
        "quote_count": _count(
            models.Quote, models.Quote.speaker_id, actor.id, article_id
        ),
        "reaction_count": _count(
            models.Reaction, models.Reaction.actor_id, actor.id, article_id
        ),
        "links": _actor_links(actor.id),
    }


def _actor_links(actor_id: str) -> dict:
    return {
        "self": url_for("actors.ActorsById", actor_id=actor_id),
        "quotes": url_for("quotes.ActorQuotes", actor_id=actor_id),
        "reactions": url_for("reactions.ActorReactions", actor_id=actor_id),
    }


def _count(model, column, value: str, article_id: str | None) -> int:
    stmt = select(func.count()).select_from(model).where(column == value)
    if article_id:
        stmt = stmt.where(model.article_id == article_id)
    return session().scalar(stmt)


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
