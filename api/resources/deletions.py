"""Deletions: what writes removed since a version, for mirrors."""

from flask.views import MethodView

from api.db.changes import select_deletions
from api.extensions import Blueprint
from api.pagination import Listing, SelectPage
from schemas.deletions import DeletionQueryArgsSchema, DeletionSchema

blp = Blueprint(
    "deletions",
    __name__,
    url_prefix="/api/v1",
    description="Items that writes removed, for keeping a copy exact.",
)


@blp.route("/deletions")
class Deletions(MethodView):
    @blp.doc(operationId="listDeletions")
    @blp.arguments(DeletionQueryArgsSchema, location="query")
    @blp.response(200, DeletionSchema(many=True))
    @blp.paginate(SelectPage)
    def get(self, args):
        """List deletions

        Every item that a write removed, in the order of the writes: a deleted
        article, its items and the actors no other article mentions; the items
        that a new version of an article no longer has. With `changed_since`,
        those removed after that version. A copy kept up to date applies these
        first, then what the lists give with the same `changed_since`: an item
        removed and written again is in both, and stays.
        """
        return Listing(select_deletions(**args))
