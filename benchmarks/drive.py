"""Slack's side of the recognition benchmark, run inside the emulator process.

Slack, not a client of the app, sends the app its slash commands and events: over the Socket
Mode websocket when the app is connected, else signed over HTTP to `request_url` (the
emulator's own `Deliverer`, with Slack's ack timeout and event retries). So the sender has to
be the emulator, and so the ack time is measured where Slack measures it: from the envelope
(or request) sent to its ack received.

Every recognition sent is numbered and has a *mark*, the text its public shout-out must
contain: `(no. N)` for `/kudos` (askaround and the floor quote the kudos' reason), and
`personN's karma increased` for karmabot's `@person ++` (its reply in the channel names the
receiver, and each receiver is met once a run). Every `chat.postMessage` to a team channel is
read once and filed under the marks it carries, which is how the benchmark knows, from
Slack's side, that each acknowledged recognition was announced exactly once. Posts in a DM
(askaround tells each recipient, quoting the reason) are filed apart: how many recipients
were told by the time the shout-outs were all up, and when the last of those was. The rest
wait on Slack's pace for opening a DM with someone new (`conversations.open`, Tier 3: about
50 people a minute), which the benchmark does not wait out.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from benchmarks.machine import latency_summary
from slack_emulator import SlackEmulator
from slack_emulator.delivery import Delivery
from slack_emulator.records import ApiCall

MARK = re.compile(r"\(no\. \d+\)|[\w.-]+'s? karma increased")
SHOUTOUT_WAIT = 10.0  # one at a time: a shout-out later than this counts as missing there


def kudos_mark(n: int) -> str:
    return f"(no. {n})"


def karma_mark(name: str) -> str:
    """karmabot's words: `{name}'s karma increased to K` (`{name}' karma` after an s)."""
    possessive = "'" if name.endswith("s") else "'s"
    return f"{name}{possessive} karma increased"


@dataclass
class Prepared:
    """One recognition ready to send: how Slack sends it, and the mark of its shout-out."""

    n: int
    kind: str  # the delivery kind: "command" or "event"
    payload: dict[str, Any]
    mark: str


@dataclass
class Sent:
    n: int
    mark: str
    sent_at: float  # wall clock, as the emulator records calls
    first_ack_s: float | None  # the first attempt's ack time (None: not acked in time)
    acked: bool  # acked by the end (an event may be acked on a retry)


