"""extractor on articles; ranges, repeated figures and wider vocabulary columns

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

WIDE = sa.String(length=40)


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("extractor", sa.String(length=120), nullable=True))
    with op.batch_alter_table("statistics") as batch:
        batch.add_column(sa.Column("high", sa.Float(), nullable=True))
        batch.add_column(
            sa.Column("occurrences", sa.JSON(), nullable=False, server_default="[]")
        )
        batch.alter_column("qualifier", type_=WIDE, existing_type=sa.String(12))
        batch.alter_column("category", type_=WIDE, existing_type=sa.String(12))
        batch.alter_column("unit", type_=sa.Text(), existing_type=sa.String(12))
        batch.alter_column("evidence", type_=sa.Text(), existing_type=sa.String(300))
    with op.batch_alter_table("reactions") as batch:
        batch.alter_column("stance", type_=WIDE, existing_type=sa.String(12))


def downgrade() -> None:
    with op.batch_alter_table("reactions") as batch:
        batch.alter_column("stance", type_=sa.String(12), existing_type=WIDE)
    with op.batch_alter_table("statistics") as batch:
        batch.alter_column("evidence", type_=sa.String(300), existing_type=sa.Text())
        batch.alter_column("unit", type_=sa.String(12), existing_type=sa.Text())
        batch.alter_column("category", type_=sa.String(12), existing_type=WIDE)
        batch.alter_column("qualifier", type_=sa.String(12), existing_type=WIDE)
        batch.drop_column("occurrences")
        batch.drop_column("high")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("extractor")
