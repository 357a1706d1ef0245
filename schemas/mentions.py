"""Mentions: where the text names an actor."""

from marshmallow import fields

from schemas.common import (
    QueryArgsSchema,
    SpanSchema,
    article_filter,
    article_of_item,
    described,
    text_param,
)


class MentionSchema(SpanSchema):
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
