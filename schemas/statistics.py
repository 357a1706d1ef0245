"""Statistics: the figures an article reports, qualified and sourced."""

from marshmallow import fields

from api.extraction.types import CATEGORIES, PLACEMENTS, QUALIFIERS
from schemas.common import (
    LocatedSchema,
    QueryArgsSchema,
    SpanSchema,
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
from schemas.offsets import SpansOf


class StatisticSchema(LocatedSchema):
    id = described(fields.String, "Stable id of the figure.", "s-5d1e0b7a93")
    version = version_field()
    article = article_of_item()
    value = described(
        fields.Float, "The number reported; the low end of a range.", 3800.0
    )
    high = described(
        fields.Float,
        "The high end of a range (`between 40 and 60`: value 40, high 60), else null.",
        60.0,
        allow_none=True,
    )
    qualifier = choice(
        "Qualifier",
        QUALIFIERS,
        "How the text qualifies the number.",
        "more_than",
    )
    category = choice(
        "Category",
        CATEGORIES,
        "What is counted; economy is money, age is kept apart from the figures.",
        "arrests",
    )
    subject = described(
        fields.String, "What is counted.", "people detained", allow_none=True
    )
    unit = described(
        fields.String,
        "Currency code for money, `percent`, or null.",
        "USD",
        allow_none=True,
    )
    source = actor_ref(
        "Id of the actor who reported it, or null.", attribute="source_id"
    )
    source_name = actor_name(
        "source",
        "Canonical name of the reporting actor, or null.",
        "Ministry of the Interior of Kazakhstan",
    )
    placement = choice(
        "Placement",
        PLACEMENTS,
        "Where the figure stands: the body, a related headline or a photo caption.",
        "body",
    )
    verified = described(
        fields.Boolean,
        "Whether the article says the figure was independently verified.",
        False,
    )
    evidence = described(fields.String, "The figure as written.", "more than 3,800")
    context = described(
        fields.String,
        "A longer passage around the figure.",
        "more than 3,800 people detained",
        allow_none=True,
    )
    occurrences = described(
        SpansOf,
        "Every place the figure is written: the same number repeated for the same "
        "thing is one figure with several occurrences.",
        nested=SpanSchema,
    )


class StatisticQueryArgsSchema(QueryArgsSchema):
    article = article_filter()
    published_after = published_after_filter("figures of articles")
    published_before = published_before_filter("figures of articles")
    category = choices_filter(
        "Category",
        CATEGORIES,
        "Only figures of these categories.",
        ["fatalities", "injuries"],
    )
    source = text_param("Only figures reported by this actor (id).", "security-forces")
    placement = choices_filter(
        "Placement", PLACEMENTS, "Only figures standing in these places.", ["body"]
    )
    min_value = described(
        fields.Float, "Only values at least this.", 10, allow_nan=False
    )
    max_value = described(
        fields.Float, "Only values at most this.", 1000, allow_nan=False
    )
    q = search_param(
        "Only figures whose evidence, subject or context matches this.", "detained"
    )
    sort = sort_field(("start", "value", "category"), "start", searched=True)
