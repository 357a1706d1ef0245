"""Articles: metadata, text, paragraphs, and the figures derived from them."""

import re

import marshmallow as ma
from marshmallow import fields, validate

from api.config import Config
from api.extraction.text import paragraph_spans
from api.extraction.types import PARAGRAPH_KINDS
from schemas.common import (
    HTTP_URL,
    NO_NUL,
    NO_SURROGATES,
    NOT_BLANK,
    QueryArgsSchema,
    ResponseSchema,
    Schema,
    SpanSchema,
    UtcDateTime,
    choice,
    described,
    published_after_filter,
    published_before_filter,
    search_param,
    sort_field,
    text_param,
    version_field,
)
from schemas.limits import MAX_NUMBER_DIGITS, MAX_PARAGRAPHS, MAX_TEXT_CHARACTERS
from schemas.offsets import CODE_POINTS, UTF16_UNITS, SpansOf, Utf16Offset

EXAMPLE_ID = "kazakhstan-s-president-rejects-talks-1a2b3c4d"


class ParagraphSchema(ResponseSchema):
    index = described(fields.Integer, "Position of the paragraph, from 0.", 2)
    kind = choice(
        "ParagraphKind",
        PARAGRAPH_KINDS,
        "body, pull_quote, related_headline, photo_caption, credit or more_news.",
        "related_headline",
    )
    start = described(
        fields.Integer, f"Offset of the paragraph's first character. {CODE_POINTS}", 310
    )
    end = described(
        fields.Integer, f"Offset just past the paragraph. {CODE_POINTS}", 391
    )
    start_utf16 = Utf16Offset(
        "start", f"`start` in UTF-16 code units. {UTF16_UNITS}", 310
    )
    end_utf16 = Utf16Offset("end", f"`end` in UTF-16 code units. {UTF16_UNITS}", 391)


class CountsSchema(ResponseSchema):
    actors = described(fields.Integer, "Number of actors.", 24)
    quotes = described(fields.Integer, "Number of quotes.", 12)
    reactions = described(fields.Integer, "Number of reactions.", 6)
    statistics = described(fields.Integer, "Number of figures.", 11)


class ArticleSchema(ResponseSchema):
    id = described(
        fields.String,
        "Stable id: a slug of the title and a hash of the text.",
        EXAMPLE_ID,
    )
    version = version_field()
    title = described(fields.String, "Title.", "Kazakhstan's president rejects talks")
    published_on = described(
        fields.Date, "Publication date.", "2022-01-07", allow_none=True
    )
    credits = described(
        fields.List,
        "Agencies or authors credited.",
        ["AFP", "EFE"],
        cls_or_instance=fields.String(),
    )
    language = described(fields.String, "Language code.", "en")
    source_url = described(
        fields.String,
        "Where the article was published.",
        "https://example.org/news/1",
        allow_none=True,
    )
    word_count = described(fields.Integer, "Number of words in the text.", 812)
    paragraph_count = described(fields.Integer, "Number of paragraphs.", 25)
    curated = described(
        fields.Boolean,
        "True when the items come from a hand-checked annotation.",
        True,
    )
    extractor = described(
        fields.String,
        "What produced the items: `curated`, or Lede's version and the English "
        "model's name and version.",
        "lede-0.1.0+en_core_web_sm-3.8.0",
        allow_none=True,
    )
    created_at = described(
        UtcDateTime,
        "When the article was stored (UTC).",
        "2026-01-01T00:00:00+00:00",
    )


class CaveatSchema(SpanSchema):
    pass


class ArticleDetailSchema(ArticleSchema):
    text = described(
        fields.String,
        "The full text that every offset indexes: `start`/`end` count code points, "
        "`start_utf16`/`end_utf16` UTF-16 code units.",
        "The president of...",
    )
    paragraphs = described(
        fields.List,
        "Paragraphs in order, with their kind.",
        cls_or_instance=fields.Nested(ParagraphSchema),
    )
    caveats = described(
        SpansOf,
        "Passages where the article says its figures could not be checked.",
        nested=CaveatSchema,
        article_attribute="id",
    )
    counts = fields.Nested(
        CountsSchema, metadata={"description": "How many items of each resource."}
    )


class ArticleQueryArgsSchema(QueryArgsSchema):
    q = search_param("Only articles whose title or text matches this.", "Kazakhstan")
    actor = text_param(
        "Only articles that mention this actor (its id).",
        "kassym-jomart-tokayev",
        max_length=80,
    )
    published_after = published_after_filter()
    published_before = published_before_filter()
    sort = sort_field(
        ("published_on", "title", "word_count", "created_at"),
        "-published_on",
        searched=True,
    )


