"""Cursors: a walk by cursor is the walk by page numbers, for every list and sort;
a cursor that is not one of the list's is a 422 naming it."""

import base64
import json

import pytest

from api import cursors
from api.db.keyset import Order
from api.db.models import Quote
from tests.conftest import items
from tests.spec import list_reads, spec, validate_response

LISTS = {
    "/api/v1/articles": "articles",
    "/api/v1/actors": "actors",
    "/api/v1/quotes": "quotes",
    "/api/v1/reactions": "reactions",
    "/api/v1/statistics": "statistics",
}
NESTED = [
    "/api/v1/articles/{article}/actors",
    "/api/v1/articles/{article}/mentions",
    "/api/v1/articles/{article}/quotes?sort=-speaker",
    "/api/v1/actors/kassym-jomart-tokayev/quotes",
    "/api/v1/actors/kassym-jomart-tokayev/mentions",
    "/api/v1/actors/xi-jinping/reactions",
    "/api/v1/articles/{article}/statistics?sort=category",
    "/api/v1/articles/{article}/reactions?stance=critical,concerned",
    "/api/v1/actors?article={article}&sort=-mention_count",
]


def _meta(response) -> dict:
    return json.loads(response.headers["X-Pagination"])


def _join(url: str, query: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{query}"


def _by_pages(client, url: str, size: int) -> list:
    found, page = [], 1
    while True:
        response = client.get(_join(url, f"page={page}&page_size={size}"))
        found += [item["id"] for item in items(response)]
        if page >= _meta(response).get("last_page", 0):
            return found
        page += 1


def _by_cursor(client, url: str, size: int) -> list:
    response = client.get(_join(url, f"page_size={size}"))
    found = [item["id"] for item in items(response)]
    while "next_cursor" in _meta(response):
        cursor = _meta(response)["next_cursor"]
        response = client.get(_join(url, f"page_size={size}&cursor={cursor}"))
        page = [item["id"] for item in items(response)]
        assert page, "a next cursor leads to a page with items"
        found += page
    return found


def _sorts(path: str) -> list[str]:
    [sort] = [
        p for p in spec()["paths"][path]["get"]["parameters"] if p["name"] == "sort"
    ]
    return sort["schema"]["enum"]


def _every_sort():
    for path in LISTS:
        for sort in _sorts(path):
            yield pytest.param(f"{path}?sort={sort}", id=f"{path}-{sort}")


@pytest.mark.parametrize("url", [*_every_sort(), *NESTED])
def test_a_walk_by_cursor_is_the_walk_by_pages(client, article_id, url):
    url = url.replace("{article}", article_id)
    expected = _by_pages(client, url, 3)
    assert len(expected) == len(set(expected)) > 0
    assert _by_cursor(client, url, 3) == expected
    assert _by_cursor(client, url, 100) == expected


def test_a_page_after_a_cursor_says_where_the_next_starts(client, seed):
    first = client.get("/api/v1/quotes?page_size=5")
    meta = _meta(first)
    assert meta["next_page"] == 2
    second = client.get(f"/api/v1/quotes?page_size=5&cursor={meta['next_cursor']}")
    assert [q["id"] for q in items(second)] == [
        q["id"] for q in items(client.get("/api/v1/quotes?page=2&page_size=5"))
    ]
    after = _meta(second)
    total = len(seed.quotes)
    assert after["total"] == total and after["total_pages"] == -(-total // 5)
    assert {"page", "next_page", "previous_page"}.isdisjoint(after)
    links = dict(
        (part.split('rel="')[1].rstrip('"'), part.split(">")[0].lstrip("<"))
        for part in second.headers["Link"].split(", ")
    )
    assert set(links) == {"first", "last", "next"}
    assert links["next"] == (
        f"/api/v1/quotes?page_size=5&cursor={after['next_cursor']}"
    )
    assert "cursor" not in links["first"] and "page=1" in links["first"]
    third = client.get(links["next"])
    assert [q["id"] for q in items(third)] == [
        q["id"] for q in items(client.get("/api/v1/quotes?page=3&page_size=5"))
    ]


def test_the_last_page_has_no_next_cursor(client, seed):
    response = client.get(f"/api/v1/quotes?page_size={len(seed.quotes)}")
    assert "next_cursor" not in _meta(response)
    assert 'rel="next"' not in response.headers["Link"]


def _token(payload) -> str:
    """A token whose check digits are right, holding `payload`."""
    raw = json.dumps(payload).encode()
    digest = base64.urlsafe_b64encode(cursors._digest(raw)).decode().rstrip("=")
    return f"{base64.urlsafe_b64encode(raw).decode().rstrip('=')}.{digest}"


QUOTES_BY_START = Order((Quote.start, Quote.id)).fingerprint


@pytest.mark.parametrize(
    "cursor",
    [
        "abc",
        "%00",
        "é",
        "x" * 5000,
        "....",
        _token([QUOTES_BY_START, "1267", "q-1"]),  # a start that is no number
        _token([QUOTES_BY_START, 2**70, "q-1"]),  # past any column's integers
        _token([QUOTES_BY_START, 1267]),  # too few values
        _token([QUOTES_BY_START, None, "q-1"]),  # a start is never null
        _token([QUOTES_BY_START, 1267, "q-\x00"]),
        _token([QUOTES_BY_START, 1267, "q-\ud800"]),
        _token({"not": "a list"}),
        _token([]),
        _token(["00000000", 1267, "q-1"]),  # another list's order
        _token([QUOTES_BY_START, 1267, "q-1"])[:-2] + "AA",  # changed
    ],
)
def test_a_cursor_that_is_not_one_is_a_422_naming_it(client, cursor):
    from api.caching import _data_version

    with client.application.test_request_context():
        before = _data_version()
    response = client.get("/api/v1/quotes", query_string={"cursor": cursor})
    assert response.status_code == 422, response.get_data()
    body = response.get_json()
    assert list(body["errors"]["query"]) == ["cursor"]
    validate_response("/api/v1/quotes", "get", response)
    with client.application.test_request_context():
        assert _data_version() == before


def test_a_cursor_of_one_sort_is_refused_by_another(client):
    meta = _meta(client.get("/api/v1/quotes?page_size=2&sort=-length"))
    good = client.get(
        f"/api/v1/quotes?page_size=2&sort=-length&cursor={meta['next_cursor']}"
    )
    assert good.status_code == 200
    response = client.get(f"/api/v1/quotes?page_size=2&cursor={meta['next_cursor']}")
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"query": {"cursor": [cursors.OTHER_ORDER]}}
    elsewhere = client.get(f"/api/v1/articles?cursor={meta['next_cursor']}")
    assert elsewhere.get_json()["errors"]["query"]["cursor"] == [cursors.OTHER_ORDER]


def test_a_cursor_works_on_every_list_with_that_order(client, article_id):
    """A quote list's cursor starts an article's quote list sorted alike."""
    meta = _meta(client.get(f"/api/v1/quotes?article={article_id}&page_size=4"))
    nested = client.get(
        f"/api/v1/articles/{article_id}/quotes?page_size=4&cursor={meta['next_cursor']}"
    )
    paged = client.get(f"/api/v1/articles/{article_id}/quotes?page=2&page_size=4")
    assert [q["id"] for q in items(nested)] == [q["id"] for q in items(paged)]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("cursor={cursor}&page=2", "cursor"),
        ("cursor={cursor}&cursor={cursor}", "cursor"),
        ("cursor=", "cursor"),
        ("changed_since=x", "changed_since"),
        ("changed_since=-1", "changed_since"),
        ("changed_since=1.5", "changed_since"),
        (f"changed_since={2**64}", "changed_since"),
        ("changed_since=1&changed_since=2", "changed_since"),
        ("changed_since=1&sort=-length", "sort"),
    ],
)
def test_bad_list_parameters_are_a_422_naming_them(client, query, field):
    cursor = _meta(client.get("/api/v1/quotes?page_size=2"))["next_cursor"]
    for kind in ("json", "ndjson"):
        url = f"/api/v1/quotes?format={kind}&{query.replace('{cursor}', cursor)}"
        response = client.get(url)
        assert response.status_code == 422, (url, response.get_data())
        assert list(response.get_json()["errors"]["query"]) == [field], url


def test_an_export_after_a_cursor_resumes_it(client):
    whole = client.get("/api/v1/quotes?format=ndjson&sort=-speaker").get_data()
    lines = whole.decode().splitlines()
    meta = _meta(client.get("/api/v1/quotes?page_size=7&sort=-speaker"))
    rest = client.get(
        f"/api/v1/quotes?format=ndjson&sort=-speaker&cursor={meta['next_cursor']}"
    )
    assert rest.get_data().decode().splitlines() == lines[7:]


def test_spec_documents_cursor_and_changed_since_on_every_list():
    lists = list_reads()
    for path, read in lists:
        names = {p["name"] for p in read["parameters"]}
        assert {"cursor", "changed_since", "page", "page_size"} <= names, path
    assert len(lists) == 16  # the articles of a job among them
    metadata = spec()["components"]["schemas"]["PaginationMetadata"]["properties"]
    assert {"next_cursor", "version"} <= set(metadata)
