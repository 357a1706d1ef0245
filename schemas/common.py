"""Fields and helpers shared by the resource schemas."""

from __future__ import annotations

import re
from datetime import UTC

import marshmallow as ma
from marshmallow import fields, validate

from schemas.limits import MAX_QUERY_CHARACTERS
from schemas.offsets import CODE_POINTS, UTF16_UNITS, Utf16Offset


class Schema(ma.Schema):
    """Base schema: a field nobody declared is an error, never silently dropped."""

    class Meta:
        unknown = ma.RAISE


class ResponseSchema(Schema):
    """What the API sends. Every field is always there (null when it has no value),
    so the document marks each one required: a typed client need not guess."""

    def on_bind_field(self, field_name, field_obj):
        field_obj.required = True


class Choice(fields.String):
    """A word of a fixed vocabulary. The document states the vocabulary once, as
    the schema component named `component`, and each field and parameter refers to
    it (api.spec); the validator refuses any other word."""

    def __init__(self, component: str, choices, **kwargs):
        super().__init__(validate=validate.OneOf(choices), **kwargs)
        self.component = component
        self.choices = tuple(choices)


def choice(component: str, choices, description: str, example: str, **kwargs):
    return described(
        Choice, description, example, component=component, choices=choices, **kwargs
    )


class ChoiceList(fields.Field):
    """Words of a vocabulary in one query parameter, separated by commas
    (`stance=critical,concerned`): an item matches when it has any of them."""

    default_error_messages = {
        "invalid": "Must be given once, its words separated by commas.",
        "empty": "Must be words separated by single commas, none of them empty.",
    }

    def __init__(self, component: str, choices, **kwargs):
        self.component = component
        self.choices = tuple(choices)
        error = f"Must be one or more of: {', '.join(choices)}, separated by commas."
        only = validate.ContainsOnly(choices, error=error)
        super().__init__(validate=only, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs) -> list[str]:
        if not isinstance(value, str):
            raise self.make_error("invalid")
        words = [word.strip() for word in value.split(",")]
        if "" in words:
            raise self.make_error("empty")
        return list(dict.fromkeys(words))


def choices_filter(component: str, choices, description: str, example: list[str]):
    return described(
        ChoiceList,
        f"{description} One or more, separated by commas: `{','.join(example)}`.",
        example,
        component=component,
        choices=choices,
    )


class QueryArgsSchema(ma.Schema):
    """Query strings also carry pagination parameters, parsed by another schema:
    the parser (api.extensions.StrictParser) refuses any other unknown name."""

    strict_query = True

    class Meta:
        unknown = ma.EXCLUDE


