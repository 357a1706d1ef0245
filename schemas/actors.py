"""Actors: people, organizations, governments, countries and groups."""

from marshmallow import fields, validate

from api.extraction.types import ACTOR_TYPES
from schemas.common import (
    QueryArgsSchema,
    Schema,
    article_filter,
    described,
    sort_field,
    text_param,
)


class MentionSchema(Schema):
    article = described(fields.String, "Id of the article.", "kazakhstan-1a2b3c4d")
    start = described(fields.Integer, "Offset of the mention's first character.", 40)
    end = described(fields.Integer, "Offset just past the mention.", 61)
    text = described(fields.String, "The mention as written.", "Kassym Jomart Tokayev")


class ActorLinksSchema(Schema):
    self = described(fields.String, "This actor.", "/api/v1/actors/xi-jinping")
    quotes = described(fields.String, "Its quotes.", "/api/v1/actors/xi-jinping/quotes")
    reactions = described(
        fields.String, "Its reactions.", "/api/v1/actors/xi-jinping/reactions"
    )


class ActorSchema(Schema):
    id = described(
        fields.String, "Stable id: a slug of the canonical name.", "xi-jinping"
    )
    name = described(fields.String, "Canonical name.", "Xi Jinping")
    type = described(
        fields.String,
        "person, organization, government, country or group.",
        "person",
        validate=validate.OneOf(ACTOR_TYPES),
    )
    role = described(
        fields.String, "Role given by the text.", "President of China", allow_none=True
    )
    country = described(
        fields.String, "Country it belongs to or speaks for.", "China", allow_none=True
    )
    aliases = described(
        fields.List,
        "Every form the text uses for the actor, as written.",
        ["Xi Jinping"],
        cls_or_instance=fields.String(),
    )
    mention_count = described(fields.Integer, "Number of mentions.", 2)
    salience = described(
        fields.Float,
        "Mentions relative to the most mentioned actor of the article (0 to 1).",
        0.25,
    )
    mentions = described(
        fields.List,
        "Where the actor is mentioned.",
        cls_or_instance=fields.Nested(MentionSchema),
    )
    articles = described(
        fields.List,
        "Ids of the articles that mention the actor.",
        ["kazakhstan-1a2b3c4d"],
        cls_or_instance=fields.String(),
    )
    quote_count = described(fields.Integer, "Number of quotes it said.", 1)
    reaction_count = described(fields.Integer, "Number of its reactions.", 1)
    links = fields.Nested(
        ActorLinksSchema, metadata={"description": "Related resources."}
    )


class ActorQueryArgsSchema(QueryArgsSchema):
    article = article_filter()
    type = described(
        fields.String,
        "Only actors of this type.",
        "person",
        validate=validate.OneOf(ACTOR_TYPES),
    )
    q = text_param(
        "Only actors whose name contains this, ignoring case.",
        "tokayev",
    )
    sort = sort_field(("name", "type", "mention_count"), "name")
