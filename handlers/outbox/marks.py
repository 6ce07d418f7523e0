"""Every message the outbox posts carries its delivery's key as Slack message metadata.

A retry cannot know whether the failed attempt reached Slack: a timeout, a 5xx that had in
fact posted, or a replica killed between posting and recording. So a retry first looks for
its own mark in the conversation and takes that message instead of posting a second one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

EVENT_TYPE = "askaround_delivery"
LOOKBACK = 100


@dataclass(frozen=True)
class Attempt:
    key: str
    retry: bool


CURRENT: ContextVar[Attempt | None] = ContextVar("askaround_delivery", default=None)


@contextmanager
def attempting(key: str, attempt: int) -> Iterator[None]:
    """Mark what is posted inside this block with `key`; `attempt` counts from 1."""
    token = CURRENT.set(Attempt(key, retry=attempt > 1))
    try:
        yield
    finally:
        CURRENT.reset(token)


def mark(key: str) -> dict[str, Any]:
    return {"event_type": EVENT_TYPE, "event_payload": {"key": key}}


def find_mark(messages: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    wanted = mark(key)
    for message in messages:
        if message.get("metadata") == wanted:
            return message
    return None
