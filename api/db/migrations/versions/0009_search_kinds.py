"""search_entries on PostgreSQL: a GIN index of each kind's entries, so that a
search of one kind reads only its own matches; and each tsvector kept in its row,
where ranking a match reads it

Revision ID: 0009_search_kinds
Revises: 0008_waiting_hash
"""

from alembic import op

revision = "0009_search_kinds"
down_revision = "0008_waiting_hash"
branch_labels = None
depends_on = None

# As api.db.search.KINDS. On SQLite the FTS5 index has a column pair for each kind
# already, whose column filter reads a kind's matches alone: nothing to build.
KINDS = ("article", "quote", "reaction", "statistic", "actor")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # An article's tsvector (4 KB on average) was moved out of its row, to the
    # TOAST table, as the row is over 2 KB: ranking a search read it back from
    # there, match by match. Kept in the row (compressed, moved out only when the
    # row would not fit a page), it is read with the row; CLUSTER writes every
    # stored row again, so that the rows already stored are kept that way too.
    op.execute("ALTER TABLE search_entries ALTER COLUMN document SET STORAGE MAIN")
    op.execute("CLUSTER search_entries USING search_entries_pkey")
    op.execute("ALTER TABLE search_entries SET WITHOUT CLUSTER")
    for kind in KINDS:
        op.execute(
            f"CREATE INDEX ix_search_entries_document_{kind} ON search_entries "
            f"USING gin (document) WHERE kind = '{kind}'"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for kind in KINDS:
        op.execute(f"DROP INDEX IF EXISTS ix_search_entries_document_{kind}")
    # The rows written since stay as they are: where a value is kept is no part
    # of the schema.
    op.execute("ALTER TABLE search_entries ALTER COLUMN document SET STORAGE EXTENDED")
