"""Jobs: many articles at once (JSON or NDJSON), extracted by `lede worker`."""

import json
from functools import wraps

from flask import Response, request, url_for
from flask.views import MethodView
from flask_smorest import abort

from api.auth import SCHEME, require_api_key
from api.db import jobs as rows
from api.db import session
from api.extensions import Blueprint, StrictParser, invalid_json, unique_keys
from api.jobs import queue
from api.pagination import Listing, SelectPage
from api.resources.common import ERROR, body_errors, found
from schemas.jobs import (
    JobArticleQueryArgsSchema,
    JobArticleSchema,
    JobCreateSchema,
    JobSchema,
)

NDJSON = "application/x-ndjson"
BODY_TYPES = ("application/json", NDJSON)


class JobsParser(StrictParser):
    """NDJSON, one article a line, reads as the JSON body {"articles": [...]}."""

    def load_json(self, req, schema):
        if req.mimetype != NDJSON:
            return super().load_json(req, schema)
        articles = []
        for number, line in enumerate(req.get_data(as_text=True).splitlines(), 1):
            if not line.strip():
                continue
            try:
                articles.append(json.loads(line, object_pairs_hook=unique_keys))
            except ValueError as error:
                invalid_json(f"line {number}: {error}")
        return {"articles": articles}


class JobsBlueprint(Blueprint):
    ARGUMENTS_PARSER = JobsParser()


blp = JobsBlueprint(
    "jobs",
    __name__,
    url_prefix="/api/v1",
    description="Articles extracted in the background, and how far they are.",
)


def job_location(job) -> dict:
    return {"Location": url_for("jobs.JobsById", job_id=job.id)}


def job_body(job) -> dict:
    """The job with its counts and its links; its articles are a list of their own."""
    links = {
        "self": url_for("jobs.JobsById", job_id=job.id),
        "articles": url_for("jobs.JobArticles", job_id=job.id),
    }
    return {**rows.describe(session(), job), "links": links}


def accepted(job) -> Response:
    """202 with the new job, for a view whose main answer is something else."""
    body = JobSchema().dump(job_body(job))
    return Response(
        json.dumps(body), 202, job_location(job), mimetype="application/json"
    )


def require_articles_body(view):
    """415 unless the body is declared as JSON or NDJSON."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if request.mimetype not in BODY_TYPES:
            abort(415, message=f"Send the articles as JSON or NDJSON ({NDJSON}).")
        return view(*args, **kwargs)

    return wrapper


@blp.route("/jobs")
class Jobs(MethodView):
    @blp.doc(operationId="createJob", security=[{SCHEME: []}])
    @require_api_key
    @require_articles_body
    @blp.arguments(JobCreateSchema)
    @blp.response(202, JobSchema)
    @body_errors(blp)
    def post(self, payload):
        """Add many articles

        Accepts the articles, `{"articles": [...]}` as JSON or one article a line
        as NDJSON (`application/x-ndjson`), each as for `POST /articles`, and
        answers at once: 202 with the job and a `Location` to follow it. Workers
        (`lede worker`) extract and store them; one that fails says why and the
        others go on. Needs an API key.
        """
        job = queue().submit(payload["articles"])
        return job_body(job), job_location(job)


@blp.route("/jobs/<string:job_id>")
class JobsById(MethodView):
    @blp.doc(operationId="getJob")
    @blp.response(200, JobSchema)
    @blp.alt_response(404, response=ERROR)
    def get(self, job_id):
        """Get a job

        Its state (queued, running, done) and how many of its articles are in
        each state; each article's outcome is at `links.articles`, a page at a
        time.
        """
        return job_body(found(rows.get_job(session(), job_id), "job", job_id))


@blp.route("/jobs/<string:job_id>/articles")
class JobArticles(MethodView):
    @blp.doc(operationId="listJobArticles")
    @blp.arguments(JobArticleQueryArgsSchema, location="query")
    @blp.response(200, JobArticleSchema(many=True))
    @blp.alt_response(404, response=ERROR)
    @blp.paginate(SelectPage)
    def get(self, args, job_id):
        """List the articles of a job

        Each article of the job in the order sent, with its outcome: the stored
        article's id (also for a duplicate), or why it failed.
        """
        found(rows.get_job(session(), job_id), "job", job_id)
        return Listing(rows.select_job_articles(job_id, **args))
