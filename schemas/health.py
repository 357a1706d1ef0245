"""Health check response."""

from marshmallow import fields

from schemas.common import ResponseSchema, described


class HealthSchema(ResponseSchema):
    status = described(fields.String, "ok when the service works.", "ok")
    database = described(fields.String, "ok when the database answers.", "ok")
