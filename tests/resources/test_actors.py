"""Actors: list, filters, by id, nested, their quotes and reactions."""

from tests.conftest import items

TOKAYEV = "kassym-jomart-tokayev"


def test_get_actor_has_aliases_and_mentions(client, seed):
    actor = client.get(f"/api/v1/actors/{TOKAYEV}").get_json()
    assert actor["name"] == "Kassym-Jomart Tokayev"
    assert actor["type"] == "person"
    assert {"Kassym Jomart Tokayev", "Tokayev", "the Kazakh president"} <= set(
        actor["aliases"]
    )
    assert actor["articles"] == [seed.article.id]
    assert actor["mention_count"] == len(actor["mentions"]) > 5
    for mention in actor["mentions"]:
        assert seed.article.text[mention["start"] : mention["end"]] == mention["text"]
    assert actor["links"]["quotes"] == f"/api/v1/actors/{TOKAYEV}/quotes"


def test_get_actor_fixes_case_slip_in_canonical_name(client):
    macron = client.get("/api/v1/actors/emmanuel-macron").get_json()
    assert macron["name"] == "Emmanuel Macron"
    assert "Emmanuel macron" in macron["aliases"]


def test_list_actors_filters_by_type(client):
    people = items(client.get("/api/v1/actors?type=person&page_size=50"))
    assert {a["type"] for a in people} == {"person"}
    assert {"xi-jinping", "vladimir-putin", "ursula-von-der-leyen"} <= {
        a["id"] for a in people
    }
    groups = items(client.get("/api/v1/actors?type=group&page_size=50"))
    assert "russian-troops" in {a["id"] for a in groups}


def test_list_actors_sorts_by_mentions(client):
    actors = items(client.get("/api/v1/actors?sort=-mention_count&page_size=50"))
    counts = [a["mention_count"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    order = [a["id"] for a in actors]
    assert order.index(TOKAYEV) < order.index("vladimir-putin")


def test_list_actors_searches_name(client):
    found = items(client.get("/api/v1/actors?q=LEYEN"))
    assert [a["id"] for a in found] == ["ursula-von-der-leyen"]


def test_list_article_actors_scopes_to_the_article(client, article_id, seed):
    actors = items(client.get(f"/api/v1/articles/{article_id}/actors?page_size=100"))
    assert len(actors) == len(seed.actors)
    assert all(m["article"] == article_id for a in actors for m in a["mentions"])


def test_list_actor_quotes_returns_only_theirs(client):
    quotes = items(client.get(f"/api/v1/actors/{TOKAYEV}/quotes?page_size=100"))
    assert quotes and {q["speaker"] for q in quotes} == {TOKAYEV}
    assert any(q["text"].startswith("I have given the order to shoot") for q in quotes)


def test_list_actor_reactions(client):
    [reaction] = items(client.get("/api/v1/actors/xi-jinping/reactions"))
    assert reaction["stance"] == "supportive"
    assert reaction["on_behalf_of"] == "china"


def test_actor_unknown_is_404_everywhere(client):
    for path in ("", "/quotes", "/reactions"):
        response = client.get(f"/api/v1/actors/nobody{path}")
        assert response.status_code == 404
        assert response.get_json()["message"] == "No actor with id 'nobody'."


def test_list_article_actors_sorts_by_mentions(client, article_id):
    url = f"/api/v1/articles/{article_id}/actors?sort=-mention_count&q=a"
    counts = [a["mention_count"] for a in items(client.get(url))]
    assert counts and counts == sorted(counts, reverse=True)
