"""search_terms: for each word of each search entry, what ranks the entry in a
search of that word alone, in rank order, kept by triggers on search_entries and
built for the entries already stored; a one-word search reads its page from the
top of its word's rows instead of ranking every match

Revision ID: 0010_search_terms
Revises: 0009_search_kinds
"""

from alembic import op

revision = "0010_search_terms"
down_revision = "0009_search_kinds"
branch_labels = None
depends_on = None

# As api.db.search.KINDS and the FTS5 columns of 0007: a label and a body column
# for each kind.
KINDS = ("article", "quote", "reaction", "statistic", "actor")
COLUMNS = ", ".join(f"{kind}_{part}" for kind in KINDS for part in ("label", "body"))
# A word in the label counts four times one in the body: 0007's bm25(4.0, 1.0, ...).
LABEL_WEIGHT = 4
# Entries indexed in one pass by the backfill: the scratch index holds them all.
CHUNK = 5000


def _values(row: str) -> str:
    """The FTS5 columns of an entry (`new`, `old` or the table's own row)."""
    prefix = f"{row}." if row else ""
    return ", ".join(
        f"CASE {prefix}kind WHEN '{kind}' THEN {prefix}{part} END"
        for kind in KINDS
        for part in ("label", "body")
    )


# SQLite: BM25 of one word in an entry is a function of the entry's weighted count
# of the word (`freq`) and its length in tokens (`size`), and of the index's
# average length and the word's document frequency, which every write moves. So no
# score is kept: among the entries with the same `freq` the shorter ranks higher
# whatever those two are, and a page is the best of the first rows of each group
# (api.db.search_terms). The words and their counts come from FTS5 itself: each
# entry is tokenized into a scratch FTS5 table with the same columns and tokenizer
# (never holding more than the row at hand), read back through its fts5vocab
# table, and cleared.
SQLITE_TABLES = (
    f"CREATE VIRTUAL TABLE search_scratch USING fts5({COLUMNS}, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_scratch_counts USING fts5vocab(search_scratch, col)",
    "CREATE VIRTUAL TABLE search_scratch_tokens "
    "USING fts5vocab(search_scratch, instance)",
    "CREATE TABLE search_terms (term TEXT NOT NULL, kind VARCHAR(40) NOT NULL, "
    "freq INTEGER NOT NULL, size INTEGER NOT NULL, entry_id INTEGER NOT NULL, "
    "PRIMARY KEY (term, kind, freq, size, entry_id)) WITHOUT ROWID",
)
_WEIGHED = f"CASE WHEN col GLOB '*_label' THEN {LABEL_WEIGHT} * cnt ELSE cnt END"


def _scratch(row: str) -> str:
    values = f"{row}.id, {_values(row)}"
    return f"INSERT INTO search_scratch(rowid, {COLUMNS}) VALUES ({values});"


def _rows(row: str) -> str:
    """The entry's rows of search_terms, from the scratch table holding it alone."""
    return (
        f"SELECT term, {row}.kind, sum({_WEIGHED}), "
        f"(SELECT sum(cnt) FROM search_scratch_counts), {row}.id "
        "FROM search_scratch_counts GROUP BY term"
    )


_CLEAR = "INSERT INTO search_scratch(search_scratch) VALUES ('delete-all');"
_ADD = f"{_scratch('new')} INSERT INTO search_terms {_rows('new')}; {_CLEAR}"
_REMOVE = (
    f"{_scratch('old')} DELETE FROM search_terms "
    f"WHERE (term, kind, freq, size, entry_id) IN ({_rows('old')}); {_CLEAR}"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER search_terms_ai AFTER INSERT ON search_entries BEGIN {_ADD} END",
    f"CREATE TRIGGER search_terms_ad AFTER DELETE ON search_entries "
    f"BEGIN {_REMOVE} END",
    "CREATE TRIGGER search_terms_au AFTER UPDATE ON search_entries "
    f"BEGIN {_REMOVE} {_ADD} END",
)
# The stored entries, a chunk at a time: the tokens of each entry in the chunk
# (`instance`), counted per entry and word.
SQLITE_FILL = (
    f"INSERT INTO search_scratch(rowid, {COLUMNS}) "
    f"SELECT id, {_values('')} FROM search_entries "
    "WHERE id >= {low} AND id < {high}",
    "INSERT INTO search_terms SELECT term, entry.kind, freq, "
    "sum(hits) OVER (PARTITION BY doc), doc FROM ("
    f"SELECT term, doc, sum(CASE WHEN col GLOB '*_label' THEN {LABEL_WEIGHT} "
    "ELSE 1 END) AS freq, count(*) AS hits "
    "FROM search_scratch_tokens GROUP BY doc, term"
    ") JOIN search_entries AS entry ON entry.id = doc",
    _CLEAR,
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS search_terms_au",
    "DROP TRIGGER IF EXISTS search_terms_ad",
    "DROP TRIGGER IF EXISTS search_terms_ai",
    "DROP TABLE IF EXISTS search_terms",
    "DROP TABLE IF EXISTS search_scratch_tokens",
    "DROP TABLE IF EXISTS search_scratch_counts",
    "DROP TABLE IF EXISTS search_scratch",
)

