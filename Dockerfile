# askaround in a container: the same steps as `scripts/wheel-smoke`, which CI runs (this file is
# not built in CI: that machine has no container runtime). Build the wheel with `python -m
# build`, install it into a fresh venv, run `askaround serve` as a user without privileges.
#   docker build -t askaround .
#   docker run --env-file .env -p 127.0.0.1:3000:3000 -v askaround-data:/var/lib/askaround askaround
# See docs/deploy.md; compose.yaml runs it with PostgreSQL.

FROM python:3.11-slim AS wheel
WORKDIR /src
# What the wheel is built from, and nothing else (no tests, emulator or benchmarks).
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN python -m venv /build-venv \
 && /build-venv/bin/pip install --no-cache-dir --no-compile build "setuptools>=77" \
 && /build-venv/bin/python -m build --wheel --no-isolation --outdir /dist .

FROM python:3.11-slim
RUN useradd --system --uid 10001 --create-home --home-dir /var/lib/askaround askaround
COPY --from=wheel /dist/ /tmp/dist/
RUN python -m venv /opt/askaround \
 && /opt/askaround/bin/pip install --no-cache-dir /tmp/dist/askaround-*.whl \
 && rm -rf /tmp/dist
ENV PATH=/opt/askaround/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    ASKAROUND_HOST=0.0.0.0 \
    ASKAROUND_PORT=3000 \
    ASKAROUND_DATABASE_URL=sqlite:////var/lib/askaround/askaround.db \
    ASKAROUND_LOG_FORMAT=json
USER askaround
WORKDIR /var/lib/askaround
VOLUME ["/var/lib/askaround"]
EXPOSE 3000
# The image has no curl: Python asks /healthz (200 when the database answers, else 503).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['ASKAROUND_PORT'], timeout=4)"
# Exec form: askaround is PID 1 and gets the SIGTERM of `docker stop`, finishing its work.
CMD ["askaround", "serve"]
