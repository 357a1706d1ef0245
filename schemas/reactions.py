"""Reactions: who responded to the events, with what stance, toward whom."""

from marshmallow import fields

from api.extraction.types import STANCES
from schemas.common import (
    LocatedSchema,
    QueryArgsSchema,
    actor_name,
    actor_ref,
    article_filter,
    article_of_item,
    choice,
    choices_filter,
    described,
    published_after_filter,
    published_before_filter,
    search_param,
    sort_field,
    text_param,
    version_field,
)


class ReactionSchema(LocatedSchema):
    id = described(
        fields.String, "Stable id of the reaction.", "r-0c4f2e9b81-xi-jinping"
    )
    version = version_field()
    article = article_of_item()
    actor = described(
        fields.String, "Id of the reacting actor.", "xi-jinping", attribute="actor_id"
    )
    actor_name = actor_name(
        "actor", "Canonical name of the reacting actor.", "Xi Jinping", nullable=False
    )
    on_behalf_of = actor_ref(
        "Id of the actor it speaks for (Macron for France), or null.",
        "china",
        attribute="on_behalf_of_id",
    )
    stance = choice(
        "Stance",
        STANCES,
        "supportive, concerned or critical.",
        "supportive",
    )
    target = described(
        fields.String,
        "Whom or what the reaction is about.",
        "Kassym-Jomart Tokayev",
        allow_none=True,
    )
    summary = described(
        fields.String,
        "One line saying what the actor did.",
        "Applauded the strong measures.",
    )
    evidence = described(
        fields.String,
        "The passage that reports the reaction.",
        "Xi Jinping applauded...",
    )
    quotes = described(
        fields.List,
        "Ids of the quotes the reaction rests on.",
        ["q-3f9a1c20de"],
        cls_or_instance=fields.String(),
        attribute="quote_ids",
    )


class ReactionQueryArgsSchema(QueryArgsSchema):
    article = article_filter()
    published_after = published_after_filter("reactions of articles")
    published_before = published_before_filter("reactions of articles")
    stance = choices_filter(
        "Stance", STANCES, "Only these stances.", ["critical", "concerned"]
    )
    actor = text_param("Only reactions of this actor (id).", "xi-jinping")
    q = search_param(
        "Only reactions whose summary, evidence or target matches this.", "applauded"
    )
    sort = sort_field(("start", "stance", "actor"), "start", searched=True)
