"""Wake the delivery worker when a transaction that filled the outbox commits.

Polling put a near-constant ~100 ms between a kudos and its shout-out. A delivery is only
visible to the worker once the transaction that queued it commits, so the wake-up rides on
SQLAlchemy's `after_commit` event: nothing is woken by a transaction that rolled back.
Callbacks run on the committing thread; each subscriber hands the wake-up to its own loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

_FILLED = "askaround_outbox_filled"
_subscribers: set[Callable[[], None]] = set()


def outbox_filled(session: AsyncSession) -> None:
    """Mark the session's transaction as one that queued a delivery."""
    session.info[_FILLED] = True


def subscribe(wake: asyncio.Event) -> Callable[[], None]:
    """Set `wake` (from its own loop) after every commit that queued a delivery; returns the
    function that unsubscribes."""
    loop = asyncio.get_running_loop()

    def callback() -> None:
        if not loop.is_closed():
            loop.call_soon_threadsafe(wake.set)

    _subscribers.add(callback)
    return lambda: _subscribers.discard(callback)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop(_FILLED, False):
        for callback in list(_subscribers):
            callback()


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, _previous: object) -> None:
    session.info.pop(_FILLED, None)