class UtcDateTime(fields.DateTime):
    """Datetimes stored without a zone are UTC; say so in the ISO string."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


def described(field_class, description: str, example=None, **kwargs):
    metadata = {"description": description}
    if example is not None:
        metadata["example"] = example
    return field_class(metadata=metadata, **kwargs)


def version_field():
    """The data version of the commit that last wrote the item."""
    return described(
        fields.Integer,
        "The data version that last wrote the item (added or rewrote it): what "
        "`changed_since` compares.",
        42,
    )


def sort_field(columns: tuple[str, ...], default: str, searched: bool = False):
    """`sort`; on a list with `q` (`searched`), none given means by relevance."""
    choices = [*columns, *(f"-{c}" for c in columns)]
    description = "Sort by a field; prefix with `-` for descending order."
    if not searched:
        return fields.String(
            load_default=default,
            validate=validate.OneOf(choices),
            metadata={"description": description, "example": default, "enum": choices},
        )
    description += (
        f" Without `sort`: by `{default}`, or with `q` by relevance, best match first."
    )
    return fields.String(
        validate=validate.OneOf(choices),
        metadata={"description": description, "example": default, "enum": choices},
    )


class LocatedSchema(ResponseSchema):
    """An item found in the text: `text[start:end]` is its evidence, in code
    points; `start_utf16`/`end_utf16` are the same places for JavaScript."""

    start = described(
        fields.Integer,
        f"Offset of the evidence's first character in the text. {CODE_POINTS}",
        812,
    )
    end = described(
        fields.Integer, f"Offset just past the evidence. {CODE_POINTS}", 845
    )
    start_utf16 = Utf16Offset(
        "start", f"`start` in UTF-16 code units. {UTF16_UNITS}", 812
    )
    end_utf16 = Utf16Offset("end", f"`end` in UTF-16 code units. {UTF16_UNITS}", 845)


class SpanSchema(LocatedSchema):
    text = described(fields.String, "The text between the offsets.", "Tokayev")


# NUL cannot be stored by PostgreSQL, so no parameter may carry it.
NO_NUL = validate.Regexp(r"^[^\x00]*$", error="Must not contain NUL characters.")


# Patterns spell out their characters instead of using \s, whose meaning differs
# between Python and the ECMAScript regexes that OpenAPI tools use: the document
# and the server then agree on every input.
BLANK_CHARACTERS = (
    r"\x00-\x20\x7f-\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"
)

# One pattern, so that the OpenAPI document states the whole rule: some visible
# character, and no NUL.
NOT_BLANK = validate.Regexp(
    rf"^[^\x00]*[^{BLANK_CHARACTERS}][^\x00]*$",
    error="Must contain visible characters and no NUL.",
)


class NoLoneSurrogates(validate.Validator):
    """JSON can escape half of a UTF-16 pair (`"\\ud800"`), which is no character:
    no database can store it, nor can it be encoded as UTF-8."""

    error = "Must not contain lone surrogates (U+D800 to U+DFFF)."

    def __call__(self, value: str) -> str:
        if SURROGATE.search(value):
            raise ma.ValidationError(self.error)
        return value


SURROGATE = re.compile("[\ud800-\udfff]")
NO_SURROGATES = NoLoneSurrogates()

HTTP_URL = validate.Regexp(
    r"^https?://[!-~]+$", error="Must be an http(s) URL in ASCII characters."
)


def text_param(description: str, example: str, max_length: int = 200):
    """A free-text or id query parameter."""
    return described(
        fields.String,
        description,
        example,
        validate=[validate.Length(min=1, max=max_length), NO_NUL],
    )


SEARCH_SYNTAX = (
    "Words are found whole, in any case and with or without accents (`elysee` "
    "finds “Élysée”); an item must have every word. Words between double quotes "
    'must stand together, in that order (`"prime minister"`). Nothing else is '
    "syntax: `*`, `-`, `OR`, `NEAR` and parentheses are words or spaces. At most "
    f"{MAX_QUERY_CHARACTERS} characters."
)


def search_param(description: str, example: str, **kwargs):
    """`q`: a full-text search (api.db.search), bounded in length."""
    return described(
        fields.String,
        f"{description} {SEARCH_SYNTAX}",
        example,
        validate=[validate.Length(min=1, max=MAX_QUERY_CHARACTERS), NO_NUL],
        **kwargs,
    )


def article_filter():
    return text_param(
        "Only items of this article (its id).",
        "kazakhstan-s-president-rejects-talks-1a2b3c4d",
        max_length=80,
    )


def published_after_filter(only: str = "articles"):
    """`published_after`: the day before a range of publication dates."""
    return described(
        fields.Date,
        f"Only {only} published after this day, the day itself left out "
        "(YYYY-MM-DD); articles without a date are left out.",
        "2021-12-31",
    )


def published_before_filter(only: str = "articles"):
    """`published_before`: the day after the range; not later than
    `published_after`, an empty range."""
    return described(
        fields.Date,
        f"Only {only} published before this day, the day itself left out "
        "(YYYY-MM-DD); articles without a date are left out. With "
        "`published_after` on or after it, nothing matches.",
        "2022-02-01",
    )


# Parameters that choose an article: a list of one article's items has none.
ARTICLE_FILTERS = ("article", "published_after", "published_before")


def article_of_item():
    """The `article` field of an item found in an article's text."""
    return described(
        fields.String,
        "Id of the article.",
        "kazakhstan-1a2b3c4d",
        attribute="article_id",
    )


class ActorName(fields.String):
    """The canonical name of the actor an item links to through `relation`."""

    def __init__(self, relation: str, **kwargs):
        super().__init__(dump_only=True, **kwargs)
        self.relation = relation

    def get_value(self, obj, attr, accessor=None, default=ma.missing):
        actor = getattr(obj, self.relation)
        return actor.name if actor else None


def actor_name(relation: str, description: str, example: str, nullable=True):
    return described(
        ActorName, description, example, relation=relation, allow_none=nullable
    )


def actor_ref(description: str, example="kassym-jomart-tokayev", **kwargs):
    return described(fields.String, description, example, allow_none=True, **kwargs)
