"""Reactions: list, filters, by id, nested."""

from tests.conftest import items


def test_list_reactions_filters_by_stance(client):
    concerned = items(client.get("/api/v1/reactions?stance=concerned"))
    assert {r["actor"] for r in concerned} == {
        "ursula-von-der-leyen",
        "emmanuel-macron",
        "stephane-dujarric",
    }
    [critical] = items(client.get("/api/v1/reactions?stance=critical"))
    assert critical["actor"] == "us-diplomacy"
    assert critical["target"] == "Russian troops"


def test_one_sentence_gives_two_reactions(client):
    leyen = items(client.get("/api/v1/reactions?actor=ursula-von-der-leyen"))
    macron = items(client.get("/api/v1/reactions?actor=emmanuel-macron"))
    assert leyen[0]["evidence"] == macron[0]["evidence"]
    assert leyen[0]["id"] != macron[0]["id"]
    assert macron[0]["on_behalf_of"] == "france"


def test_get_reaction_links_its_quotes(client, seed):
    putin = next(r for r in seed.reactions if r.actor == "vladimir-putin")
    reaction = client.get(f"/api/v1/reactions/{putin.id}").get_json()
    assert reaction["stance"] == "supportive"
    [quote_id] = reaction["quotes"]
    quote = client.get(f"/api/v1/quotes/{quote_id}").get_json()
    assert quote["text"] == "responded very quickly"


def test_list_article_reactions_sorted_by_stance(client, article_id):
    reactions = items(
        client.get(f"/api/v1/articles/{article_id}/reactions?sort=stance")
    )
    stances = [r["stance"] for r in reactions]
    assert stances == sorted(stances) and len(stances) == 6


def test_list_reactions_rejects_unknown_stance(client):
    response = client.get("/api/v1/reactions?stance=furious")
    assert response.status_code == 422
    assert "stance" in response.get_json()["errors"]["query"]
