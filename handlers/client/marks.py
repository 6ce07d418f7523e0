"""Every message the outbox posts carries its delivery's key as Slack message metadata.

A retry cannot know whether the failed attempt reached Slack: a timeout, a 5xx that had in
fact posted, or a replica killed between posting and recording. So a retry first looks for
its own mark in the conversation and takes that message instead of posting a second one.
The client puts the mark on each post of the delivery being attempted (`paced.py`) and looks
for it (`lookup.py`); the outbox worker says which delivery that is (`attempting`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPE = "askaround_delivery"
LOOKBACK = 100


@dataclass
class Attempt:
    key: str
    retry: bool  # an earlier attempt may have posted: look for its mark (once) before posting
    delivery_id: int | None = None
    # The delivery's own transaction marks it sent (`recorded_with`): the worker need not.
    recorded: bool = False
    memo: Any = None  # what the transaction that queued it knew (`Claimed.memo`)
    # It posted a message: put back to wait its turn, its next attempt must look for it.
    posted: bool = False
    # What it posted at the top of a DM, (channel, ts): recorded as its kind (`bot_dms`).
    dms: list[tuple[str, str]] = field(default_factory=list)
    kind: str = ""


CURRENT: ContextVar[Attempt | None] = ContextVar("askaround_delivery", default=None)


@contextmanager
def attempting(
    key: str, attempt: int, delivery_id: int | None = None, memo: Any = None, kind: str = ""
) -> Iterator[Attempt]:
    """Mark what is posted inside this block with `key`; `attempt` counts from 1. `kind`, the
    delivery's, is what its posts at the top of DMs are recorded as."""
    current = Attempt(key, retry=attempt > 1, delivery_id=delivery_id, memo=memo, kind=kind)
    token = CURRENT.set(current)
    try:
        yield current
    finally:
        CURRENT.reset(token)


def retrying() -> bool:
    """Whether the delivery being attempted may have posted on an earlier attempt whose
    answer was lost, not yet looked for (`earlier.posted_earlier`)."""
    current = CURRENT.get()
    return current is not None and current.retry


def posted() -> bool:
    """Whether the delivery being attempted has posted a message yet."""
    current = CURRENT.get()
    return current is not None and current.posted


def memo() -> Any:
    """What the transaction that queued the delivery being sent knew, when it was handed
    straight to this worker (None otherwise: read it)."""
    current = CURRENT.get()
    return None if current is None else current.memo


def delivery_id() -> int | None:
    """The outbox delivery being attempted; None outside the worker."""
    current = CURRENT.get()
    return None if current is None else current.delivery_id


def recorded_with() -> int | None:
    """The delivery being attempted, for the transaction that records what it posted to
    mark it sent as well (one transaction rather than two); None outside the worker. If
    that transaction fails, the attempt fails and the worker records that."""
    current = CURRENT.get()
    if current is None or current.delivery_id is None:
        return None
    current.recorded = True
    return current.delivery_id


def dms_posted() -> tuple[str, tuple[tuple[str, str], ...]]:
    """The delivery being attempted's kind and what it has posted at the top of DMs so far,
    for the transaction that records what it posted to record as well (`bot_dms`: one
    transaction rather than two); `dms_recorded` once that has committed."""
    current = CURRENT.get()
    if current is None:
        return "", ()
    return current.kind, tuple(current.dms)


def dms_recorded(posts: tuple[tuple[str, str], ...]) -> None:
    """These DM posts were recorded with the delivery's own transaction: the worker, which
    records the rest after the attempt, leaves them out."""
    current = CURRENT.get()
    if current is not None:
        current.dms = [dm for dm in current.dms if dm not in posts]


def posted_in_dm(args: dict[str, Any], answer: Any) -> None:
    """Note a chat.postMessage the delivery being attempted made at the top of a DM."""
    current = CURRENT.get()
    channel = str(answer.get("channel") or args.get("channel") or "")
    if current is not None and channel.startswith("D") and not args.get("thread_ts"):
        current.dms.append((channel, str(answer["ts"])))


def mark(key: str) -> dict[str, Any]:
    return {"event_type": EVENT_TYPE, "event_payload": {"key": key}}


def marked_with(message: dict[str, Any]) -> str | None:
    """The key of the delivery that posted this message, if the outbox did."""
    metadata = message.get("metadata") or {}
    if metadata.get("event_type") != EVENT_TYPE:
        return None
    key = (metadata.get("event_payload") or {}).get("key")
    return key if isinstance(key, str) else None


def mark_withheld(message: dict[str, Any]) -> bool:
    """Whether the outbox marked this message but Slack left the key out of what it handed
    over (a payload's message: the metadata's `event_payload` comes only with
    `include_all_metadata`); read it again to know the key."""
    metadata = message.get("metadata") or {}
    return metadata.get("event_type") == EVENT_TYPE and marked_with(message) is None


def find_mark(messages: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    """The message marked with `key`, read by its event type and key alone: a Slack that
    answers with more in the metadata (another field, the payload's types spelled out) must
    not make a retry miss its own message and post it twice."""
    for message in messages:
        if marked_with(message) == key:
            return message
    return None
