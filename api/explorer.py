"""Lede Explorer: the web page at `/`, plain HTML, CSS and JavaScript modules."""

from pathlib import Path

from flask import Blueprint, Flask, send_from_directory

STATIC = Path(__file__).resolve().parent / "static" / "explorer"
STATIC_URL = "/explorer"

blp = Blueprint(
    "explorer", __name__, static_folder=str(STATIC), static_url_path=STATIC_URL
)


@blp.get("/")
def index():
    return send_from_directory(STATIC, "index.html", max_age=0)


def init_app(app: Flask) -> None:
    app.register_blueprint(blp)
