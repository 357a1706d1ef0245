"""Deletions: the items writes removed, for a mirror to remove them too."""

from marshmallow import fields

from schemas.common import (
    QueryArgsSchema,
    ResponseSchema,
    choice,
    choices_filter,
    described,
)

# The kinds of item a mirror knows by id (api.db.changes.KINDS).
ITEM_KINDS = ("article", "actor", "mention", "quote", "reaction", "statistic")


class DeletionSchema(ResponseSchema):
    kind = choice(
        "ItemKind",
        ITEM_KINDS,
        "What was removed: an article (with all its items), an actor no article "
        "mentions any more, or an item its article no longer has.",
        "quote",
    )
    id = described(
        fields.String,
        "The removed item's id (a mention's, in digits).",
        "q-48de91f1ac",
        attribute="item_id",
    )
    version = described(
        fields.Integer,
        "The data version of the write that removed it.",
        43,
    )


class DeletionQueryArgsSchema(QueryArgsSchema):
    kind = choices_filter(
        "ItemKind", ITEM_KINDS, "Only removals of these kinds.", ["article", "quote"]
    )
