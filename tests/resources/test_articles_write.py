"""Adding and deleting articles: keys, validation, deduplication, atomicity."""

import pytest
from sqlalchemy import func, select

from api.db import models, session
from tests.conftest import API_KEY, make_app
from tests.spec import validate_response

AUTH = {"Authorization": f"Bearer {API_KEY}"}
ARTICLE = {
    "title": "Floods close the valley road",
    "published_on": "2024-05-02",
    "credits": ["Lede staff"],
    "text": (
        "The mayor of Porto Vale, Ana Ruiz, said on Monday that floods had killed "
        "12 people and injured more than 40.\n\n"
        "\u201cWe will rebuild every bridge,\u201d Ms Ruiz said."
    ),
}


def _count(app, model=models.Article) -> int:
    with app.app_context():
        return session().scalar(select(func.count()).select_from(model))


def _post_json(client, body: bytes | str):
    """POST raw bytes declared as JSON, with a key."""
    headers = {**AUTH, "Content-Type": "application/json"}
    return client.post("/api/v1/articles", data=body, headers=headers)


@pytest.fixture
def posted(client):
    """Post ARTICLE, hand its JSON to the test, and delete it afterwards."""
    response = client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 201, response.get_json()
    yield response
    client.delete(f"/api/v1/articles/{response.get_json()['id']}", headers=AUTH)


def test_post_article_extracts_and_stores(client, posted):
    article = posted.get_json()
    assert posted.headers["Location"] == f"/api/v1/articles/{article['id']}"
    assert article["id"].startswith("floods-close-the-valley-road-")
    assert article["published_on"] == "2024-05-02"
    assert article["curated"] is False
    assert article["extractor"] == "lede-0.1.0+en_core_web_sm-3.8.0"
    quotes = client.get(f"/api/v1/articles/{article['id']}/quotes").get_json()
    # The attribution comma is punctuation of the sentence, not of the quote.
    assert [q["text"] for q in quotes] == ["We will rebuild every bridge"]
    assert quotes[0]["speaker_name"] == "Ana Ruiz"
    figures = client.get(f"/api/v1/articles/{article['id']}/statistics").get_json()
    assert {(f["value"], f["category"], f["qualifier"]) for f in figures} == {
        (12.0, "fatalities", "exact"),
        (40.0, "injuries", "more_than"),
    }


def test_post_same_text_returns_the_stored_article(app, client, posted):
    before = _count(app), _count(app, models.Quote)
    again = client.post(
        "/api/v1/articles", json={**ARTICLE, "title": "Other title"}, headers=AUTH
    )
    assert again.status_code == 200
    assert again.get_json()["id"] == posted.get_json()["id"]
    assert (_count(app), _count(app, models.Quote)) == before


def test_post_reads_the_date_header(client):
    body = {"text": " date 2023-03-04 The council said 3 schools will close."}
    response = client.post("/api/v1/articles", json=body, headers=AUTH)
    article = response.get_json()
    try:
        assert response.status_code == 201
        assert article["published_on"] == "2023-03-04"
        assert article["text"] == "The council said 3 schools will close."
    finally:
        client.delete(f"/api/v1/articles/{article['id']}", headers=AUTH)


@pytest.mark.parametrize(
    ("headers", "body", "status", "message"),
    [
        ({}, ARTICLE, 401, "An API key is required"),
        ({"Authorization": "Basic abc"}, ARTICLE, 401, "An API key is required"),
        ({"Authorization": "Bearer wrong"}, ARTICLE, 403, "not accepted"),
        # The key is checked before the body, so a stranger learns nothing of it.
        ({"Authorization": "Bearer wrong"}, {"bogus": 1}, 403, "not accepted"),
        (AUTH, {"text": "   "}, 422, "semantic errors"),
        (AUTH, {"text": 42}, 422, "semantic errors"),
        (AUTH, {"title": "No text"}, 422, "semantic errors"),
        (AUTH, {**ARTICLE, "published_on": "yesterday"}, 422, "semantic errors"),
        (AUTH, {**ARTICLE, "colour": "red"}, 422, "semantic errors"),
        (AUTH, {"text": "a\x00b"}, 422, "semantic errors"),
    ],
)
def test_post_refuses_bad_requests_and_stores_nothing(
    app, client, headers, body, status, message
):
    before = _count(app)
    response = client.post("/api/v1/articles", json=body, headers=headers)
    assert response.status_code == status
    assert message in response.get_json()["message"]
    assert _count(app) == before


def test_post_names_the_invalid_field(client):
    response = client.post("/api/v1/articles", json={"text": ""}, headers=AUTH)
    assert list(response.get_json()["errors"]["json"]) == ["text"]


def test_post_wants_json(app, client):
    response = client.post("/api/v1/articles", data="plain words", headers=AUTH)
    assert response.status_code == 415
    assert response.get_json()["code"] == 415
    malformed = _post_json(client, "{not json")
    assert malformed.status_code == 400
    message = "The body is not valid JSON: Expecting property name enclosed in "
    message += "double quotes at line 1, column 2."
    assert malformed.get_json() == {
        "code": 400,
        "status": "Bad Request",
        "message": message,
        "errors": {"json": [message]},
    }
    validate_response("/api/v1/articles", "post", malformed)


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (b'{"text": "a",}', "at line 1, column 14."),
        (b'{"text":\n  "a"\n  "title": "b"}', "at line 3, column 3."),
        (b"", None),  # no body at all: the text is missing, a 422
        (b'{"text": "caf\xe9"}', "invalid continuation byte at line 1, column 14."),
    ],
)
def test_post_malformed_json_says_where(client, body, where):
    response = _post_json(client, body)
    error = response.get_json()
    if where is None:
        assert response.status_code == 422
        assert list(error["errors"]["json"]) == ["text"]
        return
    assert response.status_code == 400
    assert error["message"].startswith("The body is not valid JSON: ")
    assert error["message"].endswith(where)
    assert "browser (or proxy)" not in error["message"]


