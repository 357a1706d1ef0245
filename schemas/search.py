"""Search: one query across articles, quotes, reactions, figures and actors."""

from marshmallow import fields

from api.db.search import KINDS
from schemas.common import (
    QueryArgsSchema,
    ResponseSchema,
    article_filter,
    choice,
    choices_filter,
    described,
    search_param,
)
from schemas.offsets import CODE_POINTS, UTF16_UNITS, Utf16Offset


class SearchHitSchema(ResponseSchema):
    kind = choice(
        "SearchKind",
        KINDS,
        "What was found: an article, a quote, a reaction, a statistic or an actor; "
        "`id` is its id among the items of its kind.",
        "quote",
    )
    id = described(fields.String, "Id of the item found.", "q-3f9a1c20de")
    article = described(
        fields.String,
        "Id of the article the item stands in (an article's own id); null for an "
        "actor, who may appear in many.",
        "kazakhstan-1a2b3c4d",
        attribute="article_id",
        allow_none=True,
    )
    text = described(
        fields.String,
        "What the item is: an article's title, a quote's words, a reaction's "
        "summary, a figure as written, an actor's name.",
        "I have given the order to shoot to kill without warning",
    )
    snippet = described(
        fields.String,
        "Where the words were found: the item's text, or for a long text an "
        "excerpt of it around the first word found, cut at words and marked `…` "
        "where cut. Plain text, no markup.",
        "… the order to shoot to kill without warning …",
    )
    start = described(
        fields.Integer,
        f"Offset of the item's evidence in the article's text; null for an article "
        f"or an actor. {CODE_POINTS}",
        812,
        allow_none=True,
    )
    end = described(
        fields.Integer,
        "Offset just past the evidence; null for an article or an actor. "
        + CODE_POINTS,
        845,
        allow_none=True,
    )
    start_utf16 = Utf16Offset(
        "start",
        f"`start` in UTF-16 code units, or null. {UTF16_UNITS}",
        812,
        allow_none=True,
    )
    end_utf16 = Utf16Offset(
        "end",
        f"`end` in UTF-16 code units, or null. {UTF16_UNITS}",
        845,
        allow_none=True,
    )


class SearchQueryArgsSchema(QueryArgsSchema):
    q = search_param("What to find.", '"shoot to kill" Tokayev', required=True)
    kind = choices_filter(
        "SearchKind", KINDS, "Only items of these kinds.", ["quote", "reaction"]
    )
    article = article_filter()
