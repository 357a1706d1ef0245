"""free text in unbounded columns, vocabularies in one width; no figure past 1e42

Revision ID: 0003_hostile
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_hostile"
down_revision = "0002"
branch_labels = None
depends_on = None

WIDE = sa.String(length=40)
# (table, column, width before): free text that PostgreSQL refused past a width
# SQLite never enforced.
FREE_TEXT = (
    ("articles", "title", 300),
    ("actors", "name", 200),
    ("actors", "role", 300),
    ("actors", "country", 100),
    ("appearances", "role", 300),
    ("mentions", "text", 300),
    ("quotes", "speaker_reason", 300),
    ("quotes", "verb", 40),
    ("reactions", "target", 300),
    ("reactions", "summary", 500),
    ("statistics", "subject", 300),
)
VOCABULARIES = (
    ("paragraphs", "kind", 20),
    ("actors", "type", 20),
    ("quotes", "kind", 10),
    ("statistics", "placement", 20),
)
# What api.db.load.LARGEST_FIGURE stores at most; larger values were floats past
# any count, Infinity among them, which JSON cannot carry.
LARGEST_FIGURE = 1e42


def upgrade() -> None:
    op.execute(
        f"DELETE FROM statistics WHERE value > {LARGEST_FIGURE} "
        f"OR value < -{LARGEST_FIGURE}"
    )
    op.execute(
        f"UPDATE statistics SET high = NULL WHERE high > {LARGEST_FIGURE} "
        f"OR high < -{LARGEST_FIGURE}"
    )
    for table, column, width in FREE_TEXT:
        _retype(table, column, sa.String(width), sa.Text())
    for table, column, width in VOCABULARIES:
        _retype(table, column, sa.String(width), WIDE)


def downgrade() -> None:
    # Values longer than the old widths would not fit again: PostgreSQL refuses
    # the downgrade then, rather than cutting them.
    for table, column, width in VOCABULARIES:
        _retype(table, column, WIDE, sa.String(width))
    for table, column, width in FREE_TEXT:
        _retype(table, column, sa.Text(), sa.String(width))


def _retype(table: str, column: str, before, after) -> None:
    with op.batch_alter_table(table) as batch:
        batch.alter_column(column, type_=after, existing_type=before)
