"""Wake the delivery worker when a transaction that filled the outbox commits.

Polling put a near-constant ~100 ms between a kudos and its shout-out. A delivery is only
visible to the worker once the transaction that queued it commits, so the wake-up rides on
the commit, and nothing is woken by a transaction that rolled back:

- in this process, on SQLAlchemy's `after_commit` event. Callbacks run on the committing
  thread; each subscriber hands the wake-up to its own loop.
- across PostgreSQL replicas, on `NOTIFY askaround_outbox`, sent once in each transaction
  that queued a delivery (PostgreSQL delivers it at commit, and drops it on a rollback); each
  worker LISTENs on a connection of its own (`Listener`), so a replica that queued nothing
  still wakes at once.

SQLite has no such signal between processes: a worker there also polls, slowly, for what
another process (the CLI, another replica on the same file) queued.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, event, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.orm import Session

log = logging.getLogger("askaround.outbox")
CHANNEL = "askaround_outbox"
RETRY_SECONDS = 5.0  # between attempts to LISTEN again after the connection was lost
_FILLED = "askaround_outbox_filled"
_subscribers: set[Callable[[], None]] = set()
_NOTIFY = select(func.pg_notify(CHANNEL, ""))


def outbox_filled(session: AsyncSession) -> bool:
    """Mark the session's transaction as one that queued a delivery; True the first time in
    this transaction (the one time to notify other replicas)."""
    first = not session.info.get(_FILLED, False)
    session.info[_FILLED] = True
    return first


def notify_statement(dialect: str) -> Select[Any] | None:
    """The statement that tells other replicas, when the transaction commits, that the
    outbox has new deliveries; None where there is no such thing (SQLite)."""
    return _NOTIFY if dialect == "postgresql" else None


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


class Listener:
    """`LISTEN askaround_outbox` on a connection of its own (PostgreSQL only): every
    notification sets `wake`. `listening` says whether it does right now; a worker that is not
    (SQLite, or the connection was lost) must poll, and may call `connect` again."""

    def __init__(self, engine: AsyncEngine, wake: asyncio.Event) -> None:
        self._engine = engine
        self._wake = wake
        self._connection: AsyncConnection | None = None
        self._lost = False
        self._retry_at = 0.0

    @property
    def possible(self) -> bool:
        return self._engine.dialect.name == "postgresql"

    @property
    def listening(self) -> bool:
        return self._connection is not None and not self._lost

    async def connect(self) -> bool:
        """Start listening, if possible and not already; returns `listening`."""
        if not self.possible or self.listening:
            return self.listening
        if time.monotonic() < self._retry_at:
            return False
        await self.close()
        connection = None
        try:
            connection = await self._engine.connect()
            raw: Any = (await connection.get_raw_connection()).driver_connection
            raw.add_termination_listener(self._terminated)
            await raw.add_listener(CHANNEL, self._notified)
        except Exception:  # the database is away: the worker polls meanwhile
            log.warning("cannot LISTEN for outbox wake-ups; polling instead", exc_info=True)
            self._retry_at = time.monotonic() + RETRY_SECONDS
            if connection is not None:
                with contextlib.suppress(Exception):
                    await connection.invalidate()
                    await connection.close()
            return False
        self._connection, self._lost = connection, False
        # Anything queued while this was not listening is the caller's to look for now.
        self._wake.set()
        return True

    def _notified(self, *_args: Any) -> None:
        self._wake.set()

    def _terminated(self, *_args: Any) -> None:
        self._lost = True
        self._wake.set()

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                # Not back to the pool: it holds the LISTEN (and may be dead).
                await connection.invalidate()
                await connection.close()
