"""Security headers on every response, and a Content-Security-Policy per page that
allows only what the page loads."""

from __future__ import annotations

import base64
import hashlib
import re

from flask import Flask, Response, request

from api.docs import DOCS_URL
from api.explorer import STATIC_URL

EVERYWHERE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # For browsers that do not read CSP's frame-ancestors.
    "X-Frame-Options": "DENY",
}
# JSON, files and errors: nothing to run, style or frame.
NOTHING = "default-src 'none'; frame-ancestors 'none'"
# A page: its own scripts, styles and images (icons are data: URLs), data from the
# API on the same origin, and never in a frame.
PAGE = (
    "default-src 'none'; script-src {scripts}; style-src {styles}; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)
# The one <style> element that Swagger UI's bundle writes: its logo's colours.
SWAGGER_LOGO_STYLE = (
    b".logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}"
)


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)


def add_security_headers(response: Response) -> Response:
    response.headers.update(EVERYWHERE)
    response.headers["Content-Security-Policy"] = _policy(response)
    return response


def _policy(response: Response) -> str:
    path = request.path
    if path == "/" or path.startswith(f"{STATIC_URL}/"):
        return PAGE.format(scripts="'self'", styles="'self'")
    if path.startswith(DOCS_URL) and response.mimetype == "text/html":
        # Swagger UI's page configures itself in one inline script: allow exactly
        # that script, as it was rendered, and the bundle's logo style.
        scripts = INLINE_SCRIPT.findall(response.get_data())
        return PAGE.format(
            scripts=" ".join(["'self'", *map(_hash, scripts)]),
            styles=f"'self' {_hash(SWAGGER_LOGO_STYLE)}",
        )
    return NOTHING


def _hash(source: bytes) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(source).digest()).decode()}'"
