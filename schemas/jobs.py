"""Jobs: many articles accepted at once, extracted by the workers."""

from marshmallow import fields, validate

from api.db.jobs import ARTICLE_STATES, JOB_STATES
from schemas.articles import ArticleCreateSchema
from schemas.common import (
    QueryArgsSchema,
    ResponseSchema,
    Schema,
    UtcDateTime,
    choice,
    choices_filter,
    described,
)

MAX_JOB_ARTICLES = 1000


class JobCreateSchema(Schema):
    articles = described(
        fields.List,
        f"The articles, each as for `POST /articles`; at most {MAX_JOB_ARTICLES}.",
        [{"title": "Floods kill 12", "text": "The mayor said floods killed 12."}],
        cls_or_instance=fields.Nested(ArticleCreateSchema),
        required=True,
        validate=validate.Length(min=1, max=MAX_JOB_ARTICLES),
    )


class JobProgressSchema(ResponseSchema):
    total = described(fields.Integer, "Articles in the job.", 12)
    pending = described(fields.Integer, "Waiting for a worker.", 3)
    running = described(fields.Integer, "Being extracted now.", 1)
    stored = described(fields.Integer, "Extracted and stored.", 7)
    duplicate = described(fields.Integer, "Already stored: nothing written.", 0)
    failed = described(fields.Integer, "Not stored; each says why.", 1)


class JobArticleSchema(ResponseSchema):
    position = described(fields.Integer, "Place of the article in the job, from 0.", 0)
    state = choice(
        "JobArticleState",
        ARTICLE_STATES,
        "pending, running, stored, duplicate (its text was stored already) or failed.",
        "stored",
    )
    article = described(
        fields.String,
        "Id of the stored article (also for a duplicate); null until then.",
        "floods-kill-12-ee37392d",
        attribute="article_id",
        allow_none=True,
    )
    error = described(
        fields.String,
        "Why the article was not stored; null unless failed.",
        "CurationError: quote 'closed': evidence 'closed' not found",
        allow_none=True,
    )
    attempts = described(
        fields.Integer, "Times a worker took it up (more after a worker died).", 1
    )


class JobLinksSchema(ResponseSchema):
    self = described(
        fields.String, "This job.", "/api/v1/jobs/5f0c6a3e9b2d4c1e8a7f6b5d4c3e2a1f"
    )
    articles = described(
        fields.String,
        "Each article's outcome, a page at a time.",
        "/api/v1/jobs/5f0c6a3e9b2d4c1e8a7f6b5d4c3e2a1f/articles",
    )


class JobArticleQueryArgsSchema(QueryArgsSchema):
    state = choices_filter(
        "JobArticleState",
        ARTICLE_STATES,
        "Only the articles in these states.",
        ["failed"],
    )


class JobSchema(ResponseSchema):
    id = described(fields.String, "Job id.", "5f0c6a3e9b2d4c1e8a7f6b5d4c3e2a1f")
    state = choice(
        "JobState",
        JOB_STATES,
        "queued (no article taken up yet), running, or done (every article stored, "
        "duplicate or failed).",
        "running",
    )
    created_at = described(
        UtcDateTime, "When the job was accepted (UTC).", "2026-01-01T00:00:00+00:00"
    )
    finished_at = described(
        UtcDateTime,
        "When its last article finished (UTC); null until done.",
        "2026-01-01T00:01:30+00:00",
        allow_none=True,
    )
    progress = described(
        fields.Nested,
        "How many articles are in each state; the articles themselves are at "
        "`links.articles`.",
        None,
        nested=JobProgressSchema,
    )
    links = fields.Nested(
        JobLinksSchema, metadata={"description": "Related resources."}
    )