def test_a_key_given_twice_is_a_400_naming_it_and_stores_nothing(app, client):
    before = _count(app)
    body = b'{"title": "One", "text": "Police said 12 people died.", "title": "Two"}'
    response = _post_json(client, body)
    assert response.status_code == 400
    assert response.get_json()["message"] == (
        'The body is not valid JSON: the key "title" is given twice in one object.'
    )
    nested = b'{"text": "x", "credits": [], "curated": {"quotes": [], "quotes": []}}'
    response = _post_json(client, nested)
    assert response.status_code == 400
    assert '"quotes" is given twice' in response.get_json()["message"]
    assert _count(app) == before


def test_post_over_the_size_limit_is_413(app, client):
    before = _count(app)
    huge = '{"text": "' + "word " * 250_000 + '"}'
    response = _post_json(client, huge)
    assert response.status_code == 413
    assert response.get_json() == {
        "code": 413,
        "status": "Request Entity Too Large",
        "message": "The body is larger than 1,000,000 bytes, the limit.",
    }
    validate_response("/api/v1/articles", "post", response)
    assert _count(app) == before


def test_the_413_names_the_configured_limit(database_url):
    small = make_app(database_url, MAX_CONTENT_LENGTH=2_048)
    response = small.test_client().post(
        "/api/v1/jobs",
        json={"articles": [{"text": "word " * 500}]},
        headers=AUTH,
    )
    assert response.status_code == 413
    assert response.get_json()["message"] == (
        "The body is larger than 2,048 bytes, the limit."
    )


def test_post_stores_nothing_when_extraction_raises(app, client, monkeypatch):
    def broken(text, **meta):
        raise RuntimeError("extraction failed")

    monkeypatch.setattr("api.db.writes.extract", broken)
    before = _count(app), _count(app, models.Actor)
    with pytest.raises(RuntimeError):
        client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert (_count(app), _count(app, models.Actor)) == before


def test_delete_article_removes_everything_derived(app, client, posted):
    article_id = posted.get_json()["id"]
    speaker = client.get(f"/api/v1/articles/{article_id}/quotes").get_json()[0]
    response = client.delete(f"/api/v1/articles/{article_id}", headers=AUTH)
    assert response.status_code == 204
    assert client.get(f"/api/v1/articles/{article_id}").status_code == 404
    assert client.get(f"/api/v1/quotes/{speaker['id']}").status_code == 404
    # An actor only this article mentioned goes too.
    assert client.get(f"/api/v1/actors/{speaker['speaker']}").status_code == 404


def test_actor_totals_follow_posts_and_deletes(app, client, article_id):
    before = client.get("/api/v1/actors/vladimir-putin").get_json()
    body = {"text": "Vladimir Putin said little on Tuesday.", "title": "Brief"}
    created = client.post("/api/v1/articles", json=body, headers=AUTH).get_json()
    during = client.get("/api/v1/actors/vladimir-putin").get_json()
    assert during["article_count"] == before["article_count"] + 1 == 2
    assert during["mention_count"] == before["mention_count"] + 1
    articles = client.get("/api/v1/articles?actor=vladimir-putin").get_json()
    assert {a["id"] for a in articles} == {article_id, created["id"]}
    client.delete(f"/api/v1/articles/{created['id']}", headers=AUTH)
    after = client.get("/api/v1/actors/vladimir-putin").get_json()
    # The same totals, written again by the two writes: a later version.
    assert after.pop("version") > during.pop("version") > before.pop("version")
    assert after == before


def test_delete_needs_a_key_and_an_existing_article(app, client, article_id):
    assert client.delete(f"/api/v1/articles/{article_id}").status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert (
        client.delete(f"/api/v1/articles/{article_id}", headers=wrong).status_code
        == 403
    )
    missing = client.delete("/api/v1/articles/none", headers=AUTH)
    assert missing.status_code == 404
    assert client.get(f"/api/v1/articles/{article_id}").status_code == 200


def test_writes_are_off_without_configured_keys(database_url):
    from tests.conftest import make_app

    client = make_app(database_url, API_KEYS=()).test_client()
    response = client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 403
    assert response.get_json()["message"] == (
        "Writes are switched off: LEDE_API_KEYS is empty."
    )


def test_write_responses_match_the_spec(client, posted):
    validate_response("/api/v1/articles", "post", posted)
    again = client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    validate_response("/api/v1/articles", "post", again)
    for failing in (
        client.post("/api/v1/articles", json=ARTICLE),
        client.post("/api/v1/articles", json={"text": ""}, headers=AUTH),
    ):
        validate_response("/api/v1/articles", "post", failing)
    missing = client.delete("/api/v1/articles/none", headers=AUTH)
    validate_response("/api/v1/articles/{article_id}", "delete", missing)


def test_post_racing_a_twin_answers_with_the_stored_article(
    app, client, posted, monkeypatch
):
    from sqlalchemy.exc import IntegrityError

    def collides(*args, **kwargs):
        raise IntegrityError("INSERT INTO articles", {}, Exception("duplicate key"))

    # As if a concurrent request had inserted the same text first.
    monkeypatch.setattr("api.db.load.ingest", collides)
    before = _count(app)
    response = client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 200
    assert response.get_json()["id"] == posted.get_json()["id"]
    assert _count(app) == before
