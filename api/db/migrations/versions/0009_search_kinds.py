"""search_entries: on PostgreSQL, a GIN index of each kind's entries, so that a
search of one kind reads only its own matches

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
