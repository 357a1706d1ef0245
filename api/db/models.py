"""Typed SQLAlchemy models: articles and the items derived from them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, MappedColumn, mapped_column, relationship

from api.db import Base

# Room for any value of a fixed vocabulary (stance, qualifier, category): a test
# checks every value of api.extraction.types fits. Ids are bounded by how they are
# made (api.extraction.ids); every other text column is free text, unbounded.
VOCABULARY_WIDTH = 40


def article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


def actor_fk(ondelete: str = "CASCADE") -> ForeignKey:
    return ForeignKey("actors.id", ondelete=ondelete)


def sorted_by(table: str, *columns: str) -> Index:
    """An index that gives a list's order (its sort, then the id that breaks ties)
    and serves a filter on its first column: no read sorts or scans a whole table."""
    return Index(f"ix_{table}_{'_'.join(columns)}_id", *columns, "id")


def stamped() -> MappedColumn:
    """The data version of the commit that last wrote the row (api.db.changes):
    null only inside the transaction writing it, stamped as it commits."""
    return mapped_column(BigInteger)


def by_version(table: str) -> Index:
    """What changed since a version (`changed_since`), in version order."""
    return Index(f"ix_{table}_version_id", "version", "id")


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = tuple(
        sorted_by("articles", column)
        for column in ("published_on", "title", "word_count", "created_at")
    ) + (by_version("articles"),)

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    published_on: Mapped[date | None]
    credits: Mapped[list[str]] = mapped_column(JSON, default=list)
    language: Mapped[str] = mapped_column(String(8), default="en")
    source_url: Mapped[str | None] = mapped_column(String(2000))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    word_count: Mapped[int]
    curated: Mapped[bool] = mapped_column(default=False)
    extractor: Mapped[str | None] = mapped_column(String(120))
    caveats: Mapped[list[dict]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime]
    # Stored, so that a list of articles need not load their paragraphs to count.
    paragraph_count: Mapped[int] = mapped_column(default=0)
    version: Mapped[int | None] = stamped()

    paragraphs: Mapped[list[Paragraph]] = relationship(
        order_by="Paragraph.index", cascade="all, delete-orphan", passive_deletes=True
    )


class Paragraph(Base):
    __tablename__ = "paragraphs"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = mapped_column(article_fk(), index=True)
    index: Mapped[int]
    kind: Mapped[str] = mapped_column(String(VOCABULARY_WIDTH))
    start: Mapped[int]
    end: Mapped[int]


class Actor(Base):
    """An actor across articles; what the text says of it lives in `Appearance`.

    The totals over its appearances are kept here by api.db.totals at every write,
    so that a list reads and sorts actors without visiting their appearances.
    """

    __tablename__ = "actors"
    __table_args__ = tuple(
        sorted_by("actors", column) for column in ("name", "type", "mention_count")
    ) + (by_version("actors"),)

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(VOCABULARY_WIDTH))
    role: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    mention_count: Mapped[int] = mapped_column(default=0)
    article_count: Mapped[int] = mapped_column(default=0)
    salience: Mapped[float] = mapped_column(Float, default=0.0)
    # The forms most used across articles first, at most totals.ALIASES_KEPT.
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    alias_count: Mapped[int] = mapped_column(default=0)
    # How many articles use each form: what `aliases` is ranked from, read only
    # by writes (it grows with the forms, not with the articles).
    forms: Mapped[dict[str, int]] = mapped_column(JSON, default=dict, deferred=True)
    version: Mapped[int | None] = stamped()


class Appearance(Base):
    __tablename__ = "appearances"

    article_id: Mapped[str] = mapped_column(article_fk(), primary_key=True)
    actor_id: Mapped[str] = mapped_column(actor_fk(), primary_key=True, index=True)
    role: Mapped[str | None] = mapped_column(Text)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    mention_count: Mapped[int] = mapped_column(default=0)
    salience: Mapped[float] = mapped_column(Float, default=0.0)


class Mention(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = mapped_column(article_fk())
    actor_id: Mapped[str] = mapped_column(actor_fk())
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[int | None] = stamped()

    # Text order, article by article, of an article's mentions and of an actor's.
    __table_args__ = (
        Index("ix_mentions_article_start", "article_id", "start"),
        Index("ix_mentions_actor_article_start", "actor_id", "article_id", "start"),
        by_version("mentions"),
    )


class Quote(Base):
    __tablename__ = "quotes"
    __table_args__ = tuple(
        sorted_by("quotes", column) for column in ("start", "kind", "speaker_id")
    ) + (by_version("quotes"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_id: Mapped[str] = mapped_column(article_fk(), index=True)
    speaker_id: Mapped[str | None] = mapped_column(actor_fk("SET NULL"))
    speaker_reason: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(VOCABULARY_WIDTH))
    verb: Mapped[str | None] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    sentence_start: Mapped[int | None]
    sentence_end: Mapped[int | None]
    sentence: Mapped[str | None] = mapped_column(Text)
    occurrences: Mapped[list[dict]] = mapped_column(JSON, default=list)
    version: Mapped[int | None] = stamped()

    speaker: Mapped[Actor | None] = relationship()


class Reaction(Base):
    __tablename__ = "reactions"
    __table_args__ = tuple(
        sorted_by("reactions", column) for column in ("start", "stance", "actor_id")
    ) + (by_version("reactions"),)

    id: Mapped[str] = mapped_column(String(60), primary_key=True)
    article_id: Mapped[str] = mapped_column(article_fk(), index=True)
    actor_id: Mapped[str] = mapped_column(actor_fk())
    on_behalf_of_id: Mapped[str | None] = mapped_column(actor_fk("SET NULL"))
    stance: Mapped[str] = mapped_column(String(VOCABULARY_WIDTH))
    target: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    quote_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    version: Mapped[int | None] = stamped()

    actor: Mapped[Actor] = relationship(foreign_keys=[actor_id])
    on_behalf_of: Mapped[Actor | None] = relationship(foreign_keys=[on_behalf_of_id])


class Statistic(Base):
    __tablename__ = "statistics"
    __table_args__ = tuple(
        sorted_by("statistics", column)
        for column in ("start", "value", "category", "placement")
    ) + (by_version("statistics"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_id: Mapped[str] = mapped_column(article_fk(), index=True)
    value: Mapped[float] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(String(VOCABULARY_WIDTH))
    category: Mapped[str] = mapped_column(String(VOCABULARY_WIDTH))
    subject: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(actor_fk("SET NULL"), index=True)
    unit: Mapped[str | None] = mapped_column(Text)
    placement: Mapped[str] = mapped_column(String(VOCABULARY_WIDTH))
    verified: Mapped[bool] = mapped_column(default=False)
    context: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    occurrences: Mapped[list[dict]] = mapped_column(JSON, default=list)
    version: Mapped[int | None] = stamped()

    source: Mapped[Actor | None] = relationship()


class SearchEntry(Base):
    """One searchable item (an article, a quote, a reaction, a figure, an actor):
    what api.db.search matches a query against, kept by every write.

    The full-text index over `label` and `body` is the database's own, built by a
    migration beside the table: SQLite's FTS5 table `search_index`, fed by
    triggers; PostgreSQL's generated tsvector column `document` (kept in the row,
    STORAGE MAIN) with a GIN index, and one GIN index of each kind's entries.
    """

    __tablename__ = "search_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(VOCABULARY_WIDTH))
    item_id: Mapped[str] = mapped_column(String(80))
    # None for an actor, which belongs to no one article.
    article_id: Mapped[str | None] = mapped_column(article_fk(), index=True)
    # What a hit shows (a quote's words, a title); `body`: what else is searched.
    label: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    start: Mapped[int | None]
    end: Mapped[int | None]

    __table_args__ = (UniqueConstraint("kind", "item_id"),)


# Quotes sorted by length: an index on the expression the sort orders by.
Index("ix_quotes_length_id", func.length(Quote.text), Quote.id)


class DataVersion(Base):
    """One row whose number every committed write raises (api.db.version): a read
    cached under one number is stale once the number moves."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    # A database created again starts counting from 1: its generation, drawn when
    # the row is created, keeps its versions apart from those of the old one.
    generation: Mapped[str] = mapped_column(String(32))
    number: Mapped[int] = mapped_column(BigInteger)


