"""Parameters every list takes beside its filters: where to start, and since when."""

import marshmallow as ma
from marshmallow import fields, validate

from schemas.common import NO_NUL, described

LARGEST_VERSION = 2**63 - 1


class ListArgsSchema(ma.Schema):
    cursor = described(
        fields.String,
        "Start after the last item of a page: the `next_cursor` of that page's "
        "`X-Pagination` (or its `Link` rel=next). Reads as fast at any depth, "
        "with every sort; not together with `page`, nor in relevance order (`q` "
        "without `sort`, and the search), which is paged by `page`. In an export, "
        "starts the export there (to resume one).",
        "WyI0ZjFhIiwxMjY3LCJxLTQ4ZGU5MWYxYWMiXQ.k3Fv0x1Y2a8",
        validate=[validate.Length(min=1, max=4096), NO_NUL],
    )
    changed_since = described(
        fields.Integer,
        "Only items written (added or rewritten) after this data version: the "
        "`version` of `X-Pagination` when a list was read (or the highest "
        "`version` of its items). They come in the order of the writes (by "
        "`version`, then id), so `sort` does not go with it. Items removed since "
        "are in `GET /deletions?changed_since=`.",
        41,
        validate=validate.Range(min=0, max=LARGEST_VERSION),
    )
