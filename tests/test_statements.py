"""Every read runs a small, fixed number of SQL statements, whatever its page size."""

import pytest

from api.readcache import VersionedCache
from tests.conftest import make_app, statements
from tests.spec import spec

# The version read, a parent to check, the page's count and rows (with the actors
# they link to), and what a presenter adds for the whole page: no read needs more.
MOST_STATEMENTS = 7
# Lists that need a parameter to answer at all.
REQUIRED = {"/api/v1/search": "q=kazakhstan&"}


@pytest.fixture(scope="module")
def uncached(app, database_url):
    """An app on the seeded database that keeps no bodies and no counts: every
    read queries all it needs."""
    uncached = make_app(database_url, READ_CACHE_BYTES=0)
    uncached.extensions["lede_counts"] = VersionedCache(0)
    return uncached


@pytest.fixture(scope="module")
def job_id(uncached) -> str:
    """A job of three articles, stored as the API accepts one (none extracted)."""
    from api.db import jobs, session

    with uncached.app_context():
        texts = [{"text": f"Article {n} of the job."} for n in range(3)]
        job = jobs.create_job(session(), texts)
        session().commit()
        return job.id


def _reads(seed, job_id: str) -> list[tuple[str, bool]]:
    """(url, is a list) for every read in the spec, with the seed's ids."""
    ids = {
        "{article_id}": seed.article.id,
        "{actor_id}": "kassym-jomart-tokayev",
        "{quote_id}": seed.quotes[0].id,
        "{reaction_id}": seed.reactions[0].id,
        "{statistic_id}": seed.statistics[0].id,
        "{job_id}": job_id,
    }
    reads = []
    for path, operations in spec()["paths"].items():
        if "get" not in operations or path.endswith("openapi.json"):
            continue
        for name, value in ids.items():
            path = path.replace(name, value)
        headers = operations["get"]["responses"]["200"].get("headers", {})
        reads.append((path, "X-Pagination" in headers))
    return reads


def _statements(app, url: str) -> int:
    with statements(app) as seen:
        response = app.test_client().get(url)
    assert response.status_code == 200, url
    return len(seen)


def test_every_read_runs_a_fixed_number_of_statements(uncached, seed, job_id):
    reads = _reads(seed, job_id)
    lists = {url for url, is_list in reads if is_list}
    top = {"articles", "actors", "quotes", "reactions", "statistics"}
    assert {f"/api/v1/{name}" for name in top} <= lists  # the lists are told apart
    for url, is_list in reads:
        if not is_list:
            assert _statements(uncached, url) <= MOST_STATEMENTS, url
            continue
        query = REQUIRED.get(url, "")
        one = _statements(uncached, f"{url}?{query}page_size=1")
        hundred = _statements(uncached, f"{url}?{query}page_size=100")
        assert one == hundred <= MOST_STATEMENTS, (url, one, hundred)
