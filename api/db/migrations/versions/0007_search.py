"""search: one entry per article, quote, reaction, figure and actor, and the
database's full-text index over them (SQLite FTS5; PostgreSQL tsvector and GIN),
built for the rows already stored

Revision ID: 0007_search
Revises: 0006_changes
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_search"
down_revision = "0006_changes"
branch_labels = None
depends_on = None

COLUMNS = 'kind, item_id, article_id, label, body, start, "end"'
# What each kind shows (label) and what else is searched (body), as
# api.db.search.index_article and index_actors write them.
EXISTING = (
    "SELECT 'article', id, id, title, text, NULL, NULL FROM articles",
    "SELECT 'quote', id, article_id, text, '', start, \"end\" FROM quotes",
    "SELECT 'reaction', id, article_id, summary, "
    "coalesce(evidence, '') || ' ' || coalesce(target, ''), start, \"end\" "
    "FROM reactions",
    "SELECT 'statistic', id, article_id, evidence, "
    "coalesce(subject, '') || ' ' || coalesce(context, ''), start, \"end\" "
    "FROM statistics",
    "SELECT 'actor', id, NULL, name, '', NULL, NULL FROM actors",
)

# SQLite: an FTS5 index folding case and accents, with a label and a body column
# for each kind, so that a search of one kind reads only its own matches (a
# column filter) without visiting the other kinds' entries. Contentless: the text
# is kept once, in search_entries, whose triggers feed the index.
KINDS = ("article", "quote", "reaction", "statistic", "actor")
FTS_COLUMNS = [f"{kind}_{part}" for kind in KINDS for part in ("label", "body")]


def _values(row: str) -> str:
    """The FTS5 columns of an entry (`new` or `old`): its own kind's filled."""
    return ", ".join(
        f"CASE {row}.kind WHEN '{kind}' THEN {row}.{part} END"
        for kind in KINDS
        for part in ("label", "body")
    )


_COLUMNS = ", ".join(FTS_COLUMNS)
_ADD = f"INSERT INTO search_index(rowid, {_COLUMNS}) VALUES (new.id, {_values('new')});"
_REMOVE = (
    f"INSERT INTO search_index(search_index, rowid, {_COLUMNS}) "
    f"VALUES ('delete', old.id, {_values('old')});"
)
SQLITE_INDEX = (
    f"CREATE VIRTUAL TABLE search_index USING fts5({_COLUMNS}, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
    # BM25 with a match in the label (a title, a quote's words) worth four in the body.
    "INSERT INTO search_index(search_index, rank) "
    f"VALUES ('rank', 'bm25({', '.join(['4.0, 1.0'] * len(KINDS))})')",
    f"CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN {_ADD} END",
    f"CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries "
    f"BEGIN {_REMOVE} END",
    "CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries "
    f"BEGIN {_REMOVE} {_ADD} END",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS search_entries_au",
    "DROP TRIGGER IF EXISTS search_entries_ad",
    "DROP TRIGGER IF EXISTS search_entries_ai",
    "DROP TABLE IF EXISTS search_index",
)

# PostgreSQL: unaccent() is only STABLE (its dictionary could be changed), so an
# index or a generated column cannot call it; lede_fold names the dictionary and
# is declared IMMUTABLE, the documented way round. 'simple': no stemming and no
# stop words, so that every word is found as written, in any language.
POSTGRES_FOLD = (
    "CREATE OR REPLACE FUNCTION lede_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
    "AS $$ SELECT lower({schema}.unaccent('{schema}.unaccent'::regdictionary, $1)) $$"
)
POSTGRES_DOCUMENT = (
    "ALTER TABLE search_entries ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', lede_fold(label)), 'A') || "
    "setweight(to_tsvector('simple', lede_fold(body)), 'B')) STORED"
)


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("item_id", sa.String(length=80), nullable=False),
        sa.Column("article_id", sa.String(length=80), nullable=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "item_id"),
    )
    op.create_index("ix_search_entries_article_id", "search_entries", ["article_id"])
    if op.get_bind().dialect.name == "postgresql":
        _postgres_index()
    else:
        for statement in SQLITE_INDEX:
            op.execute(statement)
    for rows in EXISTING:
        op.execute(f"INSERT INTO search_entries ({COLUMNS}) {rows}")


def _postgres_index() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema = op.get_bind().scalar(
        sa.text(
            "SELECT extnamespace::regnamespace::text FROM pg_extension "
            "WHERE extname = 'unaccent'"
        )
    )
    op.execute(POSTGRES_FOLD.format(schema=schema))
    op.execute(POSTGRES_DOCUMENT)
    op.execute(
        "CREATE INDEX ix_search_entries_document ON search_entries USING gin (document)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_table("search_entries")
        op.execute("DROP FUNCTION IF EXISTS lede_fold(text)")
        # The extension stays: other objects of the database may use it.
        return
    for statement in SQLITE_DROP:
        op.execute(statement)
    op.drop_index("ix_search_entries_article_id", table_name="search_entries")
    op.drop_table("search_entries")
