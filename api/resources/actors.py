"""Actors: global list, by id, and nested under an article."""

from flask.views import MethodView

from api.db.present import present_actors
from api.db.queries import get_actor, get_article, select_actors
from api.extensions import Blueprint
from api.pagination import Listing, SelectPage
from api.resources.common import ERROR, found
from schemas.actors import ActorQueryArgsSchema, ActorSchema

blp = Blueprint(
    "actors",
    __name__,
    url_prefix="/api/v1",
    description="People, organizations, governments, countries and groups.",
)


@blp.route("/actors")
class Actors(MethodView):
    @blp.doc(operationId="listActors")
    @blp.arguments(ActorQueryArgsSchema, location="query")
    @blp.response(200, ActorSchema(many=True))
    @blp.paginate(SelectPage)
    def get(self, args):
        """List actors

        Actors across articles, each with canonical name, type, role, the aliases
        the text uses most and its counts of mentions, articles, quotes and
        reactions; the mentions themselves are at `links.mentions`. With
        `article`, aliases and counts are those of that article.
        """
        article_id = args.get("article")
        return Listing(select_actors(**args), lambda a: present_actors(a, article_id))


@blp.route("/actors/<string:actor_id>")
class ActorsById(MethodView):
    @blp.doc(operationId="getActor")
    @blp.response(200, ActorSchema)
    @blp.alt_response(404, response=ERROR)
    def get(self, actor_id):
        """Get an actor

        One actor by its id, with its totals across articles and links to its
        mentions, articles, quotes and reactions.
        """
        [actor] = present_actors([found(get_actor(actor_id), "actor", actor_id)])
        return actor


@blp.route("/articles/<string:article_id>/actors")
class ArticleActors(MethodView):
    @blp.doc(operationId="listArticleActors")
    @blp.arguments(ActorQueryArgsSchema(exclude=("article",)), location="query")
    @blp.response(200, ActorSchema(many=True))
    @blp.alt_response(404, response=ERROR)
    @blp.paginate(SelectPage)
    def get(self, args, article_id):
        """List the actors of an article

        The article's actors, with the aliases and counts of that article; its
        mentions are at `/articles/{article_id}/mentions`.
        """
        found(get_article(article_id), "article", article_id)
        return Listing(
            select_actors(article=article_id, **args),
            lambda actors: present_actors(actors, article_id),
        )
