"""What the OpenAPI document needs beyond flask-smorest's defaults, for typed
clients: vocabularies as components, and the pagination header as typed JSON."""

from __future__ import annotations

from schemas.common import Choice, ChoiceList
from schemas.errors import MESSAGES, MESSAGES_SCHEMA, PaginationMetadataSchema

PAGINATION_METADATA = "PaginationMetadata"

# A header's value is a string; this one holds JSON, which `contentSchema` types.
# (A bare object `schema` would mean "key,value,..." under OpenAPI's header style.)
PAGINATION_HEADER = {
    "description": "Pagination metadata: a JSON object in a string "
    "(`JSON.parse(response.headers.get('X-Pagination'))`), as "
    f"`{PAGINATION_METADATA}` describes.",
    "required": True,
    "schema": {
        "type": "string",
        "contentMediaType": "application/json",
        "contentSchema": {"$ref": f"#/components/schemas/{PAGINATION_METADATA}"},
        "example": '{"total": 42, "total_pages": 3, "first_page": 1, '
        '"last_page": 3, "page": 2, "previous_page": 1, "next_page": 3}',
    },
}


def init_spec(api) -> None:
    api.spec.components.schema(MESSAGES, MESSAGES_SCHEMA)
    api.spec.components.schema(PAGINATION_METADATA, schema=PaginationMetadataSchema)
    api.ma_plugin.converter.add_attribute_function(vocabulary_reference)
    api.ma_plugin.converter.add_parameter_attribute_function(comma_separated)


def vocabulary_reference(converter, field, ret, **kwargs) -> dict:
    """A Choice field refers to its vocabulary's component, defined once, instead
    of repeating the words (apispec attribute function; runs after the others);
    a ChoiceList is an array of them."""
    if not isinstance(field, Choice | ChoiceList):
        return {}
    reference = {"$ref": _vocabulary(converter.spec.components, field)}
    ret.pop("type", None)
    ret.pop("enum", None)
    if isinstance(field, ChoiceList):
        return {"type": "array", "items": reference, "minItems": 1}
    return reference


def _vocabulary(components, field) -> str:
    words = list(field.choices)
    if field.component not in components.schemas:
        components.schema(field.component, {"type": "string", "enum": words})
    elif components.schemas[field.component]["enum"] != words:
        raise ValueError(f"Two vocabularies are named {field.component}.")
    return f"#/components/schemas/{field.component}"


def comma_separated(converter, field, ret, **kwargs) -> dict:
    """`stance=critical,concerned`: OpenAPI's form style, not exploded."""
    if isinstance(field, ChoiceList):
        return {"style": "form", "explode": False}
    return {}
