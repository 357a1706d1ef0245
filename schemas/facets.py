"""Facets: counts of the items of many articles, by group."""

from marshmallow import fields

from api.db.facets import SPEAKERS_SHOWN
from schemas.common import (
    QueryArgsSchema,
    ResponseSchema,
    described,
    published_after_filter,
    published_before_filter,
    text_param,
)


class FacetSchema(ResponseSchema):
    key = described(
        fields.String,
        "The group: a word of the vocabulary, or an actor's id (null: no speaker).",
        "critical",
        allow_none=True,
    )
    name = described(
        fields.String,
        "Readable name of the group: the word itself, or the actor's name.",
        "critical",
        allow_none=True,
    )
    count = described(fields.Integer, "Items in the group.", 4)


def facet_list(description: str):
    return described(
        fields.List,
        f"{description} Largest first.",
        cls_or_instance=fields.Nested(FacetSchema),
    )


class FacetsSchema(ResponseSchema):
    articles = described(fields.Integer, "Articles counted.", 12)
    actor_types = facet_list("Actors that the articles mention, by type.")
    speakers = facet_list(
        f"Quotes by speaker, the {SPEAKERS_SHOWN} most quoted (key null: unattributed)."
    )
    stances = facet_list("Reactions by stance.")
    categories = facet_list("Figures by category.")


class FacetQueryArgsSchema(QueryArgsSchema):
    article = text_param(
        "Only this article (its id).",
        "kazakhstan-s-president-rejects-talks-1a2b3c4d",
        max_length=80,
    )
    published_after = published_after_filter()
    published_before = published_before_filter()
