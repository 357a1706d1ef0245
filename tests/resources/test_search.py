"""Full-text search: words, phrases, ranking, hostile input, one search across
every kind, and an index kept by every write, on SQLite as on PostgreSQL."""

import pytest

from schemas.limits import MAX_QUERY_CHARACTERS
from tests.conftest import AUTH, items, posted_articles

# Words the seed article does not use, so that only these articles match.
ARTICLES = {
    "titled": {
        "title": "Lighthouse keepers strike at Quillon harbour",
        "published_on": "2024-03-01",
        "text": "Lighthouse keepers at Quillon harbour walked out on Monday.\n\n"
        "The harbour master said the lamps would stay lit.",
    },
    "phrase": {
        "title": "Ferry timetable changes",
        "published_on": "2024-03-02",
        "text": "The Quillon prime minister said the lighthouse would reopen.\n\n"
        "Ferries will run twice a day.",
    },
    "apart": {
        "title": "Budget vote",
        "published_on": "2024-03-03",
        "text": "The minister of Quillon called it a prime example of waste.\n\n"
        "The vote is due on Friday.",
    },
}


@pytest.fixture(scope="module")
def posted(app):
    with posted_articles(app, ARTICLES.values()) as ids:
        yield dict(zip(ARTICLES, ids, strict=True))


def _ids(client, url, **query) -> list[str]:
    return [item["id"] for item in items(client.get(url, query_string=query))]


def test_plain_words_must_all_be_found(client, posted):
    found = _ids(client, "/api/v1/articles", q="quillon minister")
    assert sorted(found) == sorted([posted["phrase"], posted["apart"]])
    assert _ids(client, "/api/v1/articles", q="quillon ferries") == [posted["phrase"]]
    assert _ids(client, "/api/v1/articles", q="quillon zeppelin") == []


def test_a_quoted_phrase_must_stand_together_in_order(client, posted):
    assert _ids(client, "/api/v1/articles", q='"prime minister"') == [posted["phrase"]]
    assert _ids(client, "/api/v1/articles", q='"minister prime"') == []
    assert _ids(client, "/api/v1/articles", q='"PRIME  Minister" quillon') == [
        posted["phrase"]
    ]


def test_words_are_found_whole(client, posted):
    assert _ids(client, "/api/v1/articles", q="quill") == []
    assert _ids(client, "/api/v1/articles", q="lamps") == [posted["titled"]]


def test_a_search_without_sort_gives_the_best_match_first(client, posted):
    # Both say "lighthouse"; the first says it in its title, and once more.
    ranked = _ids(client, "/api/v1/articles", q="lighthouse")
    assert ranked == [posted["titled"], posted["phrase"]]
    newest_first = _ids(
        client, "/api/v1/articles", q="lighthouse", sort="-published_on"
    )
    assert newest_first == [posted["phrase"], posted["titled"]]


def test_search_finds_every_kind_with_its_place(client, article_id):
    hits = items(client.get("/api/v1/search", query_string={"q": "shoot kill"}))
    kinds = {hit["kind"] for hit in hits}
    assert {"article", "quote"} <= kinds
    text = client.get(f"/api/v1/articles/{article_id}").get_json()["text"]
    quotes = [hit for hit in hits if hit["kind"] == "quote"]
    assert "I have given the order to shoot to kill without warning" in [
        hit["text"] for hit in quotes
    ]
    for hit in quotes:
        assert hit["article"] == article_id
        assert text[hit["start"] : hit["end"]] == hit["text"]
        quote = client.get(f"/api/v1/quotes/{hit['id']}").get_json()
        assert (quote["text"], quote["start"]) == (hit["text"], hit["start"])
    [article] = [hit for hit in hits if hit["kind"] == "article"]
    assert (article["id"], article["article"], article["start"]) == (
        article_id,
        article_id,
        None,
    )
    assert "shoot" in article["snippet"].lower()


def test_search_of_actors_has_no_article(client):
    [hit] = items(
        client.get("/api/v1/search", query_string={"q": "leyen", "kind": "actor"})
    )
    assert hit == {
        "kind": "actor",
        "id": "ursula-von-der-leyen",
        "article": None,
        "text": "Ursula von der Leyen",
        "snippet": "Ursula von der Leyen",
        "start": None,
        "end": None,
        "start_utf16": None,
        "end_utf16": None,
    }


