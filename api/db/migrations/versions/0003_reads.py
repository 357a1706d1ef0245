"""data version raised by every write

Revision ID: 0003_reads
Revises: 0002
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003_reads"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    version = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.String(length=32), nullable=False),
        sa.Column("number", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(version, [{"id": 1, "generation": uuid.uuid4().hex, "number": 1}])


def downgrade() -> None:
    op.drop_table("data_version")
