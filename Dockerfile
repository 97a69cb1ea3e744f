# arrestwatch service image: `docker build -t arrestwatch .`
#
# Two stages: the first installs the package and its dependencies into a virtual
# environment (/opt/venv); the second is a clean python:3.11-slim with only that
# environment copied in: no source tree, no pip cache, no build tools (every
# dependency ships a wheel or is pure Python, so none are needed), running as a non-root user.

FROM python:3.11-slim AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
# Dependencies first, from the lock file alone (every package pinned with its hashes;
# docs/dependencies.md says how to refresh it): this layer is rebuilt only when the lock
# changes, and two builds a month apart install the same versions.
COPY requirements.lock ./
RUN /opt/venv/bin/pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY storage/migrations ./storage/migrations
# The package itself, without resolving anything again; then `pip check` fails the build
# if the lock no longer satisfies pyproject.toml. pip is not needed at run time.
RUN /opt/venv/bin/pip install --no-cache-dir --no-deps . \
    && /opt/venv/bin/pip check \
    && /opt/venv/bin/python -m pip uninstall --yes --quiet pip


FROM python:3.11-slim

# /healthz and /metrics on every interface (see the README); ARRESTWATCH_HTTP_PORT=off
# turns them off, and then the HEALTHCHECK below fails: override it too.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    ARRESTWATCH_HTTP_PORT=8080 \
    ARRESTWATCH_HTTP_HOST=0.0.0.0

RUN useradd --create-home --uid 10001 arrestwatch \
    && mkdir -p /app/storage \
    && chown arrestwatch:arrestwatch /app/storage
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY sources.toml ./
USER arrestwatch
# The SQLite database (and its lock file) live here: keep it on a volume. With
# DATABASE_URL=postgresql://… nothing is written here.
VOLUME ["/app/storage"]
EXPOSE 8080
# Healthy when the scheduler runs and the database answers (503 otherwise); python's
# urllib raises on any status but 2xx, so no curl is needed in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('ARRESTWATCH_HTTP_PORT', '8080'), timeout=4)" || exit 1
CMD ["arrestwatch", "run"]
