"""jobs: articles accepted for extraction by the workers, and what became of each

Revision ID: 0005_jobs
Revises: 0004_reads
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_jobs"
down_revision = "0004_reads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "job_articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("article_id", sa.String(length=80), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("job_id", "position"),
    )
    op.create_index("ix_job_articles_job_id", "job_articles", ["job_id"])
    op.create_index(
        "ix_job_articles_state_lease", "job_articles", ["state", "lease_until"]
    )


def downgrade() -> None:
    op.drop_table("job_articles")
    op.drop_table("jobs")
