"""gunicorn settings for `make run`, `lede serve` and the Docker image."""

import multiprocessing
import os

from api import serving

bind = os.environ.get("LEDE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("LEDE_WORKERS", min(4, multiprocessing.cpu_count() * 2)))
threads = int(os.environ.get("LEDE_THREADS", 2))
timeout = 60
# "-" logs each request to stdout; an empty value switches the access log off.
accesslog = os.environ.get("LEDE_ACCESS_LOG", "-") or None
# Keys never reach the log: query values, Basic user names and credentials are cut.
logger_class = serving.AccessLogger
loglevel = os.environ.get("LEDE_LOG_LEVEL", "info").lower()
# A client that sends a 10 MB URL or 16 KB headers is refused before any parsing.
limit_request_line = serving.LIMIT_REQUEST_LINE
limit_request_field_size = serving.LIMIT_REQUEST_FIELD_SIZE
limit_request_fields = serving.LIMIT_REQUEST_FIELDS


def post_worker_init(worker):
    serving.answer_errors_in_json()
