"""Filters on several values of a vocabulary, and a date range on articles and
on the items of articles."""

import json

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
        ("published_after=2022-01-06&published_before=2022-01-08", True),
        ("published_after=2022-01-01", True),
        ("published_before=2022-01-31", True),
        # The days named are left out: the seed is of 2022-01-07.
        ("published_after=2022-01-07", False),
        ("published_before=2022-01-07", False),
        ("published_after=2022-01-07&published_before=2022-01-08", False),
        # An end before the start: a range that holds no day.
        ("published_after=2022-01-08&published_before=2022-01-06", False),
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
        ranged = _ids(client, "/api/v1/articles?published_after=1900-01-01")
        assert article_id in ranged and posted["id"] not in ranged
    finally:
        client.delete(f"/api/v1/articles/{posted['id']}", headers=AUTH)


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("published_before=2022-13-01", {"published_before": ["Not a valid date."]}),
        ("published_after=yesterday", {"published_after": ["Not a valid date."]}),
    ],
)
def test_a_bad_date_range_is_a_422_naming_the_field(client, query, errors):
    response = client.get(f"/api/v1/articles?{query}")
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"query": errors}


ITEMS = ("quotes", "reactions", "statistics")
FLOODS = (
    "Floods killed 12 people in the valley on Monday, the regional governor said.\n"
    "“We will rebuild every bridge,” said Governor Ana Ruiz.\n"
    "The United Nations criticised the slow response and called for more aid.\n"
)


@pytest.fixture(scope="module")
def dated(app):
    """Beside the seed (2022-01-07): an article of 2023-03-02 and an undated one,
    each with a quote, a reaction and a figure; {name: {list: item ids}}."""
    client, posted = app.test_client(), {}
    for name, published_on in (("2023", "2023-03-02"), ("undated", None)):
        body = {"title": f"Floods {name}", "text": f"{name}: {FLOODS}"}
        body |= {"published_on": published_on} if published_on else {}
        article = client.post("/api/v1/articles", json=body, headers=AUTH).get_json()
        posted[name] = {"article": article["id"], "version": article["version"]}
        for kind in ITEMS:
            listed = _ids(client, f"/api/v1/articles/{article['id']}/{kind}")
            assert len(listed) == 1, (name, kind, listed)
            posted[name][kind] = listed
    yield posted
    for name in posted.values():
        client.delete(f"/api/v1/articles/{name['article']}", headers=AUTH)


def _seeded(seed, kind: str) -> list[str]:
    return sorted(item.id for item in getattr(seed, kind))


@pytest.mark.parametrize("kind", ITEMS)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("published_after=2022-01-06&published_before=2022-01-08", ["seed"]),
        ("published_before=2022-12-31", ["seed"]),
        ("published_after=2022-01-07", ["2023"]),
        ("published_after=2023-03-01&published_before=2023-03-03", ["2023"]),
        ("published_after=2022-01-01&published_before=2023-12-31", ["seed", "2023"]),
        ("published_before=2022-01-07", []),
        ("published_after=2023-03-02", []),
        # An end before the start: a range that holds no day, as on articles.
        ("published_after=2023-03-02&published_before=2022-01-07", []),
    ],
)
def test_items_by_publication_date_of_their_article(
    client, seed, dated, kind, query, expected
):
    response = client.get(f"/api/v1/{kind}?{query}&{MANY}")
    ids = {"seed": _seeded(seed, kind), "2023": dated["2023"][kind]}
    want = sorted(item_id for name in expected for item_id in ids[name])
    assert sorted(item["id"] for item in items(response)) == want
    assert json.loads(response.headers["X-Pagination"])["total"] == len(want)
    validate_response(f"/api/v1/{kind}", "get", response)


@pytest.mark.parametrize("kind", ITEMS)
def test_a_date_range_leaves_out_the_items_of_undated_articles(client, dated, kind):
    [undated] = dated["undated"][kind]
    assert undated in _ids(client, f"/api/v1/{kind}?{MANY}")
    ranged = _ids(client, f"/api/v1/{kind}?published_after=1900-01-01&{MANY}")
    assert undated not in ranged and dated["2023"][kind][0] in ranged


def test_a_date_range_of_items_goes_with_the_other_filters(client, seed, dated):
    quotes = "/api/v1/quotes?published_before=2022-12-31"
    speaker = "kassym-jomart-tokayev"
    of_speaker = [q.id for q in seed.quotes if q.speaker == speaker]
    assert of_speaker and len(of_speaker) < len(seed.quotes)
    assert sorted(_ids(client, f"{quotes}&speaker={speaker}")) == sorted(of_speaker)
    of_2023 = f"/api/v1/actors/{speaker}/quotes?published_after=2023-01-01"
    assert _ids(client, of_2023) == []
    assert (
        _ids(client, "/api/v1/quotes?q=rebuild&published_after=2023-01-01")
        == (dated["2023"]["quotes"])
    )
    assert _ids(client, "/api/v1/quotes?q=rebuild&published_before=2022-12-31") == []
    figures = "/api/v1/statistics?published_after=2023-01-01&min_value=12&max_value=12"
    assert _ids(client, figures) == dated["2023"]["statistics"]


def test_a_date_range_of_items_changed_since_a_version(client, dated):
    since = dated["2023"]["version"] - 1
    for kind in ITEMS:
        url = f"/api/v1/{kind}?changed_since={since}"
        assert dated["2023"][kind][0] in _ids(client, url)
        assert (
            _ids(client, f"{url}&published_after=2023-03-01&{MANY}")
            == (dated["2023"][kind])
        )
        assert _ids(client, f"{url}&published_before=2022-12-31") == []


def test_a_date_range_of_items_pages_by_cursor_in_its_sort(client, seed, dated):
    url = "/api/v1/reactions?published_after=2022-01-01&published_before=2023-12-31"
    whole = _ids(client, f"{url}&sort=-stance&{MANY}")
    assert len(whole) == len(seed.reactions) + 1
    walked, cursor = [], ""
    while cursor is not None:
        response = client.get(f"{url}&sort=-stance&page_size=2{cursor}")
        walked += [item["id"] for item in items(response)]
        meta = json.loads(response.headers["X-Pagination"])
        cursor = f"&cursor={meta['next_cursor']}" if "next_cursor" in meta else None
    assert walked == whole


@pytest.mark.parametrize("kind", ITEMS)
def test_an_export_keeps_the_date_range_of_items(client, dated, kind):
    url = f"/api/v1/{kind}?format=ndjson&published_after=2023-01-01"
    lines = client.get(url).get_data().decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == dated["2023"][kind]


@pytest.mark.parametrize("kind", ITEMS)
@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("published_before=2022-13-01", {"published_before": ["Not a valid date."]}),
        ("published_after=yesterday", {"published_after": ["Not a valid date."]}),
    ],
)
def test_a_bad_date_range_of_items_is_a_422_naming_the_field(
    client, kind, query, errors
):
    for extra in ("", "&format=csv"):
        response = client.get(f"/api/v1/{kind}?{query}{extra}")
        assert response.status_code == 422
        assert response.get_json()["errors"] == {"query": errors}
        validate_response(f"/api/v1/{kind}", "get", response)


@pytest.mark.parametrize("kind", ITEMS)
def test_the_items_of_one_article_take_no_date_range(client, article_id, kind):
    response = client.get(
        f"/api/v1/articles/{article_id}/{kind}?published_before=2022-01-07"
    )
    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "query": {"published_before": ["Unknown parameter."]}
    }
