"""Search folds the case of every letter, on SQLite as on PostgreSQL."""

import pytest

from tests.conftest import API_KEY, items

AUTH = {"Authorization": f"Bearer {API_KEY}"}
ARTICLE = {
    "title": "Élysée statement on Zürich talks",
    "published_on": "2024-06-03",
    "text": (
        "The Élysée said on Monday that talks in Zürich would resume.\n\n"
        "\u201cÉVIDEMMENT nous resterons à la table,\u201d said Étienne Roussel, "
        "an adviser to the Élysée."
    ),
}


@pytest.fixture
def posted(client):
    response = client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 201, response.get_json()
    yield response.get_json()["id"]
    client.delete(f"/api/v1/articles/{response.get_json()['id']}", headers=AUTH)


@pytest.mark.parametrize("query", ["Élysée", "élysée", "ÉLYSÉE", "zÜrich"])
def test_articles_are_found_whatever_the_case_of_accented_letters(
    client, posted, query
):
    found = items(client.get("/api/v1/articles", query_string={"q": query}))
    assert [a["id"] for a in found] == [posted]


def test_quotes_and_actors_are_found_whatever_the_case(client, posted):
    quotes = items(client.get("/api/v1/quotes", query_string={"q": "évidemment"}))
    assert [q["article"] for q in quotes] == [posted]
    actors = items(client.get("/api/v1/actors", query_string={"q": "ÉTIENNE"}))
    assert [a["name"] for a in actors] == ["Étienne Roussel"]
