"""Articles: list, detail with text and paragraphs, and derived figures."""

from flask import url_for
from flask.views import MethodView
from flask_smorest import abort

from api.auth import SCHEME, require_api_key, require_json
from api.db.present import article_counts
from api.db.queries import get_article, select_articles
from api.db.stats import article_stats
from api.db.writes import remove_article
from api.extensions import Blueprint
from api.pagination import Listing, SelectPage
from api.posting import post_article
from api.resources.common import ERROR, body_errors, found
from api.resources.jobs import accepted
from schemas.articles import (
    ArticleCreateSchema,
    ArticleDetailSchema,
    ArticleQueryArgsSchema,
    ArticleSchema,
    ArticleStatsSchema,
)
from schemas.jobs import JobSchema

blp = Blueprint(
    "articles",
    __name__,
    url_prefix="/api/v1",
    description="News articles and their text.",
)


@blp.route("/articles")
class Articles(MethodView):
    @blp.doc(operationId="listArticles")
    @blp.arguments(ArticleQueryArgsSchema, location="query")
    @blp.response(200, ArticleSchema(many=True))
    @blp.paginate(SelectPage)
    def get(self, args):
        """List articles

        Stored articles with their metadata, newest first unless sorted otherwise.
        """
        return Listing(select_articles(**args))

    @blp.doc(operationId="createArticle", security=[{SCHEME: []}])
    @require_api_key
    @require_json
    @blp.arguments(ArticleCreateSchema)
    @blp.response(201, ArticleDetailSchema)
    @blp.alt_response(200, schema=ArticleDetailSchema, success=True)
    @blp.alt_response(
        202,
        schema=JobSchema,
        success=True,
        description="Accepted: a long text, or one whose extraction outlasts "
        "`LEDE_EXTRACTION_SECONDS`, becomes a job of one article.",
    )
    @body_errors(blp)
    def post(self, payload):
        """Add an article

        Extracts the article's actors, quotes, reactions and statistics and stores
        them: 201 with a `Location` header. The same text again answers 200 with
        the article already stored, and stores nothing. A text longer than
        `LEDE_JOB_THRESHOLD` characters, or one whose extraction takes longer than
        `LEDE_EXTRACTION_SECONDS` (1.5 s by default), is extracted by the workers
        instead: 202 with the job (as `POST /jobs`), so every post is answered in
        about that time. The same text posted again while its job is not done
        answers 202 with that job. Needs an API key.
        """
        posted = post_article(payload)
        if posted.job is not None:
            return accepted(posted.job)
        article, created = posted.article, posted.created
        article.counts = article_counts(article.id)
        location = {"Location": url_for("articles.ArticlesById", article_id=article.id)}
        # Two documented success statuses: 201 for a new article, 200 for a known one.
        return article, 201 if created else 200, location


@blp.route("/articles/<string:article_id>")
class ArticlesById(MethodView):
    @blp.doc(operationId="getArticle")
    @blp.response(200, ArticleDetailSchema)
    @blp.alt_response(404, response=ERROR)
    def get(self, article_id):
        """Get an article

        The article with its full text (which every offset indexes), its
        paragraphs and their kinds, its caveats and how many items it holds.
        """
        article = found(get_article(article_id), "article", article_id)
        article.counts = article_counts(article_id)
        return article

    @blp.doc(operationId="deleteArticle", security=[{SCHEME: []}])
    @require_api_key
    @blp.response(204)
    @blp.alt_response(401, response=ERROR)
    @blp.alt_response(403, response=ERROR)
    @blp.alt_response(404, response=ERROR)
    def delete(self, article_id):
        """Delete an article

        Removes the article and everything derived from it, including actors that
        no other article mentions. Needs an API key.
        """
        if not remove_article(article_id):
            abort(404, message=f"No article with id {article_id!r}.")


@blp.route("/articles/<string:article_id>/stats")
class ArticleStats(MethodView):
    @blp.doc(operationId="getArticleStats")
    @blp.response(200, ArticleStatsSchema)
    @blp.alt_response(404, response=ERROR)
    def get(self, article_id):
        """Get an article's derived figures

        Totals of the reported figures by category and by reporting source, actors
        by type, quotes by speaker, reactions by stance, word and paragraph counts.
        """
        return article_stats(found(get_article(article_id), "article", article_id))
