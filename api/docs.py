"""Swagger UI at /docs, served from the installed flask-swagger-ui package (no CDN)."""

from flask import Flask
from flask_swagger_ui import get_swaggerui_blueprint

DOCS_URL = "/docs"
# Swagger UI would build it from the Host header, echoing whatever a client sent.
OAUTH_REDIRECT = f"{DOCS_URL}/oauth2-redirect.html"


def init_app(app: Flask) -> None:
    spec_url = f"{app.config['OPENAPI_URL_PREFIX']}/{app.config['OPENAPI_JSON_PATH']}"
    app.register_blueprint(
        get_swaggerui_blueprint(
            DOCS_URL,
            spec_url,
            config={
                "app_name": "Lede API",
                "deepLinking": True,
                "oauth2RedirectUrl": OAUTH_REDIRECT,
            },
        )
    )
