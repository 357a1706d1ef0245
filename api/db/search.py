"""Full-text search: a query's words and phrases matched through each database's
index of the search entries, best matches first; and the entries writes keep."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
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
    or_,
    select,
    table,
)
from sqlalchemy import column as sql_column
from sqlalchemy.orm import Session

from api.db import models, search_terms, session
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
# The rowid of an FTS5 match: the id of its entry, named as the entry's.
MATCH_ID = FTS.c.rowid.label("id")
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


@dataclass(frozen=True)
class Ranking:
    """How a search orders its matches (`rank`, best first), and, for a search
    with no other filter, its count and its pages read from the index alone
    (api.db.keyset.Order): the entries' matches are ranked and counted there,
    and only the page's rows of the list are read."""

    rank: ColumnElement
    count: Select | None = None
    page: Callable[[int, int], Select] | None = None


def restrict(stmt: Select, q: str, kind: str, item_id) -> tuple[Select, Ranking]:
    """`stmt` narrowed to the items of `kind` (their id: `item_id`) that match `q`,
    and how to rank them, best first."""
    found = terms(q)
    bare = _bare(stmt)
    stmt = stmt.join(entry, and_(_of_kinds([kind]), entry.item_id == item_id))
    stmt, rank = _matching(stmt, found, [kind])
    if not found or bare is None:
        return stmt, Ranking(rank)
    # The kind's matches ranked, then cut by their item's id among equal ranks as
    # the list is: only the page's items are read.
    page = _pages(*_matches(found, [kind], entry.item_id), bare, item_id)
    return stmt, Ranking(rank, _count(found, [kind]), page)


def _bare(stmt: Select) -> Select | None:
    """`stmt` when it reads its one table with no condition and no join of its own
    (a joined load of a related row is no filter): a search is then its only
    filter, and its matches alone give the count and the page."""
    # Select has no public view of its explicit joins apart from the joined loads
    # of its options (get_final_froms shows both): `_setup_joins` holds the first
    if stmt.whereclause is None and not stmt._setup_joins:
        return stmt
    return None


def select_entries(
    q: str, kind: list[str] | None = None, article: str | None = None
) -> Select:
    """Entries of every kind (or of `kind`) matching `q`, best first."""
    found = terms(q)
    stmt, rank = _matching(select(entry), found, kind)
    if kind:
        stmt = stmt.where(_of_kinds(kind))
    if article:
        stmt = stmt.where(entry.article_id == article)
    if not found or article:
        return ranked(stmt, rank, entry.id)
    word = search_terms.plain_word(found)
    if word is not None:
        return ranked(stmt, rank, entry.id, *_word_pages(word, found, kind))
    page = _pages(*_matches(found, kind, entry.id), select(entry), entry.id)
    return ranked(stmt, rank, entry.id, _count(found, kind), page)


def _word_pages(
    word: str, found: list[str], kinds: list[str] | None
) -> tuple[Select, Callable[[int, int], Select]]:
    """The count and the pages of a search of one plain word, from the term index:
    a page reads the first rows of the word's entries in rank order, not every
    match. SQLite counts in the FTS5 index, which reads its matches alone faster
    than the term index would; PostgreSQL's GIN index would read every match's
    row to know it is visible, the term index only its own pages."""
    count = search_terms.count(word, kinds) if _postgresql() else _count(found, kinds)

    def page(limit: int, offset: int) -> Select:
        return search_terms.page(word, kinds or list(KINDS), limit, offset)

    return count, page


def _pages(
    matches: Select, rank: ColumnElement, rows: Select, key
) -> Callable[[int, int], Select]:
    """The page of `rows` (their id: `key`) at (limit, offset) in the order of
    `matches` (rows of their key and rank): the matches are ranked and cut, by
    rank then by the key as the whole list is, before a row of `rows` is read."""

    def page(limit: int, offset: int) -> Select:
        top = matches.order_by(rank, matches.selected_columns[0])
        top = top.limit(limit).offset(offset).subquery()
        joined = rows.join(top, list(top.c)[0] == key)
        return joined.order_by(top.c.rank, key.asc())

    return page


