"""Lists by relevance (`q` without `sort`, and the search): paged by `page`, never
by a cursor; exported whole in relevance order; `changed_since` reorders them."""

import json

import pytest

from api import exports, pagination
from tests.conftest import items, posted_articles

# A word the seed article does not use, said more often by the first articles: the
# order by relevance is not the order of their titles or dates.
ARTICLES = [
    ("Ostravel ostravel ostravel", "2024-04-01", "Ostravel council met."),
    ("Council vote at Ostravel", "2024-04-03", "Ostravel voted twice, ostravel."),
    ("A budget", "2024-04-02", "The Ostravel budget passed."),
    ("Harbour news", "2024-04-04", "Ferries run to Ostravel again."),
    ("Ostravel weather", "2024-04-05", "Rain fell."),
]


@pytest.fixture(scope="module")
def posted(app):
    bodies = [
        {"title": title, "published_on": published_on, "text": text}
        for title, published_on, text in ARTICLES
    ]
    with posted_articles(app, bodies) as ids:
        yield ids


def _meta(response) -> dict:
    return json.loads(response.headers["X-Pagination"])


def _by_pages(client, url: str, size: int) -> list[str]:
    found, page = [], 1
    while True:
        response = client.get(f"{url}&page={page}&page_size={size}")
        assert response.status_code == 200, response.get_json()
        found += [item["id"] for item in items(response)]
        if page >= _meta(response)["last_page"]:
            return found
        page += 1


def _exported(client, url: str) -> list[str]:
    response = client.get(f"{url}&format=ndjson")
    assert response.status_code == 200, response.get_data()
    return [json.loads(line)["id"] for line in response.get_data().splitlines()]


@pytest.mark.parametrize(
    "url", ["/api/v1/articles?q=ostravel", "/api/v1/search?q=ostravel&kind=article"]
)
def test_a_cursor_of_a_list_by_relevance_is_a_422_naming_it(client, posted, url):
    sorted_page = client.get("/api/v1/articles?q=ostravel&sort=title&page_size=2")
    cursor = _meta(sorted_page)["next_cursor"]
    for kind in ("json", "ndjson"):
        response = client.get(f"{url}&cursor={cursor}&format={kind}")
        assert response.status_code == 422, response.get_data()
        errors = response.get_json()["errors"]["query"]
        assert errors == {"cursor": [pagination.BY_RELEVANCE]}


@pytest.mark.parametrize(
    "url", ["/api/v1/articles?q=ostravel", "/api/v1/search?q=ostravel&kind=article"]
)
def test_a_page_by_relevance_links_the_next_page_not_a_cursor(client, posted, url):
    response = client.get(f"{url}&page_size=2")
    meta = _meta(response)
    assert "next_cursor" not in meta and meta["next_page"] == 2
    assert 'page_size=2&page=2>; rel="next"' in response.headers["Link"]
    assert "cursor=" not in response.headers["Link"]


def test_pages_by_relevance_are_the_best_matches_first(client, posted):
    ranked = _by_pages(client, "/api/v1/articles?q=ostravel", 2)
    assert sorted(ranked) == sorted(posted)
    assert ranked[0] == posted[0]  # three times in the title
    assert ranked != _by_pages(client, "/api/v1/articles?q=ostravel&sort=title", 2)


@pytest.mark.parametrize(
    "url", ["/api/v1/articles?q=ostravel", "/api/v1/search?q=ostravel&kind=article"]
)
def test_an_export_by_relevance_is_the_list_in_that_order(
    client, posted, url, monkeypatch
):
    paged = _by_pages(client, url, 100)
    assert _exported(client, url) == paged
    # Read in batches of two: one statement still, so the same order whole.
    monkeypatch.setattr(exports, "EXPORT_BATCH", 2)
    assert _exported(client, url) == paged


def test_a_sorted_search_pages_by_cursor(client, posted):
    url = "/api/v1/articles?q=ostravel&sort=-published_on"
    response = client.get(f"{url}&page_size=2")
    walked = [item["id"] for item in items(response)]
    while "next_cursor" in _meta(response):
        cursor = _meta(response)["next_cursor"]
        response = client.get(f"{url}&page_size=2&cursor={cursor}")
        walked += [item["id"] for item in items(response)]
    by_date = [posted[i] for i in (4, 3, 1, 2, 0)]
    assert walked == _by_pages(client, url, 2) == by_date


def test_changed_since_with_q_reads_in_the_order_of_the_writes(client, posted):
    url = "/api/v1/articles?q=ostravel&changed_since=0&page_size=2"
    response = client.get(url)
    walked = [item["id"] for item in items(response)]
    while "next_cursor" in _meta(response):
        cursor = _meta(response)["next_cursor"]
        response = client.get(f"{url}&cursor={cursor}")
        walked += [item["id"] for item in items(response)]
    assert walked == posted  # posted one after another: their versions rise


def test_the_search_has_no_changed_since(client, posted):
    response = client.get("/api/v1/search?q=ostravel&changed_since=0")
    assert response.status_code == 422
    errors = response.get_json()["errors"]["query"]
    assert errors == {"changed_since": [pagination.UNVERSIONED]}
