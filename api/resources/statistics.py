"""Statistics: global list, by id, and nested under an article."""

from flask.views import MethodView

from api.db.queries import get_article, get_statistic, select_statistics
from api.extensions import Blueprint
from api.pagination import Listing, SelectPage
from api.resources.common import ERROR, found
from schemas.common import ARTICLE_FILTERS
from schemas.statistics import StatisticQueryArgsSchema, StatisticSchema

blp = Blueprint(
    "statistics",
    __name__,
    url_prefix="/api/v1",
    description="The figures articles report, qualified and sourced.",
)


@blp.route("/statistics")
class Statistics(MethodView):
    @blp.doc(operationId="listStatistics")
    @blp.arguments(StatisticQueryArgsSchema, location="query")
    @blp.response(200, StatisticSchema(many=True))
    @blp.paginate(SelectPage)
    def get(self, args):
        """List statistics

        Reported figures with value, qualifier ("more than"), category, subject,
        the actor who reported them, where they stand and whether they were verified.
        """
        return Listing(select_statistics(**args))


@blp.route("/statistics/<string:statistic_id>")
class StatisticsById(MethodView):
    @blp.doc(operationId="getStatistic")
    @blp.response(200, StatisticSchema)
    @blp.alt_response(404, response=ERROR)
    def get(self, statistic_id):
        """Get a statistic

        One figure by its id.
        """
        return found(get_statistic(statistic_id), "statistic", statistic_id)


@blp.route("/articles/<string:article_id>/statistics")
class ArticleStatistics(MethodView):
    @blp.doc(operationId="listArticleStatistics")
    @blp.arguments(StatisticQueryArgsSchema(exclude=ARTICLE_FILTERS), location="query")
    @blp.response(200, StatisticSchema(many=True))
    @blp.alt_response(404, response=ERROR)
    @blp.paginate(SelectPage)
    def get(self, args, article_id):
        """List the statistics of an article

        The article's figures in text order unless sorted otherwise.
        """
        found(get_article(article_id), "article", article_id)
        return Listing(select_statistics(article=article_id, **args))
