"""Conditional reads, cache headers and CORS; reads answered from the data version."""

import gzip
import json

import pytest

from api.db import migrate
from tests.conftest import API_KEY, make_app, statements

AUTH = {"Authorization": f"Bearer {API_KEY}"}


def test_read_sends_etag_and_cache_control(client):
    response = client.get("/api/v1/quotes")
    assert response.headers["ETag"]
    assert response.headers["Cache-Control"] == "public, max-age=60"


def test_if_none_match_gives_304_without_body(client):
    etag = client.get("/api/v1/actors").headers["ETag"]
    response = client.get("/api/v1/actors", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.get_data() == b""
    other = client.get("/api/v1/actors", headers={"If-None-Match": '"stale"'})
    assert other.status_code == 200


def test_if_none_match_star_does_not_hide_a_404(client):
    response = client.get("/api/v1/quotes/none", headers={"If-None-Match": "*"})
    assert response.status_code == 404


def test_pages_have_distinct_etags(client):
    first = client.get("/api/v1/quotes?page=1&page_size=2").headers["ETag"]
    second = client.get("/api/v1/quotes?page=2&page_size=2").headers["ETag"]
    assert first != second


def test_errors_are_not_cached(client):
    response = client.get("/api/v1/quotes/none")
    assert "ETag" not in response.headers


def test_cors_allows_reads_from_any_origin(client):
    response = client.get("/api/v1/articles", headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    exposed = response.headers["Access-Control-Expose-Headers"]
    assert "X-Pagination" in exposed and "Link" in exposed


def test_cors_preflight_allows_get_only(client):
    response = client.options(
        "/api/v1/articles",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
        },
    )
    methods = response.headers["Access-Control-Allow-Methods"]
    assert "GET" in methods and "POST" not in methods and "DELETE" not in methods


def test_cors_origins_come_from_settings(database_url):
    app = make_app(database_url, CORS_ORIGINS="https://news.example")
    client = app.test_client()
    allowed = client.get("/health", headers={"Origin": "https://news.example"})
    assert "Access-Control-Allow-Origin" not in allowed.headers  # /health is not /api
    ok = client.get("/api/v1/articles", headers={"Origin": "https://news.example"})
    assert ok.headers["Access-Control-Allow-Origin"] == "https://news.example"
    other = client.get("/api/v1/articles", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def _only_the_version_read(seen: list[str]) -> bool:
    return len(seen) == 1 and "data_version" in seen[0]


def test_304_runs_only_the_version_read(app, client):
    url = "/api/v1/actors?sort=-mention_count&page_size=7"
    etag = client.get(url).headers["ETag"]
    with statements(app) as seen:
        response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.headers["ETag"] == etag
    assert response.headers["Cache-Control"] == "public, max-age=60"
    assert _only_the_version_read(seen), seen


def test_repeated_read_is_served_from_memory(app, client, monkeypatch):
    url = "/api/v1/quotes?kind=direct&page_size=3&page=2"
    first = client.get(url)
    from api.resources import quotes

    # A body from memory needs no view: one that ran would fail.
    monkeypatch.setattr(quotes, "select_quotes", lambda **_: 1 / 0)
    with statements(app) as seen:
        again = client.get(url)
    assert _only_the_version_read(seen), seen
    assert again.get_data() == first.get_data()
    for header in ("ETag", "X-Pagination", "Link", "Content-Type"):
        assert again.headers[header] == first.headers[header]


def test_pages_of_a_list_share_one_count(app, client):
    url = "/api/v1/actors?page_size=5"
    first = client.get(f"{url}&type=person&page=1")
    with statements(app) as seen:
        second = client.get(f"{url}&type=person&page=2")
    # The version, the page, and its quote and reaction counts: no count of the list.
    assert len(seen) == 4, seen
    assert not [s for s in seen if s.lower().startswith("select count(*)")], seen
    total = json.loads(first.headers["X-Pagination"])["total"]
    assert json.loads(second.headers["X-Pagination"])["total"] == total
    people = client.get("/api/v1/actors?type=person&page_size=100").get_json()
    assert total == len(people)
    groups = client.get(f"{url}&type=group&page=2&sort=-name")
    assert (
        json.loads(groups.headers["X-Pagination"])["total"]
        == len(client.get("/api/v1/actors?type=group&page_size=100").get_json())
        != total
    )


def test_a_kept_read_carries_no_host_of_the_request_it_was_made_for(client):
    url = "/api/v1/quotes?page_size=1"
    there = client.get(url, base_url="http://mirror.example")
    here = client.get(url)
    assert "mirror.example" not in here.headers["Link"]
    assert here.headers["Link"] == there.headers["Link"]
    assert here.get_data() == there.get_data()


def test_new_code_changes_every_etag(database_url):
    app = make_app(database_url)
    before = app.test_client().get("/api/v1/articles").headers["ETag"]
    app.extensions["lede_code"] = "another release"
    assert app.test_client().get("/api/v1/articles").headers["ETag"] != before


def test_head_has_the_etag_of_get(client):
    url = "/api/v1/reactions?page_size=3&sort=stance"
    head = client.head(url)  # first: what it keeps must serve a GET in full
    get = client.get(url)
    assert head.status_code == 200 and head.get_data() == b""
    assert head.headers["ETag"] == get.headers["ETag"]
    assert len(get.get_json()) == 3


@pytest.fixture
def two_apps(tmp_path):
    """Two app instances, as two workers would be, on one SQLite file."""
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    migrate.upgrade(url)
    first, second = make_app(url), make_app(url)
    assert first.test_cli_runner().invoke(args=["seed"]).exit_code == 0
    return first.test_client(), second.test_client()


def test_a_write_on_one_instance_makes_the_next_read_fresh_on_the_other(two_apps):
    writer, reader = two_apps
    url = "/api/v1/articles?sort=title"
    before = {client: client.get(url) for client in two_apps}
    assert before[writer].get_data() == before[reader].get_data()
    etag = before[reader].headers["ETag"]
    assert reader.get(url, headers={"If-None-Match": etag}).status_code == 304
    text = "The ferry operator said 3 crossings were cancelled at Orrin Sound."
    posted = writer.post("/api/v1/articles", json={"text": text}, headers=AUTH)
    assert posted.status_code == 201
    after = reader.get(url, headers={"If-None-Match": etag})
    assert after.status_code == 200
    assert after.headers["ETag"] != etag
    new_id = posted.get_json()["id"]
    assert new_id in {a["id"] for a in after.get_json()}
    total = json.loads(before[reader].headers["X-Pagination"])["total"]
    assert json.loads(after.headers["X-Pagination"])["total"] == total + 1
    assert new_id not in {a["id"] for a in before[reader].get_json()}
    assert writer.get(url).get_data() == after.get_data()
    writer.delete(f"/api/v1/articles/{new_id}", headers=AUTH)
    assert reader.get(url).get_data() == before[reader].get_data()


def test_large_read_is_compressed_once_for_a_client_that_accepts_it(
    app, client, monkeypatch
):
    from flask_compress import flask_compress

    compressed = []
    compress = flask_compress._compress_data
    monkeypatch.setattr(
        flask_compress,
        "_compress_data",
        lambda *args: compressed.append(args[2]) or compress(*args),
    )
    url = "/api/v1/quotes?page_size=50"
    plain = client.get(url)
    assert "Content-Encoding" not in plain.headers
    assert len(plain.get_data()) > 1024
    gzip_only = {"Accept-Encoding": "gzip"}
    packed = client.get(url, headers=gzip_only)
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.get_data()) == plain.get_data()
    assert packed.headers["ETag"] == plain.headers["ETag"][:-1] + ':gzip"'
    with statements(app) as seen:
        again = client.get(url, headers=gzip_only)
        unchanged = client.get(
            url, headers={**gzip_only, "If-None-Match": packed.headers["ETag"]}
        )
    assert again.get_data() == packed.get_data()
    assert compressed == ["gzip"]
    assert unchanged.status_code == 304
    assert unchanged.headers["ETag"] == packed.headers["ETag"]
    assert len(seen) == 2 and all("data_version" in s for s in seen), seen


def test_small_read_is_sent_as_it_is(client):
    response = client.get(
        "/api/v1/quotes?page_size=1", headers={"Accept-Encoding": "gzip"}
    )
    assert len(response.get_data()) < 1024
    assert "Content-Encoding" not in response.headers


def test_a_failed_version_read_leaves_the_read_to_the_view(client, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from api import caching

    def dropped(_engine):
        raise OperationalError("SELECT", {}, Exception("connection dropped"))

    monkeypatch.setattr(caching.version, "current", dropped)
    response = client.get("/api/v1/quotes?page_size=2&kind=direct")
    assert response.status_code == 200 and len(response.get_json()) == 2
    assert "ETag" not in response.headers  # nothing to tag it with, nothing kept


def test_reads_vary_on_origin_when_origins_are_a_list(database_url):
    app = make_app(database_url, CORS_ORIGINS="https://news.example, https://b.example")
    client = app.test_client()
    for origin in ("https://news.example", "https://evil.example", None):
        headers = {"Origin": origin} if origin else {}
        response = client.get("/api/v1/articles", headers=headers)
        assert response.status_code == 200
        assert "Origin" in response.headers.get_all("Vary")[0].split(", "), origin
        assert response.headers["Cache-Control"] == "public, max-age=60"
        again = client.get(
            "/api/v1/articles",
            headers={**headers, "If-None-Match": response.headers["ETag"]},
        )
        assert again.status_code == 304
        assert "Origin" in again.headers["Vary"], origin
    assert "Origin" not in client.get("/health").headers.get("Vary", "")


def test_reads_need_not_vary_on_origin_when_every_origin_is_allowed(client):
    response = client.get("/api/v1/articles", headers={"Origin": "https://a.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Origin" not in response.headers.get("Vary", "")
