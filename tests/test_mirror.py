"""A mirror kept by `changed_since` and `GET /deletions` stays exact: after
adds, a replaced article and a delete, it equals a fresh snapshot."""

import dataclasses
import json
import uuid

import pytest

from api.db import load, session
from api.sources import curated_annotation
from tests.conftest import API_KEY, SEED_FILE, _fresh_postgres_database, seeded_app

AUTH = {"Authorization": f"Bearer {API_KEY}"}
LISTS = {
    "article": "/api/v1/articles",
    "actor": "/api/v1/actors",
    "quote": "/api/v1/quotes",
    "reaction": "/api/v1/reactions",
    "statistic": "/api/v1/statistics",
}
TEXTS = [
    "The mayor of Porto Vale, Ana Ruiz, said floods had killed 12 people.\n\n"
    "\u201cWe will rebuild every bridge,\u201d Ms Ruiz said.",
    "The ferry operator said 3 crossings were cancelled at Orrin Sound.\n\n"
    "\u201cSafety comes first,\u201d said Tom Price, its director.",
]


@pytest.fixture
def mirrored(request, database_url, tmp_path):
    """An app on a database of its own, seeded: this test writes to it."""
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'mirror.sqlite3'}"
    else:
        server = request.getfixturevalue("postgres_server_url")
        # A database for each test: the one before may still be closing.
        url = _fresh_postgres_database(server, f"lede_mirror_{uuid.uuid4().hex[:8]}")
    app = seeded_app(url)
    yield app
    with app.app_context():
        session().close()
    for engine in ("lede_engine", "lede_version_engine"):
        app.extensions[engine].dispose()


def _walk(client, url: str) -> tuple[list[dict], dict]:
    """Every item of a list, by cursor; and the first page's metadata."""
    joiner = "&" if "?" in url else "?"
    response = client.get(f"{url}{joiner}page_size=100")
    first = meta = json.loads(response.headers["X-Pagination"])
    found = response.get_json()
    while "next_cursor" in meta:
        response = client.get(
            f"{url}{joiner}page_size=100&cursor={meta['next_cursor']}"
        )
        assert response.status_code == 200, response.get_json()
        meta = json.loads(response.headers["X-Pagination"])
        found += response.get_json()
    return found, first


def snapshot(client) -> tuple[dict, int]:
    mirror, versions = {}, []
    for kind, url in LISTS.items():
        found, meta = _walk(client, url)
        mirror[kind] = {item["id"]: item for item in found}
        versions.append(meta["version"])
    mirror["mention"] = {}
    for article_id in mirror["article"]:
        found, _ = _walk(client, f"/api/v1/articles/{article_id}/mentions")
        mirror["mention"].update({str(m["id"]): m for m in found})
    return mirror, min(versions)


def sync(client, mirror: dict, since: int) -> list[dict]:
    """Removals first, then what was written: an item removed and written again
    is in both, and stays."""
    removed, _ = _walk(client, f"/api/v1/deletions?changed_since={since}")
    for deletion in removed:
        mirror[deletion["kind"]].pop(deletion["id"], None)
    for kind, url in LISTS.items():
        found, _ = _walk(client, f"{url}?changed_since={since}")
        mirror[kind].update({item["id"]: item for item in found})
    for article_id in mirror["article"]:
        url = f"/api/v1/articles/{article_id}/mentions?changed_since={since}"
        found, _ = _walk(client, url)
        mirror["mention"].update({str(m["id"]): m for m in found})
    return removed


def _replace_seed(app) -> dict:
    """The seed article again, retitled, without its first three quotes and its
    first reaction and figure: what a new version of an article does."""
    annotation = curated_annotation(SEED_FILE)
    shorter = dataclasses.replace(
        annotation,
        article=dataclasses.replace(annotation.article, title="Kazakhstan, again"),
        quotes=annotation.quotes[3:],
        reactions=annotation.reactions[1:],
        statistics=annotation.statistics[1:],
    )
    with app.app_context():
        load.store(session(), shorter, curated=True)
        session().commit()
    return {
        "quote": {q.id for q in annotation.quotes[:3]},
        "kept_quotes": {q.id for q in annotation.quotes[3:]},
        "reaction": {annotation.reactions[0].id},
        "statistic": {annotation.statistics[0].id},
    }


def test_a_mirror_applies_changes_and_deletions_exactly(mirrored):
    client = mirrored.test_client()
    mirror, version = snapshot(client)
    assert mirror["quote"] and mirror["mention"]
    posted = [
        client.post("/api/v1/articles", json={"text": text}, headers=AUTH)
        for text in TEXTS
    ]
    assert [p.status_code for p in posted] == [201, 201]
    kept, gone = (p.get_json()["id"] for p in posted)
    dropped = _replace_seed(mirrored)
    gone_items = {
        kind: {item["id"] for item in client.get(f"{url}?article={gone}").get_json()}
        for kind, url in LISTS.items()
        if kind != "article"
    }
    assert client.delete(f"/api/v1/articles/{gone}", headers=AUTH).status_code == 204

    removed = sync(client, mirror, version)
    fresh, _ = snapshot(client)
    assert mirror == fresh
    assert kept in fresh["article"] and gone not in fresh["article"]
    feed = {(d["kind"], d["id"]) for d in removed}
    assert ("article", gone) in feed
    assert {("quote", q) for q in dropped["quote"]} <= feed
    assert {("quote", q) for q in gone_items["quote"]} <= feed
    assert {("reaction", r) for r in dropped["reaction"]} <= feed
    # What the new version still has was written again, not removed.
    assert not {("quote", q) for q in dropped["kept_quotes"]} & feed
    versions = [d["version"] for d in removed]
    assert versions == sorted(versions) and min(versions) > version


def test_changed_since_the_version_read_is_empty_until_a_write(mirrored):
    client = mirrored.test_client()
    _, meta = _walk(client, "/api/v1/quotes")
    version = meta["version"]
    for url in (*LISTS.values(), "/api/v1/deletions"):
        found, meta = _walk(client, f"{url}?changed_since={version}")
        assert found == [] and meta["total"] == 0, url
    posted = client.post("/api/v1/articles", json={"text": TEXTS[0]}, headers=AUTH)
    article = posted.get_json()
    assert article["version"] == version + 1
    found, meta = _walk(client, f"/api/v1/articles?changed_since={version}")
    assert [a["id"] for a in found] == [article["id"]]
    assert meta["version"] == version + 1
    quotes, _ = _walk(client, f"/api/v1/quotes?changed_since={version}")
    assert quotes and {q["article"] for q in quotes} == {article["id"]}
    assert {q["version"] for q in quotes} == {version + 1}
    everything, _ = _walk(client, "/api/v1/quotes?changed_since=0")
    assert len(everything) == len(_walk(client, "/api/v1/quotes")[0])


def test_the_feed_documents_every_kind_the_store_records():
    from api.db import changes
    from schemas.deletions import ITEM_KINDS

    assert tuple(changes.KINDS) == ITEM_KINDS
