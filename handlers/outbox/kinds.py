"""What the outbox calls for a kind of delivery: to send it, to keep its promise when the
outbox gives it up, and how long Slack's pace would hold its first call (each kind's module
maps its kinds to these; the worker merges them)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.services import Services

Delivery = Callable[[AsyncWebClient, Services, str, dict[str, Any]], Awaitable[None]]
GivenUp = Callable[[Services, str, dict[str, Any]], Awaitable[None]]
# Seconds until the delivery's first Slack call would be let through, asked (with what the
# queueing transaction handed over, `enqueue`'s memo) while it is queued: 0 for at once;
# and what books that turn for it, called only once it is queued (a delivery queued a
# second time is not, and must not take a turn from the next).
FirstTurn = Callable[[AsyncWebClient, Any], tuple[float, Callable[[], None]]]
