"""The inbox: every request that changes something is stored before Slack is answered, so a
replica killed between its answer and its work loses nothing — another replays it.

Slack does not resend a slash command or a click it got an answer for, and it resends an
event only when it got none; after the ack, the request exists only here. Replaying is safe
because the work is idempotent (kudos, questions and deliveries carry their own keys).
Liveness is a heartbeat per replica rather than a lease per request, so work that waits long
for its turn is never replayed while its replica lives.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import inbox

log = logging.getLogger("askaround.inbox")
HEARTBEAT_SECONDS = 3.0
DEAD_AFTER = timedelta(seconds=12)
KEEP_DONE = timedelta(days=1)  # Slack retries an event for minutes, never for a day
MAX_REPLAYS = 3  # a request that killed its replica this often is not tried again
BATCH = 100


@dataclass(frozen=True)
class _Arrival:
    team_id: str
    key: str
    body: dict[str, Any]
    stored: asyncio.Future[bool]


@dataclass(frozen=True)
class Orphan:
    id: int
    team_id: str
    key: str
    body: dict[str, Any]
    replays: int


def wall_clock() -> datetime:
    """Liveness is a fact about processes, so it is kept in real time, never in the business
    time a test freezes or moves (a week ahead would make every replica look dead)."""
    return datetime.now(UTC)


class Inbox:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], now: Callable[[], datetime]
    ) -> None:
        self._sessions = sessions
        self._now = now
        self.replica_id = str(uuid.uuid4())
        self._arrived: list[_Arrival] = []
        self._writer: asyncio.Task[None] | None = None

    async def receive(self, team_id: str, key: str, body: dict[str, Any]) -> bool:
        """Store a request; False when it is a copy of one stored already.

        Requests arriving while a write is under way are stored together in the next one (a
        group commit): under a burst, each ack waits for one short transaction instead of a
        queue of them, on SQLite's single writer lock and on the event loop alike."""
        waiting: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._arrived.append(_Arrival(team_id, key, body, waiting))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._store_arrivals(), name="inbox-writer")
        return await asyncio.shield(waiting)

    async def _store_arrivals(self) -> None:
        while self._arrived:
            batch, self._arrived = self._arrived, []
            try:
                async with self._sessions() as s, s.begin():
                    requests = [(a.team_id, a.key, a.body) for a in batch]
                    stored = await inbox.receive_all(s, requests, self.replica_id, self._now())
            except Exception as error:  # every request of the batch is answered the same way
                for arrival in batch:
                    if not arrival.stored.done():
                        arrival.stored.set_exception(error)
                continue
            for arrival in batch:
                first = (arrival.team_id, arrival.key) in stored
                stored.discard((arrival.team_id, arrival.key))  # a repeat in the batch is not
                if not arrival.stored.done():
                    arrival.stored.set_result(first)

    async def done(self, team_id: str, key: str) -> None:
        async with self._sessions() as s, s.begin():
            await inbox.finish(s, team_id, key, self._now())

    async def heartbeat(self) -> None:
        async with self._sessions() as s, s.begin():
            await inbox.seen(s, self.replica_id, self._now())

    def dead_before(self) -> datetime:
        """A replica last seen before this is dead."""
        return self._now() - DEAD_AFTER

    async def leave(self) -> None:
        """On a clean stop: what is still open passes to the other replicas at once."""
        async with self._sessions() as s, s.begin():
            await inbox.leave(s, self.replica_id)

    async def adopt_orphans(self) -> list[Orphan]:
        """Take over the open requests of dead replicas; each goes to exactly one taker.
        Requests replayed `MAX_REPLAYS` times already are closed instead, and logged."""
        now = self._now()
        adopted: list[Orphan] = []
        async with self._sessions() as s, s.begin():
            found = await inbox.orphans(s, now - DEAD_AFTER, BATCH, taker=self.replica_id)
            for item in found:
                if not await inbox.take_over(s, item.id, item.replica_id, self.replica_id):
                    continue
                if item.replays >= MAX_REPLAYS:
                    log.error(
                        "request %s given up after %d replays", item.request_key, item.replays
                    )
                    await inbox.finish(s, item.team_id, item.request_key, now)
                    continue
                adopted.append(
                    Orphan(
                        item.id, item.team_id, item.request_key, dict(item.body), item.replays + 1
                    )
                )
        return adopted

    async def tidy(self) -> int:
        """Forget requests done a day ago and replicas long dead; returns requests removed."""
        now = self._now()
        async with self._sessions() as s, s.begin():
            await inbox.forget_dead(s, now - KEEP_DONE)
            return await inbox.prune(s, now - KEEP_DONE)

    async def open_count(self) -> int:
        async with self._sessions() as s:
            return await inbox.open_count(s)
