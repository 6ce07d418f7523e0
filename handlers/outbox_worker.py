"""The delivery worker: takes due rows from the outbox and sends them to Slack.

Each replica runs one. Rows are leased, so a replica that dies mid-send leaves its rows to
the others when the lease ends; a delivery checks what an earlier attempt already recorded
before it sends again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery import Outcome, after_failure
from bot.services import Services
from handlers import delivery_marks, kudos_deliveries, question_deliveries
from handlers.slack_failures import ReplyFailed, is_transient
from storage import outbox

log = logging.getLogger("askaround.outbox")
Delivery = Callable[[AsyncWebClient, Services, str, dict[str, Any]], Awaitable[None]]
DELIVERIES: dict[str, Delivery] = {
    **question_deliveries.DELIVERIES,
    **kudos_deliveries.DELIVERIES,
}
LEASE = timedelta(seconds=60)
BATCH = 20
IDLE_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Claimed:
    id: int
    key: str
    team_id: str
    kind: str
    payload: dict[str, Any]
    attempts: int


class OutboxWorker:
    def __init__(self, client: AsyncWebClient, services: Services) -> None:
        self.client = client
        self.services = services
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self.run_forever(), name="outbox")

    async def stop(self, within: float = 10.0) -> None:
        """Finish the pass in progress (so no row is left half-sent), then stop."""
        self._stopping.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, within)
            except TimeoutError:
                log.warning("outbox worker did not finish its pass in %ss", within)

    async def run_once(self) -> int:
        """Send what is due now, side by side; returns how many rows were attempted.

        Concurrently, so one channel waiting out Slack's pace does not hold up the others."""
        now = self.services.clock.now()
        async with self.services.sessions() as s, s.begin():
            items = await outbox.claim_due(s, now, now + LEASE, BATCH)
            claimed = [
                Claimed(
                    i.id,
                    i.dedupe_key or f"outbox:{i.id}",
                    i.team_id,
                    i.method,
                    dict(i.payload),
                    i.attempts,
                )
                for i in items
            ]
        await asyncio.gather(*(self._send(item) for item in claimed))
        return len(claimed)

    async def _send(self, item: Claimed) -> None:
        with delivery_marks.attempting(item.key, item.attempts):
            outcome = await self._deliver(item.team_id, item.kind, item.payload, item.attempts)
        self.services.metrics.deliveries.labels(outcome.status).inc()
        async with self.services.sessions() as s, s.begin():
            await outbox.finish(
                s,
                item.id,
                outcome.status,
                at=self.services.clock.now(),
                error=outcome.error,
                next_attempt_at=outcome.next_attempt_at,
            )

    async def idle(self) -> bool:
        """Nothing due or in flight: what a test or the demo waits for before looking."""
        async with self.services.sessions() as s:
            return await outbox.due_count(s, self.services.clock.now()) == 0

    async def run_forever(self) -> None:
        while not self._stopping.is_set():
            try:
                if await self.run_once() == 0:
                    await asyncio.sleep(IDLE_POLL_SECONDS)
            except asyncio.CancelledError:
                raise
            except Exception:  # the database blinked: keep the worker alive, try again shortly
                log.exception("outbox worker pass failed")
                await asyncio.sleep(1.0)

    async def _deliver(
        self, team_id: str, kind: str, payload: dict[str, Any], attempts: int
    ) -> Outcome:
        now = self.services.clock.now()
        delivery = DELIVERIES.get(kind)
        if delivery is None:
            return Outcome("failed", error=f"no delivery for {kind!r}")
        try:
            await delivery(self.client, self.services, team_id, payload)
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
        except ReplyFailed as error:
            return after_failure(attempts, now, str(error), transient=error.transient)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            return after_failure(attempts, now, type(error).__name__, transient=True)
        except Exception as error:  # a bug or a database blink: retried, but only so often
            log.exception("delivery %s failed", kind)
            return after_failure(attempts, now, type(error).__name__, transient=True)
        return Outcome("sent")
