"""Pagination: metadata, links and every edge."""

import json

from tests.conftest import items


def _meta(response) -> dict:
    return json.loads(response.headers["X-Pagination"])


def test_pages_cover_the_list_without_overlap(client, seed):
    total = len(seed.quotes)
    seen = []
    for page in range(1, total // 5 + 2):
        seen += [
            q["id"]
            for q in items(client.get(f"/api/v1/quotes?page={page}&page_size=5"))
        ]
    assert len(seen) == len(set(seen)) == total


def test_pagination_metadata(client, seed):
    response = client.get("/api/v1/quotes?page=2&page_size=5")
    total = len(seed.quotes)
    meta = _meta(response)
    assert isinstance(meta.pop("next_cursor"), str)
    assert isinstance(meta.pop("version"), int)
    assert meta == {
        "total": total,
        "total_pages": -(-total // 5),
        "first_page": 1,
        "last_page": -(-total // 5),
        "page": 2,
        "previous_page": 1,
        "next_page": 3,
    }


def test_link_header_points_to_neighbours(client):
    link = client.get("/api/v1/quotes?page=2&page_size=5&kind=term").headers["Link"]
    assert 'page=1&page_size=5>; rel="first"' in link or "page=1" in link
    rels = {part.split('rel="')[1].rstrip('"') for part in link.split(", ")}
    assert rels == {"first", "last", "prev"} or rels == {
        "first",
        "last",
        "prev",
        "next",
    }
    assert "kind=term" in link


def test_default_page_size_is_twenty(client, seed):
    response = client.get("/api/v1/actors")
    assert len(items(response)) == min(20, len(seed.actors))
    assert _meta(response)["total"] == len(seed.actors)


def test_page_past_the_end_is_empty(client, seed):
    response = client.get("/api/v1/statistics?page=99")
    assert items(response) == []
    meta = _meta(response)
    assert meta["total"] == len(seed.statistics)
    assert "page" not in meta


def test_page_zero_and_oversized_pages_are_rejected(client):
    assert client.get("/api/v1/actors?page=0").status_code == 422
    response = client.get("/api/v1/actors?page_size=101")
    assert response.status_code == 422
    assert "page_size" in response.get_json()["errors"]["query"]


def test_empty_filter_result_has_zero_pages(client):
    response = client.get("/api/v1/quotes?q=xylophone")
    assert items(response) == []
    meta = _meta(response)
    assert meta == {"total": 0, "total_pages": 0, "version": meta["version"]}


def _targets(link: str) -> list[str]:
    return [part.split(">")[0].lstrip("<") for part in link.split(", ")]


def test_link_header_never_echoes_the_host(client):
    response = client.get(
        "/api/v1/quotes?page=2&page_size=5", headers={"Host": "evil.example"}
    )
    targets = _targets(response.headers["Link"])
    assert targets and all(t.startswith("/api/v1/quotes?") for t in targets)
    assert "evil.example" not in response.headers["Link"]


def test_link_header_uses_the_public_url(database_url):
    from tests.conftest import make_app

    app = make_app(database_url, PUBLIC_URL="https://lede.example.org/")
    response = app.test_client().get(
        "/api/v1/quotes?page_size=5", headers={"Host": "evil.example"}
    )
    targets = _targets(response.headers["Link"])
    assert all(t.startswith("https://lede.example.org/api/v1/quotes?") for t in targets)
