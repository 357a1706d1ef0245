"""The search index: built by its migration for the rows already stored, and kept
in step by inserts, replacements and deletes, on SQLite as on PostgreSQL."""

import dataclasses

import pytest
from sqlalchemy import func, select

from api.db import load, migrate, models, session
from api.extraction.types import Actor, Mention
from tests.conftest import make_app

QUERIES = ("kazakhstan", "shoot kill", '"security forces"', "tokayev", "élysée")


@pytest.fixture(scope="module")
def scratch_app(scratch_database_url):
    migrate.upgrade(scratch_database_url)
    app = make_app(scratch_database_url)
    assert app.test_cli_runner().invoke(args=["seed"]).exit_code == 0
    return app


def _found(app) -> dict[str, list]:
    client = app.test_client()
    found = {}
    for q in QUERIES:
        response = client.get("/api/v1/search", query_string={"q": q, "page_size": 100})
        found[q] = [(hit["kind"], hit["id"]) for hit in response.get_json()]
    return found


def _entries(app) -> list[tuple]:
    entry = models.SearchEntry
    with app.app_context():
        rows = session().execute(
            select(entry.kind, entry.item_id, entry.label, entry.start)
        )
        return sorted(tuple(row) for row in rows)


def test_the_migration_indexes_the_rows_stored_before_it(scratch_app):
    url = scratch_app.config["DATABASE_URL"]
    written, found = _entries(scratch_app), _found(scratch_app)
    assert found["tokayev"] and found["shoot kill"]
    migrate.downgrade(url, "0006_changes")
    migrate.upgrade(url)
    # The same entries, and the index over them answers as the writes' did.
    assert _entries(scratch_app) == written
    assert _found(scratch_app) == found


def test_every_item_has_one_entry(scratch_app, seed):
    entry = models.SearchEntry
    with scratch_app.app_context():
        per_kind = select(entry.kind, func.count()).group_by(entry.kind)
        of_article = per_kind.where(entry.article_id == seed.article.id)
        counts = dict(session().execute(of_article).all())
        actors = session().scalars(
            select(entry.item_id).where(
                entry.kind == "actor",
                entry.item_id.in_([actor.id for actor in seed.actors]),
            )
        )
        actor_ids = sorted(actors)
    assert counts == {
        "article": 1,
        "quote": len(seed.quotes),
        "reaction": len(seed.reactions),
        "statistic": len(seed.statistics),
    }
    assert actor_ids == sorted(actor.id for actor in seed.actors)


def _search(app, q: str, kind: str) -> list[str]:
    client = app.test_client()
    response = client.get("/api/v1/search", query_string={"q": q, "kind": kind})
    assert response.status_code == 200, response.get_json()
    return [hit["id"] for hit in response.get_json()]


def test_a_replaced_article_is_indexed_anew(scratch_app, seed):
    quote = seed.quotes[0]
    changed = dataclasses.replace(quote, text="Quorbly wombats everywhere")
    replaced = dataclasses.replace(seed, quotes=[changed, *seed.quotes[1:]])
    assert _search(scratch_app, f'"{quote.text}"', "quote") == [quote.id]
    with scratch_app.app_context():
        load.store(session(), replaced, curated=True)
        session().commit()
    assert _search(scratch_app, "quorbly wombats", "quote") == [quote.id]
    assert quote.id not in _search(scratch_app, f'"{quote.text}"', "quote")
    with scratch_app.app_context():
        load.store(session(), seed, curated=True)
        session().commit()
    assert _search(scratch_app, "quorbly", "quote") == []


def test_an_actor_is_indexed_while_an_article_mentions_it(scratch_app, seed):
    text = f"{seed.article.text}\n\nZindrel Okafor agreed."
    start = text.index("Zindrel")
    newcomer = Actor(
        id="zindrel-okafor",
        name="Zindrel Okafor",
        type="person",
        mentions=[Mention(start, start + 14, "Zindrel Okafor")],
    )
    info = dataclasses.replace(
        seed.article, id="zindrel-copy", text=text, content_hash="zindrel"
    )
    copy = dataclasses.replace(
        seed,
        article=info,
        actors=[newcomer],
        quotes=[],
        reactions=[],
        statistics=[],
    )
    with scratch_app.app_context():
        load.store(session(), copy, curated=True)
        session().commit()
    assert _search(scratch_app, "zindrel", "actor") == ["zindrel-okafor"]
    assert _search(scratch_app, "zindrel", "article") == ["zindrel-copy"]
    with scratch_app.app_context():
        assert load.remove(session(), "zindrel-copy")
        session().commit()
    assert _search(scratch_app, "zindrel", "actor") == []
    assert _search(scratch_app, "zindrel", "article") == []
    # Actors other articles still mention keep their entry.
    assert "kassym-jomart-tokayev" in _search(scratch_app, "tokayev", "actor")
