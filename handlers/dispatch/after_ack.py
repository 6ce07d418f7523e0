"""Work after the ack takes turns: at most `AFTER_ACK_AT_ONCE` listeners run past their ack.

Bolt starts every listener on the one event loop that also answers Slack. Under a burst, the
post-ack work of hundreds of requests (Slack calls, database writes, routing) would crowd the
loop's ready queue, and a new request's ack would wait behind all of it. Waiting for a turn
costs nothing, so the loop stays free to ack while the backlog is worked off in order.

The work after an ack runs in a task of its own, started here and named `AFTER_ACK_TASK…`,
so that a stopping replica can find and finish it (`bot.runtime.runner.finish_in_flight`).
A listener waiting out Slack's `Retry-After` gives its turn back meanwhile (`Turn.asleep`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from handlers.client.turn import CURRENT_TURN

AFTER_ACK_AT_ONCE = 8
AFTER_ACK_TASK = "after-ack:"
# Slack gives up on an ack after 3 s: a listener that has not acked by 2.5 s (waiting out a
# Retry-After before checking a form) is acked empty then, for the ack to arrive in time.
SLACK_WAITS_SECONDS = 3.0
ACK_WITHIN_SECONDS = 2.5


def ack_within(slack_waits: float) -> float:
    """The deadline for a listener's ack, for a Slack that waits `slack_waits` seconds for it
    (the local emulator may wait longer): the same half second before it gives up."""
    return slack_waits - (SLACK_WAITS_SECONDS - ACK_WITHIN_SECONDS)


_running: set[asyncio.Task[None]] = set()  # the loop keeps only weak references to tasks


def start(work: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
    task = asyncio.create_task(work, name=f"{AFTER_ACK_TASK}{name}")
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task


def running() -> list[asyncio.Task[None]]:
    """The listeners' work still going on (acked or about to be)."""
    return [task for task in _running if not task.done()]


class Turn:
    """One listener's place in line: taken once its request is acked, given back at the end,
    and meanwhile while it sleeps (`asleep`). Its work's task names it `CURRENT_TURN`."""

    def __init__(self, gate: asyncio.Semaphore) -> None:
        self._gate = gate
        self._held = False
        self._over = False
        self._asleep = 0  # its calls asleep now, the turn given back for them
        self._at_start = False
        self._answered: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def _answer(self) -> None:
        if not self._answered.done():
            self._answered.set_result(None)

    async def take(self) -> None:
        """Wait for the turn; one got after the work ended (a call woken meanwhile) goes back."""
        if not self._held and not self._over:
            await self._gate.acquire()
            self._held = True
            if self._over:
                self._release()

    def _release(self) -> None:
        if self._held:
            self._gate.release()
            self._held = False

    def give_back(self) -> None:
        """The work has ended: the turn goes, and no call of it left asleep takes it again."""
        self._over = True
        self._release()

    def mine(self) -> None:
        """Name this turn the current task's (its work's), for its Slack calls to find."""
        CURRENT_TURN.set(self)

    async def asleep(self, waiting: Awaitable[object]) -> None:
        """Wait for `waiting` (a `Retry-After`), the turn given back meanwhile and taken again
        after: a sleep costs the loop nothing. Calls gathered in parallel count: the last to
        wake takes it. One asleep before the ack (the turn not yet taken) or with no other
        asleep while the turn is being taken again takes nothing, as it held nothing."""
        if not self._held and not self._asleep:
            await waiting
            return
        self._asleep += 1
        self._release()
        try:
            await waiting
        finally:
            self._asleep -= 1
        if not self._asleep:
            await self.take()

    def take_at_start(self) -> None:
        """A request Bolt acks by itself (an event): answered now, its work waits its turn."""
        self._at_start = True
        self._answer()

    async def take_if_first(self) -> None:
        if self._at_start:
            await self.take()

    def after(self, ack: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        """`ack` as the listener calls it: answer Slack first, then wait for a turn."""

        async def ack_then_wait(*args: Any, **kwargs: Any) -> Any:
            answered = await ack(*args, **kwargs)
            self._answer()
            await self.take()
            return answered

        return ack_then_wait

    async def answered_or(self, work: asyncio.Task[None], within: float) -> None:
        """Wait until the listener has acked, or its work has ended (it may never ack), or
        Slack would have given up."""
        if not self._answered.done():
            work.add_done_callback(lambda _: self._answer())
            await asyncio.wait({self._answered}, timeout=within)
