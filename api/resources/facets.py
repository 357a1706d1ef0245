"""Facets: counts across articles by actor type, speaker, stance and category."""

from flask.views import MethodView

from api.db.facets import facets
from api.extensions import Blueprint
from schemas.facets import FacetQueryArgsSchema, FacetsSchema

blp = Blueprint(
    "facets",
    __name__,
    url_prefix="/api/v1",
    description="Counts of the items of many articles, by group.",
)


@blp.route("/facets")
class Facets(MethodView):
    @blp.doc(operationId="getFacets")
    @blp.arguments(FacetQueryArgsSchema, location="query")
    @blp.response(200, FacetsSchema)
    def get(self, args):
        """Get facet counts

        Across the articles that match (all of them, one with `article`, or
        those published in a date range): how many articles, actors by type,
        quotes by speaker, reactions by stance and figures by category, largest
        groups first.
        """
        return facets(**args)
