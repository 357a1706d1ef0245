"""Every list's filters and sorts are served by an index (SQLite's query plans)."""

import re
from datetime import date

import pytest
from marshmallow import fields
from sqlalchemy import text
from sqlalchemy.dialects import sqlite

from api.db import changes, keyset, migrate, queries, session
from api.pagination import counting
from schemas.actors import ActorQueryArgsSchema
from schemas.articles import ArticleQueryArgsSchema
from schemas.common import ChoiceList
from schemas.deletions import DeletionQueryArgsSchema
from schemas.mentions import MentionQueryArgsSchema
from schemas.quotes import QuoteQueryArgsSchema
from schemas.reactions import ReactionQueryArgsSchema
from schemas.statistics import StatisticQueryArgsSchema
from tests.conftest import make_app

LISTS = {
    "articles": (queries.select_articles, ArticleQueryArgsSchema),
    "actors": (queries.select_actors, ActorQueryArgsSchema),
    "mentions": (queries.select_mentions, MentionQueryArgsSchema),
    "quotes": (queries.select_quotes, QuoteQueryArgsSchema),
    "reactions": (queries.select_reactions, ReactionQueryArgsSchema),
    "statistics": (queries.select_statistics, StatisticQueryArgsSchema),
    "deletions": (changes.select_deletions, DeletionQueryArgsSchema),
}
# Tables that grow with the corpus: reading one whole is a cost per read that grows.
BIG_TABLES = {
    "articles",
    "paragraphs",
    "actors",
    "appearances",
    "mentions",
    "quotes",
    "reactions",
    "statistics",
    "search_entries",
    "deletions",
}
# A virtual table read through its index: the FTS5 index's matches (MATCH).
FULL_TEXT = re.compile(r"SCAN search_index VIRTUAL TABLE INDEX \d+:M\d*")


def _cases():
    for name, (build, schema_class) in LISTS.items():
        schema = schema_class()
        for field_name, field in schema.fields.items():
            if field_name == "sort":
                for sort in field.validate.choices:
                    yield pytest.param(
                        build, {"sort": sort}, True, id=f"{name}-sort-{sort}"
                    )
            else:
                value = {field_name: _sample(field)}
                yield pytest.param(
                    build, value, False, id=f"{name}-filter-{field_name}"
                )


def _sample(field):
    if isinstance(field, fields.Float | fields.Integer):
        return 10
    if isinstance(field, fields.Date):
        return date(2022, 1, 7)
    if isinstance(field, ChoiceList):
        return list(field.choices[:2])
    choices = getattr(field.validate, "choices", None)
    return choices[0] if choices else "kassym-jomart-tokayev"


def _plan(stmt) -> list[str]:
    sql = stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
    rows = session().execute(text(f"EXPLAIN QUERY PLAN {sql}")).all()
    return [row.detail for row in rows]


@pytest.fixture(scope="module")
def sqlite_app(tmp_path_factory):
    """A migrated SQLite database: its plans are SQLite's, with no statistics
    (no ANALYZE), so they do not depend on how many rows the tables hold."""
    url = f"sqlite:///{tmp_path_factory.mktemp('plans') / 'lede.sqlite3'}"
    migrate.upgrade(url)
    return make_app(url)


@pytest.mark.parametrize(("build", "args", "sorted_only"), list(_cases()))
def test_list_query_reads_through_an_index(sqlite_app, build, args, sorted_only):
    app = sqlite_app
    with app.app_context():
        plan = _plan(build(**args).limit(20))
    full_scans = [
        step
        for step in plan
        if (match := re.fullmatch(r"SCAN (\w+)", step)) and match[1] in BIG_TABLES
    ]
    assert full_scans == [], plan
    if sorted_only:
        # The whole table in order: the index must give the order, not a sort.
        assert not any("TEMP B-TREE" in step for step in plan), plan
    else:
        # A filter's count reads the matching rows only, through the index.
        with app.app_context():
            count_plan = _plan(counting(build(**args)))
        scans = [step for step in count_plan if step.startswith("SCAN")]
        assert [s for s in scans if not FULL_TEXT.fullmatch(s)] == [], count_plan


