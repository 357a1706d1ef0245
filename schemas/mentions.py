"""Mentions: where the text names an actor."""

from marshmallow import fields

from schemas.common import (
    QueryArgsSchema,
    SpanSchema,
    article_filter,
    article_of_item,
    described,
    text_param,
    version_field,
)


class MentionSchema(SpanSchema):
    id = described(
        fields.Integer,
        "Id of the mention; a new version of its article gives its mentions new ids.",
        1207,
    )
    version = version_field()
    article = article_of_item()
    actor = described(
        fields.String,
        "Id of the actor mentioned.",
        "kassym-jomart-tokayev",
        attribute="actor_id",
    )


class MentionQueryArgsSchema(QueryArgsSchema):
    article = article_filter()
    actor = text_param(
        "Only mentions of this actor (its id).", "kassym-jomart-tokayev", max_length=80
    )
