"""Facet counts across articles: how many items of each kind, grouped, in SQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, func, select

from api.db import models, session
from api.db.queries import published_between

# The speakers a facet names, most quoted first; the rest are in no group.
SPEAKERS_SHOWN = 20


def facets(
    article: str | None = None,
    published_after: date | None = None,
    published_before: date | None = None,
) -> dict:
    """Counts over the articles that match, one grouped query per facet."""
    chosen = _articles(article, published_after, published_before)
    actor, seen, quote = models.Actor, models.Appearance, models.Quote
    return {
        "articles": session().scalar(select(func.count()).select_from(chosen)),
        "actor_types": _grouped(
            select(actor.type, func.count(func.distinct(actor.id)))
            .join(seen, seen.actor_id == actor.id)
            .where(seen.article_id.in_(select(chosen.c.id))),
            actor.type,
        ),
        "speakers": _grouped(
            _of(quote, chosen, quote.speaker_id, actor.name).outerjoin(
                actor, actor.id == quote.speaker_id
            ),
            quote.speaker_id,
            limit=SPEAKERS_SHOWN,
        ),
        "stances": _grouped(
            _of(models.Reaction, chosen, models.Reaction.stance), models.Reaction.stance
        ),
        "categories": _grouped(
            _of(models.Statistic, chosen, models.Statistic.category),
            models.Statistic.category,
        ),
    }


def _articles(article, published_after, published_before):
    a = models.Article
    stmt = select(a.id).where(*published_between(published_after, published_before))
    if article:
        stmt = stmt.where(a.id == article)
    return stmt.subquery()


def _of(model, chosen, *columns) -> Select:
    return select(*columns, func.count()).where(
        model.article_id.in_(select(chosen.c.id))
    )


def _grouped(stmt: Select, key, limit: int | None = None) -> list[dict]:
    """[{key, name, count}], the largest groups first, then by key."""
    counted = func.count()
    rows = session().execute(
        stmt.group_by(*stmt.selected_columns[:-1])
        .order_by(counted.desc(), key.asc().nulls_last())
        .limit(limit)
    )
    return [
        {"key": row[0], "name": row[1] if len(row) > 2 else row[0], "count": row[-1]}
        for row in rows
    ]
