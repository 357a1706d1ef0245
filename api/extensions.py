"""flask-smorest subclasses: one error shape, `Allow` on 405, `Link` on pages."""

from __future__ import annotations

import json

import flask_smorest
from werkzeug.exceptions import MethodNotAllowed

from api.pagination import link_header


class Api(flask_smorest.Api):
    def handle_http_exception(self, error):
        payload, status, headers = super().handle_http_exception(error)
        payload.setdefault("message", error.description)
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            # flask-smorest builds its own headers and would drop Werkzeug's Allow.
            headers = {**dict(headers), "Allow": ", ".join(error.valid_methods)}
        return payload, status, headers


class Blueprint(flask_smorest.Blueprint):
    def _set_pagination_metadata(self, page_params, result, headers):
        result, headers = super()._set_pagination_metadata(page_params, result, headers)
        meta = json.loads(headers[self.PAGINATION_HEADER_NAME])
        headers["Link"] = link_header(
            page_params.page, page_params.page_size, meta["total_pages"]
        )
        return result, headers
