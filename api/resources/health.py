"""Health: is the service up and can it reach its database."""

from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.db import session
from api.extensions import Blueprint
from api.resources.common import ERROR
from schemas.health import HealthSchema

blp = Blueprint("health", __name__, description="Service health.")


@blp.route("/health")
class Health(MethodView):
    @blp.doc(operationId="getHealth")
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, response=ERROR)
    def get(self):
        """Check health

        200 when the service answers and its database responds; 503 otherwise.
        """
        try:
            session().execute(text("SELECT 1"))
        except SQLAlchemyError:
            abort(503, message="The database does not respond.")
        return {"status": "ok", "database": "ok"}
