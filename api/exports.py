"""Lists as CSV or NDJSON (`format=csv`, `format=ndjson`): the whole list, with
the same filters and sort, streamed as it is read, a batch of rows at a time
after the last (keyset), so that an export of any size holds one batch in memory."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from functools import wraps

from flask import Response, current_app, request, stream_with_context
from flask_smorest import abort
from flask_smorest.pagination import PaginationMixin
from marshmallow.experimental.context import Context

from api import offsets
from api.db import keyset, session
from api.formats import FORMATS, requested_format
from api.pagination import Listing, Window, count_rows, window, with_version

# Rows read by one statement of an export: its memory, whatever the list's size.
EXPORT_BATCH = 500
# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

FORMAT_DESCRIPTION = (
    "`json` (pages, the default), or the whole list as `csv` (one column per "
    "field; lists and objects as JSON; a text starting with `=`, `+`, `-` or `@` "
    "gets a leading `'` so that no spreadsheet runs it) or `ndjson` (one JSON item "
    "a line), streamed, with no limit on its size. An export holds the whole list "
    "(after `cursor`, if given, and changed since `changed_since`): `page` and "
    "`page_size` are checked but do not apply. Without `format`, an `Accept` "
    "header that prefers `text/csv` or `application/x-ndjson` to JSON chooses the "
    "export."
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
    rows = window(listing)
    count = count_rows(rows.statement)
    name = request.path.rstrip("/").rsplit("/", 1)[-1]
    meta = PaginationMixin._make_pagination_metadata(1, max(count, 1), count)
    headers = {
        "X-Pagination": json.dumps(with_version(meta)),
        "Content-Disposition": f'attachment; filename="{name}.{kind}"',
    }
    body = stream_with_context(_render(listing, rows, schema, kind))
    return Response(body, headers=headers, content_type=FORMATS[kind])


def _render(listing: Listing, rows: Window, schema, kind: str) -> Iterator[str]:
    columns = list(schema.fields)
    if kind == "csv":
        yield to_csv([], columns)
    for batch in batches(rows):
        # Offsets for this batch's articles only, as the items of a page.
        with Context({"utf16": offsets.ArticleOffsets()}):
            offsets.prime(batch)
            items = schema.dump(listing.present(batch))
        yield (
            to_csv(items, columns, header=False) if kind == "csv" else to_ndjson(items)
        )


def batches(rows: Window, size: int | None = None) -> Iterator[list]:
    """The items of the window, `size` at a time, each batch one statement (two
    where a sort column's nulls begin) after the last row of the one before."""
    size = size or EXPORT_BATCH
    if rows.order.relevance:
        yield from _streamed(rows.statement, size)
        return
    after = rows.after
    while True:
        found = keyset.rows(session(), rows.statement, rows.order, after, size)
        if found:
            yield [item for item, _ in found]
            session().expunge_all()  # the batch's rows, read and written: let go
        if len(found) < size:
            return
        after = found[-1][1]


def _streamed(stmt, size: int) -> Iterator[list]:
    """A list by relevance, whose rank no key can resume from: one statement,
    read `size` rows at a time, so that it is one snapshot of the list."""
    db = session()
    result = db.scalars(stmt.execution_options(yield_per=size))
    for partition in result.partitions():
        yield list(partition)
        # Not expunge_all(): the result still loads into this identity map.
        for item in partition:
            if item in db:
                db.expunge(item)


def to_ndjson(items: list[dict]) -> str:
    """Each item as the JSON list writes it, one a line."""
    return "".join(current_app.json.dumps(item) + "\n" for item in items)


def to_csv(items: list[dict], columns: list[str], header: bool = True) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if header:
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