class Deletion(Base):
    """An item that a write removed (a deleted article's, or one its article's
    new version no longer has), for mirrors: `GET /deletions`."""

    __tablename__ = "deletions"
    __table_args__ = (
        by_version("deletions"),
        Index("ix_deletions_kind_version_id", "kind", "version", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(VOCABULARY_WIDTH))
    item_id: Mapped[str] = mapped_column(String(80))
    version: Mapped[int | None] = stamped()


class Job(Base):
    """Articles accepted together for extraction by the workers (`lede worker`)."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime]
    total: Mapped[int]

    articles: Mapped[list[JobArticle]] = relationship(
        order_by="JobArticle.position", passive_deletes=True
    )


class JobArticle(Base):
    """One accepted article of a job: what was sent, and what became of it.

    The text is kept here, not only in the queue's message, so an accepted article
    survives a worker killed while extracting it (or a queue that lost the message).
    """

    __tablename__ = "job_articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str] = mapped_column(
        ForeignKey("jobs.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    state: Mapped[str] = mapped_column(String(VOCABULARY_WIDTH))
    # The article as sent: read by the worker, never by a look at the job.
    payload: Mapped[dict] = mapped_column(JSON, deferred=True)
    attempts: Mapped[int] = mapped_column(default=0)
    # A worker holds the article until then; past it, the article is retried.
    lease_until: Mapped[datetime | None]
    article_id: Mapped[str | None] = mapped_column(String(80))
    error: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None]
    # The text's content hash while an article posted alone (POST /articles) waits
    # for a worker or is extracted: unique, so identical posts share one job;
    # cleared when it finishes, so a text whose job failed can be posted again.
    waiting_hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("job_id", "position"),
        Index("ix_job_articles_state_lease", "state", "lease_until"),
        Index("ix_job_articles_waiting_hash", "waiting_hash", unique=True),
    )
