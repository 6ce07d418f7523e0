"""What the outbox calls for a kind of delivery: to send it, and to keep its promise when
the outbox gives it up (each kind's module maps its kinds to these; the worker merges them)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.services import Services

Delivery = Callable[[AsyncWebClient, Services, str, dict[str, Any]], Awaitable[None]]
GivenUp = Callable[[Services, str, dict[str, Any]], Awaitable[None]]
