"""A one-word search read from the term index (migration 0010): its page from the
top of the word's rows in rank order, its count from the word's rows alone, so
that neither ranks every match."""

from __future__ import annotations

import re
from functools import cache

from sqlalchemy import (
    Float,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    func,
    literal,
    select,
    table,
    tuple_,
    union_all,
)
from sqlalchemy import column as sql_column

from api.db import models, session

# A word both full-text indexes read as one token and fold to its lower case: the
# term index holds it as written so. Other words (accents, inner punctuation) are
# ranked by the full-text index itself, as phrases are.
PLAIN_WORD = re.compile(r"[A-Za-z0-9]+")
# FTS5's BM25 constants (k1, b), which fts5's bm25() does not let a query change.
K1, B = 1.2, 0.75
# Past any entry's length or id: an upper bound to compare a row with.
BEYOND = 2**62

TERMS = table(
    "search_terms",
    sql_column("term", String),
    sql_column("kind", String),
    sql_column("entry_id", Integer),
    # SQLite: the weighted count of the word in the entry and its length in tokens.
    sql_column("freq", Integer),
    sql_column("size", Integer),
    # PostgreSQL: the entry's rank (-ts_rank) in a search of the word alone.
    sql_column("rank", Float),
)
# FTS5's own record of the index's totals: its row count, then each column's
# number of tokens, as SQLite varints (fts5_storage.c, the "averages" record).
FTS_DATA = table("search_index_data", sql_column("id", Integer), sql_column("block"))
AVERAGES_ID = 1
# A page's values: the word, how many rows it needs from the top of the order
# (`wanted`, the last of them past `skipped`), where it starts, and the index's
# average entry length (SQLite).
WORD = bindparam("word", type_=String)
WANTED = bindparam("wanted", type_=Integer)
SKIPPED = bindparam("skipped", type_=Integer)
LIMIT = bindparam("limit", type_=Integer)
OFFSET = bindparam("offset", type_=Integer)
AVERAGE = bindparam("average", type_=Float)


def plain_word(found: list[str]) -> str | None:
    """The query's one word as the term index holds it, if it is one plain word."""
    if len(found) == 1 and PLAIN_WORD.fullmatch(found[0]):
        return found[0].lower()
    return None


def count(word: str, kinds: list[str] | None) -> Select:
    """PostgreSQL: how many entries of `kinds` (or of any kind) hold `word`: a
    range of the term index, read without its table."""
    stmt = select(func.count()).select_from(TERMS).where(TERMS.c.term == word)
    return stmt.where(TERMS.c.kind.in_(kinds)) if kinds else stmt


def page(word: str, kinds: list[str], limit: int, offset: int) -> Select:
    """The entries holding `word` at (limit, offset) of the search's order: ranked
    as the full-text index ranks them, best first, then by the entry's id."""
    wanted = limit + offset
    values = {"word": word, "wanted": wanted, "skipped": wanted - 1}
    values |= {"limit": limit, "offset": offset}
    postgresql = session().get_bind().dialect.name == "postgresql"
    if not postgresql:
        values["average"] = _average_size()
    return _page(postgresql, tuple(kinds)).params(values)


@cache
def _page(postgresql: bool, kinds: tuple[str, ...]) -> Select:
    """The statement of a page, built once for each database and kinds (building
    it took longer than running it): only its values change."""
    builder = _postgres_best if postgresql else _sqlite_best
    top = builder(list(kinds)).subquery()
    best = select(top.c.id, top.c.rank).order_by(top.c.rank, top.c.id)
    best = best.limit(LIMIT).offset(OFFSET).subquery()
    entry = models.SearchEntry
    joined = select(entry).join(best, best.c.id == entry.id)
    return joined.order_by(best.c.rank, entry.id.asc())


def _postgres_best(kinds: list[str]):
    """The first `wanted` rows of each kind in the index's order: the first
    `wanted` of them all are among them."""
    terms = TERMS.c
    return union_all(
        *(
            select(terms.entry_id.label("id"), terms.rank)
            .where(terms.term == WORD, terms.kind == kind)
            .order_by(terms.rank, terms.entry_id)
            .limit(WANTED)
            for kind in kinds
        )
    )


