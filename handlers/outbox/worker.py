"""The delivery worker: takes due rows from the outbox and sends them to Slack.

Each replica runs one. Rows are leased, so a replica that dies mid-send leaves its rows to
the others when the lease ends, or sooner, once its heartbeat stops; a delivery checks what an
earlier attempt already recorded before it sends again.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import wall_clock
from bot.reliability.delivery import NotYet, Outcome, Refusal, after_failure, refusal_fields
from bot.reliability.outbox import Claimed
from bot.safe_text import quoted
from bot.services import Services
from handlers.client import marks
from handlers.client.failures import (
    INSTALL_REFUSED,
    ReplyFailed,
    error_code,
    explained,
    is_transient,
    needed_scope,
    refused_for_good,
    retry_after,
)
from handlers.client.paced import Paced
from handlers.client.turn import CURRENT_TURN
from handlers.client.workspaces import NotInstalled, WorkspaceClients
from handlers.outbox import (
    digests,
    home,
    insights,
    kudos,
    kudos_taken_back,
    kudos_undone,
    offers,
    questions,
    replies,
    watching,
    welcome,
)
from handlers.outbox.kinds import Delivery, FirstTurn, GivenUp
from storage import wakeups

log = logging.getLogger("askaround.outbox")
GIVEN_UP: dict[str, GivenUp] = {
    **kudos.GIVEN_UP,
    **kudos_undone.GIVEN_UP,
    **questions.GIVEN_UP,
    **offers.GIVEN_UP,
    **digests.GIVEN_UP,
    **insights.GIVEN_UP,
}
FIRST_TURNS: dict[str, FirstTurn] = {**kudos.FIRST_TURNS}
DELIVERIES: dict[str, Delivery] = {
    **questions.DELIVERIES,
    **offers.DELIVERIES,
    **kudos.DELIVERIES,
    **kudos_taken_back.DELIVERIES,
    **kudos_undone.DELIVERIES,
    **digests.DELIVERIES,
    **home.DELIVERIES,
    **insights.DELIVERIES,
    **replies.DELIVERIES,
    **watching.DELIVERIES,
    **welcome.DELIVERIES,
}
LEASE = timedelta(seconds=60)
# A send still in flight this long after its lease was given or last kept is given a new
# one: a lease that ran out under a send (Slack slow to answer its calls) let a claim, this
# replica's or another's, take the delivery back and post it a second time.
KEEP_LEASE_AFTER = LEASE / 2
MAX_IN_FLIGHT = 40
# Once a claim has filled every slot (a backlog), the next claims wait until this many sends
# are left: a batch of claims per statement rather than one statement per send that ends.
REFILL_AT = MAX_IN_FLIGHT * 3 // 4
# A commit that queues a delivery wakes the worker at once (storage/wakeups.py: in process,
# and across PostgreSQL replicas by LISTEN/NOTIFY), and the worker knows when the deliveries it
# put back fall due. The poll only catches what no wake-up announces: another process's
# deliveries on SQLite, a dead replica's leases, the CLI's retries. Listening on PostgreSQL,
# only the last two are left, so it polls less often still.
IDLE_POLL_SECONDS = 2.0
LISTENING_POLL_FACTOR = 2.5
PUT_BACK_HORIZON = timedelta(seconds=3)
# Wake a little after a put-back delivery falls due: never just before it, and the others put
# back for about the same moment (a channel's turns, a Retry-After) come due with it.
DUE_MARGIN_SECONDS = 0.05


class OutboxWorker:
    def __init__(self, clients: WorkspaceClients, services: Services) -> None:
        self.clients = clients
        self.services = services
        self._stopping = asyncio.Event()
        # Set by anything that may let the worker claim: a commit that queued a delivery, a
        # NOTIFY, a send ending, a delivery put back for sooner than the worker meant to look.
        self._nudge = asyncio.Event()
        self._put_back_until: list[datetime] = []  # a heap: when deliveries put back fall due
        self._task: asyncio.Task[None] | None = None
        self._sending: set[asyncio.Task[None]] = set()
        self._leased_at: dict[int, datetime] = {}  # sends in flight: when their lease began
        self._loop: asyncio.AbstractEventLoop | None = None
        # The last client each workspace's deliveries used: whose pace `_turn` asks.
        self._clients_seen: dict[str, AsyncWebClient] = {}

    def start(self) -> None:
        self._task = asyncio.create_task(self.run_forever(), name="outbox")

    async def stop(self, within: float = 10.0) -> None:
        """Finish the sends in progress (so no row is left half-sent), then stop."""
        self._stopping.set()
        self._nudge.set()
        task = self._task
        if task is None:
            return
        done, _ = await asyncio.wait({task}, timeout=within)
        if task in done:
            task.result()  # the worker's own failure, if it had one
            return
        log.warning("outbox worker did not finish its sends in %ss", within)
        # Each send is cancelled too: on Python 3.11 the worker's cancellation can be lost in
        # its own `wait_for` (the stop's nudge ending it at the same moment), and the worker
        # would wait on for its sends.
        for send in (task, *self._sending):
            send.cancel()
        await asyncio.wait({task})

    def wake(self) -> None:
        """Look for due deliveries now: for a change no commit or NOTIFY tells of (a test's
        clock moved forward)."""
        self._nudge.set()

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
        """Keep up to MAX_IN_FLIGHT sends going, claiming more as sends end.

        Sends run side by side so that a channel waiting out Slack's pace holds up only its
        own messages; a fixed batch would wait for its slowest channel every time."""
        sending = self._sending
        self._loop = asyncio.get_running_loop()
        unsubscribe = wakeups.subscribe(self._nudge)
        unhand = self.services.outbox.send_new_here(
            self.services.inbox.replica_id, self._lease, self._take, self._turn
        )
        listener = wakeups.Listener(self.services.engine, self._nudge)
        try:
            await listener.connect()
            await self._run(sending, listener)
        finally:
            unhand()
            unsubscribe()
            await listener.close()
        if sending:
            await asyncio.gather(*sending, return_exceptions=True)

    def _lease(self, due: datetime) -> datetime | None:
        """A delivery this process is queueing, due at `due`, is leased to this worker when
        it has a free slot now (asked on the queueing thread, by its loop)."""
        if len(self._sending) >= MAX_IN_FLIGHT or not self._on_its_loop():
            return None
        now = self.services.clock.now()
        return now + LEASE if due <= now else None

    def _turn(
        self, team_id: str, kind: str, memo: Any
    ) -> tuple[datetime, Callable[[], None]] | None:
        """When a delivery this process is queueing may make its first Slack call, if Slack's
        pace would turn it away now: it is queued for then and, once queued (not a second
        time), its turn booked and this worker woken for it."""
        first_turn = FIRST_TURNS.get(kind)
        client = self._clients_seen.get(team_id)
        if first_turn is None or client is None or not self._on_its_loop():
            return None
        seconds, book = first_turn(client, memo)
        if seconds <= 0:
            return None
        at = self.services.clock.now() + timedelta(seconds=seconds)

        def booked() -> None:
            book()
            self._put_back(at)

        return at, booked

    def _on_its_loop(self) -> bool:
        if self._stopping.is_set():
            return False
        try:
            return asyncio.get_running_loop() is self._loop
        except RuntimeError:
            return False

    def _take(self, items: list[Claimed]) -> None:
        """The deliveries leased by `_lease`, once the transaction that queued them has
        committed: sent as if claimed."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._start, items)

    def _start(self, items: list[Claimed]) -> None:
        now = self.services.clock.now()
        for item in items:
            in_flight = item.id in self._leased_at
            # Counted from when the lease was given: one handed over by a transaction that
            # stayed open a while has less of it left than a lease from now.
            given = item.claimed_until - LEASE if item.claimed_until is not None else now
            self._leased_at[item.id] = min(given, now)
            if in_flight:
                # Taken back from under its own send (a lease that ran out all the same): the
                # claim only leased it anew; a second send beside the first would post twice.
                continue
            task = asyncio.create_task(self._send(item), name=f"outbox-{item.id}")
            self._sending.add(task)
            task.add_done_callback(lambda done: self._sent(self._sending, done))

    async def _run(self, sending: set[asyncio.Task[None]], listener: wakeups.Listener) -> None:
        backlog = False  # the last claim filled every slot: more may be due
        while not self._stopping.is_set():
            self._nudge.clear()
            if listener.possible and not listener.listening:
                await listener.connect()
            await self._keep_leases()
            room = MAX_IN_FLIGHT - len(sending)
            if room > 0 and (not backlog or len(sending) <= REFILL_AT):
                self._forget_passed()
                try:
                    claimed = await self.claim(room)
                except Exception:  # the database blinked: keep the worker alive, try again
                    log.exception("outbox claim failed")
                    claimed = []
                    await asyncio.sleep(1.0)
                backlog = len(claimed) == room
                self._start(claimed)
                if backlog and len(sending) <= REFILL_AT:
                    continue  # slots left over (sends ended meanwhile): claim again at once
            if self._nudge.is_set():
                continue
            poll = IDLE_POLL_SECONDS * (LISTENING_POLL_FACTOR if listener.listening else 1)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._nudge.wait(), self._wait_seconds(poll))

    async def _keep_leases(self) -> None:
        """Sends in flight for half a lease are leased again, before any claim."""
        now = self.services.clock.now()
        due = [i for i, at in self._leased_at.items() if at + KEEP_LEASE_AFTER <= now]
        if not due:
            return
        try:
            await self.services.outbox.keep_leases(
                due, by=self.services.inbox.replica_id, until=now + LEASE
            )
        except Exception:  # the database blinked: the next pass tries again
            log.exception("keeping outbox leases failed")
            return
        for item_id in due:
            if item_id in self._leased_at:
                self._leased_at[item_id] = now

    def _sent(self, sending: set[asyncio.Task[None]], done: asyncio.Task[None]) -> None:
        sending.discard(done)
        if len(sending) == REFILL_AT:
            self._nudge.set()

    def _forget_passed(self) -> None:
        """A claim now takes every put-back delivery already due."""
        now = self.services.clock.now()
        while self._put_back_until and self._put_back_until[0] <= now:
            heapq.heappop(self._put_back_until)

    def _wait_seconds(self, poll: float) -> float:
        """How long to sleep without a nudge: until the next put-back delivery is due, or
        the poll."""
        if not self._put_back_until:
            return poll
        due_in = (self._put_back_until[0] - self.services.clock.now()).total_seconds()
        return min(poll, max(0.0, due_in) + DUE_MARGIN_SECONDS)

    def _put_back(self, at: datetime) -> None:
        sooner = not self._put_back_until or at < self._put_back_until[0]
        heapq.heappush(self._put_back_until, at)
        if sooner:
            self._nudge.set()  # the worker may be asleep until later than this

    async def _send(self, item: Claimed) -> None:
        """One attempt, in a task of its own. One handed over by a listener's transaction
        (`_take`) starts with the listener's context: the listener's turn is not this
        delivery's to give back while it waits, nor to wait for (`handlers.client.turn`)."""
        CURRENT_TURN.set(None)
        try:
            await self._attempt(item)
        finally:
            self._leased_at.pop(item.id, None)

    async def _attempt(self, item: Claimed) -> None:
        with marks.attempting(
            item.key, item.attempts, item.id, item.memo, kind=item.kind
        ) as attempt:
            outcome = await self._deliver(item.team_id, item.kind, item.payload, item.attempts)
        self.services.metrics.deliveries.labels(outcome.status).inc()
        if attempt.dms:
            await self._posted_in_dms(item, attempt.dms)
        if outcome.status == "sent" and attempt.recorded:
            return
        if outcome.status == "failed" and outcome.given_up:
            # Before the failure is recorded: a crash in between leaves the row to be tried,
            # and given up, again (each give-up is idempotent), never failed with its promise
            # unkept; and the row reads as sending until what it does instead is queued.
            if not await self._still_held(item):
                return
            await self._given_up(item, refused=outcome.refused)
        try:
            await self.services.outbox.finish(
                item.id, outcome, self.services.clock.now(), by=self.services.inbox.replica_id
            )
        except Exception:  # the row stays leased; when the lease ends it is tried again
            log.exception("recording delivery %s failed", item.id)
            return
        if outcome.status == "pending" and outcome.next_attempt_at is not None:
            self._put_back(outcome.next_attempt_at)
        if outcome.status == "failed":  # for `askaround outbox retry` once it is fixed
            log.warning("delivery %s (%s) not sent: %s", item.id, item.kind, outcome.error)

    async def _still_held(self, item: Claimed) -> bool:
        """Whether this replica still holds its claim on `item`, kept a lease longer for what
        follows. One taken back (this replica seen dead while alive, or its lease run out) is
        another's to send, or give up: giving it up here told a giver their shout-out failed
        while the other replica posted it. Unknown (the database blinked): left leased, to be
        tried again when the lease ends."""
        by = self.services.inbox.replica_id
        until = self.services.clock.now() + LEASE
        try:
            held = await self.services.outbox.keep_leases([item.id], by=by, until=until)
        except Exception:
            log.exception("checking the claim on delivery %s failed", item.id)
            return False
        if item.id not in held:
            log.info("delivery %s (%s) was taken back: not given up here", item.id, item.kind)
        return item.id in held

    async def _posted_in_dms(self, item: Claimed, dms: list[tuple[str, str]]) -> None:
        """Remember what it posted at the top of DMs as its kind, so a reply in their thread
        answers it (`bot/bot_dms.py`); a retry that finds its post by its mark records it
        again, to no effect."""
        try:
            await self.services.bot_dms.posted(item.team_id, item.kind, dms)
        except Exception:  # posted all the same: a reply under it is asked, as before
            log.exception("recording the DMs delivery %s posted failed", item.id)

    async def _given_up(self, item: Claimed, *, refused: Refusal | None) -> None:
        """What is done instead of a delivery given up; `refused` (Slack answered an error it
        would answer again) reaches it in its payload (`refusal_fields`), for the words it
        tells people."""
        given_up = GIVEN_UP.get(item.kind)
        if given_up is None:
            return
        payload = item.payload
        if refused is not None:
            payload = {**payload, **refusal_fields(refused)}
        try:
            await given_up(self.services, item.team_id, payload)
        except Exception:  # `askaround outbox retry` gives it up again if it fails again
            log.exception("giving up delivery %s failed", item.id)

    def sends(self) -> list[asyncio.Task[None]]:
        """The sends in flight: what the demo waits for, rather than asking `idle` again
        every few milliseconds while a digest is drawn."""
        return list(self._sending)

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
            return Outcome("failed", error=f"no delivery for {quoted(kind)}")
        try:
            client = self._clients_seen[team_id] = await self.clients.for_team(team_id)
            await delivery(client, self.services, team_id, payload)
        except SlackApiError as error:
            status = error.response.status_code
            code = error_code(error) if is_transient(error) else explained(error)
            waits = retry_after(error.response.headers, wall_clock()) if status == 429 else None
            outcome = after_failure(
                attempts, now, code or str(status), transient=is_transient(error), retry_after=waits
            )
            said = error_code(error)
            refused = (
                None
                if is_transient(error)
                else Refusal(needed_scope(error), said, install=refused_for_good(error))
            )
            waits_fix = said in INSTALL_REFUSED
            given_up = not waits_fix or said in offers.GIVEN_UP_WHEN_REFUSED.get(kind, ())
            return replace(outcome, given_up=given_up, refused=refused)
        except Paced as busy:
            # Put back untried, unless it posted: an untried attempt posts without looking.
            later = now + timedelta(seconds=busy.seconds)
            return Outcome("pending", next_attempt_at=later, error=None, tried=marks.posted())
        except NotYet as early:
            return Outcome("pending", next_attempt_at=early.at, error=None, tried=False)
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
