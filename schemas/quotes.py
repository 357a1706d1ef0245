"""Quotes: who said what, verbatim, and where."""

from marshmallow import fields

from api.extraction.types import QUOTE_KINDS
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


class QuoteSchema(LocatedSchema):
    id = described(fields.String, "Stable id of the quote.", "q-3f9a1c20de")
    version = version_field()
    article = article_of_item()
    text = described(
        fields.String,
        "The quoted words, verbatim, without quotation marks.",
        "I have given the order to shoot to kill without warning",
    )
    speaker = actor_ref("Id of the actor who said it, or null.", attribute="speaker_id")
    speaker_name = actor_name(
        "speaker", "Canonical name of the speaker, or null.", "Kassym-Jomart Tokayev"
    )
    speaker_reason = described(
        fields.String,
        "Why there is no speaker, when there is none.",
        "unattributed in the text",
        allow_none=True,
    )
    kind = choice(
        "QuoteKind",
        QUOTE_KINDS,
        "direct (a full quotation), partial (a fragment inside reported speech) "
        "or term (a one- or two-word scare quote).",
        "direct",
    )
    verb = described(fields.String, "The reporting verb.", "said", allow_none=True)
    sentence = described(
        fields.String,
        "The sentence that holds the quote, when known.",
        "“I have given the order to shoot to kill without warning,” he said.",
        allow_none=True,
    )
    occurrences = described(
        SpansOf,
        "Every place the quote stands in the text: a pull quote repeated later is "
        "one quote with two occurrences.",
        nested=SpanSchema,
    )


class QuoteQueryArgsSchema(QueryArgsSchema):
    article = article_filter()
    published_after = published_after_filter("quotes of articles")
    published_before = published_before_filter("quotes of articles")
    speaker = text_param("Only quotes of this actor (id).", "kassym-jomart-tokayev")
    kind = choices_filter(
        "QuoteKind", QUOTE_KINDS, "Only quotes of these kinds.", ["direct", "partial"]
    )
    q = search_param("Only quotes whose words match this.", "negotiation")
    sort = sort_field(("start", "kind", "speaker", "length"), "start", searched=True)
