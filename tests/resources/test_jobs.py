"""The job API in process: validation, errors, and what a job looks like when
accepted; tests/test_jobs.py runs real workers."""

import json

import pytest

from api.db import jobs as rows
from api.db import session
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
    assert job["links"] == {
        "self": f"/api/v1/jobs/{job['id']}",
        "articles": f"/api/v1/jobs/{job['id']}/articles",
    }
    assert "articles" not in job  # a page at a time, at links.articles
    validate_response("/api/v1/jobs", "post", response)
    again = client.get(response.headers["Location"])
    assert again.get_json() == job
    assert again.headers["Cache-Control"] == "public, max-age=0"
    validate_response("/api/v1/jobs/{job_id}", "get", again)
    articles = client.get(job["links"]["articles"])
    assert [(a["position"], a["state"]) for a in articles.get_json()] == [
        (0, "pending"),
        (1, "pending"),
    ]
    validate_response("/api/v1/jobs/{job_id}/articles", "get", articles)


@pytest.fixture(scope="module")
def big_job(app) -> str:
    """A job of 250 articles: the first 3 failed, the next 2 stored, the rest
    pending (no worker runs)."""
    with app.app_context():
        db = session()
        job = rows.create_job(db, [{"text": f"Article {n}."} for n in range(250)])
        items = db.scalars(rows.select_job_articles(job.id)).all()
        for item in items[:3]:
            rows.finish(item, rows.FAILED, error=f"Boom {item.position}")
        for item in items[3:5]:
            rows.finish(item, rows.STORED, article_id=f"article-{item.position}")
        db.commit()
        return job.id


def test_get_job_counts_its_articles_without_listing_them(client, big_job):
    job = client.get(f"/api/v1/jobs/{big_job}").get_json()
    assert job["state"] == "running"
    assert job["finished_at"] is None
    assert job["progress"] == {
        "total": 250,
        "pending": 245,
        "running": 0,
        "stored": 2,
        "duplicate": 0,
        "failed": 3,
    }
    assert "articles" not in job


def test_job_articles_are_paged_in_the_order_sent(client, big_job):
    response = client.get(f"/api/v1/jobs/{big_job}/articles?page=3&page_size=100")
    assert response.status_code == 200
    page = response.get_json()
    assert [a["position"] for a in page] == list(range(200, 250))
    assert json.loads(response.headers["X-Pagination"]) == {
        "total": 250,
        "total_pages": 3,
        "first_page": 1,
        "last_page": 3,
        "page": 3,
        "previous_page": 2,
    }
    assert 'rel="prev"' in response.headers["Link"]
    first = client.get(f"/api/v1/jobs/{big_job}/articles").get_json()
    assert len(first) == 20  # the default page size, as for every list
    assert first[3] == {
        "position": 3,
        "state": "stored",
        "article": "article-3",
        "error": None,
        "attempts": 0,
    }


def test_job_articles_filter_by_state(client, big_job):
    response = client.get(f"/api/v1/jobs/{big_job}/articles?state=failed,stored")
    outcomes = [(a["position"], a["state"], a["error"]) for a in response.get_json()]
    assert outcomes == [
        (0, "failed", "Boom 0"),
        (1, "failed", "Boom 1"),
        (2, "failed", "Boom 2"),
        (3, "stored", None),
        (4, "stored", None),
    ]
    assert json.loads(response.headers["X-Pagination"])["total"] == 5
    wrong = client.get(f"/api/v1/jobs/{big_job}/articles?state=lost")
    assert wrong.status_code == 422
    assert "Must be one or more of: pending" in json.dumps(wrong.get_json())


def test_a_finished_job_says_when(app, client):
    with app.app_context():
        db = session()
        job = rows.create_job(db, [{"text": "One."}, {"text": "Two."}])
        for item in db.scalars(rows.select_job_articles(job.id)):
            rows.finish(item, rows.DUPLICATE, article_id="known")
        db.commit()
        job_id, last = job.id, max(a.finished_at for a in job.articles)
    done = client.get(f"/api/v1/jobs/{job_id}").get_json()
    assert done["state"] == "done"
    assert done["progress"]["duplicate"] == 2
    assert done["finished_at"] == last.isoformat() + "+00:00"


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
    articles = client.get("/api/v1/jobs/none/articles")
    assert articles.status_code == 404
    assert articles.get_json()["message"] == "No job with id 'none'."
    validate_response("/api/v1/jobs/{job_id}/articles", "get", articles)


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
