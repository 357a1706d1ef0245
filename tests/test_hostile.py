"""Hostile request bodies: each refused in bounded time, in the one error shape,
with the limit it broke named, and nothing stored."""

import json
import time

import pytest
from sqlalchemy import func, select

from api.db import models, session
from schemas import limits
from tests.conftest import API_KEY

AUTH = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
# Every refusal is cheap: well under what one extraction costs.
SECONDS = 2.0


def _article(text: str = "The mayor said 3 schools will close.", **fields) -> str:
    return json.dumps({"text": text, **fields})


def _paragraphs(count: int) -> str:
    return "\n\n".join(f"Item {n} was read." for n in range(count))


HOSTILE = [
    ("lone surrogate in text", '{"text": "Bob said \\ud800 twice."}', 422, "text"),
    (
        "lone surrogate in title",
        '{"text": "Bob said so.", "title": "a\\udc00b"}',
        422,
        "title",
    ),
    (
        "lone surrogate in credits",
        '{"text": "Bob said so.", "credits": ["\\udfff"]}',
        422,
        "credits",
    ),
    ("arrays 100k deep", "[" * 100_000 + "]" * 100_000, 422, "nested deeper"),
    (
        "credits 5k deep",
        '{"text": "Bob said so.", "credits": ' + "[" * 5_000 + "]" * 5_000 + "}",
        422,
        "nested deeper",
    ),
    (
        "a JSON number of 5,000 digits",
        '{"text": ' + "1" * 5_000 + "}",
        422,
        f"more than {limits.MAX_NUMBER_DIGITS} digits",
    ),
    (
        "a 400-digit figure",
        _article("Officials said " + "9" * 400 + " people left."),
        422,
        f"more than {limits.MAX_NUMBER_DIGITS} digits",
    ),
    (
        "a figure of digit groups",
        _article("Officials said " + ",".join(["999"] * 20) + " people left."),
        422,
        f"more than {limits.MAX_NUMBER_DIGITS} digits",
    ),
    (
        "too many paragraphs",
        _article(_paragraphs(limits.MAX_PARAGRAPHS + 1)),
        422,
        f"at most {limits.MAX_PARAGRAPHS} paragraphs",
    ),
    (
        "text over the character limit",
        _article("word " * (limits.MAX_TEXT_CHARACTERS // 5 + 1)),
        422,
        f"between 1 and {limits.MAX_TEXT_CHARACTERS}",
    ),
]


def _count(app) -> int:
    with app.app_context():
        return session().scalar(select(func.count()).select_from(models.Article))


@pytest.mark.parametrize(
    ("body", "status", "named"),
    [case[1:] for case in HOSTILE],
    ids=[case[0] for case in HOSTILE],
)
def test_post_refuses_hostile_body_quickly(app, client, body, status, named):
    before = _count(app)
    started = time.monotonic()
    response = client.post("/api/v1/articles", data=body, headers=AUTH)
    elapsed = time.monotonic() - started
    assert response.status_code == status
    error = response.get_json()
    assert {"code", "status", "message"} <= set(error)
    assert error["code"] == status
    assert named in json.dumps(error)
    assert elapsed < SECONDS
    assert _count(app) == before


def test_post_at_the_limits_is_accepted(client):
    body = _article(
        "Officials said " + "9" * limits.MAX_NUMBER_DIGITS + " people left.",
        title="Limits \U0001f30d",
    )
    response = client.post("/api/v1/articles", data=body, headers=AUTH)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["title"] == "Limits \U0001f30d"
    client.delete(f"/api/v1/articles/{response.get_json()['id']}", headers=AUTH)


def test_text_limit_is_below_what_the_model_reads():
    from api.extraction.nlp import get_nlp

    assert get_nlp().max_length > limits.MAX_TEXT_CHARACTERS


@pytest.fixture(scope="module")
def text_over_model_limit(tmp_path_factory):
    from api.extraction.nlp import get_nlp

    path = tmp_path_factory.mktemp("huge") / "huge.txt"
    path.write_text("Bob said so. " * (get_nlp().max_length // 13 + 1), "utf-8")
    return path


def test_extract_refuses_text_the_model_cannot_read(runner, text_over_model_limit):
    started = time.monotonic()
    result = runner.invoke(args=["extract", str(text_over_model_limit)])
    assert time.monotonic() - started < SECONDS
    assert result.exit_code == 1
    assert "over the 1,000,000 that the English model reads" in result.output


def test_ingest_skips_text_the_model_cannot_read(app, runner, text_over_model_limit):
    before = _count(app)
    result = runner.invoke(
        args=["ingest", "--workers", "1", str(text_over_model_limit)]
    )
    assert result.exit_code == 0, result.output
    assert "stored 0 article(s), skipped 1" in result.output
    assert "over the 1,000,000 that the English model reads" in result.output
    assert _count(app) == before


# Texts whose extraction once cost, or still costs, far more than their size
# suggests; each is stored within the budget or refused when it runs out.
COSTLY = {
    "quote marks": '"' * 10_000,
    "a repeated attribution": "John Smith said " * 1_000,
}
BUDGET = 1.0


@pytest.fixture(scope="module")
def budget_client(scratch_database_url):
    from api.db import migrate
    from tests.conftest import make_app

    migrate.upgrade(scratch_database_url)
    app = make_app(scratch_database_url, EXTRACTION_SECONDS=BUDGET)
    return app, app.test_client()


@pytest.mark.parametrize("text", COSTLY.values(), ids=COSTLY.keys())
def test_extraction_over_its_budget_is_refused_in_time(budget_client, text):
    import multiprocessing

    app, client = budget_client
    before = _count(app)
    started = time.monotonic()
    response = client.post("/api/v1/articles", data=_article(text), headers=AUTH)
    elapsed = time.monotonic() - started
    assert elapsed < BUDGET + 1.5
    assert multiprocessing.active_children() == []
    if response.status_code == 201:  # extraction got fast enough for the budget
        assert _count(app) == before + 1
        client.delete(f"/api/v1/articles/{response.get_json()['id']}", headers=AUTH)
        return
    assert response.status_code == 422
    error = response.get_json()
    assert error["code"] == 422
    assert "budget of 1 s (LEDE_EXTRACTION_SECONDS)" in error["message"]
    assert _count(app) == before


def test_any_text_over_a_tiny_budget_is_refused_and_nothing_stored(
    scratch_database_url,
):
    from tests.conftest import make_app

    app = make_app(scratch_database_url, EXTRACTION_SECONDS=0.001)
    client = app.test_client()
    before = _count(app)
    text = "The mayor, Ana Ruiz, said 12 people were rescued from the river. " * 40
    response = client.post("/api/v1/articles", data=_article(text), headers=AUTH)
    assert response.status_code == 422
    assert "budget of 0.001 s" in response.get_json()["message"]
    assert _count(app) == before


def test_extraction_within_its_budget_is_stored(budget_client):
    app, client = budget_client
    text = "The mayor, Ana Ruiz, said 12 people were rescued."
    response = client.post("/api/v1/articles", data=_article(text), headers=AUTH)
    assert response.status_code == 201, response.get_json()
    article = response.get_json()
    assert article["counts"]["statistics"] == 1
    client.delete(f"/api/v1/articles/{article['id']}", headers=AUTH)
