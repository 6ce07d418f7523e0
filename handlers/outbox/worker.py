"""The delivery worker: takes due rows from the outbox and sends them to Slack.

Each replica runs one. Rows are leased, so a replica that dies mid-send leaves its rows to
the others when the lease ends, or sooner, once its heartbeat stops; a delivery checks what an
earlier attempt already recorded before it sends again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.reliability.delivery import Outcome, after_failure
from bot.reliability.outbox import Claimed
from bot.services import Services
from handlers.client.failures import ReplyFailed, is_transient
from handlers.client.paced import Paced
from handlers.client.workspaces import NotInstalled, WorkspaceClients
from handlers.outbox import digests, home, insights, kudos, marks, questions
from storage import wakeups

log = logging.getLogger("askaround.outbox")
Delivery = Callable[[AsyncWebClient, Services, str, dict[str, Any]], Awaitable[None]]
DELIVERIES: dict[str, Delivery] = {
    **questions.DELIVERIES,
    **kudos.DELIVERIES,
    **digests.DELIVERIES,
    **home.DELIVERIES,
    **insights.DELIVERIES,
}
LEASE = timedelta(seconds=60)
MAX_IN_FLIGHT = 40
# A commit that queues a delivery wakes the worker at once (storage/wakeups.py); the poll only
# catches deliveries that fall due later (retries, a channel's next turn) and other replicas'.
IDLE_POLL_SECONDS = 0.1
PUT_BACK_HORIZON = timedelta(seconds=3)


class OutboxWorker:
    def __init__(self, clients: WorkspaceClients, services: Services) -> None:
        self.clients = clients
        self.services = services
        self._stopping = asyncio.Event()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self.run_forever(), name="outbox")

    async def stop(self, within: float = 10.0) -> None:
        """Finish the sends in progress (so no row is left half-sent), then stop."""
        self._stopping.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, within)
            except TimeoutError:
                log.warning("outbox worker did not finish its sends in %ss", within)

    async def claim(self, limit: int) -> list[Claimed]:
        now = self.services.clock.now()
        return await self.services.outbox.claim(
            now,
            now + LEASE,
            limit,
            by=self.services.inbox.replica_id,
            dead_before=self.services.inbox.dead_before(),
        )

    async def run_forever(self) -> None:
        """Keep up to MAX_IN_FLIGHT sends going, claiming more as each one ends.

        Sends run side by side so that a channel waiting out Slack's pace holds up only its
        own messages; a fixed batch would wait for its slowest channel every time."""
        sending: set[asyncio.Task[None]] = set()
        unsubscribe = wakeups.subscribe(self._wake)
        try:
            await self._run(sending)
        finally:
            unsubscribe()
        if sending:
            await asyncio.gather(*sending, return_exceptions=True)

    async def _run(self, sending: set[asyncio.Task[None]]) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                claimed = await self.claim(MAX_IN_FLIGHT - len(sending))
            except Exception:  # the database blinked: keep the worker alive, try again shortly
                log.exception("outbox claim failed")
                claimed = []
                await asyncio.sleep(1.0)
            for item in claimed:
                task = asyncio.create_task(self._send(item), name=f"outbox-{item.id}")
                sending.add(task)
                task.add_done_callback(sending.discard)
            if len(sending) >= MAX_IN_FLIGHT or not claimed:
                stopping = asyncio.create_task(self._stopping.wait())
                woken = asyncio.create_task(self._wake.wait())
                waits = {*sending, stopping}
                if len(sending) < MAX_IN_FLIGHT:  # full, a wake-up could claim nothing
                    waits.add(woken)
                await asyncio.wait(
                    waits,
                    timeout=IDLE_POLL_SECONDS,
                    return_when=asyncio.FIRST_COMPLETED,
                )
                stopping.cancel()
                woken.cancel()

    async def _send(self, item: Claimed) -> None:
        with marks.attempting(item.key, item.attempts):
            outcome = await self._deliver(item.team_id, item.kind, item.payload, item.attempts)
        self.services.metrics.deliveries.labels(outcome.status).inc()
        try:
            await self.services.outbox.finish(item.id, outcome, self.services.clock.now())
        except Exception:  # the row stays leased; when the lease ends it is tried again
            log.exception("recording delivery %s failed", item.id)

    async def idle(self) -> bool:
        """Nothing due or in flight: what a test or the demo waits for before looking."""
        soon = self.services.clock.now() + PUT_BACK_HORIZON  # waiting a channel's turn
        return await self.services.outbox.due_count(soon) == 0

    async def _deliver(
        self, team_id: str, kind: str, payload: dict[str, Any], attempts: int
    ) -> Outcome:
        now = self.services.clock.now()
        delivery = DELIVERIES.get(kind)
        if delivery is None:
            return Outcome("failed", error=f"no delivery for {kind!r}")
        try:
            await delivery(await self.clients.for_team(team_id), self.services, team_id, payload)
        except SlackApiError as error:
            status = error.response.status_code
            code = str(error.response.get("error", status))
            retry_after = error.response.headers.get("Retry-After") if status == 429 else None
            return after_failure(
                attempts,
                now,
                code,
                transient=is_transient(error),
                retry_after=float(retry_after) if retry_after else None,
            )
        except Paced as busy:
            later = now + timedelta(seconds=busy.seconds)
            return Outcome("pending", next_attempt_at=later, error=None, tried=False)
        except ReplyFailed as error:
            return after_failure(attempts, now, str(error), transient=error.transient)
        except NotInstalled:
            return Outcome("failed", error="not_installed")
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            return after_failure(attempts, now, type(error).__name__, transient=True)
        except Exception as error:  # a bug or a database blink: retried, but only so often
            log.exception("delivery %s failed", kind)
            return after_failure(attempts, now, type(error).__name__, transient=True)
        return Outcome("sent")
