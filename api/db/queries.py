"""Query builders: `select_<things>(**filters) -> Select` and `get_<thing>(id)`."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Integer, Select, func, select
from sqlalchemy.orm import joinedload

from api.db import models, search, session
from api.db.keyset import ordered, ranked


def order(
    stmt: Select,
    sort: str | None,
    columns: dict,
    tiebreak,
    default: str,
    rank: search.Ranking | None = None,
) -> Select:
    """Apply `sort` (`field` or `-field`), then a unique column: no page overlap.
    Both run the same way, so that one index read forwards or backwards gives it.
    With no `sort`, a search (`rank`) gives its best matches first, else `default`."""
    if sort is None and rank is not None:
        return ranked(stmt, rank.rank, tiebreak, rank.count, rank.page)
    sort = sort or default
    column = columns[sort.lstrip("-")]
    return ordered(stmt, column, tiebreak, descending=sort.startswith("-"))


def select_articles(
    q: str | None = None,
    actor: str | None = None,
    published_after: date | None = None,
    published_before: date | None = None,
    sort: str | None = None,
) -> Select:
    stmt, rank = select(models.Article), None
    stmt = stmt.where(*published_between(published_after, published_before))
    if actor:
        seen = models.Appearance
        stmt = stmt.join(seen).where(seen.actor_id == actor)
    if q:
        stmt, rank = search.restrict(stmt, q, "article", models.Article.id)
    columns = {
        "published_on": models.Article.published_on,
        "title": models.Article.title,
        "word_count": models.Article.word_count,
        "created_at": models.Article.created_at,
    }
    return order(stmt, sort, columns, models.Article.id, "-published_on", rank)


def published_between(published_after: date | None, published_before: date | None):
    """Conditions on an article's publication date, strictly after and
    strictly before the days given, as the names say; an undated article is
    in no range."""
    published_on, conditions = models.Article.published_on, []
    if published_after is not None:
        conditions.append(published_on > published_after)
    if published_before is not None:
        conditions.append(published_on < published_before)
    return conditions


def of_published(stmt: Select, article_id, published_after, published_before) -> Select:
    """Items whose article (`article_id`) was published in the range: the
    articles' date index gives the ids, each item's article index the items."""
    window = published_between(published_after, published_before)
    if not window:
        return stmt
    return stmt.where(article_id.in_(select(models.Article.id).where(*window)))


def get_article(article_id: str) -> models.Article | None:
    return session().get(models.Article, article_id)


def select_actors(
    article: str | None = None,
    type: str | list[str] | None = None,
    q: str | None = None,
    sort: str | None = None,
) -> Select:
    actor = models.Actor
    stmt, rank = select(actor), None
    columns = {
        "name": actor.name,
        "type": actor.type,
        "mention_count": actor.mention_count,
    }
    if article:
        seen = models.Appearance
        stmt = stmt.join(seen).where(seen.article_id == article)
        columns["mention_count"] = seen.mention_count  # in that article
    stmt = _where_equal(stmt, {actor.type: type})
    if q:
        stmt, rank = search.restrict(stmt, q, "actor", actor.id)
    return order(stmt, sort, columns, actor.id, "name", rank)


def get_actor(actor_id: str) -> models.Actor | None:
    return session().get(models.Actor, actor_id)


def select_mentions(actor: str | None = None, article: str | None = None) -> Select:
    """Mentions in text order, article by article."""
    mention = models.Mention
    stmt = _where_equal(
        select(mention), {mention.actor_id: actor, mention.article_id: article}
    )
    return ordered(stmt, mention.article_id, mention.start, mention.id)


def select_quotes(
    article: str | None = None,
    speaker: str | None = None,
    kind: str | list[str] | None = None,
    published_after: date | None = None,
    published_before: date | None = None,
    q: str | None = None,
    sort: str | None = None,
) -> Select:
    quote = models.Quote
    stmt, rank = select(quote).options(joinedload(quote.speaker)), None
    stmt = _where_equal(
        stmt, {quote.article_id: article, quote.speaker_id: speaker, quote.kind: kind}
    )
    stmt = of_published(stmt, quote.article_id, published_after, published_before)
    if q:
        stmt, rank = search.restrict(stmt, q, "quote", quote.id)
    columns = {
        "start": quote.start,
        "kind": quote.kind,
        "speaker": quote.speaker_id,
        "length": func.length(quote.text, type_=Integer),
    }
    return order(stmt, sort, columns, quote.id, "start", rank)


def get_quote(quote_id: str) -> models.Quote | None:
    return session().get(models.Quote, quote_id)


def select_reactions(
    article: str | None = None,
    stance: str | list[str] | None = None,
    actor: str | None = None,
    published_after: date | None = None,
    published_before: date | None = None,
    q: str | None = None,
    sort: str | None = None,
) -> Select:
    reaction = models.Reaction
    stmt, rank = select(reaction).options(joinedload(reaction.actor)), None
    stmt = _where_equal(
        stmt,
        {
            reaction.article_id: article,
            reaction.stance: stance,
            reaction.actor_id: actor,
        },
    )
    stmt = of_published(stmt, reaction.article_id, published_after, published_before)
    if q:
        stmt, rank = search.restrict(stmt, q, "reaction", reaction.id)
    columns = {
        "start": reaction.start,
        "stance": reaction.stance,
        "actor": reaction.actor_id,
    }
    return order(stmt, sort, columns, reaction.id, "start", rank)


def get_reaction(reaction_id: str) -> models.Reaction | None:
    return session().get(models.Reaction, reaction_id)


def select_statistics(
    article: str | None = None,
    category: str | list[str] | None = None,
    source: str | None = None,
    placement: str | list[str] | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    published_after: date | None = None,
    published_before: date | None = None,
    q: str | None = None,
    sort: str | None = None,
) -> Select:
    stat = models.Statistic
    stmt, rank = select(stat).options(joinedload(stat.source)), None
    stmt = _where_equal(
        stmt,
        {
            stat.article_id: article,
            stat.category: category,
            stat.source_id: source,
            stat.placement: placement,
        },
    )
    if min_value is not None:
        stmt = stmt.where(stat.value >= min_value)
    if max_value is not None:
        stmt = stmt.where(stat.value <= max_value)
    stmt = of_published(stmt, stat.article_id, published_after, published_before)
    if q:
        stmt, rank = search.restrict(stmt, q, "statistic", stat.id)
    columns = {"start": stat.start, "value": stat.value, "category": stat.category}
    return order(stmt, sort, columns, stat.id, "start", rank)


def get_statistic(statistic_id: str) -> models.Statistic | None:
    return session().get(models.Statistic, statistic_id)


def select_search(
    q: str, kind: list[str] | None = None, article: str | None = None
) -> Select:
    """Search entries of every kind, best matches first."""
    return search.select_entries(q, kind, article)


def _where_equal(stmt: Select, conditions: dict) -> Select:
    """`column == value`; a list of values (a multi-value filter) is any of them."""
    for column, value in conditions.items():
        values = list(value) if isinstance(value, list | tuple) else [value]
        values = [v for v in values if v is not None]
        if len(values) == 1:
            stmt = stmt.where(column == values[0])
        elif values:
            stmt = stmt.where(column.in_(values))
    return stmt
