"""Quotes: list, filters, by id, nested."""

from tests.conftest import items

TOKAYEV = "kassym-jomart-tokayev"


def test_pull_quote_and_later_quote_are_one_quote(client, article_id):
    [quote] = items(client.get("/api/v1/quotes", query_string={"q": "murderers"}))
    assert quote["speaker"] == TOKAYEV
    assert quote["text"].startswith(
        "What type of negotiation can be had with criminals"
    )
    assert len(quote["occurrences"]) == 2
    first, second = quote["occurrences"]
    assert first["text"].startswith("What kind of negotiation can you have")
    assert first["start"] < second["start"] == quote["start"]


def test_get_quote_by_id(client, seed):
    shoot = next(q for q in seed.quotes if q.text.startswith("I have given the order"))
    quote = client.get(f"/api/v1/quotes/{shoot.id}").get_json()
    assert quote["text"] == "I have given the order to shoot to kill without warning"
    assert quote["speaker_name"] == "Kassym-Jomart Tokayev"
    assert quote["kind"] == "direct"
    assert quote["article"] == seed.article.id


def test_list_quotes_filters_by_kind(client):
    terms = items(client.get("/api/v1/quotes?kind=term&page_size=50"))
    assert {q["kind"] for q in terms} == {"term"}
    assert {"bandits", "eliminate"} <= {q["text"] for q in terms}


def test_list_quotes_filters_by_speaker(client):
    [quote] = items(client.get("/api/v1/quotes?speaker=stephane-dujarric"))
    assert "respect human rights" in quote["text"]


def test_list_quotes_sorts_by_length_descending(client):
    quotes = items(client.get("/api/v1/quotes?sort=-length&page_size=50"))
    lengths = [len(q["text"]) for q in quotes]
    assert lengths == sorted(lengths, reverse=True)


def test_list_article_quotes_in_text_order(client, article_id, seed):
    quotes = items(client.get(f"/api/v1/articles/{article_id}/quotes?page_size=100"))
    assert len(quotes) == len(seed.quotes)
    starts = [q["start"] for q in quotes]
    assert starts == sorted(starts)


def test_list_quotes_rejects_unknown_kind(client):
    response = client.get("/api/v1/quotes?kind=rumour")
    assert response.status_code == 422
    assert list(response.get_json()["errors"]["query"]) == ["kind"]


def test_get_quote_unknown_is_404(client):
    assert client.get("/api/v1/quotes/q-0000000000").status_code == 404


def test_every_seed_quote_comes_with_its_sentence(client, article_id):
    quotes = items(client.get(f"/api/v1/articles/{article_id}/quotes?page_size=100"))
    for quote in quotes:
        assert quote["text"] in quote["sentence"], quote["id"]
    shoot = next(q for q in quotes if q["text"].startswith("I have given the order"))
    assert shoot["sentence"].startswith("“I have given the order")
    assert "Tokayev said in a television speech" in shoot["sentence"]
