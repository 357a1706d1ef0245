"""create schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 12:00:29.376200
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.Column("country", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actors_type"), ["type"], unique=False)

    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("credits", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("source_url", sa.String(length=2000), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("curated", sa.Boolean(), nullable=False),
        sa.Column("caveats", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    op.create_table(
        "appearances",
        sa.Column("article_id", sa.String(length=80), nullable=False),
        sa.Column("actor_id", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("salience", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "actor_id"),
    )
    with op.batch_alter_table("appearances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appearances_actor_id"), ["actor_id"], unique=False
        )

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=80), nullable=False),
        sa.Column("actor_id", sa.String(length=80), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mentions_actor_id"), ["actor_id"], unique=False
        )
        batch_op.create_index(
            "ix_mentions_article_start", ["article_id", "start"], unique=False
        )

    op.create_table(
        "paragraphs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=80), nullable=False),
        sa.Column("index", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("paragraphs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_paragraphs_article_id"), ["article_id"], unique=False
        )

    op.create_table(
        "quotes",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.String(length=80), nullable=False),
        sa.Column("speaker_id", sa.String(length=80), nullable=True),
        sa.Column("speaker_reason", sa.String(length=300), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("verb", sa.String(length=40), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=True),
        sa.Column("sentence_end", sa.Integer(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=True),
        sa.Column("occurrences", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["speaker_id"], ["actors.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quotes_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_quotes_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_quotes_speaker_id"), ["speaker_id"], unique=False
        )

    op.create_table(
        "reactions",
        sa.Column("id", sa.String(length=60), nullable=False),
        sa.Column("article_id", sa.String(length=80), nullable=False),
        sa.Column("actor_id", sa.String(length=80), nullable=False),
        sa.Column("on_behalf_of_id", sa.String(length=80), nullable=True),
        sa.Column("stance", sa.String(length=12), nullable=False),
        sa.Column("target", sa.String(length=300), nullable=True),
        sa.Column("summary", sa.String(length=500), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote_ids", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["on_behalf_of_id"], ["actors.id"], ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("reactions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reactions_actor_id"), ["actor_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reactions_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reactions_stance"), ["stance"], unique=False
        )

    op.create_table(
        "statistics",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("qualifier", sa.String(length=12), nullable=False),
        sa.Column("category", sa.String(length=12), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=True),
        sa.Column("source_id", sa.String(length=80), nullable=True),
        sa.Column("unit", sa.String(length=12), nullable=True),
        sa.Column("placement", sa.String(length=20), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("context", sa.Text(), nullable=True),
        sa.Column("evidence", sa.String(length=300), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_id"], ["actors.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("statistics", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_statistics_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_statistics_category"), ["category"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_statistics_source_id"), ["source_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("statistics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statistics_source_id"))
        batch_op.drop_index(batch_op.f("ix_statistics_category"))
        batch_op.drop_index(batch_op.f("ix_statistics_article_id"))

    op.drop_table("statistics")
    with op.batch_alter_table("reactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reactions_stance"))
        batch_op.drop_index(batch_op.f("ix_reactions_article_id"))
        batch_op.drop_index(batch_op.f("ix_reactions_actor_id"))

    op.drop_table("reactions")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quotes_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_quotes_kind"))
        batch_op.drop_index(batch_op.f("ix_quotes_article_id"))

    op.drop_table("quotes")
    with op.batch_alter_table("paragraphs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_paragraphs_article_id"))

    op.drop_table("paragraphs")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_mentions_article_start")
        batch_op.drop_index(batch_op.f("ix_mentions_actor_id"))

    op.drop_table("mentions")
    with op.batch_alter_table("appearances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appearances_actor_id"))

    op.drop_table("appearances")
    op.drop_table("articles")
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actors_type"))

    op.drop_table("actors")
