"""job_articles.waiting_hash: identical articles posted while one waits for a
worker share its job

Revision ID: 0008_waiting_hash
Revises: 0007_search
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_waiting_hash"
down_revision = "0007_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "job_articles", sa.Column("waiting_hash", sa.String(length=64), nullable=True)
    )
    op.create_index(
        "ix_job_articles_waiting_hash", "job_articles", ["waiting_hash"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ix_job_articles_waiting_hash", "job_articles")
    with op.batch_alter_table("job_articles") as batch:
        batch.drop_column("waiting_hash")
