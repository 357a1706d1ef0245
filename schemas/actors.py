"""Actors: people, organizations, governments, countries and groups."""

from marshmallow import fields

from api.db.totals import ALIASES_KEPT
from api.extraction.types import ACTOR_TYPES
from schemas.common import (
    QueryArgsSchema,
    ResponseSchema,
    article_filter,
    choice,
    choices_filter,
    described,
    search_param,
    sort_field,
    version_field,
)


class ActorLinksSchema(ResponseSchema):
    self = described(fields.String, "This actor.", "/api/v1/actors/xi-jinping")
    quotes = described(fields.String, "Its quotes.", "/api/v1/actors/xi-jinping/quotes")
    reactions = described(
        fields.String, "Its reactions.", "/api/v1/actors/xi-jinping/reactions"
    )
    mentions = described(
        fields.String,
        "Where the text mentions it, a page at a time.",
        "/api/v1/actors/xi-jinping/mentions",
    )
    articles = described(
        fields.String,
        "The articles that mention it.",
        "/api/v1/articles?actor=xi-jinping",
    )


class ActorSchema(ResponseSchema):
    id = described(
        fields.String, "Stable id: a slug of the canonical name.", "xi-jinping"
    )
    version = version_field()
    name = described(fields.String, "Canonical name.", "Xi Jinping")
    type = choice(
        "ActorType",
        ACTOR_TYPES,
        "person, organization, government, country or group.",
        "person",
    )
    role = described(
        fields.String, "Role given by the text.", "President of China", allow_none=True
    )
    country = described(
        fields.String, "Country it belongs to or speaks for.", "China", allow_none=True
    )
    aliases = described(
        fields.List,
        f"Forms the text uses for the actor, as written: at most {ALIASES_KEPT}, "
        "those more articles use first.",
        ["Xi Jinping"],
        cls_or_instance=fields.String(),
    )
    alias_count = described(
        fields.Integer, "Number of distinct forms, shown or not in `aliases`.", 1
    )
    mention_count = described(fields.Integer, "Number of mentions.", 2)
    salience = described(
        fields.Float,
        "Mentions relative to the most mentioned actor of the article (0 to 1); "
        "across articles, the highest.",
        0.25,
    )
    article_count = described(
        fields.Integer, "Number of articles that mention the actor.", 1
    )
    quote_count = described(fields.Integer, "Number of quotes it said.", 1)
    reaction_count = described(fields.Integer, "Number of its reactions.", 1)
    links = fields.Nested(
        ActorLinksSchema, metadata={"description": "Related resources."}
    )


class ActorQueryArgsSchema(QueryArgsSchema):
    article = article_filter()
    type = choices_filter(
        "ActorType", ACTOR_TYPES, "Only actors of these types.", ["person", "country"]
    )
    q = search_param("Only actors whose name matches this.", "tokayev")
    sort = sort_field(("name", "type", "mention_count"), "name", searched=True)
