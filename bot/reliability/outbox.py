"""The outbox: Slack calls written in the same transaction as the change they tell of, and
sent afterwards by the delivery worker (`handlers/outbox/worker.py`), retried until they go.

This is the worker's and the admin's way in: due deliveries are claimed under a lease, each
attempt's outcome is recorded, and the stuck ones can be listed and put back in the queue.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.reliability.batching import Batched
from bot.reliability.delivery import Outcome
from storage import outbox, outbox_claims, outbox_status, units


@dataclass(frozen=True)
class Claimed:
    """A delivery leased to this replica: what to send, and how often it has been tried."""

    id: int
    key: str
    team_id: str
    kind: str
    payload: dict[str, Any]
    attempts: int
    claimed_until: datetime | None = None  # when the lease it was given ends
    # Handed over by the transaction that queued it (never after a claim): what it knew.
    memo: Any = None


@dataclass(frozen=True)
class Stuck:
    """A delivery that gave up after its retries, or has waited too long."""

    id: int
    status: str
    attempts: int
    kind: str
    team_id: str
    created_at: datetime
    last_error: str | None


def _claimed(row: Any) -> Claimed:
    return Claimed(
        int(row.id),
        row.dedupe_key or f"outbox:{row.id}",
        row.team_id,
        row.method,
        dict(row.payload),
        int(row.attempts),
        row.claimed_until,
        getattr(row, "memo", None),
    )


class Outbox:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        # Sends end side by side: their outcomes are recorded together (group commit), one
        # transaction and one statement for all that ended while the last write ran.
        self._finishing = Batched(self._finish_all, "outbox-finish")

    async def once(
        self, team_id: str, kind: str, payload: dict[str, Any], *, key: str, at: datetime
    ) -> None:
        """Queue a delivery that goes with no change of ours (what a request says back), once
        for `key`: a replayed or repeated request that queues it again adds nothing."""
        async with self._sessions() as s, s.begin():
            await outbox.enqueue(s, team_id, kind, payload, key=key, at=at)

    async def queued(self, team_id: str, key: str) -> bool:
        """Whether a delivery was ever queued with this key (sent or not)."""
        return await self.payload_of(team_id, key) is not None

    async def payload_of(self, team_id: str, key: str) -> dict[str, Any] | None:
        """The payload of the delivery queued with this key (sent or not); None if none was."""
        async with units.reading(self._sessions) as s:  # asked by deliveries: on the loop
            return await outbox.payload_of(s, team_id, key)

    async def in_flight_until(
        self, team_id: str, key: str, now: datetime, *, untried_too: bool = False
    ) -> datetime | None:
        """While the delivery queued with this key may have posted a message it has not
        recorded yet, when to look again: soon while it is being sent, after its next
        attempt once it was tried and put back (its answer lost, that attempt finds and
        records what it posted, `outbox.unrecorded_until`); None when whatever it posted is
        recorded, or it posted nothing. `untried_too`: also while it has not been tried."""
        async with units.reading(self._sessions) as s:
            found = await outbox.unrecorded_until(s, team_id, key, untried_too=untried_too)
        if found is None:
            return None
        status, next_attempt_at = found
        return now if status == "sending" else max(now, next_attempt_at)

    async def sending_before(self, team_id: str, prefix: str, item_id: int) -> bool:
        """Whether a delivery queued before delivery `item_id`, keyed `prefix…`, is being
        sent now (`outbox.sending_before`)."""
        async with units.reading(self._sessions) as s:
            return await outbox.sending_before(s, team_id, prefix, item_id)

    async def claim(
        self, now: datetime, lease_until: datetime, limit: int, *, by: str, dead_before: datetime
    ) -> list[Claimed]:
        """Up to `limit` due deliveries, leased to replica `by` until `lease_until`; a dead
        replica's (not seen since `dead_before`) are taken over."""
        async with self._sessions() as s, s.begin():
            rows = await outbox_claims.claim_due(
                s, now, lease_until, limit, by=by, dead_before=dead_before
            )
            return [_claimed(row) for row in rows]

    async def keep_leases(self, ids: list[int], *, by: str, until: datetime) -> set[int]:
        """Sends still in flight keep their deliveries leased to replica `by` until `until`;
        returns those it still held (not taken back)."""
        async with self._sessions() as s, s.begin():
            return await outbox_claims.keep_leases(s, ids, by=by, until=until)

    def send_new_here(
        self,
        replica_id: str,
        lease: Callable[[datetime], datetime | None],
        take: Callable[[list[Claimed]], None],
        turn: Callable[[str, str, Any], outbox.Turn | None] | None = None,
    ) -> Callable[[], None]:
        """Deliveries this process queues while `lease(due)` grants one (the end of a lease)
        are queued leased to `replica_id` and given to `take` when their transaction commits,
        with no claim: the worker has room and sends them at once. One that `turn(team_id,
        kind, memo)` says Slack's pace would turn away is queued for that moment instead, the
        turn booked (its second item called) only when the delivery was not queued already.
        Returns the function that stops it."""
        engine = self._sessions.kw["bind"].sync_engine
        taker = outbox.Taker(replica_id, lease, lambda rows: take([_claimed(r) for r in rows]))
        if turn is not None:
            taker = replace(taker, turn=turn)
        return outbox.hand_new_to(engine, taker)

    async def finish(self, item_id: int, outcome: Outcome, at: datetime, *, by: str) -> None:
        """Record one attempt's outcome, and end its lease, while replica `by` holds it."""
        await self._finishing.submit(
            outbox_claims.Finished(
                item_id,
                outcome.status,
                at,
                error=outcome.error,
                next_attempt_at=outcome.next_attempt_at,
                tried=outcome.tried,
                by=by,
            )
        )

    async def _finish_all(self, finished: Sequence[outbox_claims.Finished]) -> list[None]:
        async with units.transaction(self._sessions) as s:
            await outbox_claims.finish_all(s, finished)
        return [None] * len(finished)

    async def due_count(self, before: datetime) -> int:
        """Deliveries due by `before`, or being sent right now."""
        async with self._sessions() as s:
            return await outbox_status.due_count(s, before)

    async def depth(self, now: datetime) -> tuple[int, datetime | None]:
        """How many deliveries wait by `now`, and since when the oldest has."""
        async with self._sessions() as s:
            return await outbox_status.depth(s, now)

    async def stuck(self, older_than: datetime) -> list[Stuck]:
        """Failed deliveries, and waiting ones created before `older_than`."""
        async with self._sessions() as s:
            return [
                Stuck(i.id, i.status, i.attempts, i.method, i.team_id, i.created_at, i.last_error)
                for i in await outbox_status.stuck(s, older_than)
            ]

    async def retry_failed(self, now: datetime) -> list[str]:
        """Put every failed delivery back in the queue, due `now`; returns the kind of each."""
        async with self._sessions() as s, s.begin():
            return await outbox_status.retry_failed(s, now)
