"""data version raised by every write; totals kept on actors and articles; an index
for every list's sort

Revision ID: 0004_reads
Revises: 0003_hostile
"""

import uuid
from itertools import groupby

import sqlalchemy as sa
from alembic import op

revision = "0004_reads"
down_revision = "0003_hostile"
branch_labels = None
depends_on = None

ALIASES_KEPT = 10  # as api.db.totals keeps them

# (table, column): an index on (column, id) gives the list's order for each sort.
SORTED_BY = (
    ("articles", "published_on"),
    ("articles", "title"),
    ("articles", "word_count"),
    ("articles", "created_at"),
    ("actors", "name"),
    ("actors", "type"),
    ("actors", "mention_count"),
    ("quotes", "start"),
    ("quotes", "kind"),
    ("quotes", "speaker_id"),
    ("reactions", "start"),
    ("reactions", "stance"),
    ("reactions", "actor_id"),
    ("statistics", "start"),
    ("statistics", "value"),
    ("statistics", "category"),
    ("statistics", "placement"),
)
# Single-column indexes of 0001 that the indexes above begin with, so replace.
REPLACED = (
    ("actors", "type"),
    ("quotes", "kind"),
    ("quotes", "speaker_id"),
    ("reactions", "stance"),
    ("reactions", "actor_id"),
    ("statistics", "category"),
)

actors = sa.table(
    "actors",
    sa.column("id", sa.String),
    sa.column("role", sa.String),
    sa.column("aliases", sa.JSON),
    sa.column("alias_count", sa.Integer),
    sa.column("forms", sa.JSON),
)
appearances = sa.table(
    "appearances",
    sa.column("article_id", sa.String),
    sa.column("actor_id", sa.String),
    sa.column("role", sa.String),
    sa.column("aliases", sa.JSON),
)


def upgrade() -> None:
    version = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.String(length=32), nullable=False),
        sa.Column("number", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(version, [{"id": 1, "generation": uuid.uuid4().hex, "number": 1}])
    for name, kind, default in (
        ("mention_count", sa.Integer(), "0"),
        ("article_count", sa.Integer(), "0"),
        ("salience", sa.Float(), "0"),
        ("aliases", sa.JSON(), "[]"),
        ("alias_count", sa.Integer(), "0"),
        ("forms", sa.JSON(), "{}"),
    ):
        op.add_column(
            "actors", sa.Column(name, kind, nullable=False, server_default=default)
        )
    op.add_column(
        "articles",
        sa.Column("paragraph_count", sa.Integer(), nullable=False, server_default="0"),
    )
    _count_existing_rows()
    _index_every_sort()


def _index_every_sort() -> None:
    for table, column in REPLACED:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
    op.drop_index("ix_mentions_actor_id", table_name="mentions")
    for table, column in SORTED_BY:
        op.create_index(f"ix_{table}_{column}_id", table, [column, "id"])
    op.create_index(
        "ix_mentions_actor_article_start",
        "mentions",
        ["actor_id", "article_id", "start"],
    )
    op.create_index("ix_quotes_length_id", "quotes", [sa.text("length(text)"), "id"])


def _count_existing_rows() -> None:
    op.execute(
        "UPDATE articles SET paragraph_count = "
        "(SELECT count(*) FROM paragraphs WHERE paragraphs.article_id = articles.id)"
    )
    op.execute(
        "UPDATE actors SET "
        "mention_count = (SELECT coalesce(sum(mention_count), 0) FROM appearances "
        "WHERE appearances.actor_id = actors.id), "
        "article_count = (SELECT count(*) FROM appearances "
        "WHERE appearances.actor_id = actors.id), "
        "salience = (SELECT coalesce(max(salience), 0) FROM appearances "
        "WHERE appearances.actor_id = actors.id)"
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            appearances.c.actor_id, appearances.c.aliases, appearances.c.role
        ).order_by(appearances.c.actor_id, appearances.c.article_id)
    ).all()
    roles = dict(bind.execute(sa.select(actors.c.id, actors.c.role)).all())
    for actor_id, group in groupby(rows, key=lambda row: row.actor_id):
        group = list(group)
        forms: dict = {}
        for row in group:
            for form in dict.fromkeys(row.aliases or []):
                forms[form] = forms.get(form, 0) + 1
        ranked = sorted(forms, key=lambda form: -forms[form])
        values = {
            "forms": forms,
            "aliases": ranked[:ALIASES_KEPT],
            "alias_count": len(forms),
            # As api.db.totals: the first role given, unless the actor has one.
            "role": roles.get(actor_id)
            or next((row.role for row in group if row.role), None),
        }
        bind.execute(actors.update().where(actors.c.id == actor_id).values(values))


def downgrade() -> None:
    op.drop_index("ix_quotes_length_id", table_name="quotes")
    op.drop_index("ix_mentions_actor_article_start", table_name="mentions")
    for table, column in SORTED_BY:
        op.drop_index(f"ix_{table}_{column}_id", table_name=table)
    op.create_index("ix_mentions_actor_id", "mentions", ["actor_id"])
    for table, column in REPLACED:
        op.create_index(f"ix_{table}_{column}", table, [column])
    # Plain ALTER TABLE DROP COLUMN (SQLite 3.35 and later): a batch copy would drop
    # and recreate `articles` and `actors`, and with foreign keys on, dropping them
    # deletes every row that refers to them.
    op.drop_column("articles", "paragraph_count")
    for name in ("forms", "alias_count", "aliases", "salience", "article_count"):
        op.drop_column("actors", name)
    op.drop_column("actors", "mention_count")
    op.drop_table("data_version")
