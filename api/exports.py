"""Lists as CSV or NDJSON (`format=csv`, `format=ndjson`): the whole list, with
the same filters and sort, in one body of at most MAX_EXPORT_ROWS items."""

from __future__ import annotations

import csv
import io
import json
from functools import wraps

from flask import Response, current_app, request
from flask_smorest import abort
from flask_smorest.pagination import PaginationMixin

from api import offsets
from api.db import session
from api.formats import FORMATS, requested_format
from api.pagination import Listing, count_rows

# Enough for every item of a large article set in one download, small enough to
# render in memory: a larger list is refused, to be narrowed with filters.
MAX_EXPORT_ROWS = 10_000
# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

FORMAT_DESCRIPTION = (
    "`json` (pages, the default), or the whole list as `csv` (one column per "
    "field; lists and objects as JSON; a text starting with `=`, `+`, `-` or `@` "
    "gets a leading `'` so that no spreadsheet runs it) or `ndjson` (one JSON item "
    f"a line), at most {MAX_EXPORT_ROWS:,} items: more is a 422, to narrow with "
    "filters. An export holds the whole list: `page` and `page_size` are checked "
    "but do not apply. Without `format`, an `Accept` header that prefers "
    "`text/csv` or `application/x-ndjson` to JSON chooses the export."
)


def exporting(dump_page, listing_view, schema, list_args):
    """`dump_page` (the paged JSON view), or the export of what `listing_view`
    lists when one is asked for. `list_args` (a schema) checks the parameters
    the pager would, which an export accepts but does not apply."""

    @wraps(dump_page)
    def wrapper(*args, **kwargs):
        kind = requested_format()
        if kind is None:
            return dump_page(*args, **kwargs)
        fields = list_args().fields
        given = {name: request.args[name] for name in fields if name in request.args}
        errors = list_args().validate(given)
        if errors:
            abort(422, errors={"query": errors})
        return export(listing_view(*args, **kwargs), schema, kind)

    return wrapper


def export(listing: Listing, schema, kind: str) -> Response:
    count = count_rows(listing.statement)
    if count > MAX_EXPORT_ROWS:
        _refuse(
            f"An export holds at most {MAX_EXPORT_ROWS:,} items; this list has "
            f"{count:,}: narrow it with filters."
        )
    rows = list(session().scalars(listing.statement))
    offsets.prime(rows)
    items = schema.dump(listing.present(rows))
    body = to_csv(items, list(schema.fields)) if kind == "csv" else to_ndjson(items)
    name = request.path.rstrip("/").rsplit("/", 1)[-1]
    meta = PaginationMixin._make_pagination_metadata(1, max(count, 1), count)
    headers = {
        "X-Pagination": json.dumps(meta),
        "Content-Disposition": f'attachment; filename="{name}.{kind}"',
    }
    return Response(body, headers=headers, content_type=FORMATS[kind])


def to_ndjson(items: list[dict]) -> str:
    """Each item as the JSON list writes it, one a line."""
    return "".join(current_app.json.dumps(item) + "\n" for item in items)


def to_csv(items: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for item in items:
        writer.writerow([cell(item[column]) for column in columns])
    return out.getvalue()


def cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _refuse(message: str) -> None:
    abort(422, message=message, errors={"query": {"format": [message]}})
