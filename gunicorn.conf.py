"""gunicorn settings for `make run`, `lede serve` and the Docker image."""

import multiprocessing
import os

bind = os.environ.get("LEDE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("LEDE_WORKERS", min(4, multiprocessing.cpu_count() * 2)))
threads = int(os.environ.get("LEDE_THREADS", 2))
timeout = 60
# "-" logs each request to stdout; an empty value switches the access log off.
accesslog = os.environ.get("LEDE_ACCESS_LOG", "-") or None
# Keys never reach the log: query values, Basic user names and credentials are cut.
logger_class = "api.access_log.AccessLogger"
loglevel = os.environ.get("LEDE_LOG_LEVEL", "info").lower()
limit_request_line = 0  # the app validates every parameter and answers in JSON
