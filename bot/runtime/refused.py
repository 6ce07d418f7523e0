"""Why a request to `/slack/events` failed its signature check, told to the operator.

A wrong SLACK_SIGNING_SECRET (the Client Secret or the old verification token pasted in its
place) had every request from Slack answered 401 with nothing in the log but aiohttp's access
lines, while Slack told people the app "did not respond". Each kind of refusal is logged at
most once a minute, with how many more there were: Slack retries, and anyone on the internet
can post to the URL.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping

from bot.clock import wall_clock

log = logging.getLogger("askaround.signatures")

EVERY_SECONDS = 60.0
WINDOW_SECONDS = 300  # slack_sdk's: a timestamp further off than this is refused


class RefusedSignatures:
    def __init__(self) -> None:
        self._told: dict[str, float] = {}
        self._since: dict[str, int] = {}

    def refused(self, headers: Mapping[str, str]) -> None:
        """Log why a request whose signature was refused was: once a minute for each kind."""
        kind, level, said = _why(headers)
        now = time.monotonic()
        last = self._told.get(kind)
        if last is not None and now - last < EVERY_SECONDS:
            self._since[kind] = self._since.get(kind, 0) + 1
            return
        more = self._since.pop(kind, 0)
        self._told[kind] = now
        also = f" ({more} more since the last such line)" if more else ""
        log.log(level, "refused a request to /slack/events (401): %s%s", said, also)


def _why(headers: Mapping[str, str]) -> tuple[str, int, str]:
    """The kind of refusal, its log level and what to do about it."""
    timestamp = _header(headers, "X-Slack-Request-Timestamp")
    if not _header(headers, "X-Slack-Signature") or not timestamp:
        return "unsigned", logging.INFO, "it has no Slack signature, so it is not from Slack"
    try:
        off = int(wall_clock().timestamp()) - int(timestamp)
    except ValueError:
        return "unsigned", logging.INFO, "its timestamp is not a number, so it is not from Slack"
    if abs(off) > WINDOW_SECONDS:
        return (
            "stale",
            logging.WARNING,
            f"its timestamp is {abs(off)} s {'behind' if off > 0 else 'ahead of'} this "
            "machine's clock (5 minutes are allowed): keep the clock right (NTP); a replay "
            "of an old request is refused so too",
        )
    return (
        "mismatch",
        logging.WARNING,
        "its signature does not match SLACK_SIGNING_SECRET: if Slack's requests are all "
        "refused so, set it to this app's Signing Secret (Basic Information → App "
        "Credentials; not the Client Secret nor the Verification Token), and have any proxy "
        "pass the body on unchanged",
    )


def _header(headers: Mapping[str, str], name: str) -> str:
    return next((v for k, v in headers.items() if k.lower() == name.lower()), "")
