"""Full-text search: a query's words and phrases matched through each database's
index of the search entries, best matches first; and the entries writes keep."""

from __future__ import annotations

import re
import unicodedata
from functools import reduce

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    false,
    func,
    insert,
    literal,
    literal_column,
    null,
    select,
    table,
)
from sqlalchemy import column as sql_column
from sqlalchemy.orm import Session

from api.db import models, session
from api.db.keyset import ranked

KINDS = ("article", "quote", "reaction", "statistic", "actor")
PARTS = ("label", "body")
# SQLite: the FTS5 table over search_entries, a label and a body column for each
# kind (`{kind}_label`, `{kind}_body`); `rank` is its BM25 order.
FTS = table(
    "search_index",
    sql_column("rowid", Integer),
    sql_column("search_index"),
    sql_column("rank"),
)
# PostgreSQL: the generated tsvector of search_entries, and its configuration.
DOCUMENT = literal_column("search_entries.document")
CONFIG = literal_column("'simple'")
# ts_rank divided by 1 + the log of the entry's length: a long article does not
# outrank a quote for using the word more often, as BM25 weighs it on SQLite.
NORMALIZATION = 1
PHRASE = re.compile(r'"([^"]*)"')

entry = models.SearchEntry


def terms(q: str) -> list[str]:
    """The query's phrases (between a pair of double quotes) and words (between
    spaces), each to be found; an unpaired quote is a space, and a term with no
    letter or digit (punctuation, `*`) is left out. Nothing here is syntax."""
    phrases: list[str] = []
    rest = PHRASE.sub(lambda match: phrases.append(match[1]) or " ", q)
    found = [" ".join(p.split()) for p in phrases] + rest.replace('"', " ").split()
    return [term for term in found if any(map(_is_word_character, term))]


def _is_word_character(character: str) -> bool:
    # What FTS5's unicode61 tokenizer keeps by default: letters, digits, private use.
    category = unicodedata.category(character)
    return category[0] in "LN" or category == "Co"


def restrict(stmt: Select, q: str, kind: str, item_id) -> tuple[Select, ColumnElement]:
    """`stmt` narrowed to the items of `kind` (their id: `item_id`) that match `q`,
    and the rank to order them by, best first."""
    stmt = stmt.join(entry, and_(_of_kinds([kind]), entry.item_id == item_id))
    return _matching(stmt, terms(q), [kind])


def select_entries(
    q: str, kind: list[str] | None = None, article: str | None = None
) -> Select:
    """Entries of every kind (or of `kind`) matching `q`, best first."""
    stmt, rank = _matching(select(entry), terms(q), kind)
    if kind:
        stmt = stmt.where(_of_kinds(kind))
    if article:
        stmt = stmt.where(entry.article_id == article)
    return ranked(stmt, rank, entry.id)


def _of_kinds(kinds: list[str]) -> ColumnElement[bool]:
    condition = entry.kind.in_(kinds) if len(kinds) > 1 else entry.kind == kinds[0]
    if _postgresql():
        return condition
    # Told nothing of the rows (no ANALYZE), SQLite's planner would read every
    # entry of the kind and look each up in the index: this says a kind narrows
    # little, so that it reads the index's matches first, as a count does too.
    return func.likelihood(condition, literal_column("0.99"))


def _postgresql() -> bool:
    return session().get_bind().dialect.name == "postgresql"


def _matching(
    stmt: Select, found: list[str], kinds: list[str] | None
) -> tuple[Select, ColumnElement]:
    if not found:
        return stmt.where(false()), entry.id
    if _postgresql():
        query = reduce(
            lambda left, right: left.op("&&")(right),
            (func.phraseto_tsquery(CONFIG, func.lede_fold(term)) for term in found),
        )
        rank = -func.ts_rank(DOCUMENT, query, NORMALIZATION)
        return stmt.where(DOCUMENT.op("@@")(query)), rank
    # Each term an FTS5 string: the tokenizer reads it as a phrase of its words,
    # and nothing in it (NEAR, *, AND, parentheses) is an operator.
    expression = " AND ".join('"' + term.replace('"', '""') + '"' for term in found)
    if kinds:
        # Only the kinds' own columns: their matches alone are read.
        columns = " ".join(f"{kind}_{part}" for kind in kinds for part in PARTS)
        expression = f"{{{columns}}} : ({expression})"
    stmt = stmt.join(FTS, FTS.c.rowid == entry.id)
    return stmt.where(FTS.c.search_index.op("MATCH")(expression)), FTS.c.rank


def index_article(db: Session, article_id: str) -> None:
    """Add the entries of a stored article and of its items; the caller flushed."""
    article, quote = models.Article, models.Quote
    reaction, stat = models.Reaction, models.Statistic
    nowhere = (null(), null())
    sources = (
        ("article", article, article.id, article.title, article.text, nowhere),
        ("quote", quote, quote.article_id, quote.text, literal(""), _at(quote)),
        (
            "reaction",
            reaction,
            reaction.article_id,
            reaction.summary,
            _joined(reaction.evidence, reaction.target),
            _at(reaction),
        ),
        (
            "statistic",
            stat,
            stat.article_id,
            stat.evidence,
            _joined(stat.subject, stat.context),
            _at(stat),
        ),
    )
    for kind, model, owner, label, body, (start, end) in sources:
        rows = select(literal(kind), model.id, owner, label, body, start, end)
        rows = rows.where(owner == article_id)
        db.execute(insert(entry).from_select(COLUMNS, rows))


def _at(model) -> tuple:
    return model.start, model.end


COLUMNS = ("kind", "item_id", "article_id", "label", "body", "start", "end")


def _joined(*columns) -> ColumnElement:
    return reduce(
        lambda left, right: left + literal(" ") + right,
        (func.coalesce(column, "") for column in columns),
    )


def index_actors(db: Session, actor_ids: list[str]) -> None:
    """Add the entries of actors just inserted."""
    if not actor_ids:
        return
    actor = models.Actor
    rows = select(
        literal("actor"), actor.id, null(), actor.name, literal(""), null(), null()
    ).where(actor.id.in_(actor_ids))
    db.execute(insert(entry).from_select(COLUMNS, rows))


def unindex_actors(db: Session, actor_ids: list[str]) -> None:
    if actor_ids:
        db.execute(
            entry.__table__.delete().where(
                entry.kind == "actor", entry.item_id.in_(actor_ids)
            )
        )


# What the migration builds beside the models, and Alembic cannot describe: the
# FTS5 table and its shadow tables (SQLite), the tsvector and its index (PostgreSQL).
UNDESCRIBED = {
    ("column", "document"),
    ("index", "ix_search_entries_document"),
}


def described(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's `include_object`: compare what the models describe, and nothing
    of the full-text index, which is the database's own."""
    if type_ == "table" and name.startswith("search_index"):
        return False
    return (type_, name) not in UNDESCRIBED
