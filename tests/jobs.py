"""Articles made from the corpus, and the HTTP calls the job tests make."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from sqlalchemy import delete, func, select

from api.db import models, session
from tests.conftest import API_KEY, ROOT, make_app
from tests.live import wait_for

AUTH = {"Authorization": f"Bearer {API_KEY}"}
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))


def article(number: int, size: int = 1) -> dict:
    texts = [CORPUS[(number + k) % len(CORPUS)].read_text("utf-8") for k in range(size)]
    return {
        "title": f"Job article {number}",
        "text": f"Article {number} was filed on Monday.\n\n" + "\n\n".join(texts),
    }


def call(url: str, body: bytes | None = None, content_type="application/json"):
    headers = {**AUTH, "Content-Type": content_type} if body is not None else {}
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def post_job(base: str, articles: list[dict]) -> tuple[int, dict, dict]:
    body = json.dumps({"articles": articles}).encode()
    return call(f"{base}/api/v1/jobs", body)


def finished_job(base: str, location: str, seconds: float = 90) -> dict:
    """The job once done, with each article's outcome read from its pages."""

    def done():
        job = call(base + location)[2]
        return job if job["state"] == "done" else None

    job = wait_for(done, seconds, f"job {location} not done in {seconds} s")
    return {**job, "articles": job_articles(base, job)}


def job_articles(base: str, job: dict, page_size: int = 100) -> list[dict]:
    """Every article of the job, page after page of `links.articles`."""
    articles, page = [], 1
    while True:
        url = f"{base}{job['links']['articles']}?page={page}&page_size={page_size}"
        status, headers, items = call(url)
        assert status == 200, items
        articles += items
        if page >= json.loads(headers["X-Pagination"])["total_pages"]:
            return articles
        page += 1


def drop_jobs(database_url: str) -> None:
    """Remove every job: one left pending in a database that other tests share
    would be extracted by the next worker started on it (its sweep sends every
    pending article)."""
    app = make_app(database_url)
    with app.app_context():
        session().execute(delete(models.JobArticle))
        session().execute(delete(models.Job))
        session().commit()


def stored_articles(database_url: str) -> int:
    app = make_app(database_url)
    with app.app_context():
        return session().scalar(select(func.count()).select_from(models.Article))