def _sqlite_best(kinds: list[str]) -> Select:
    """Among the rows of one kind and one `freq` the shorter entry ranks higher,
    then the lower id, whatever BM25's averages: the index's order. So the first
    `wanted` rows of each such group hold the best `wanted` of all; only those are
    scored, by BM25 of the word as FTS5 computes it, without the word's IDF (the
    same factor for every match)."""
    groups = _groups(kinds)
    cut = select(
        groups.c.kind,
        groups.c.freq,
        func.coalesce(_nth(groups, TERMS.c.size), BEYOND).label("size"),
        func.coalesce(_nth(groups, TERMS.c.entry_id), BEYOND).label("id"),
    ).where(groups.c.freq.is_not(None))
    cut = cut.cte("cut")
    terms = TERMS.c
    within = and_(
        terms.term == WORD,
        terms.kind == cut.c.kind,
        terms.freq == cut.c.freq,
        tuple_(terms.size, terms.entry_id) <= tuple_(cut.c.size, cut.c.id),
    )
    return select(terms.entry_id.label("id"), _bm25().label("rank")).select_from(
        cut.join(TERMS, within)
    )


def _groups(kinds: list[str]):
    """Each kind's distinct `freq` values of the word, found one after the other
    in the index (a seek each), with a last row of None per kind."""
    named = union_all(*(select(literal(kind).label("kind")) for kind in kinds))
    named = named.cte("kinds")
    lowest = TERMS.alias("lowest")
    least = (
        select(func.min(lowest.c.freq))
        .where(lowest.c.term == WORD, lowest.c.kind == named.c.kind)
        .scalar_subquery()
    )
    first = select(named.c.kind, least.label("freq")).cte("groups", recursive=True)
    later = TERMS.alias("later")
    following = (
        select(func.min(later.c.freq))
        .where(
            later.c.term == WORD,
            later.c.kind == first.c.kind,
            later.c.freq > first.c.freq,
        )
        .scalar_subquery()
    )
    step = select(first.c.kind, following).where(first.c.freq.is_not(None))
    return first.union_all(step)


def _nth(groups, column):
    """`column` of the group's `wanted`-th row in the index's order, if it has one."""
    row = TERMS.alias("nth")
    picked = row.c[column.name]
    return (
        select(picked)
        .where(
            row.c.term == WORD,
            row.c.kind == groups.c.kind,
            row.c.freq == groups.c.freq,
        )
        .order_by(row.c.size, row.c.entry_id)
        .limit(1)
        .offset(SKIPPED)
        .scalar_subquery()
    )


def _bm25():
    """-BM25 without the IDF, written as fts5's bm25() computes it (the same
    operations in the same order, so the same doubles)."""
    freq, size = TERMS.c.freq, TERMS.c.size
    average = AVERAGE
    ratio = literal(B, Float) * size / average
    norm = literal(K1, Float) * (literal(1, Float) - literal(B, Float) + ratio)
    boosted = freq * (literal(K1, Float) + literal(1.0, Float))
    return literal(-1.0, Float) * (boosted / (freq + norm))


def _average_size() -> float:
    """The average length of an entry in tokens, as FTS5's BM25 reads it: from the
    index's averages record, total tokens over rows."""
    averages = select(FTS_DATA.c.block).where(FTS_DATA.c.id == AVERAGES_ID)
    block = session().scalar(averages)
    rows, *tokens = _varints(block or b"")
    return sum(tokens) / rows if rows else 1.0


def _varints(data: bytes) -> list[int]:
    """SQLite's varints: big-endian groups of 7 bits, each byte but the last with
    its top bit set, and a ninth byte, if any, of 8 bits."""
    numbers, value, length = [], 0, 0
    for byte in data:
        length += 1
        if length == 9:
            numbers.append(value << 8 | byte)
            value, length = 0, 0
            continue
        value = value << 7 | byte & 0x7F
        if not byte & 0x80:
            numbers.append(value)
            value, length = 0, 0
    return numbers or [0]