def test_search_filters_by_kind_and_article(client, posted, article_id):
    query = {"q": "quillon", "kind": "article"}
    found = _ids(client, "/api/v1/search", **query)
    assert sorted(found) == sorted(posted.values())
    only = _ids(client, "/api/v1/search", **query, article=posted["apart"])
    assert only == [posted["apart"]]
    assert _ids(client, "/api/v1/search", q="quillon", article=article_id) == []


def test_search_pages_without_overlap(client, article_id):
    query = {"q": "kazakhstan", "page_size": 3}
    first = items(client.get("/api/v1/search", query_string={**query, "page": 1}))
    second = items(client.get("/api/v1/search", query_string={**query, "page": 2}))
    everything = items(client.get("/api/v1/search", query_string={"q": "kazakhstan"}))
    pages = [(h["kind"], h["id"]) for h in first + second]
    assert pages == [(h["kind"], h["id"]) for h in everything[:6]]
    assert len(set(pages)) == 6


def test_reactions_and_statistics_are_searched(client):
    reactions = items(client.get("/api/v1/reactions", query_string={"q": "putin"}))
    assert reactions and all(r["actor"] != "" for r in reactions)
    assert "vladimir-putin" in {r["actor"] for r in reactions}
    figures = items(client.get("/api/v1/statistics", query_string={"q": "detained"}))
    assert figures and all(
        "detained" in f"{f['subject']} {f['context']}".lower() for f in figures
    )


HOSTILE = [
    '"',
    '"prime minister',
    'prime" minister"',
    "NEAR(prime minister)",
    "prime NEAR minister",
    "*",
    "kill*",
    "^kill",
    "label:kill",
    "{label body}: kill",
    "kill OR",
    "AND",
    "NOT kill",
    "(kill",
    "kill -shoot",
    "'; DROP TABLE quotes; --",
    "\\",
    "&|!<->:*",
    "\u0301",
    "😀 kill",
    " ",
]


@pytest.mark.parametrize("q", HOSTILE)
@pytest.mark.parametrize(
    "path", ["/api/v1/search", "/api/v1/quotes", "/api/v1/articles", "/api/v1/actors"]
)
def test_hostile_queries_are_words(client, path, q):
    response = client.get(path, query_string={"q": q})
    assert response.status_code == 200, response.get_json()
    assert isinstance(response.get_json(), list)


def test_operators_are_only_words(client):
    as_words = _ids(client, "/api/v1/quotes", q="kill OR zeppelin")
    assert as_words == []  # "or" and "zeppelin" must be found too
    starred = _ids(client, "/api/v1/quotes", q="kill*")
    assert starred == _ids(client, "/api/v1/quotes", q="kill") != []


@pytest.mark.parametrize("q", ["x" * 10_000, "kill " * 41, "a" * 201])
def test_a_query_over_the_limit_is_refused_naming_it(client, q):
    response = client.get("/api/v1/search", query_string={"q": q})
    assert response.status_code == 422
    [message] = response.get_json()["errors"]["query"]["q"]
    assert str(MAX_QUERY_CHARACTERS) in message


def test_search_needs_a_query(client):
    response = client.get("/api/v1/search")
    assert response.status_code == 422
    assert "q" in response.get_json()["errors"]["query"]


def test_a_query_of_no_words_finds_nothing(client):
    assert items(client.get("/api/v1/search", query_string={"q": "*** -"})) == []


def test_writes_keep_the_index(client):
    article = {
        "title": "Zorvath mill closes",
        "text": "The Zorvath mill closed on Tuesday, the owners said.",
    }
    response = client.post("/api/v1/articles", json=article, headers=AUTH)
    assert response.status_code == 201, response.get_json()
    article_id = response.get_json()["id"]
    assert _ids(client, "/api/v1/search", q="zorvath", kind="article") == [article_id]
    assert client.delete(f"/api/v1/articles/{article_id}", headers=AUTH).status_code
    assert _ids(client, "/api/v1/search", q="zorvath") == []


def test_search_exports_its_hits(client, article_id):
    response = client.get(
        "/api/v1/search", query_string={"q": "leyen", "kind": "actor", "format": "csv"}
    )
    assert response.status_code == 200
    header, row = response.get_data(as_text=True).splitlines()
    assert header.split(",")[:3] == ["kind", "id", "article"]
    assert row.startswith("actor,ursula-von-der-leyen,,Ursula von der Leyen")
