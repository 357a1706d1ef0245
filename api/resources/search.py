"""Search: one query across every kind of item, best matches first."""

from flask.views import MethodView

from api.db.present import present_hits
from api.db.queries import select_search
from api.extensions import Blueprint
from api.pagination import Listing, SelectPage
from schemas.search import SearchHitSchema, SearchQueryArgsSchema

blp = Blueprint(
    "search",
    __name__,
    url_prefix="/api/v1",
    description="Full-text search across articles, quotes, reactions, statistics "
    "and actors.",
)


@blp.route("/search")
class Search(MethodView):
    @blp.doc(operationId="listSearchHits")
    @blp.arguments(SearchQueryArgsSchema, location="query")
    @blp.response(200, SearchHitSchema(many=True))
    @blp.paginate(SelectPage)
    def get(self, args):
        """Search everything

        Articles (title and text), quotes (their words), reactions (summary,
        evidence and target), statistics (the figure as written, its subject and
        context) and actors (their name) that match `q`, best matches first: a
        match in what a hit shows (`text`) counts more than one elsewhere. Each
        hit says what it is (`kind`, `id`), where it stands (`article`, and the
        offsets of an item found in the text) and where the words are
        (`snippet`). Relevance order is paged by `page` alone: a `cursor` is a
        422, and so is `changed_since` (hits carry no version: read the lists
        with `q` and `changed_since`).
        """
        return Listing(
            select_search(**args), lambda rows: present_hits(rows, args["q"])
        )
