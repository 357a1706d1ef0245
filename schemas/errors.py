"""The one shape of every error the API sends, and of its pagination metadata."""

from marshmallow import fields

from schemas.common import Schema, described

# What a field's messages may hold: a list of sentences, or the messages of the
# items or fields inside it ({"articles": {"0": {"text": ["..."]}}}).
MESSAGES = "ValidationMessages"
MESSAGES_SCHEMA = {
    "description": "Messages: a list of sentences, or an object of messages by the "
    "name or position of what is inside.",
    "oneOf": [
        {"type": "array", "items": {"type": "string"}},
        {
            "type": "object",
            "additionalProperties": {"$ref": f"#/components/schemas/{MESSAGES}"},
        },
    ],
}


class ErrorSchema(Schema):
    code = described(fields.Integer, "The HTTP status code.", 422, required=True)
    status = described(
        fields.String, "The status's name.", "Unprocessable Entity", required=True
    )
    message = described(
        fields.String,
        "What went wrong, in plain words.",
        "The request's parameters or body are not valid.",
        required=True,
    )
    errors = fields.Dict(
        keys=fields.String(),
        metadata={
            "description": "For invalid input only: messages by location (`query`, "
            "`json`) and field.",
            "example": {"query": {"stance": ["Must be one of: supportive."]}},
            "additionalProperties": {"$ref": f"#/components/schemas/{MESSAGES}"},
        },
    )


class PaginationMetadataSchema(Schema):
    """The `X-Pagination` header's JSON. An empty list has only `total`,
    `total_pages` and `version`; `previous_page`, `next_page` and `next_cursor`
    exist where there is one; a page read after a `cursor` has no page numbers
    but its first and last."""

    total = described(fields.Integer, "Items in the whole list.", 42, required=True)
    total_pages = described(
        fields.Integer, "Pages in the whole list.", 3, required=True
    )
    first_page = described(fields.Integer, "The first page, 1.", 1)
    last_page = described(fields.Integer, "The last page.", 3)
    page = described(fields.Integer, "This page, when it is one of them.", 2)
    previous_page = described(fields.Integer, "The page before.", 1)
    next_page = described(fields.Integer, "The page after.", 3)
    next_cursor = described(
        fields.String,
        "Where the next page starts, for `cursor`; only when there is one.",
        "WyI0ZjFhIiwxMjY3LCJxLTQ4ZGU5MWYxYWMiXQ.k3Fv0x1Y2a8",
    )
    version = described(
        fields.Integer,
        "The data version the list was read at: give it as `changed_since` to "
        "read later only what changed, and to `GET /deletions` for what went.",
        42,
    )
