"""Write Annotations to the store; remove an article and all derived from it."""

from __future__ import annotations

import math
from dataclasses import asdict
from datetime import UTC, date, datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from api.db import changes, models, search
from api.db.totals import Share, shares_of_article, update_actors
from api.extraction.ids import content_hash
from api.extraction.types import Annotation, Statistic
from schemas.limits import LARGEST_FIGURE

DERIVED = (
    models.SearchEntry,
    models.Mention,
    models.Appearance,
    models.Quote,
    models.Reaction,
    models.Statistic,
    models.Paragraph,
)


def find_by_hash(db: Session, content_hash: str) -> models.Article | None:
    stmt = select(models.Article).where(models.Article.content_hash == content_hash)
    return db.scalars(stmt).first()


def ingest(db: Session, annotate, text: str, **meta) -> tuple[models.Article, bool]:
    """Store a new article annotated by `annotate(text, **meta)`, or find it.

    Returns (article, created). Nothing is written unless everything succeeds: the
    caller commits, and rolls back on any exception.
    """
    existing = find_by_hash(db, content_hash(text))
    if existing is not None:
        return existing, False
    annotation = annotate(text, **meta)
    if not _claim(db, annotation):
        # A twin request stored the same text while this one extracted it.
        return find_by_hash(db, annotation.article.content_hash), False
    claimed = db.get(models.Article, annotation.article.id)
    return _write(db, claimed, annotation, curated=False), True


def _claim(db: Session, annotation: Annotation) -> bool:
    """Insert the bare article unless its id or text is stored: one statement, so
    of concurrent twins exactly one claims it (PostgreSQL makes the others wait for
    its commit, SQLite for its write lock) and the rest store nothing."""
    info = annotation.article
    row = {
        "id": info.id,
        "title": info.title,
        "text": info.text,
        "content_hash": info.content_hash,
        "word_count": 0,
        "curated": False,
        "credits": [],
        "caveats": [],
        "language": info.language,
        "created_at": datetime.now(UTC),
    }
    claim = (
        _insert(db)(models.Article)
        .values(row)
        .on_conflict_do_nothing()
        .returning(models.Article.id)
    )
    return db.execute(claim).scalar() is not None


def store(db: Session, annotation: Annotation, *, curated: bool) -> models.Article:
    """Insert or replace one article and its items; the caller commits."""
    info = annotation.article
    article = db.get(models.Article, info.id)
    if article is None:
        article = models.Article(id=info.id, created_at=datetime.now(UTC))
        db.add(article)
        replaced = []
    else:
        replaced = shares_of_article(db, info.id)
        _delete_derived(db, info.id)
    return _write(db, article, annotation, curated, replaced)


def _write(db: Session, article, annotation: Annotation, curated: bool, replaced=()):
    """Fill the article's row and add its items; `replaced`: the shares of the
    actors in the version of the article this one replaces."""
    _fill_article(article, annotation, curated)
    db.flush()
    appearances = _add_actors(db, annotation)
    _add_items(db, annotation)
    update_actors(db, [Share.of(a) for a in appearances], replaced)
    db.flush()
    search.index_article(db, article.id)
    return article


def remove(db: Session, article_id: str) -> bool:
    """Delete an article, its items and the actors that no other article mentions."""
    article = db.get(models.Article, article_id)
    if article is None:
        return False
    removed = shares_of_article(db, article_id)
    _delete_derived(db, article_id)
    changes.record_removal(db, "article", models.Article.id == article_id)
    db.delete(article)
    db.flush()
    update_actors(db, [], removed)
    db.flush()
    orphan = ~exists().where(models.Appearance.actor_id == models.Actor.id)
    changes.record_removal(db, "actor", orphan)
    gone = db.execute(delete(models.Actor).where(orphan).returning(models.Actor.id))
    search.unindex_actors(db, list(gone.scalars()))
    return True


# The derived items a mirror knows by id: their removals are recorded.
RECORDED = {
    models.Mention: "mention",
    models.Quote: "quote",
    models.Reaction: "reaction",
    models.Statistic: "statistic",
}


