"""Mentions: where an actor is named, paged, under the actor or the article."""

from flask.views import MethodView

from api.db.queries import get_actor, get_article, select_mentions
from api.extensions import Blueprint
from api.pagination import Listing, SelectPage
from api.resources.common import ERROR, found
from schemas.mentions import MentionQueryArgsSchema, MentionSchema

blp = Blueprint(
    "mentions",
    __name__,
    url_prefix="/api/v1",
    description="Where the text names an actor, with offsets.",
)


@blp.route("/actors/<string:actor_id>/mentions")
class ActorMentions(MethodView):
    @blp.doc(operationId="listActorMentions")
    @blp.arguments(MentionQueryArgsSchema(exclude=("actor",)), location="query")
    @blp.response(200, MentionSchema(many=True))
    @blp.alt_response(404, response=ERROR)
    @blp.paginate(SelectPage)
    def get(self, args, actor_id):
        """List the mentions of an actor

        Every place an article names the actor, as written, article by article
        and in text order.
        """
        found(get_actor(actor_id), "actor", actor_id)
        return Listing(select_mentions(actor=actor_id, **args))


@blp.route("/articles/<string:article_id>/mentions")
class ArticleMentions(MethodView):
    @blp.doc(operationId="listArticleMentions")
    @blp.arguments(MentionQueryArgsSchema(exclude=("article",)), location="query")
    @blp.response(200, MentionSchema(many=True))
    @blp.alt_response(404, response=ERROR)
    @blp.paginate(SelectPage)
    def get(self, args, article_id):
        """List the mentions of an article

        Every actor mention of the article in text order, each with its actor.
        """
        found(get_article(article_id), "article", article_id)
        return Listing(select_mentions(article=article_id, **args))
