"""The turn a listener holds past its ack (`handlers.dispatch.after_ack.Turn`), as its Slack
calls see it. A call waiting out a 429's `Retry-After` (or a backoff) gives the turn back
while it sleeps and takes it again after: the turns keep CPU-bound work from crowding the
loop, and a sleep costs none, while holding the turn through five `Retry-After`s of 30 s
held up every other listener of the process, any workspace's, for minutes."""

from __future__ import annotations

from collections.abc import Awaitable
from contextvars import ContextVar
from typing import Protocol


class Turn(Protocol):
    async def asleep(self, waiting: Awaitable[object]) -> None:
        """Wait for `waiting`, the turn given back meanwhile."""
        ...


CURRENT_TURN: ContextVar[Turn | None] = ContextVar("turn", default=None)


async def asleep(waiting: Awaitable[object]) -> None:
    """Wait for `waiting` (a sleep), the current listener's turn, if any, given back meanwhile."""
    turn = CURRENT_TURN.get()
    await (waiting if turn is None else turn.asleep(waiting))
