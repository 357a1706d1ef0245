"""Fields and helpers shared by the resource schemas."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate


class Schema(ma.Schema):
    """Base schema: a field nobody declared is an error, never silently dropped."""

    class Meta:
        unknown = ma.RAISE


class QueryArgsSchema(ma.Schema):
    """Query strings also carry pagination parameters, parsed by another schema."""

    class Meta:
        unknown = ma.EXCLUDE


def described(field_class, description: str, example=None, **kwargs):
    metadata = {"description": description}
    if example is not None:
        metadata["example"] = example
    return field_class(metadata=metadata, **kwargs)


def sort_field(columns: tuple[str, ...], default: str):
    choices = [*columns, *(f"-{c}" for c in columns)]
    return fields.String(
        load_default=default,
        validate=validate.OneOf(choices),
        metadata={
            "description": "Sort by a field; prefix with `-` for descending order.",
            "example": default,
            "enum": choices,
        },
    )


class LocatedSchema(Schema):
    """An item found in the text: `text[start:end]` is its evidence."""

    start = described(
        fields.Integer, "Offset of the evidence's first character in the text.", 812
    )
    end = described(
        fields.Integer, "Offset just past the evidence: `text[start:end]`.", 845
    )


class SpanSchema(LocatedSchema):
    text = described(fields.String, "The text between the offsets.", "Tokayev")


def article_filter():
    return described(
        fields.String,
        "Only items of this article (its id).",
        "kazakhstan-s-president-rejects-talks-1a2b3c4d",
        validate=validate.Length(min=1, max=80),
    )


def actor_ref(description: str, example="kassym-jomart-tokayev", **kwargs):
    return described(fields.String, description, example, allow_none=True, **kwargs)
