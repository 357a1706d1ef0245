"""Health: is the service up, and is its database reachable and migrated."""

from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.db import migrate, session
from api.extensions import Blueprint
from api.resources.common import ERROR
from schemas.health import HealthSchema

SCHEMA_REVISION = "SELECT version_num FROM alembic_version"
A_READ = "SELECT 1 FROM articles LIMIT 1"

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
            # A database that answers but has no tables (an empty volume) or an
            # older schema would answer every read with a 500: it is not healthy.
            revision = session().scalar(text(SCHEMA_REVISION))
            session().scalar(text(A_READ))
        except SQLAlchemyError:
            session().rollback()
            abort(503, message="The database does not respond or has no schema.")
        if revision != migrate.head():
            abort(503, message="The database schema is not at the latest migration.")
        return {"status": "ok", "database": "ok"}
