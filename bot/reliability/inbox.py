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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.reliability.batching import Batched
from storage import inbox, units
from storage.inbox import Message

log = logging.getLogger("askaround.inbox")
HEARTBEAT_SECONDS = 3.0
DEAD_AFTER = timedelta(seconds=12)
KEEP_DONE = timedelta(days=1)  # Slack retries an event for minutes, never for a day
MAX_REPLAYS = 3  # a request that killed its replica this often is not tried again
BATCH = 100
# How long a request's done mark waits to share the next request's write (see `done`).
DONE_LINGER_SECONDS = 0.1


@dataclass(frozen=True)
class Orphan:
    id: int
    team_id: str
    key: str
    body: dict[str, Any]
    replays: int
    received_at: datetime  # when its replica stored it: a replay may come much later


def _answer(
    closing: list[tuple[tuple[str, str], asyncio.Future[None]]], error: Exception | None = None
) -> None:
    for _, answer in closing:
        if answer.done():
            continue
        if error is None:
            answer.set_result(None)
        else:
            answer.set_exception(error)


class Inbox:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], now: Callable[[], datetime]
    ) -> None:
        self._sessions = sessions
        self._now = now
        self.replica_id = str(uuid.uuid4())
        self._receiving = Batched(self._store, "inbox-receive")
        self._closing: list[tuple[tuple[str, str], asyncio.Future[None]]] = []
        self._linger: asyncio.TimerHandle | None = None
        self._writes: set[asyncio.Task[None]] = set()  # closing writes of their own, kept alive

    async def receive(
        self, team_id: str, key: str, body: dict[str, Any], message: Message | None = None
    ) -> bool:
        """Store a request, with the message whose words it carries (channel, ts), if any;
        False when it is a copy of one stored already. Under a burst, requests are stored
        together (`Batched`), so each ack waits for one short write."""
        return await self._receiving.submit((team_id, key, body, message))

    async def _store(
        self, received: Sequence[tuple[str, str, dict[str, Any], Message | None]]
    ) -> list[bool]:
        requests = [(team, key, body) for team, key, body, _message in received]
        messages = [message for *_request, message in received]
        closing, self._closing = self._closing, []
        closed = [request for request, _ in closing]
        try:
            # One request (as when they come one at a time) on PostgreSQL: one statement.
            alone = units.alone(self._sessions) if len(requests) == 1 else None
            if alone is not None:
                async with alone as s:
                    now = self._now()
                    stored = [
                        await inbox.receive_closing(
                            s, requests[0], self.replica_id, now, messages[0], closed
                        )
                    ]
            else:
                async with units.transaction(self._sessions) as s:
                    now = self._now()
                    await inbox.finish_all(s, closed, now)
                    stored = await inbox.receive_all(s, requests, self.replica_id, now, messages)
        except Exception:
            # The requests' callers hear of it; closing marks are written on their own.
            self._closing[:0] = closing
            self._linger_then_close()
            raise
        _answer(closing)
        return stored

    async def done(self, team_id: str, key: str) -> None:
        """Close a request whose work has ended. The mark waits up to DONE_LINGER_SECONDS to
        ride on the next request's write (or on its own write after that), so under a steady
        stream closing costs no transaction of its own. Until it is written the request is
        open, and a replica killed meanwhile has it replayed: the work is idempotent."""
        answer: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._closing.append(((team_id, key), answer))
        self._linger_then_close()
        await asyncio.shield(answer)  # a caller that gives up leaves the write alone

    async def refused(self, team_id: str, key: str) -> None:
        """Close a request refused to who sent it (a guest from another organisation), its
        words not kept until the inbox forgets it, as they are for one that is done."""
        async with units.transaction(self._sessions) as s:
            await inbox.refused(s, team_id, key, self._now())

    async def holds(self, team_id: str, message: Message) -> bool:
        """Whether a request kept carries the words of `message` (its channel and ts)."""
        async with self._sessions() as s:
            return await inbox.holds(s, team_id, message)

    async def forget_message(
        self, team_id: str, message: Message, *, own: str | None, deleted: bool
    ) -> None:
        """A message `deleted` or edited: the inbox entries carrying its words (the request
        that asked in it, its edits, its deletion) are closed and emptied now, not kept the
        day a handled request is. For an edit, an entry whose work is under way elsewhere
        keeps its body until done, so that a replay has it; `own` is the request whose work
        this is, done with it."""
        async with units.transaction(self._sessions) as s:
            await inbox.forget_message(s, team_id, message, self._now(), open_too=deleted, own=own)

    def _linger_then_close(self) -> None:
        if self._linger is None and self._closing:
            loop = asyncio.get_running_loop()
            self._linger = loop.call_later(DONE_LINGER_SECONDS, self._close_alone)

    def _close_alone(self) -> None:
        self._linger = None
        closing, self._closing = self._closing, []
        if closing:
            task = asyncio.create_task(self._close(closing), name="inbox-done")
            self._writes.add(task)
            task.add_done_callback(self._writes.discard)

    async def _close(self, closing: list[tuple[tuple[str, str], asyncio.Future[None]]]) -> None:
        try:
            async with units.alone(self._sessions) or units.transaction(self._sessions) as s:
                await inbox.finish_all(s, [request for request, _ in closing], self._now())
        except Exception as error:
            # Kept for the next write, as a failed store keeps them (no timer of its own: the
            # database may be down a while). Dropped, the requests stayed open while this
            # replica lived, and were replayed once it stopped, however long after.
            self._closing[:0] = closing
            _answer(closing, error)
        else:
            _answer(closing)

    async def heartbeat(self) -> None:
        """This replica seen alive now: one statement, a unit on the loop (`storage.units`),
        at every start and every `HEARTBEAT_SECONDS`."""
        async with units.alone(self._sessions) or units.transaction(self._sessions) as s:
            await inbox.seen(s, self.replica_id, self._now())

    def dead_before(self) -> datetime:
        """A replica last seen before this is dead."""
        return self._now() - DEAD_AFTER

    async def leave(self) -> None:
        """On a clean stop: what is still open passes to the other replicas at once."""
        async with units.alone(self._sessions) or units.transaction(self._sessions) as s:
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
                        item.id,
                        item.team_id,
                        item.request_key,
                        dict(item.body),
                        item.replays + 1,
                        item.received_at,
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
