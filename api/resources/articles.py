"""Articles: list, detail with text and paragraphs, and derived figures."""

from flask.views import MethodView

from api.db.present import article_counts
from api.db.queries import get_article, select_articles
from api.db.stats import article_stats
from api.extensions import Blueprint
from api.pagination import Listing, SelectPage
from api.resources.common import ERROR, found
from schemas.articles import (
    ArticleDetailSchema,
    ArticleQueryArgsSchema,
    ArticleSchema,
    ArticleStatsSchema,
)

blp = Blueprint(
    "articles",
    __name__,
    url_prefix="/api/v1",
    description="News articles and their text.",
)


@blp.route("/articles")
class Articles(MethodView):
    @blp.arguments(ArticleQueryArgsSchema, location="query")
    @blp.response(200, ArticleSchema(many=True))
    @blp.paginate(SelectPage)
    def get(self, args):
        """List articles

        Stored articles with their metadata, newest first unless sorted otherwise.
        """
        return Listing(select_articles(**args))


@blp.route("/articles/<string:article_id>")
class ArticlesById(MethodView):
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


@blp.route("/articles/<string:article_id>/stats")
class ArticleStats(MethodView):
    @blp.response(200, ArticleStatsSchema)
    @blp.alt_response(404, response=ERROR)
    def get(self, article_id):
        """Get an article's derived figures

        Totals of the reported figures by category and by reporting source, actors
        by type, quotes by speaker, reactions by stance, word and paragraph counts.
        """
        return article_stats(found(get_article(article_id), "article", article_id))
