"""Quotes: global list, by id, and nested under an article or an actor."""

from flask.views import MethodView

from api.db.queries import get_actor, get_article, get_quote, select_quotes
from api.extensions import Blueprint
from api.pagination import Listing, SelectPage
from api.resources.common import ERROR, found
from schemas.common import ARTICLE_FILTERS
from schemas.quotes import QuoteQueryArgsSchema, QuoteSchema

blp = Blueprint("quotes", __name__, url_prefix="/api/v1", description="Who said what.")


@blp.route("/quotes")
class Quotes(MethodView):
    @blp.doc(operationId="listQuotes")
    @blp.arguments(QuoteQueryArgsSchema, location="query")
    @blp.response(200, QuoteSchema(many=True))
    @blp.paginate(SelectPage)
    def get(self, args):
        """List quotes

        Quotes of every article, verbatim, with speaker, kind, reporting verb and
        offsets. A pull quote repeated later is one quote with two occurrences.
        """
        return Listing(select_quotes(**args))


@blp.route("/quotes/<string:quote_id>")
class QuotesById(MethodView):
    @blp.doc(operationId="getQuote")
    @blp.response(200, QuoteSchema)
    @blp.alt_response(404, response=ERROR)
    def get(self, quote_id):
        """Get a quote

        One quote by its id.
        """
        return found(get_quote(quote_id), "quote", quote_id)


@blp.route("/articles/<string:article_id>/quotes")
class ArticleQuotes(MethodView):
    @blp.doc(operationId="listArticleQuotes")
    @blp.arguments(QuoteQueryArgsSchema(exclude=ARTICLE_FILTERS), location="query")
    @blp.response(200, QuoteSchema(many=True))
    @blp.alt_response(404, response=ERROR)
    @blp.paginate(SelectPage)
    def get(self, args, article_id):
        """List the quotes of an article

        The article's quotes in text order unless sorted otherwise.
        """
        found(get_article(article_id), "article", article_id)
        return Listing(select_quotes(article=article_id, **args))


@blp.route("/actors/<string:actor_id>/quotes")
class ActorQuotes(MethodView):
    @blp.doc(operationId="listActorQuotes")
    @blp.arguments(QuoteQueryArgsSchema(exclude=("speaker",)), location="query")
    @blp.response(200, QuoteSchema(many=True))
    @blp.alt_response(404, response=ERROR)
    @blp.paginate(SelectPage)
    def get(self, args, actor_id):
        """List the quotes of an actor

        Everything the actor is quoted as saying, across articles.
        """
        found(get_actor(actor_id), "actor", actor_id)
        return Listing(select_quotes(speaker=actor_id, **args))
