"""Logging set-up that keeps secrets out of every log line, whoever wrote the line.

slack_sdk already redacts the Authorization header, but tokens also travel in other places
(a pasted URL, an exception message); the filter masks anything shaped like one, plus the
configured secrets themselves, and the OAuth codes and states of installs.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import TextIO

REQUEST_ID: ContextVar[str] = ContextVar("askaround_request_id", default="")
TOKEN_SHAPES = re.compile(r"\b(xox[a-z]-|xapp-)[A-Za-z0-9-]+")
# An OAuth code or state is as good as a token until it is used: `code=…` in a redirect URL,
# `code: …` in Bolt's refusal line, `'code': '…'` in slack_sdk's request lines. A value needs
# a digit and 8 characters, so "status code: 500" or "code: invalid_code" read as they were.
OAUTH_VALUES = re.compile(
    r"""(\b(?:code|state|client_secret)['"]?\s*[=:]\s*['"]?)(?=[^\s&'",]*[0-9])[^\s&'",]{8,}"""
)
MASK = "[redacted]"
# slack_sdk's clients test their own logger's `level`, not the effective one, before building
# a call's debug lines (the request's arguments, the answer's headers and whole body, about
# 30 µs a call): left unset, the level is 0 and the lines were built for every call, then
# dropped. Bolt's loggers copy the root's level when made, so need nothing.
LEVEL_READ_AS_SET = ("slack_sdk.web.async_base_client", "slack_sdk.webhook.async_client")


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if len(s) >= 6]

    def redact(self, text: str) -> str:
        text = TOKEN_SHAPES.sub(r"\1" + MASK, text)
        text = OAUTH_VALUES.sub(r"\1" + MASK, text)
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self.redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


class InUtc(logging.Formatter):
    """Times in UTC, ISO 8601 with milliseconds and `Z`, whatever the host's zone: logging's
    own is the host's local time with no zone ("2026-12-08 14:55:31,123" on a host in
    Kiritimati), which an operator comparing replicas' and Slack's times takes for UTC."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        moment = datetime.fromtimestamp(record.created, UTC)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class JsonLines(InUtc):
    """One JSON object a line, with the Slack request being handled, for log pipelines."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if REQUEST_ID.get():
            entry["request_id"] = REQUEST_ID.get()
        if record.exc_text:
            entry["error"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


class WithRequestId(InUtc):
    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = REQUEST_ID.get()
        return f"{line} [{request_id}]" if request_id else line


def configure_logging(
    level: str, secrets: Iterable[str] = (), stream: TextIO | None = None, fmt: str = "text"
) -> None:
    handler = logging.StreamHandler(stream)
    text = WithRequestId("%(asctime)s %(levelname)s %(name)s %(message)s")
    handler.setFormatter(JsonLines() if fmt == "json" else text)
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in LEVEL_READ_AS_SET:
        logging.getLogger(name).setLevel(level)
