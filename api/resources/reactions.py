"""Reactions: global list, by id, and nested under an article or an actor."""

from flask.views import MethodView

from api.db.queries import get_actor, get_article, get_reaction, select_reactions
from api.extensions import Blueprint
from api.pagination import Listing, SelectPage
from api.resources.common import ERROR, found
from schemas.common import ARTICLE_FILTERS
from schemas.reactions import ReactionQueryArgsSchema, ReactionSchema

blp = Blueprint(
    "reactions", __name__, url_prefix="/api/v1", description="Who responded, and how."
)


@blp.route("/reactions")
class Reactions(MethodView):
    @blp.doc(operationId="listReactions")
    @blp.arguments(ReactionQueryArgsSchema, location="query")
    @blp.response(200, ReactionSchema(many=True))
    @blp.paginate(SelectPage)
    def get(self, args):
        """List reactions

        Actors responding to the events, with stance (supportive, concerned,
        critical), target, a one-line summary and the quotes they rest on.
        """
        return Listing(select_reactions(**args))


@blp.route("/reactions/<string:reaction_id>")
class ReactionsById(MethodView):
    @blp.doc(operationId="getReaction")
    @blp.response(200, ReactionSchema)
    @blp.alt_response(404, response=ERROR)
    def get(self, reaction_id):
        """Get a reaction

        One reaction by its id.
        """
        return found(get_reaction(reaction_id), "reaction", reaction_id)


@blp.route("/articles/<string:article_id>/reactions")
class ArticleReactions(MethodView):
    @blp.doc(operationId="listArticleReactions")
    @blp.arguments(ReactionQueryArgsSchema(exclude=ARTICLE_FILTERS), location="query")
    @blp.response(200, ReactionSchema(many=True))
    @blp.alt_response(404, response=ERROR)
    @blp.paginate(SelectPage)
    def get(self, args, article_id):
        """List the reactions of an article

        The article's reactions in text order unless sorted otherwise.
        """
        found(get_article(article_id), "article", article_id)
        return Listing(select_reactions(article=article_id, **args))


@blp.route("/actors/<string:actor_id>/reactions")
class ActorReactions(MethodView):
    @blp.doc(operationId="listActorReactions")
    @blp.arguments(ReactionQueryArgsSchema(exclude=("actor",)), location="query")
    @blp.response(200, ReactionSchema(many=True))
    @blp.alt_response(404, response=ERROR)
    @blp.paginate(SelectPage)
    def get(self, args, actor_id):
        """List the reactions of an actor

        How the actor responded to events, across articles.
        """
        found(get_actor(actor_id), "actor", actor_id)
        return Listing(select_reactions(actor=actor_id, **args))
