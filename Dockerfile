# arrestwatch service image: `docker build -t arrestwatch .`
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# Dependencies first (cached layer), from pyproject.toml.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY storage/migrations ./storage/migrations
RUN pip install . \
    && useradd --create-home --uid 10001 arrestwatch \
    && mkdir -p /app/storage \
    && chown arrestwatch:arrestwatch /app/storage

COPY sources.toml ./
USER arrestwatch
# The SQLite database (and its lock file) live here: keep it on a volume.
VOLUME ["/app/storage"]
CMD ["arrestwatch", "run"]