class Driver:
    """Sends prepared recognitions to the connected app and reads the shout-outs back."""

    def __init__(
        self,
        emu: SlackEmulator,
        teams: set[str],
        prepare: Callable[[str, int], Prepared],
    ) -> None:
        self.emu = emu
        self.teams = teams
        self.prepare = prepare
        self.sent: dict[int, Sent] = {}
        self.posts: dict[str, list[float]] = defaultdict(list)
        self.dms: dict[str, list[float]] = defaultdict(list)  # posts in DMs, by mark
        self.stray: list[str] = []  # team-channel posts that carry no mark sent
        self._scanned = 0

    # reading the shout-outs

    def _is_shoutout(self, call: ApiCall) -> bool:
        return (
            call.method == "chat.postMessage"
            and call.ok
            and call.args.get("channel") in self.teams
            and not call.args.get("thread_ts")
        )

    @staticmethod
    def _is_dm(call: ApiCall) -> bool:
        channel = str(call.args.get("channel", ""))
        return call.method == "chat.postMessage" and call.ok and channel.startswith("D")

    def scan(self) -> None:
        """File every team-channel post and every DM recorded since the last scan under its
        marks."""
        calls = self.emu.calls
        end = len(calls)
        for call in calls[self._scanned : end]:
            if self._is_dm(call):
                for mark in set(MARK.findall(json.dumps(call.args))):
                    self.dms[mark].append(call.at)
            elif self._is_shoutout(call):
                marks = set(MARK.findall(json.dumps(call.args)))
                if not marks:
                    self.stray.append(str(call.args.get("text", ""))[:120])
                for mark in marks:
                    self.posts[mark].append(call.at)
        self._scanned = end

    def _announcing(self, mark: str) -> Callable[[ApiCall], bool]:
        return lambda call: self._is_shoutout(call) and mark in json.dumps(call.args)

    # sending

    async def _send(self, item: Prepared) -> Delivery:
        sent_at = time.time()
        if item.kind == "command":
            delivery = await self.emu._deliverer.deliver(
                "command", item.payload, accepts_response=True
            )
        else:
            delivery = await self.emu._deliverer.deliver("event", item.payload)
        first = delivery.attempts[0] if delivery.attempts else None
        self.sent[item.n] = Sent(
            item.n,
            item.mark,
            sent_at,
            first.elapsed if first is not None and first.acked else None,
            delivery.ok,
        )
        return delivery

    async def one_at_a_time(self, kind: str, offset: int, count: int) -> dict[str, Any]:
        """Each recognition sent once the previous one's shout-out is up (or 10 s passed)."""
        acks: list[float] = []
        shown: list[float] = []
        missing = 0
        for n in range(offset, offset + count):
            item = self.prepare(kind, n)
            since = len(self.emu.calls)
            await self._send(item)
            sent = self.sent[n]
            if sent.first_ack_s is not None:
                acks.append(sent.first_ack_s)
            try:
                call = await self.emu.wait_for(self._announcing(item.mark), SHOUTOUT_WAIT, since)
                shown.append(max(0.0, call.at - sent.sent_at))
            except TimeoutError:
                missing += 1
        return {
            "acks": [round(a, 6) for a in acks],
            "shown": [round(s, 6) for s in shown],
            "acked": sum(1 for n in range(offset, offset + count) if self.sent[n].acked),
            "missing_shoutouts": missing,
        }

    async def burst(self, kind: str, offset: int, count: int, rate: float) -> dict[str, Any]:
        """Open loop: recognition i sent at start + i / rate whether or not earlier ones were
        acked, as Slack does; `late` says how far behind schedule the emulator itself was."""
        items = [self.prepare(kind, n) for n in range(offset, offset + count)]
        loop = asyncio.get_running_loop()
        begin = loop.time() + 0.05
        late: list[float] = []

        async def scheduled(i: int) -> None:
            delay = begin + i / rate - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            late.append(max(0.0, loop.time() - (begin + i / rate)))
            await self._send(items[i])

        await asyncio.gather(*(scheduled(i) for i in range(count)))
        sent = [self.sent[n] for n in range(offset, offset + count)]
        acks = [s.first_ack_s for s in sent if s.first_ack_s is not None]
        return {
            "sent": count,
            "acked": sum(1 for s in sent if s.acked),
            "acked_first_time": len(acks),
            "ack": latency_summary(acks),
            "late_p99_ms": latency_summary(late)["p99_ms"],
            "last_send": max(s.sent_at for s in sent),
        }

    async def settle(self, offset: int, count: int, quiet: float, limit: float) -> dict[str, Any]:
        """Wait until every acknowledged recognition in the range has its shout-out, or no new
        one came for `quiet` seconds, or `limit` seconds passed; then count them."""
        numbers = range(offset, offset + count)
        deadline = time.monotonic() + limit
        still_since, before = time.monotonic(), -1
        while time.monotonic() < deadline:
            self.scan()
            shown = sum(1 for n in numbers if self.posts.get(self.sent[n].mark))
            waiting = sum(1 for n in numbers if self.sent[n].acked) - shown
            if waiting <= 0 or time.monotonic() - still_since > quiet:
                break
            if shown != before:
                still_since, before = time.monotonic(), shown
            await asyncio.sleep(0.1)
        self.scan()
        times = [t for n in numbers for t in self.posts.get(self.sent[n].mark, [])]
        last_send = max(self.sent[n].sent_at for n in numbers)
        told = [min(self.dms[m]) for n in numbers if self.dms.get(m := self.sent[n].mark)]
        return {
            "shoutouts": sum(1 for n in numbers if self.posts.get(self.sent[n].mark)),
            "last_shoutout_after_last_send_s": round(max(times) - last_send, 3) if times else None,
            "dms": len(told) if self.dms else None,  # None: the target sends no DMs
            "last_dm_after_last_send_s": round(max(told) - last_send, 3) if told else None,
        }

    def check(self) -> dict[str, Any]:
        """Every acknowledged recognition announced exactly once, none twice, nothing else."""
        self.scan()
        # By number: `sent` is in the order the burst's requests came back, which varies.
        missing = sorted(s.n for s in self.sent.values() if s.acked and not self.posts.get(s.mark))
        doubled = sorted(s.n for s in self.sent.values() if len(self.posts.get(s.mark, [])) > 1)
        return {
            "sent": len(self.sent),
            "acked": sum(1 for s in self.sent.values() if s.acked),
            "shoutouts": sum(1 for s in self.sent.values() if self.posts.get(s.mark)),
            "missing": len(missing),
            "doubled": len(doubled),
            "stray_posts": len(self.stray),
            "examples": {"missing": missing[:5], "doubled": doubled[:5], "stray": self.stray[:3]},
        }

    # the control API

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/drive", self.handle_drive)
        app.router.add_post("/settle", self.handle_settle)
        app.router.add_get("/check", self.handle_check)
        app.router.add_get("/status", self.handle_status)
        app.router.add_post("/request_url", self.handle_request_url)

    async def handle_drive(self, request: web.Request) -> web.Response:
        """`{"kind", "offset", "count", "rate"}`: rate 0 sends one at a time."""
        asked = await request.json()
        kind, offset, count = asked["kind"], int(asked["offset"]), int(asked["count"])
        rate = float(asked.get("rate", 0))
        if rate > 0:
            return web.json_response(await self.burst(kind, offset, count, rate))
        return web.json_response(await self.one_at_a_time(kind, offset, count))

    async def handle_settle(self, request: web.Request) -> web.Response:
        asked = await request.json()
        answer = await self.settle(
            int(asked["offset"]),
            int(asked["count"]),
            float(asked.get("quiet", 30)),
            float(asked.get("limit", 120)),
        )
        return web.json_response(answer)

    async def handle_check(self, request: web.Request) -> web.Response:
        return web.json_response(self.check())

    async def handle_status(self, request: web.Request) -> web.Response:
        return web.json_response({"socket_connections": self.emu.socket_connections})

    async def handle_request_url(self, request: web.Request) -> web.Response:
        """Where Slack POSTs when no Socket Mode client is connected (HTTP mode)."""
        self.emu.request_url = (await request.json())["url"]
        return web.json_response({"ok": True})
