"""Facets: counts across articles that agree with the lists they summarise."""

from collections import Counter

import pytest

from tests.conftest import API_KEY, items
from tests.spec import validate_response

AUTH = {"Authorization": f"Bearer {API_KEY}"}
ALL = "page_size=100"


def _counts(facet: list[dict]) -> dict:
    return {group["key"]: group["count"] for group in facet}


def test_facets_count_what_the_lists_hold(client):
    response = client.get("/api/v1/facets")
    validate_response("/api/v1/facets", "get", response)
    body = response.get_json()
    assert body["articles"] == len(items(client.get(f"/api/v1/articles?{ALL}")))
    reactions = items(client.get(f"/api/v1/reactions?{ALL}"))
    assert _counts(body["stances"]) == Counter(r["stance"] for r in reactions)
    figures = items(client.get(f"/api/v1/statistics?{ALL}"))
    assert _counts(body["categories"]) == Counter(f["category"] for f in figures)
    actors = items(client.get(f"/api/v1/actors?{ALL}"))
    assert _counts(body["actor_types"]) == Counter(a["type"] for a in actors)
    quotes = items(client.get(f"/api/v1/quotes?{ALL}"))
    assert _counts(body["speakers"]) == Counter(q["speaker"] for q in quotes)
    names = {q["speaker"]: q["speaker_name"] for q in quotes}
    assert {g["key"]: g["name"] for g in body["speakers"]} == names


def test_facets_put_the_largest_groups_first(client):
    body = client.get("/api/v1/facets").get_json()
    for facet in ("actor_types", "speakers", "stances", "categories"):
        counts = [group["count"] for group in body[facet]]
        assert counts == sorted(counts, reverse=True), facet
    top = body["speakers"][0]
    assert (top["key"], top["name"]) == (
        "kassym-jomart-tokayev",
        "Kassym-Jomart Tokayev",
    )
    assert {"key": "critical", "name": "critical", "count": 1} in body["stances"]


def test_facets_of_one_article_and_of_a_date_range(client, article_id):
    body = {"title": "Snow", "text": "The council said 12 roads were closed."}
    posted = client.post("/api/v1/articles", json=body, headers=AUTH).get_json()
    try:
        everything = client.get("/api/v1/facets").get_json()
        seed = client.get(f"/api/v1/facets?article={article_id}").get_json()
        dated = client.get("/api/v1/facets?published_after=2022-01-06").get_json()
        assert everything["articles"] == seed["articles"] + 1
        assert seed["articles"] == dated["articles"] == 1
        assert seed == dated
        snow = client.get(f"/api/v1/facets?article={posted['id']}").get_json()
        figures = items(client.get(f"/api/v1/articles/{posted['id']}/statistics"))
        assert figures
        assert snow["articles"] == 1 and snow["stances"] == []
        assert _counts(snow["categories"]) == Counter(f["category"] for f in figures)
    finally:
        client.delete(f"/api/v1/articles/{posted['id']}", headers=AUTH)


@pytest.mark.parametrize(
    "query",
    ["published_after=2022-01-07", "article=no-such-article"],
)
def test_facets_of_no_article_are_empty(client, query):
    body = client.get(f"/api/v1/facets?{query}").get_json()
    assert body == {
        "articles": 0,
        "actor_types": [],
        "speakers": [],
        "stances": [],
        "categories": [],
    }


def test_facets_refuse_bad_parameters(client):
    response = client.get("/api/v1/facets?published_before=soon&stance=critical")
    assert response.status_code == 422
    assert response.get_json()["errors"]["query"] == {"stance": ["Unknown parameter."]}
    response = client.get("/api/v1/facets?published_before=soon")
    assert response.get_json()["errors"]["query"] == {
        "published_before": ["Not a valid date."]
    }
