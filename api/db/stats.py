"""Figures derived from one article: totals and counts by group."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from api.db import models, session

# Ages describe a person, not an event: summing them with counts would mislead.
NOT_SUMMED = {"age"}
# Shares do not add up: 40% and 30% of different things are not 70% of anything.
NOT_SUMMED_UNITS = {"percent"}


def article_stats(article: models.Article) -> dict:
    db = session()
    statistics = _of_article(models.Statistic, article.id, models.Statistic.source)
    quotes = _of_article(models.Quote, article.id, models.Quote.speaker)
    reactions = _of_article(models.Reaction, article.id)
    actor_types = db.scalars(
        select(models.Actor.type)
        .join(models.Appearance)
        .where(models.Appearance.article_id == article.id)
    )
    return {
        "article": article.id,
        "word_count": article.word_count,
        "paragraph_count": len(article.paragraphs),
        "paragraphs_by_kind": dict(Counter(p.kind for p in article.paragraphs)),
        "statistics_by_category": _groups(
            statistics, lambda s: (s.category, s.category.replace("_", " ").title())
        ),
        "statistics_by_source": _groups(
            statistics, lambda s: (s.source_id, s.source.name if s.source else None)
        ),
        "actors_by_type": dict(Counter(actor_types)),
        "quotes_by_speaker": _groups(
            quotes, lambda q: (q.speaker_id, q.speaker.name if q.speaker else None)
        ),
        "reactions_by_stance": dict(Counter(r.stance for r in reactions)),
        "unverified_statistics": sum(1 for s in statistics if not s.verified),
    }


def _of_article(model, article_id: str, *linked) -> list:
    """The article's items in text order, with the actors they link to in the same
    query rather than one query per actor."""
    stmt = select(model).where(model.article_id == article_id).order_by(model.start)
    stmt = stmt.options(*(joinedload(relation) for relation in linked))
    return list(session().scalars(stmt))


def _groups(items: list, key_of) -> list[dict]:
    groups: dict[tuple, list] = defaultdict(list)
    for item in items:
        groups[key_of(item)].append(item)
    rows = [
        {
            "key": key,
            "name": name,
            "count": len(members),
            "total": _total(members),
        }
        for (key, name), members in groups.items()
    ]
    return sorted(rows, key=lambda row: (-row["count"], row["key"] or ""))


def _total(members: list) -> float | None:
    """The sum of the group's figures when they count one thing in one unit: dead
    and dollars, or shares in percent, do not add up."""
    summed = [
        m
        for m in members
        if getattr(m, "value", None) is not None
        and getattr(m, "category", None) not in NOT_SUMMED
        and getattr(m, "unit", None) not in NOT_SUMMED_UNITS
    ]
    if len({(m.category, m.unit) for m in summed}) != 1:
        return None
    return sum(m.value for m in summed)
