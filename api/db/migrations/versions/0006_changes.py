"""changes for mirrors: the data version that last wrote each item, and the items
that writes removed

Revision ID: 0006_changes
Revises: 0005_jobs
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_changes"
down_revision = "0005_jobs"
branch_labels = None
depends_on = None

# The tables of the lists that `changed_since` filters (api.db.changes.STAMPED).
STAMPED = ("articles", "actors", "mentions", "quotes", "reactions", "statistics")


def upgrade() -> None:
    for table in STAMPED:
        op.add_column(table, sa.Column("version", sa.BigInteger(), nullable=True))
        # What is stored was written by the versions up to now: it is all of them.
        op.execute(
            f"UPDATE {table} SET version = "
            "(SELECT number FROM data_version WHERE id = 1)"
        )
        op.create_index(f"ix_{table}_version_id", table, ["version", "id"])
    op.create_table(
        "deletions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("item_id", sa.String(length=80), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_deletions_version_id", "deletions", ["version", "id"])
    op.create_index(
        "ix_deletions_kind_version_id", "deletions", ["kind", "version", "id"]
    )


def downgrade() -> None:
    op.drop_table("deletions")
    for table in STAMPED:
        op.drop_index(f"ix_{table}_version_id", table_name=table)
        # Plain DROP COLUMN, as 0004: a batch copy would cascade deletes.
        op.drop_column(table, "version")
