"""Shape stored rows into what the schemas serialise, scoped to one article if asked."""

from __future__ import annotations

import re
import unicodedata

from flask import url_for
from sqlalchemy import func, select

from api.db import models, search, session
from api.db.totals import ALIASES_KEPT


def present_actors(actors: list[models.Actor], article_id: str | None = None) -> list:
    """Actors as the API shows them; with `article_id`, as that article shows them.
    A fixed number of queries for the whole page: its quote and reaction counts,
    and the page's appearances in the article."""
    ids = [actor.id for actor in actors]
    quotes = _counts_by(models.Quote, models.Quote.speaker_id, ids, article_id)
    reactions = _counts_by(models.Reaction, models.Reaction.actor_id, ids, article_id)
    scoped = _appearances_in(article_id, ids) if article_id else {}
    return [
        {
            **_actor_totals(actor, scoped.get(actor.id)),
            "quote_count": quotes.get(actor.id, 0),
            "reaction_count": reactions.get(actor.id, 0),
        }
        for actor in actors
    ]


def _actor_totals(actor: models.Actor, appearance: models.Appearance | None) -> dict:
    """The actor's own totals, or those of its one appearance when given."""
    if appearance is None:
        shown, aliases, role = actor, actor.aliases, actor.role
        alias_count = actor.alias_count
    else:
        shown, aliases = appearance, list(dict.fromkeys(appearance.aliases))
        role, alias_count = appearance.role or actor.role, len(aliases)
    return {
        "id": actor.id,
        "version": actor.version,
        "name": actor.name,
        "type": actor.type,
        "role": role,
        "country": actor.country,
        "aliases": aliases[:ALIASES_KEPT],
        "alias_count": alias_count,
        "mention_count": shown.mention_count,
        "salience": shown.salience,
        "article_count": actor.article_count,
        "links": _actor_links(actor.id),
    }


def _appearances_in(article_id: str, actor_ids: list[str]) -> dict:
    seen = models.Appearance
    stmt = select(seen).where(
        seen.article_id == article_id, seen.actor_id.in_(actor_ids)
    )
    return {appearance.actor_id: appearance for appearance in session().scalars(stmt)}


def _actor_links(actor_id: str) -> dict:
    return {
        "self": url_for("actors.ActorsById", actor_id=actor_id),
        "quotes": url_for("quotes.ActorQuotes", actor_id=actor_id),
        "reactions": url_for("reactions.ActorReactions", actor_id=actor_id),
        "mentions": url_for("mentions.ActorMentions", actor_id=actor_id),
        "articles": url_for("articles.Articles", actor=actor_id),
    }


def _counts_by(model, column, ids: list[str], article_id: str | None) -> dict:
    stmt = select(column, func.count()).where(column.in_(ids)).group_by(column)
    if article_id:
        stmt = stmt.where(model.article_id == article_id)
    return dict(session().execute(stmt).all())


def article_counts(article_id: str) -> dict:
    """How many items of each kind the article holds, in one query."""
    counted = {
        "actors": models.Appearance,
        "quotes": models.Quote,
        "reactions": models.Reaction,
        "statistics": models.Statistic,
    }
    counts = [
        select(func.count())
        .select_from(model)
        .where(model.article_id == article_id)
        .scalar_subquery()
        .label(name)
        for name, model in counted.items()
    ]
    return dict(session().execute(select(*counts)).one()._mapping)


# Characters of a snippet cut from a long text: about two lines.
SNIPPET_CHARACTERS = 160
WORD = re.compile(r"\w+")


def present_hits(entries: list[models.SearchEntry], q: str) -> list[dict]:
    """Search entries as hits, each with a snippet of where the words were found."""
    wanted = {fold(word) for term in search.terms(q) for word in WORD.findall(term)}
    return [
        {
            "kind": hit.kind,
            "id": hit.item_id,
            "article_id": hit.article_id,
            "text": hit.label,
            "snippet": snippet(hit.label, hit.body, wanted),
            "start": hit.start,
            "end": hit.end,
        }
        for hit in entries
    ]


def snippet(label: str, body: str, wanted: set[str]) -> str:
    """The label when a word is in it, else the body around the first word found
    (the folding of the index is the database's; this one only places the cut)."""
    for text in (label, body):
        for match in WORD.finditer(text):
            if fold(match[0]) in wanted:
                return excerpt(text, match.start())
    return excerpt(label or body, 0)


def excerpt(text: str, at: int) -> str:
    if len(text) <= SNIPPET_CHARACTERS:
        return text
    start = max(0, at - SNIPPET_CHARACTERS // 3)
    end = min(len(text), start + SNIPPET_CHARACTERS)
    # Whole words only: each cut moves to the nearest space inside it.
    if start > 0:
        space = text.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", at, end)
        end = space if space > at else end
    cut = text[start:end].strip()
    return ("… " if start > 0 else "") + cut + (" …" if end < len(text) else "")


def fold(word: str) -> str:
    """Case and accents folded: 'Élysée' and 'ELYSEE' are one word."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
