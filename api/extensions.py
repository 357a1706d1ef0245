"""flask-smorest subclasses: one error shape, `Allow` on 405, `Link` on pages."""

from __future__ import annotations

import inspect
import json
from typing import NoReturn

import flask_smorest
import marshmallow as ma
from flask import current_app
from flask.json.provider import DefaultJSONProvider
from flask_smorest import abort
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import MethodNotAllowed, RequestEntityTooLarge
from werkzeug.routing import UnicodeConverter

from api import auth, exports, formats, guards, spec
from api.offsets import with_offsets
from api.pagination import link_header, metadata
from schemas.common import Choice
from schemas.errors import ErrorSchema
from schemas.lists import ListArgsSchema

# Parameters of every list, parsed apart from its filters.
PAGINATION_NAMES = frozenset({"page", "page_size", "format", *ListArgsSchema().fields})
# Page sizes are part of the public contract, so they are constants, not settings.
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def _path_text(_converter) -> dict:
    # The guard in api.guards refuses NUL anywhere in a URL; document it.
    return {"type": "string", "pattern": "^[^\\x00]+$"}


class StrictJSONProvider(DefaultJSONProvider):
    """JSON has no NaN or Infinity: a value needing them is a server error here,
    never an invalid document that a client's JSON.parse throws on."""

    def dumps(self, obj, **kwargs):
        kwargs.setdefault("allow_nan", False)
        return super().dumps(obj, **kwargs)


class Api(flask_smorest.Api):
    ERROR_SCHEMA = ErrorSchema

    def init_app(self, app, *, spec_kwargs=None):
        super().init_app(app, spec_kwargs=spec_kwargs)
        self.register_converter(UnicodeConverter, _path_text)
        self.spec.components.security_scheme(auth.SCHEME, auth.SECURITY_SCHEME)
        spec.init_spec(self)

    def _register_pagination_header(self):
        self.spec.components.header("PAGINATION", spec.PAGINATION_HEADER, lazy=True)

    def handle_http_exception(self, error):
        payload, status, headers = super().handle_http_exception(error)
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        if isinstance(error, RequestEntityTooLarge) and limit:
            payload["message"] = f"The body is larger than {limit:,} bytes, the limit."
        payload.setdefault("message", error.description)
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            # flask-smorest builds its own headers and would drop Werkzeug's Allow.
            headers = {**dict(headers), "Allow": ", ".join(error.valid_methods)}
        return payload, status, headers


class PaginationArgsSchema(ListArgsSchema):
    """Documents the pagination parameters (flask-smorest's own schema parses
    them), `format` (api.exports reads it), `cursor` and `changed_since`
    (api.pagination reads them)."""

    page = ma.fields.Integer(
        load_default=1,
        validate=ma.validate.Range(min=1),
        metadata={"description": "Page number, from 1.", "example": 1},
    )
    page_size = ma.fields.Integer(
        load_default=PAGE_SIZE,
        validate=ma.validate.Range(min=1, max=MAX_PAGE_SIZE),
        metadata={
            "description": f"Items per page, at most {MAX_PAGE_SIZE}.",
            "example": PAGE_SIZE,
        },
    )
    format = Choice(
        "ListFormat",
        formats.NAMES,
        load_default="json",
        metadata={"description": exports.FORMAT_DESCRIPTION, "example": "csv"},
    )


LINK_HEADER = {
    "description": "Links to the first, previous, next and last pages (RFC 8288); "
    "after a `cursor`, `next` starts after this page by the next cursor. With "
    "every page of JSON, not with an export.",
    "schema": {"type": "string"},
}


# api.caching sends these with every successful read.
CACHE_HEADERS = {
    "ETag": {
        "description": "Tag of this representation; send it back in `If-None-Match` "
        "to get `304 Not Modified` while it has not changed.",
        "schema": {"type": "string"},
        "required": True,
    },
    "Cache-Control": {
        "description": "How long a client or proxy may reuse the response.",
        "schema": {"type": "string", "example": "public, max-age=60"},
        "required": True,
    },
}


NOT_MODIFIED = (
    "Not Modified: the `If-None-Match` header named the current `ETag`; no body."
)


def invalid_json(detail: str) -> NoReturn:
    """400 for a body declared as JSON that does not parse, saying where."""
    message = f"The body is not valid JSON: {detail}."
    abort(400, message=message, errors={"json": [message]})