# PostgreSQL: ts_rank of one word is a function of the entry alone, so the score
# itself is kept (negated, as api.db.search orders by it): the same float4 the
# search would compute, from the same function. lede_word_query is the word as a
# tsquery of that one lexeme, quoted so that nothing in it is tsquery syntax.
POSTGRES_WORD_QUERY = (
    "CREATE FUNCTION lede_word_query(text) RETURNS tsquery "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS "
    "$$ SELECT ('''' || replace(replace($1, '\\', '\\\\'), '''', '''''') "
    "|| '''')::tsquery $$"
)
_POSTGRES_ROWS = (
    "SELECT word.lexeme, {t}.kind, "
    "-ts_rank({t}.document, lede_word_query(word.lexeme), 1), {t}.id "
    "FROM {t}, unnest({t}.document) AS word"
)
_POSTGRES_ADD = f"INSERT INTO search_terms {_POSTGRES_ROWS.format(t='added')};"
# The rows of the removed entries found by their whole key: the rank computed
# again from the same document is the same.
_POSTGRES_REMOVE = (
    "DELETE FROM search_terms USING removed, unnest(removed.document) AS word "
    "WHERE search_terms.term = word.lexeme AND search_terms.kind = removed.kind "
    "AND search_terms.rank = "
    "-ts_rank(removed.document, lede_word_query(word.lexeme), 1) "
    "AND search_terms.entry_id = removed.id;"
)
POSTGRES_FUNCTIONS = {
    "added": _POSTGRES_ADD,
    "removed": _POSTGRES_REMOVE,
    "replaced": _POSTGRES_REMOVE + " " + _POSTGRES_ADD,
}
POSTGRES_TRIGGERS = {
    "added": ("INSERT", "NEW TABLE AS added"),
    "removed": ("DELETE", "OLD TABLE AS removed"),
    "replaced": ("UPDATE", "OLD TABLE AS removed NEW TABLE AS added"),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _postgres_upgrade()
        return
    for statement in SQLITE_TABLES:
        op.execute(statement)
    bind = op.get_bind()
    top = bind.exec_driver_sql("SELECT coalesce(max(id), 0) FROM search_entries")
    last = top.scalar()
    for low in range(0, last + 1, CHUNK):
        for statement in SQLITE_FILL:
            bind.exec_driver_sql(statement.format(low=low, high=low + CHUNK))
    for statement in SQLITE_TRIGGERS:
        op.execute(statement)


def _postgres_upgrade() -> None:
    op.execute(
        "CREATE TABLE search_terms (term text NOT NULL, kind varchar(40) NOT NULL, "
        "rank real NOT NULL, entry_id integer NOT NULL)"
    )
    op.execute(POSTGRES_WORD_QUERY)
    op.execute(f"INSERT INTO search_terms {_POSTGRES_ROWS.format(t='search_entries')}")
    # Built once filled, faster than row by row; a page reads it alone (its
    # rows' visibility from the visibility map), and so does a count.
    op.execute(
        "CREATE INDEX ix_search_terms_term ON search_terms (term, kind, rank, entry_id)"
    )
    op.execute("ANALYZE search_terms")
    for name, body in POSTGRES_FUNCTIONS.items():
        op.execute(
            # The schema's names as the migration sees them, whatever the
            # search_path of the database session whose write fires the trigger.
            f"CREATE FUNCTION lede_search_terms_{name}() RETURNS trigger "
            "LANGUAGE plpgsql SET search_path FROM CURRENT "
            f"AS $$ BEGIN {body} RETURN NULL; END $$"
        )
    for name, (event, tables) in POSTGRES_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER search_terms_{name} AFTER {event} ON search_entries "
            f"REFERENCING {tables} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION lede_search_terms_{name}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for statement in SQLITE_DROP:
            op.execute(statement)
        return
    for name in POSTGRES_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS search_terms_{name} ON search_entries")
        op.execute(f"DROP FUNCTION IF EXISTS lede_search_terms_{name}()")
    op.execute("DROP TABLE IF EXISTS search_terms")
    op.execute("DROP FUNCTION IF EXISTS lede_word_query(text)")
