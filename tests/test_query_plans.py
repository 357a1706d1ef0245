"""Every list's filters and sorts are served by an index (SQLite's query plans),
and a one-word search by the term index (PostgreSQL's too, on a large table)."""

import os
import re
from datetime import date

import pytest
from marshmallow import fields
from sqlalchemy import create_engine, text
from sqlalchemy.dialects import sqlite

from api.db import changes, keyset, migrate, queries, session
from api.db.search import KINDS
from api.pagination import counting
from schemas.actors import ActorQueryArgsSchema
from schemas.articles import ArticleQueryArgsSchema
from schemas.common import ChoiceList
from schemas.deletions import DeletionQueryArgsSchema
from schemas.mentions import MentionQueryArgsSchema
from schemas.quotes import QuoteQueryArgsSchema
from schemas.reactions import ReactionQueryArgsSchema
from schemas.statistics import StatisticQueryArgsSchema
from tests.conftest import _fresh_postgres_database, make_app

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
    ("build", "q"),
    [
        # One plain word is read from the term index (below), phrases are not.
        (queries.select_search, "government forces"),
        (queries.select_search, '"prime minister"'),
        (queries.select_quotes, "government"),
        (queries.select_articles, "government"),
    ],
    ids=["search-words", "search-phrase", "quotes", "articles"],
)
def test_a_page_by_relevance_is_ranked_and_cut_in_the_index(sqlite_app, build, q):
    """A search with no other filter ranks its matches in the full-text index and
    cuts the page there: only the page's rows are read, and the count reads the
    index alone."""
    with sqlite_app.app_context():
        stmt = build(q=q)
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


@pytest.mark.parametrize(
    "kind", [None, ["quote"], ["quote", "actor"]], ids=["every-kind", "one", "two"]
)
@pytest.mark.parametrize(("limit", "offset"), [(20, 0), (20, 400)])
def test_a_one_word_search_reads_the_top_of_the_term_index(
    sqlite_app, kind, limit, offset
):
    """A page of a one-word search seeks the word's rows of the term index, a
    group at a time, and reads the page's entries by id: no step reads the
    full-text index's matches or scans a table, whatever the page."""
    with sqlite_app.app_context():
        stmt = queries.select_search(q="Government", kind=kind)
        sql = (
            keyset.order_of(stmt)
            .page(limit, offset)
            .compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
        )
        plan = [r.detail for r in session().execute(text(f"EXPLAIN QUERY PLAN {sql}"))]
    reads = [step for step in plan if step.startswith(("SCAN", "SEARCH"))]
    on_terms = re.compile(
        r"SEARCH (search_terms|lowest|later|nth) USING PRIMARY KEY \(term=\? AND "
        r"kind=\?.*\)"
    )
    steps = [step for step in reads if not step.startswith("SCAN CONSTANT ROW")]
    assert "SEARCH search_entries USING INTEGER PRIMARY KEY (rowid=?)" in steps, plan
    for step in steps:
        by_entry = step == "SEARCH search_entries USING INTEGER PRIMARY KEY (rowid=?)"
        # The CTEs' own rows (a few per kind and count of the word) and the page.
        own = re.fullmatch(r"SCAN (kinds|groups|anon_\d+)", step)
        assert on_terms.fullmatch(step) or by_entry or own, plan
    assert "(size,entry_id)<(?,?)" in " ".join(plan), plan


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


# PostgreSQL's plans follow its statistics: the term index is read on a table
# large enough that a scan would be chosen if the index did not serve.
LARGE = 30_000
POSTGRES_ENTRIES = f"""
INSERT INTO search_entries (kind, item_id, article_id, label, body, start, "end")
SELECT (ARRAY['article', 'quote', 'reaction', 'statistic', 'actor'])[1 + n % 5],
    'entry-' || n, NULL,
    CASE WHEN n % 7 = 0 THEN 'Government ' ELSE '' END || 'word' || (n % 997),
    repeat('filler ', 1 + n % 30) || md5(n::text), NULL, NULL
FROM generate_series(1, {LARGE}) AS n
"""


@pytest.fixture(scope="module")
def postgres_app(request):
    if os.environ.get("LEDE_TEST_POSTGRES") == "0":
        pytest.skip("PostgreSQL tests switched off with LEDE_TEST_POSTGRES=0")
    server = request.getfixturevalue("postgres_server_url")
    url = _fresh_postgres_database(server, "lede_plans")
    migrate.upgrade(url)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(POSTGRES_ENTRIES))  # the term index by its trigger
        connection.execute(text("VACUUM ANALYZE search_entries, search_terms"))
    engine.dispose()
    return make_app(url)


def _governments(kinds: list[str]) -> int:
    """How many entries of POSTGRES_ENTRIES of `kinds` hold the word."""
    of = ("article", "quote", "reaction", "statistic", "actor")
    return sum(n % 7 == 0 and of[n % 5] in kinds for n in range(1, LARGE + 1))


def _postgres_plan(stmt) -> str:
    sql = stmt.compile(
        dialect=session().get_bind().dialect, compile_kwargs={"literal_binds": True}
    )
    return "\n".join(session().execute(text(f"EXPLAIN {sql}")).scalars())


@pytest.mark.parametrize(
    "kind", [None, ["quote"], ["quote", "actor"]], ids=["every-kind", "one", "two"]
)
def test_a_one_word_search_on_postgresql_reads_the_term_index(postgres_app, kind):
    with postgres_app.app_context():
        stmt = queries.select_search(q="government", kind=kind)
        order = keyset.order_of(stmt)
        assert session().scalar(order.count) == _governments(kind or KINDS)
        page, count = _postgres_plan(order.page(20, 40)), _postgres_plan(order.count)
    assert "Seq Scan" not in page and "Bitmap Heap Scan" not in page, page
    assert "Index Only Scan using ix_search_terms_term on search_terms" in page, page
    assert "Index Scan using search_entries_pkey on search_entries" in page, page
    assert "Seq Scan" not in count and "search_entries" not in count, count
    assert "Index Only Scan using ix_search_terms_term on search_terms" in count, count


def test_a_delete_on_postgresql_finds_its_term_rows_by_key(postgres_app):
    """The trigger's statement removing an entry's rows seeks each by its key."""
    engine = postgres_app.extensions["lede_engine"]
    notices: list[str] = []
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        driver.add_notice_handler(lambda notice: notices.append(notice.message_primary))
        for setting in (
            "LOAD 'auto_explain'",
            "SET auto_explain.log_min_duration = 0",
            "SET auto_explain.log_nested_statements = on",
            "SET client_min_messages = log",
        ):
            connection.execute(text(setting))
        gone = "DELETE FROM search_entries WHERE item_id = 'entry-70'"
        connection.execute(text(gone))
        connection.rollback()
    removing = [plan for plan in notices if "Delete on search_terms" in plan]
    assert removing, notices
    assert "Index Scan using ix_search_terms_term on search_terms" in removing[0]
    assert "Seq Scan on search_terms" not in removing[0], removing[0]
    # The whole key in the index's condition: a seek per row, not a range of the
    # word's rows filtered.
    seek = [line.strip() for line in removing[0].splitlines() if "Index Cond" in line]
    assert len(seek) == 1 and seek[0].startswith("Index Cond: ((term = word.lexeme)")
    assert "(rank = " in seek[0] and "(entry_id = removed.id)" in seek[0], seek