def _delete_derived(db: Session, article_id: str) -> None:
    # Explicit deletes rather than relying on ON DELETE CASCADE, which SQLite only
    # honours when foreign keys are switched on for the connection.
    for model in DERIVED:
        if model in RECORDED:
            changes.record_removal(db, RECORDED[model], model.article_id == article_id)
        db.execute(delete(model).where(model.article_id == article_id))


def _fill_article(article: models.Article, annotation: Annotation, curated: bool):
    info = annotation.article
    article.title = info.title
    article.published_on = (
        date.fromisoformat(info.published_on) if info.published_on else None
    )
    article.credits = list(info.credits)
    article.language = info.language
    article.source_url = info.source_url
    article.text = info.text
    article.content_hash = info.content_hash
    article.word_count = len(info.text.split())
    article.curated = curated
    article.extractor = "curated" if curated else info.extractor
    article.caveats = [asdict(c) for c in info.caveats]
    article.paragraphs = [
        models.Paragraph(index=p.index, kind=p.kind, start=p.start, end=p.end)
        for p in info.paragraphs
    ]
    article.paragraph_count = len(info.paragraphs)


def _add_actors(db: Session, annotation: Annotation) -> list[models.Appearance]:
    _insert_new_actors(db, annotation.actors)
    article_id = annotation.article.id
    most = max((len(a.mentions) for a in annotation.actors), default=0) or 1
    appearances = [
        models.Appearance(
            article_id=article_id,
            actor_id=actor.id,
            role=actor.role,
            aliases=list(actor.aliases),
            mention_count=len(actor.mentions),
            salience=round(len(actor.mentions) / most, 3),
        )
        for actor in annotation.actors
    ]
    mentions = [
        models.Mention(article_id=article_id, actor_id=actor.id, **asdict(m))
        for actor in annotation.actors
        for m in actor.mentions
    ]
    db.add_all([*appearances, *mentions])
    db.flush()
    return appearances


def _insert_new_actors(db: Session, actors) -> None:
    """Actors are shared by articles: insert those not yet known, in one statement
    that skips an id another transaction has just inserted, and index them."""
    ids = [a.id for a in actors]
    known = set(db.scalars(select(models.Actor.id).where(models.Actor.id.in_(ids))))
    values = [
        {
            "id": a.id,
            "name": a.name,
            "type": a.type,
            "role": a.role,
            "country": a.country,
        }
        for a in actors
        if a.id not in known
    ]
    if not values:
        return
    inserted = db.execute(
        _insert(db)(models.Actor)
        .values(values)
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(models.Actor.id)
    )
    # Only those this statement inserted: an actor another transaction has just
    # inserted is indexed by that transaction.
    search.index_actors(db, list(inserted.scalars()))


def _insert(db: Session):
    """The dialect's INSERT, which knows ON CONFLICT DO NOTHING."""
    dialect = db.get_bind().dialect.name
    return postgresql_insert if dialect == "postgresql" else sqlite_insert


def _add_items(db: Session, annotation: Annotation) -> None:
    article_id = annotation.article.id
    for quote in annotation.quotes:
        fields = asdict(quote)
        fields["speaker_id"] = fields.pop("speaker")
        fields["sentence"] = _sentence(annotation.article.text, quote)
        db.add(models.Quote(article_id=article_id, **fields))
    for reaction in annotation.reactions:
        fields = asdict(reaction)
        fields["actor_id"] = fields.pop("actor")
        fields["on_behalf_of_id"] = fields.pop("on_behalf_of")
        fields["quote_ids"] = fields.pop("quotes")
        db.add(models.Reaction(article_id=article_id, **fields))
    for statistic in filter(_storable, annotation.statistics):
        fields = asdict(statistic)
        fields["high"] = statistic.high if _storable_value(statistic.high) else None
        fields["source_id"] = fields.pop("source")
        db.add(models.Statistic(article_id=article_id, **fields))


def _storable(figure: Statistic) -> bool:
    # Dropped rather than stored: a value past LARGEST_FIGURE counts nothing.
    return _storable_value(figure.value)


def _storable_value(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and abs(value) <= LARGEST_FIGURE


def _sentence(text: str, quote) -> str | None:
    if quote.sentence_start is None or quote.sentence_end is None:
        return None
    return text[quote.sentence_start : quote.sentence_end]
