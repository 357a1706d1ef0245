"""gunicorn settings for `gunicorn --config gunicorn.conf.py "api:create_app()"`:
the same as `lede serve`'s, which come from api.config and api.serving."""

from api.config import settings
from api.serving import gunicorn_options

globals().update(gunicorn_options(settings()))
