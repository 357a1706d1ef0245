"""Filters on several values of a vocabulary, and a date range on articles."""

import pytest

from tests.conftest import API_KEY, items
from tests.spec import spec, validate_response

AUTH = {"Authorization": f"Bearer {API_KEY}"}
MANY = "page_size=100"

MULTI = [
    ("/api/v1/reactions", "stance", ("critical", "concerned")),
    ("/api/v1/quotes", "kind", ("direct", "partial")),
    ("/api/v1/statistics", "category", ("fatalities", "injuries")),
    ("/api/v1/statistics", "placement", ("body", "related_headline")),
    ("/api/v1/actors", "type", ("person", "country")),
]


def _ids(client, url: str) -> list[str]:
    return [item["id"] for item in items(client.get(url))]


@pytest.mark.parametrize(("url", "name", "words"), MULTI)
def test_comma_separated_values_match_any_of_them(client, url, name, words):
    first, second = words
    one = _ids(client, f"{url}?{name}={first}&{MANY}")
    other = _ids(client, f"{url}?{name}={second}&{MANY}")
    assert one and other, "the seed has items of both"
    both = client.get(f"{url}?{name}={first},{second}&{MANY}")
    assert sorted(item["id"] for item in items(both)) == sorted(one + other)
    validate_response(url, "get", both)
    # Order and repeats do not change what matches.
    again = _ids(client, f"{url}?{name}={second},{first},{second}&{MANY}")
    assert sorted(again) == sorted(one + other)


def test_a_multi_value_filter_keeps_the_sort(client):
    url = f"/api/v1/statistics?category=fatalities,injuries&sort=-value&{MANY}"
    values = [figure["value"] for figure in items(client.get(url))]
    assert values == sorted(values, reverse=True)
    assert {f["category"] for f in items(client.get(url))} == {
        "fatalities",
        "injuries",
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "stance=angry,critical",
            "Must be one or more of: supportive, concerned, critical, separated "
            "by commas.",
        ),
        ("stance=", "Must be words separated by single commas, none of them empty."),
        (
            "stance=critical,,concerned",
            "Must be words separated by single commas, none of them empty.",
        ),
        (
            "stance=critical&stance=concerned",
            "Must be given once, its words separated by commas.",
        ),
    ],
)
def test_a_bad_multi_value_filter_is_a_422_naming_it(client, query, message):
    response = client.get(f"/api/v1/reactions?{query}")
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"query": {"stance": [message]}}
    validate_response("/api/v1/reactions", "get", response)


def test_spec_documents_comma_separated_filters():
    parameters = spec()["paths"]["/api/v1/reactions"]["get"]["parameters"]
    [stance] = [p for p in parameters if p["name"] == "stance"]
    assert (stance["style"], stance["explode"]) == ("form", False)
    assert stance["schema"]["type"] == "array"
    assert stance["schema"]["items"] == {"$ref": "#/components/schemas/Stance"}
    assert "`critical,concerned`" in stance["description"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("published_from=2022-01-07&published_to=2022-01-07", True),
        ("published_from=2022-01-01", True),
        ("published_to=2022-01-31", True),
        ("published_from=2022-01-08", False),
        ("published_to=2022-01-06", False),
        # An end before the start: a range that holds no day.
        ("published_from=2022-01-08&published_to=2022-01-06", False),
    ],
)
def test_articles_by_publication_date(client, article_id, query, found):
    response = client.get(f"/api/v1/articles?{query}")
    assert (article_id in [a["id"] for a in items(response)]) is found
    validate_response("/api/v1/articles", "get", response)


def test_a_date_range_leaves_out_undated_articles(client, article_id):
    body = {"title": "Undated", "text": "The council said 12 roads were closed."}
    posted = client.post("/api/v1/articles", json=body, headers=AUTH).get_json()
    try:
        assert posted["published_on"] is None
        everything = _ids(client, f"/api/v1/articles?{MANY}")
        assert {posted["id"], article_id} <= set(everything)
        ranged = _ids(client, "/api/v1/articles?published_from=1900-01-01")
        assert article_id in ranged and posted["id"] not in ranged
    finally:
        client.delete(f"/api/v1/articles/{posted['id']}", headers=AUTH)


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("published_to=2022-13-01", {"published_to": ["Not a valid date."]}),
        ("published_from=yesterday", {"published_from": ["Not a valid date."]}),
    ],
)
def test_a_bad_date_range_is_a_422_naming_the_field(client, query, errors):
    response = client.get(f"/api/v1/articles?{query}")
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"query": errors}