class CountByKeySchema(ResponseSchema):
    key = described(fields.String, "The group.", "fatalities", allow_none=True)
    name = described(
        fields.String, "Readable name of the group.", "Fatalities", allow_none=True
    )
    count = described(fields.Integer, "Items in the group.", 2)
    total = described(
        fields.Float,
        "Sum of the group's figures when they all count one category in one unit "
        "(never ages or percentages); null when they do not add up.",
        44.0,
        allow_none=True,
    )


class ArticleStatsSchema(ResponseSchema):
    article = described(fields.String, "Id of the article.", EXAMPLE_ID)
    word_count = described(fields.Integer, "Words in the text.", 812)
    paragraph_count = described(fields.Integer, "Paragraphs.", 25)
    paragraphs_by_kind = described(
        fields.Dict,
        "Paragraphs per kind.",
        {"body": 16},
        keys=fields.String(),
        values=fields.Integer(),
    )
    statistics_by_category = described(
        fields.List,
        "Figures per category, with their sum (ages excluded from sums).",
        cls_or_instance=fields.Nested(CountByKeySchema),
    )
    statistics_by_source = described(
        fields.List,
        "Figures per reporting actor (key null: no source given).",
        cls_or_instance=fields.Nested(CountByKeySchema),
    )
    actors_by_type = described(
        fields.Dict,
        "Actors per type.",
        {"person": 7},
        keys=fields.String(),
        values=fields.Integer(),
    )
    quotes_by_speaker = described(
        fields.List,
        "Quotes per speaker (key null: unattributed).",
        cls_or_instance=fields.Nested(CountByKeySchema),
    )
    reactions_by_stance = described(
        fields.Dict,
        "Reactions per stance.",
        {"concerned": 3},
        keys=fields.String(),
        values=fields.Integer(),
    )
    unverified_statistics = described(
        fields.Integer, "Figures that the article does not say were verified.", 11
    )


# Digits with single separators between them: "1,000,000.5" is one number.
NUMBER = re.compile(r"\d(?:[,.]?\d)*")


def at_most_paragraphs(text: str) -> None:
    count = len(paragraph_spans(text))
    if count > MAX_PARAGRAPHS:
        raise ma.ValidationError(
            f"Must have at most {MAX_PARAGRAPHS} paragraphs (non-blank lines); "
            f"it has {count}."
        )


def no_huge_number(text: str) -> None:
    for match in NUMBER.finditer(text):
        digits = sum(c.isdigit() for c in match.group())
        if digits > MAX_NUMBER_DIGITS:
            raise ma.ValidationError(
                f"Must not contain a number of more than {MAX_NUMBER_DIGITS} digits; "
                f"the one at offset {match.start()} has {digits}."
            )


class ArticleCreateSchema(Schema):
    text = described(
        fields.String,
        "The article's text; may start with a ` date YYYY-MM-DD ` header. At most "
        f"{MAX_TEXT_CHARACTERS:,} characters (code points), {MAX_PARAGRAPHS:,} "
        f"paragraphs (non-blank lines), and no number of more than {MAX_NUMBER_DIGITS} "
        "digits. The whole request body is also limited, in bytes: "
        f"`LEDE_MAX_CONTENT_LENGTH`, {Config.MAX_CONTENT_LENGTH:,} by default "
        "(413 past it). A character takes 1 to 4 bytes in UTF-8 and up to 12 as "
        "JSON `\\u` escapes, so a long text in a script other than Latin meets "
        "that limit first.",
        "The mayor said “we will rebuild” after floods killed 12 people.",
        required=True,
        validate=[
            validate.Length(min=1, max=MAX_TEXT_CHARACTERS),
            NOT_BLANK,
            NO_SURROGATES,
            at_most_paragraphs,
            no_huge_number,
        ],
    )
    title = described(
        fields.String,
        "Title; the first line of the text when absent.",
        "Floods kill 12",
        validate=[validate.Length(min=1, max=300), NO_NUL, NO_SURROGATES],
    )
    published_on = described(fields.Date, "Publication date.", "2024-05-02")
    credits = described(
        fields.List,
        "Agencies or authors credited.",
        ["AP"],
        cls_or_instance=fields.String(
            validate=[validate.Length(min=1, max=100), NO_NUL, NO_SURROGATES]
        ),
        validate=validate.Length(max=20),
    )
    source_url = described(
        fields.String,
        "Where the article was published: an http or https address.",
        "https://example.org/news/1",
        validate=[
            validate.Length(max=2000),
            HTTP_URL,
        ],
    )
