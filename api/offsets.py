"""The articles' UTF-16 offset functions for one response, each text read once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from marshmallow.experimental.context import Context
from sqlalchemy import select

from api.db import models, session
from schemas.offsets import utf16_offsets


class ArticleOffsets:
    """`lookup(article_id)`: that article's `utf16_offsets`. A page's articles are
    read together (`prime`), so a page runs one statement for them, whatever its
    size; an article the database session already holds is not read again."""

    def __init__(self) -> None:
        self._known: dict[str, Callable[[int], int]] = {}

    def prime(self, article_ids: Iterable[str]) -> None:
        wanted = set(article_ids) - set(self._known)
        if not wanted:
            return
        article = models.Article
        rows = session().execute(
            select(article.id, article.text).where(article.id.in_(wanted))
        )
        for article_id, text in rows:
            self._known[article_id] = utf16_offsets(text)

    def __call__(self, article_id: str) -> Callable[[int], int]:
        if article_id not in self._known:
            article = session().get(models.Article, article_id)
            self._known[article_id] = utf16_offsets(article.text)
        return self._known[article_id]


def prime(items: Iterable) -> None:
    """Read the texts of the articles of `items` (a page) in one statement."""
    lookup = Context.get({}).get("utf16")
    if lookup is not None:
        lookup.prime({item.article_id for item in items if hasattr(item, "article_id")})


def with_offsets(view):
    """Dump what `view` returns with the UTF-16 offsets of its articles at hand."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        with Context({"utf16": ArticleOffsets()}):
            return view(*args, **kwargs)

    return wrapper
