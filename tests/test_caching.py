"""Conditional reads, cache headers and CORS."""


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
    from tests.conftest import make_app

    app = make_app(database_url, CORS_ORIGINS="https://news.example")
    client = app.test_client()
    allowed = client.get("/health", headers={"Origin": "https://news.example"})
    assert "Access-Control-Allow-Origin" not in allowed.headers  # /health is not /api
    ok = client.get("/api/v1/articles", headers={"Origin": "https://news.example"})
    assert ok.headers["Access-Control-Allow-Origin"] == "https://news.example"
    other = client.get("/api/v1/articles", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