def _of_kinds(kinds: list[str]) -> ColumnElement[bool]:
    if _postgresql():
        # The kinds written out, not bound: the planner then reads a kind's own
        # index (a partial index of its entries) in every plan, generic ones too.
        named = [literal_column(f"'{kind}'") for kind in kinds if kind in KINDS]
        return entry.kind.in_(named) if len(named) > 1 else entry.kind == named[0]
    condition = entry.kind.in_(kinds) if len(kinds) > 1 else entry.kind == kinds[0]
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
    stmt = stmt.join(FTS, FTS.c.rowid == entry.id)
    expression = _expression(found, kinds)
    return stmt.where(FTS.c.search_index.op("MATCH")(expression)), FTS.c.rank


def _expression(found: list[str], kinds: list[str] | None) -> str:
    """The FTS5 query of the terms, in the kinds' own columns (or in all)."""
    # Each term an FTS5 string: the tokenizer reads it as a phrase of its words,
    # and nothing in it (NEAR, *, AND, parentheses) is an operator.
    expression = " AND ".join('"' + term.replace('"', '""') + '"' for term in found)
    if kinds:
        # Only the kinds' own columns: their matches alone are read.
        columns = " ".join(f"{kind}_{part}" for kind in kinds for part in PARTS)
        expression = f"{{{columns}}} : ({expression})"
    return expression


def _matches(
    found: list[str], kinds: list[str] | None, key
) -> tuple[Select, ColumnElement]:
    """The entries matching the terms (`found`, some), of `kinds` (or of every
    kind), as rows of `key` (an entry's id or its item's) and `rank`; and the
    rank to order them by. On SQLite `key` is the FTS5 rowid where it is the
    entry's id, and the entries are read only for their items' ids."""
    if _postgresql():
        stmt, rank = _matching(select(key), found, None)
        stmt = stmt.add_columns(rank.label("rank")).where(_kinds_of(kinds))
        return stmt, rank
    expression = _expression(found, kinds)
    where = FTS.c.search_index.op("MATCH")(expression)
    if key is entry.id:
        return select(MATCH_ID, FTS.c.rank).where(where), FTS.c.rank
    stmt = select(key, FTS.c.rank).select_from(FTS).join(entry, FTS.c.rowid == entry.id)
    return stmt.where(where), FTS.c.rank


def _count(found: list[str], kinds: list[str] | None) -> Select:
    """How many entries of `kinds` (or of every kind) match: each entry is one
    item, and the index alone says which match."""
    if _postgresql():
        stmt, _rank = _matching(select(func.count()).select_from(entry), found, None)
        return stmt.where(_kinds_of(kinds))
    where = FTS.c.search_index.op("MATCH")(_expression(found, kinds))
    return select(func.count()).select_from(FTS).where(where)


def _kinds_of(kinds: list[str] | None) -> ColumnElement[bool]:
    """PostgreSQL: the entries of `kinds` (or of every kind), each kind named on
    its own, so that each is read through its kind's GIN index (several read as
    one bitmap, one pass over the table). Over every kind without it, the
    planner, which counts nothing for reading a tsvector, read the whole table
    for a common word (`government`, in 6% of the entries of 2,000 articles)."""
    return or_(*(_of_kinds([kind]) for kind in kinds or KINDS))


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


# What the migrations build beside the models, and Alembic cannot describe: the
# FTS5 table and its shadow tables (SQLite), the tsvector and its indexes
# (PostgreSQL), and the term index (api.db.search_terms), a table of each
# database's own shape with the scratch FTS5 table that feeds it on SQLite.
UNDESCRIBED_TABLES = ("search_index", "search_terms", "search_scratch")
UNDESCRIBED = {
    ("column", "document"),
    ("index", "ix_search_entries_document"),
    # and one of each kind's entries (migration 0009)
    *(("index", f"ix_search_entries_document_{kind}") for kind in KINDS),
}


def described(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's `include_object`: compare what the models describe, and nothing
    of the full-text index, which is the database's own."""
    if type_ == "table" and name.startswith(UNDESCRIBED_TABLES):
        return False
    return (type_, name) not in UNDESCRIBED
