"""The job API in process: validation, errors, and what a job looks like when
accepted; tests/test_jobs.py runs real workers."""

import pytest

from api.jobs import QueueUrlError
from tests.conftest import API_KEY, make_app
from tests.spec import validate_response

AUTH = {"Authorization": f"Bearer {API_KEY}"}
ARTICLE = {"title": "Floods", "text": "The mayor said floods killed 12 people."}


def test_post_job_answers_202_with_every_article_pending(client):
    body = {"articles": [ARTICLE, {**ARTICLE, "text": "Dockers said 300 waited."}]}
    response = client.post("/api/v1/jobs", json=body, headers=AUTH)
    assert response.status_code == 202
    job = response.get_json()
    assert response.headers["Location"] == f"/api/v1/jobs/{job['id']}"
    assert job["state"] == "queued"
    assert job["progress"]["total"] == job["progress"]["pending"] == 2
    assert [(a["position"], a["state"]) for a in job["articles"]] == [
        (0, "pending"),
        (1, "pending"),
    ]
    validate_response("/api/v1/jobs", "post", response)
    again = client.get(response.headers["Location"])
    assert again.get_json() == job
    assert again.headers["Cache-Control"] == "public, max-age=0"
    validate_response("/api/v1/jobs/{job_id}", "get", again)


@pytest.mark.parametrize(
    ("headers", "body", "content_type", "status", "message"),
    [
        ({}, b'{"articles": []}', "application/json", 401, "API key is required"),
        (AUTH, b'{"articles": []}', "application/json", 422, "semantic errors"),
        (AUTH, b'{"articles": [{"title": "x"}]}', "application/json", 422, "semantic"),
        (AUTH, b"articles", "text/plain", 415, "JSON or NDJSON"),
        (
            AUTH,
            b'{"text": "a"}\n{broken',
            "application/x-ndjson",
            400,
            "The body is not valid JSON: line 2: Expecting property name",
        ),
        (
            AUTH,
            b'{"text": "a", "text": "b"}',
            "application/x-ndjson",
            400,
            'the key "text" is given twice in one object',
        ),
        (
            AUTH,
            b'{"articles": [{"text": "a"}], "articles": []}',
            "application/json",
            400,
            'the key "articles" is given twice in one object',
        ),
    ],
)
def test_post_job_refuses_bad_requests(
    client, headers, body, content_type, status, message
):
    response = client.post(
        "/api/v1/jobs", data=body, headers={**headers, "Content-Type": content_type}
    )
    error = response.get_json()
    assert (response.status_code, error["code"]) == (status, status)
    assert message in error["message"]


def test_post_job_takes_ndjson(client):
    lines = b'{"text": "The port reopened on Friday."}\n\n{"text": "Rain fell."}\n'
    response = client.post(
        "/api/v1/jobs",
        data=lines,
        headers={**AUTH, "Content-Type": "application/x-ndjson"},
    )
    assert response.status_code == 202
    assert response.get_json()["progress"]["total"] == 2


def test_unknown_job_is_404(client):
    response = client.get("/api/v1/jobs/none")
    assert response.status_code == 404
    assert response.get_json()["message"] == "No job with id 'none'."
    validate_response("/api/v1/jobs/{job_id}", "get", response)


def test_job_is_accepted_while_the_queue_is_down(database_url):
    # Nothing listens on port 1: every enqueue fails. The articles are in the
    # database all the same, and the workers' sweep sends them once it is back.
    client = make_app(database_url, QUEUE_URL="redis://127.0.0.1:1/0").test_client()
    response = client.post("/api/v1/jobs", json={"articles": [ARTICLE]}, headers=AUTH)
    assert response.status_code == 202
    job = client.get(response.headers["Location"]).get_json()
    assert job["progress"]["pending"] == 1


def test_an_unknown_queue_url_stops_start_up(database_url):
    with pytest.raises(QueueUrlError, match="LEDE_QUEUE_URL must be sqlite:///FILE"):
        make_app(database_url, QUEUE_URL="amqp://broker/")