def unique_keys(pairs: list[tuple]) -> dict:
    """'{"title": "A", "title": "B"}' is ambiguous (parsers keep either one): a 400
    naming the key."""
    seen = set()
    for key, _ in pairs:
        if key in seen:
            invalid_json(f"the key {json.dumps(key)} is given twice in one object")
        seen.add(key)
    return dict(pairs)


def _parse_json(body: bytes):
    """The body parsed once, refusing a repeated key; bytes that are not UTF-8
    fail as webargs reports them, so the 400 says where."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        reason = f"Bytes decoding error : {error.reason}"
        raise json.JSONDecodeError(reason, str(error.object), error.start) from error
    return json.loads(text, object_pairs_hook=unique_keys)


class StrictParser(FlaskParser):
    """A scalar parameter given twice is an error (422), not a silent first pick;
    a body too costly to parse is refused before it is parsed."""

    def _raw_load_json(self, req):
        if not req.is_json:
            return super()._raw_load_json(req)
        body = req.get_data(cache=True)
        guards.refuse_costly_json(body)
        return _parse_json(body)

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        if isinstance(error, UnicodeDecodeError):
            invalid_json(f"byte {error.start} is not UTF-8")
        invalid_json(f"{error.msg} at line {error.lineno}, column {error.colno}")

    def load_querystring(self, req, schema):
        values = {}
        for key, given in req.args.lists():
            many = isinstance(schema.fields.get(key), ma.fields.List)
            values[key] = given if many or len(given) > 1 else given[0]
        if getattr(schema, "strict_query", False):
            # A list's own query schema sees every parameter; pagination's are
            # parsed by flask-smorest's schema, so they are known here too.
            unknown = sorted(set(values) - set(schema.fields) - PAGINATION_NAMES)
            if unknown:
                raise ma.ValidationError(
                    {key: ["Unknown parameter."] for key in unknown}
                )
        return values


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()
    PAGINATION_ARGUMENTS_PARSER = StrictParser()
    DEFAULT_PAGINATION_PARAMETERS = {
        "page": 1,
        "page_size": PAGE_SIZE,
        "max_page_size": MAX_PAGE_SIZE,
    }

    def response(self, status_code, schema=None, **kwargs):
        """A read's 200 also documents its cache headers and the 304 they allow;
        every body is dumped with its articles' UTF-16 offsets at hand."""
        if status_code != 200:
            decorate = super().response(status_code, schema, **kwargs)
            return lambda view: with_offsets(decorate(view))
        kwargs.setdefault("headers", dict(CACHE_HEADERS))  # paginate adds to it
        decorate = super().response(status_code, schema, **kwargs)
        not_modified = self.alt_response(304, description=NOT_MODIFIED)

        def decorator(view):
            if "pagination" not in getattr(view, "_apidoc", {}):
                return not_modified(with_offsets(decorate(view)))
            # A list: its view (inside the pager) also feeds the exports, which
            # the document shows after the JSON.
            listing_view = inspect.unwrap(view)
            for content_type in formats.CONTENT_TYPES:
                view = self.alt_response(
                    200,
                    schema={"type": "string"},
                    content_type=content_type,
                    success=True,
                )(view)
            dumping = exports.exporting(
                decorate(view), listing_view, schema, PaginationArgsSchema
            )
            return not_modified(with_offsets(dumping))

        return decorator

    def paginate(self, pager=None, **kwargs):
        decorate = super().paginate(pager, **kwargs)

        def decorator(func):
            wrapper = decorate(func)
            wrapper._apidoc["pagination"]["parameters"]["schema"] = PaginationArgsSchema
            return wrapper

        return decorator

    def _document_pagination_metadata(self, spec, resp_doc):
        super()._document_pagination_metadata(spec, resp_doc)
        resp_doc["headers"]["Link"] = LINK_HEADER

    def _set_pagination_metadata(self, page_params, result, headers):
        result, headers = super()._set_pagination_metadata(page_params, result, headers)
        meta = metadata(page_params, json.loads(headers[self.PAGINATION_HEADER_NAME]))
        headers[self.PAGINATION_HEADER_NAME] = json.dumps(meta)
        headers["Link"] = link_header(page_params, meta["total_pages"])
        return result, headers
