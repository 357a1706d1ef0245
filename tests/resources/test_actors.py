"""Actors: list, filters, by id, nested, their mentions, quotes and reactions."""

import json

from tests.conftest import items

TOKAYEV = "kassym-jomart-tokayev"


def _annotated(seed, actor_id: str):
    return next(actor for actor in seed.actors if actor.id == actor_id)


def test_get_actor_has_aliases_and_counts(client, seed):
    actor = client.get(f"/api/v1/actors/{TOKAYEV}").get_json()
    assert actor["name"] == "Kassym-Jomart Tokayev"
    assert actor["type"] == "person"
    assert {"Kassym Jomart Tokayev", "Tokayev", "the Kazakh president"} <= set(
        actor["aliases"]
    )
    annotated = _annotated(seed, TOKAYEV)
    assert actor["alias_count"] == len(set(annotated.aliases))
    assert actor["mention_count"] == len(annotated.mentions) > 5
    assert actor["article_count"] == 1
    assert actor["links"]["quotes"] == f"/api/v1/actors/{TOKAYEV}/quotes"
    assert actor["links"]["mentions"] == f"/api/v1/actors/{TOKAYEV}/mentions"
    assert actor["links"]["articles"] == f"/api/v1/articles?actor={TOKAYEV}"


def test_list_actor_mentions_gives_offsets_a_page_at_a_time(client, seed):
    annotated = _annotated(seed, TOKAYEV)
    mentions = items(client.get(f"/api/v1/actors/{TOKAYEV}/mentions?page_size=100"))
    assert [(m["start"], m["end"]) for m in mentions] == sorted(
        (m.start, m.end) for m in annotated.mentions
    )
    for mention in mentions:
        assert seed.article.text[mention["start"] : mention["end"]] == mention["text"]
        assert (mention["actor"], mention["article"]) == (TOKAYEV, seed.article.id)
    page = client.get(f"/api/v1/actors/{TOKAYEV}/mentions?page_size=2&page=2")
    assert items(page) == mentions[2:4]
    assert json.loads(page.headers["X-Pagination"])["total"] == len(mentions)


def test_list_article_mentions_covers_every_actor(client, seed, article_id):
    url = f"/api/v1/articles/{article_id}/mentions?page_size=100"
    pages = json.loads(client.get(url).headers["X-Pagination"])["total_pages"]
    mentions = [
        m
        for page in range(1, pages + 1)
        for m in items(client.get(f"{url}&page={page}"))
    ]
    expected = sorted(
        (m.start, m.end, actor.id) for actor in seed.actors for m in actor.mentions
    )
    assert sorted((m["start"], m["end"], m["actor"]) for m in mentions) == expected
    only = items(client.get(f"{url}&actor={TOKAYEV}"))
    assert {m["actor"] for m in only} == {TOKAYEV}


def test_mentions_of_unknown_actor_or_article_are_404(client):
    for url in ("/api/v1/actors/nobody/mentions", "/api/v1/articles/none/mentions"):
        assert client.get(url).status_code == 404


def test_list_actors_carries_counts_not_arrays(client):
    actors = items(client.get("/api/v1/actors?page_size=100"))
    for actor in actors:
        assert "mentions" not in actor and "articles" not in actor
        lists = {key for key, value in actor.items() if isinstance(value, list)}
        assert lists == {"aliases"} and len(actor["aliases"]) <= 10
        assert actor["alias_count"] >= len(actor["aliases"])


def test_list_articles_filters_by_actor(client, article_id):
    found = items(client.get(f"/api/v1/articles?actor={TOKAYEV}"))
    assert [a["id"] for a in found] == [article_id]
    assert items(client.get("/api/v1/articles?actor=nobody")) == []


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
    expected = {actor.id: len(actor.mentions) for actor in seed.actors}
    assert {a["id"]: a["mention_count"] for a in actors} == expected


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
    url = f"/api/v1/articles/{article_id}/actors?sort=-mention_count&q=kazakh"
    found = items(client.get(url))
    counts = [a["mention_count"] for a in found]
    assert len(counts) == 5 and counts == sorted(counts, reverse=True)
    assert [a["name"] for a in found[:2]] == ["Kazakh security forces", "Kazakh police"]