@pytest.mark.parametrize(
    "args",
    [{}, {"kind": ["quote"]}, {"kind": ["quote", "actor"]}, {"article": "a"}],
    ids=["every-kind", "one-kind", "two-kinds", "article"],
)
def test_search_reads_the_full_text_index_first(sqlite_app, args):
    with sqlite_app.app_context():
        stmt = queries.select_search(q="government", **args)
        plans = [_plan(stmt.limit(20)), _plan(counting(stmt))]
    for plan in plans:
        # Only the index's matches are read, never the entries of a kind.
        assert FULL_TEXT.fullmatch(plan[0]) or "article_id=?" in plan[0], plan
        assert not any(re.fullmatch(r"SCAN \w+", step) for step in plan), plan


def test_a_search_of_a_list_reads_the_full_text_index_first(sqlite_app):
    with sqlite_app.app_context():
        for build in (queries.select_quotes, queries.select_articles):
            stmt = build(q="government")
            for plan in (_plan(stmt.limit(20)), _plan(counting(stmt))):
                assert FULL_TEXT.fullmatch(plan[0]), plan


@pytest.mark.parametrize(
    "build",
    [queries.select_search, queries.select_quotes, queries.select_articles],
    ids=["search", "quotes", "articles"],
)
def test_a_page_by_relevance_is_ranked_and_cut_in_the_index(sqlite_app, build):
    """A search with no other filter ranks its matches in the full-text index and
    cuts the page there: only the page's rows are read, and the count reads the
    index alone."""
    with sqlite_app.app_context():
        stmt = build(q="government")
        sql = (
            keyset.order_of(stmt)
            .page(20, 40)
            .compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
        )
        steps = session().execute(text(f"EXPLAIN QUERY PLAN {sql}")).all()
        count_plan = _plan(counting(stmt))
    first, *outer = [step for step in steps if step.parent == 0]
    inner = [step.detail for step in steps if step.parent == first.id]
    assert first.detail.startswith("MATERIALIZE"), steps
    # Ranked (the sort) among the matches alone, then cut (LIMIT)...
    assert FULL_TEXT.fullmatch(inner[0]), steps
    assert "USE TEMP B-TREE FOR ORDER BY" in inner, steps
    # ...and the page's rows looked up by their key.
    assert outer[0].detail.startswith("SCAN anon_"), steps
    assert all(step.detail.startswith(("SEARCH", "USE TEMP")) for step in outer[1:])
    assert len(count_plan) == 1 and FULL_TEXT.fullmatch(count_plan[0]), count_plan


def _full_scans(plan: list[str]) -> list[str]:
    return [
        step
        for step in plan
        if (match := re.fullmatch(r"SCAN (\w+)", step)) and match[1] in BIG_TABLES
    ]


def _orders():
    for name, (build, schema_class) in LISTS.items():
        field = schema_class().fields.get("sort")
        for sort in field.validate.choices if field else [None]:
            args = {"sort": sort} if sort else {}
            yield pytest.param(build, args, id=f"{name}-{sort or 'default'}")


SAMPLES = {str: "m", int: 10, float: 10.5, date: date(2022, 1, 7)}


def _keys(order: keyset.Order) -> list[tuple]:
    """A key of sample values; and, where the sort column has nulls, one there."""
    sample = tuple(SAMPLES.get(kind, "2022-01-07 10:00:00") for kind in order.types())
    return [sample, (None, *sample[1:])] if order.nullable()[0] else [sample]


@pytest.mark.parametrize(("build", "args"), list(_orders()))
def test_a_page_after_a_cursor_is_a_range_of_the_index(sqlite_app, build, args):
    """Each statement after a key starts in the index at the key and reads in
    its order: no scan of the table, no sort, whatever the depth."""
    with sqlite_app.app_context():
        stmt = build(**args)
        order = keyset.order_of(stmt)
        for key in _keys(order):
            keyed = stmt.add_columns(*order.columns)
            for region in keyset._regions(keyed, order, key, "sqlite"):
                plan = _plan(region.limit(20))
                assert plan[0].startswith("SEARCH"), plan
                assert _full_scans(plan) == [], plan
                assert not any("TEMP B-TREE" in step for step in plan), plan


@pytest.mark.parametrize(("build", "args"), list(_orders()))
def test_changed_since_reads_the_version_index(sqlite_app, build, args):
    with sqlite_app.app_context():
        stmt = build(**args)
        since = keyset.changed_since(stmt, keyset.order_of(stmt), 41)
        plan = _plan(since.limit(20))
        assert "USING INDEX ix_" in plan[0] and "_version_id (version>?)" in plan[0]
        assert not any("TEMP B-TREE" in step for step in plan), plan
        count_plan = _plan(counting(since))
        assert not any(step.startswith("SCAN") for step in count_plan), count_plan
