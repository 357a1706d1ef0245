"""The term index (migration 0010): a one-word search's pages and count read from
it are the full-text index's own ranking, and every write keeps it, on SQLite as
on PostgreSQL."""

import dataclasses

import pytest
from sqlalchemy import inspect, text

from api.db import keyset, load, migrate, queries, search_terms, session
from tests.conftest import AUTH, make_app, posted_articles

# A word the seed does not use, in titles and bodies of several lengths, and twice
# in the same words (equal ranks, told apart by id): BM25's length normalisation
# and the label's weight both decide the order.
MARLOW = [
    ("Marlowe", "The short one."),
    ("Harbour news", "Marlowe rang. " + "Nothing else happened that day. " * 30),
    ("Marlowe and Marlowe", "Marlowe again, marlowe."),
    ("Weather", "Rain at Marlowe. " * 3 + "Wind. " * 40),
    ("Budget", "Marlowe marlowe marlowe marlowe in a body of some words, " * 2),
    ("Twins", "Marlowe said the same thing."),
    ("Twins", "Marlowe said the same thing. "),
]
# Plain words of letters and digits that a parser might read as numbers, hex or
# versions: each must be one token, in lower case, to both full-text indexes.
PLAIN = ["1e5", "0x1F", "abc123", "123abc", "Covid19", "2022", "v2"]
WORDS = ["marlowe", "the", "said", "kazakhstan", "tokayev", "zzqx"] + PLAIN
KINDS = [None, ["article"], ["quote", "actor"], ["statistic", "reaction"]]


@pytest.fixture(scope="module")
def scratch_app(scratch_database_url):
    migrate.upgrade(scratch_database_url)
    app = make_app(scratch_database_url)
    assert app.test_cli_runner().invoke(args=["seed"]).exit_code == 0
    bodies = [{"title": title, "text": body} for title, body in MARLOW]
    bodies.append({"title": "Figures", "text": " ".join(PLAIN) + " were read."})
    with posted_articles(app, bodies):
        yield app


def _ranked(word: str, kind) -> list[int]:
    """The entries the full-text index ranks for `word`, best first."""
    return list(session().scalars(queries.select_search(q=word, kind=kind)).all())


def _paged(word: str, kind, size: int) -> tuple[list[int], int]:
    stmt = queries.select_search(q=word, kind=kind)
    order = keyset.order_of(stmt)
    found, offset = [], 0
    while page := list(session().scalars(order.page(size, offset))):
        found += page
        offset += size
    return found, session().scalar(order.count)


def test_a_plain_word_is_read_from_the_term_index():
    assert search_terms.plain_word(["Government"]) == "government"
    assert search_terms.plain_word(["élysée"]) is None  # folded by the index alone
    assert search_terms.plain_word(["covid-19"]) is None  # two tokens
    assert search_terms.plain_word(["prime minister"]) is None  # a phrase
    assert search_terms.plain_word(["prime", "minister"]) is None


@pytest.mark.parametrize("size", [1, 2, 3, 20])
def test_pages_of_one_word_are_the_full_text_index_ranking(scratch_app, size):
    with scratch_app.app_context():
        for word in WORDS:
            for kind in KINDS:
                ranked = [entry.id for entry in _ranked(word, kind)]
                paged, count = _paged(word, kind, size)
                assert [entry.id for entry in paged] == ranked, (word, kind)
                assert count == len(ranked), (word, kind)
        marlowe = [entry.label for entry in _ranked("marlowe", ["article"])]
        assert marlowe[0] == "Marlowe and Marlowe"  # the title counts most
        assert len(_ranked("marlowe", ["article"])) == len(MARLOW)
        assert all(_ranked(word.lower(), None) for word in PLAIN)


def _terms() -> list[tuple]:
    rows = session().execute(text("SELECT * FROM search_terms")).all()
    return sorted(tuple(row) for row in rows)


def test_every_write_keeps_the_term_index(scratch_app, seed):
    """Ingest, curation replacing an article, deletes of articles and of the
    actors they alone mention: the term index is the one its migration builds
    from the entries left."""
    client = scratch_app.test_client()
    body = {"title": "Quennel Varsk resigns", "text": "Quennel Varsk said no."}
    posted = client.post("/api/v1/articles", json=body, headers=AUTH)
    assert posted.status_code == 201, posted.get_json()
    url = scratch_app.config["DATABASE_URL"]
    with scratch_app.app_context():
        assert session().scalar(text("SELECT count(*) FROM search_terms")) > 0
        changed = dataclasses.replace(seed.quotes[0], text="Quennel never spoke")
        replaced = dataclasses.replace(seed, quotes=[changed, *seed.quotes[1:]])
        load.store(session(), replaced, curated=True)
        session().commit()
        kept = _terms()
        assert ("quennel", "quote") in {row[:2] for row in kept}
    article_id = posted.get_json()["id"]
    response = client.delete(f"/api/v1/articles/{article_id}", headers=AUTH)
    assert response.status_code == 204
    with scratch_app.app_context():
        kept = _terms()
        found = {row[:2] for row in kept}
        assert ("quennel", "quote") in found and ("varsk", "article") not in found
        load.store(session(), seed, curated=True)
        session().commit()
        kept = _terms()
        assert "quennel" not in {row[0] for row in kept}
    migrate.downgrade(url, "0009_search_kinds")
    with scratch_app.app_context():
        tables = inspect(session().get_bind()).get_table_names()
        assert "search_entries" in tables
        assert not [name for name in tables if name.startswith("search_terms")]
    migrate.upgrade(url)
    with scratch_app.app_context():
        assert _terms() == kept


def test_the_term_index_holds_each_word_of_an_entry_once(scratch_app):
    with scratch_app.app_context():
        rows = session().execute(text("SELECT term, kind, entry_id FROM search_terms"))
        keys = [tuple(row) for row in rows]
    assert keys and len(keys) == len(set(keys))


def test_a_write_under_another_search_path_keeps_the_term_index(scratch_app):
    """PostgreSQL's triggers name the schema's tables as the migration saw them."""
    engine = scratch_app.extensions["lede_engine"]
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no search_path")
    with engine.connect() as connection:
        connection.execute(text("SET search_path TO pg_catalog"))
        connection.execute(
            text(
                "INSERT INTO public.search_entries (kind, item_id, label, body) "
                "VALUES ('actor', 'quorvath', 'Quorvath', '')"
            )
        )
        found = connection.execute(
            text("SELECT count(*) FROM public.search_terms WHERE term = 'quorvath'")
        )
        assert found.scalar() == 1
        connection.rollback()
