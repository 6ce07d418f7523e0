"""The local Slack emulator as its own process, seeded with a synthetic company.

Benchmarks need the emulator (the Web API the bot calls back) apart from the bot and from the
load generator, so that no two of them share an event loop. Besides the emulator's own port
it serves a small control API on a second loopback port:

- `POST /payloads {"kind": ..., "count": n, "offset": k}`: n payloads built by the emulator's
  own builders (`slack_emulator.payloads`), with live response_urls and trigger_ids;
- `GET /count?method=chat.postMessage&channel=C…`: how many successful calls were recorded,
  with the time of the first and the last (to measure end-to-end throughput);
- `GET /shoutout?n=K`: waits (up to 10 s) for the public post of kudos number K in a team
  channel and answers the time it was recorded (to measure sent → shout-out one at a time);
- `POST /drive`, `/settle`, `GET /check`, `/status`, `POST /request_url`: the emulator itself
  sends numbered recognitions to the app over Socket Mode (or HTTP) and reads their
  shout-outs back (`benchmarks/drive.py`).

Prints one JSON line (`api_url`, `control_url`, `team_id`, `general`) when ready and stops
by itself after `--max-seconds`.

    python -m benchmarks.emulator_proc --people 10000 --max-seconds 600
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from aiohttp import web

from benchmarks.company import Company
from benchmarks.drive import Driver, Prepared, karma_mark, kudos_mark
from slack_emulator import SlackEmulator
from slack_emulator import payloads as build
from slack_emulator.records import User

SIGNING_SECRET = "bench-signing-secret"
BOT_TOKEN = "xoxb-bench-bot-token"
APP_TOKEN = "xapp-bench-app-token"  # Socket Mode: apps.connections.open with this token
TEAM_CHANNELS = 200
TEAMS = "teams"  # for /count: any of the team channels kudos are given in
KUDOS_TEXT = "for untangling the release build #teamwork"
ASK_TEXT = "how do we rotate the postgres credentials for the billing service?"


class Control:
    """Builds payloads and reports what the bot did, for the benchmark drivers."""

    def __init__(self, emu: SlackEmulator, size: int) -> None:
        self.emu = emu
        self.size = size
        self.ws = emu.workspace
        self.users: list[User] = [self.ws.users[m] for m in sorted(self._member_ids())]
        # Slack takes about one message a second per channel, so kudos are spread the way a
        # company's are; shout-outs all in #general would measure Slack's pace, not the bot.
        self.teams = [self.ws.add_channel(f"team-{n:03d}").id for n in range(TEAM_CHANNELS)]
        self._looked = 0

    def _member_ids(self) -> list[str]:
        return [u for u, user in self.ws.users.items() if user.email and not user.is_bot]

    def _command(
        self, user: User, command: str, text: str, channel_id: str | None = None
    ) -> dict[str, Any]:
        channel = self.ws.channels[channel_id] if channel_id else self.ws.general
        url = self.emu._responder.issue(user.id, channel.id)
        trigger = self.ws.views.issue_trigger(user.id)
        return build.slash_command(
            self.ws, user, channel, command, text, response_url=url, trigger_id=trigger
        )

    def payload(self, kind: str, n: int) -> dict[str, Any]:
        """The n-th payload of a kind; kudos giver n gives to n+1 (five a day at most each)."""
        users = self.users
        user = users[n % len(users)]
        if kind == "kudos":
            return self._kudos(user, users[(n + 1) % len(users)], n)
        if kind == "ask":
            return {"kind": "command", "payload": self._command(user, "/ask", ASK_TEXT)}
        if kind == "click":
            return {"kind": "interaction", "payload": self._click(user)}
        if kind == "event":
            return {"kind": "event", "payload": self._mention(user)}
        raise ValueError(f"unknown payload kind {kind!r}")

    def _kudos(self, user: User, other: User, n: int) -> dict[str, Any]:
        # Numbered, so a giver met again when n wraps round is not refused as "already sent".
        text = f"<@{other.id}|{other.name}> {KUDOS_TEXT} (no. {n})"
        team = self.teams[n % len(self.teams)]
        return {"kind": "command", "payload": self._command(user, "/kudos", text, team)}

    def _click(self, user: User) -> dict[str, Any]:
        """*Not now* on the bot's offer to find an expert (one small write, then a respond)."""
        general = self.ws.general
        ts = self.ws.next_ts()
        action = {
            "type": "button",
            "action_id": "nudge_not_now",
            "block_id": "nudge",
            "text": {"type": "plain_text", "text": "Not now"},
            "value": "nudge",
            "action_ts": ts,
        }
        return build.interaction(
            self.ws,
            "block_actions",
            user,
            trigger_id=self.ws.views.issue_trigger(user.id),
            container={"type": "message", "message_ts": ts, "channel_id": general.id,
                       "is_ephemeral": True},
            channel={"id": general.id, "name": general.name},
            response_url=self.emu._responder.issue(user.id, general.id),
            actions=[action],
        )  # fmt: skip

    def _mention(self, user: User) -> dict[str, Any]:
        """`@askaround hi` in #general: a real message in the emulator, then its event."""
        general = self.ws.general
        text = f"<@{self.ws.bot_user_id}> hi"
        message = self.ws.chat.post(general.id, user.id, text)
        return self.emu.event_envelope(build.app_mention_event(self.ws, message))

    def prepare(self, kind: str, n: int) -> Prepared:
        """Recognition n, ready for the driver: `/kudos` (askaround, the floor) or karmabot's
        `<@person> ++` typed in a team channel (the message is posted now, then its event)."""
        users = self.users
        # Person n gives to the one half the company away: in a run of fewer recognitions than
        # people, each is a giver once and a receiver once, thousands of recognitions apart,
        # so no two recognitions in flight create the same person (karmabot's first sight of
        # someone is an insert that two threads at once would both try).
        user, other = users[n % len(users)], users[(n + len(users) // 2) % len(users)]
        if kind == "kudos":
            made = self._kudos(user, other, n)
            return Prepared(n, made["kind"], made["payload"], kudos_mark(n))
        if kind == "karma":
            channel = self.ws.channels[self.teams[n % len(self.teams)]]
            text = f"<@{other.id}> ++ {KUDOS_TEXT} (no. {n})"
            message = self.ws.chat.post(channel.id, user.id, text)
            envelope = self.emu.event_envelope(build.message_event(self.ws, message, channel))
            return Prepared(n, "event", envelope, karma_mark(other.name))
        raise ValueError(f"no recognition of kind {kind!r}")

    async def payloads(self, request: web.Request) -> web.Response:
        asked = await request.json()
        offset = int(asked.get("offset", 0))
        made = [self.payload(asked["kind"], offset + n) for n in range(int(asked["count"]))]
        return web.json_response(made)

    async def count(self, request: web.Request) -> web.Response:
        method = request.query["method"]
        channel = request.query.get("channel")
        times = [
            c.at
            for c in self.emu.calls
            if c.method == method
            and c.ok
            and (
                channel is None
                or c.args.get("channel") == channel
                or (channel == TEAMS and c.args.get("channel") in self.teams)
            )
            and not c.args.get("thread_ts")
        ]
        first, last = min(times, default=None), max(times, default=None)
        return web.json_response({"count": len(times), "first": first, "last": last})

    async def shoutout(self, request: web.Request) -> web.Response:
        mark = f"(no. {int(request.query['n'])})"
        teams = set(self.teams)
        deadline = asyncio.get_running_loop().time() + 10.0
        while asyncio.get_running_loop().time() < deadline:
            calls = self.emu.calls
            for call in calls[self._looked :]:
                if (
                    call.method == "chat.postMessage"
                    and call.ok
                    and call.args.get("channel") in teams
                    and mark in json.dumps(call.args)
                ):
                    return web.json_response({"at": call.at})
            self._looked = max(0, len(calls) - 50)  # the post may race ahead of the DMs
            await asyncio.sleep(0.0005)
        return web.json_response({"at": None}, status=404)


def seed(emu: SlackEmulator, company: Company) -> None:
    """Every person of the company as a Slack user with the same id and email."""
    ws = emu.workspace
    for member in company.members:
        ws.add_user(
            member.handle,
            user_id=member.user_id,
            real_name=member.name,
            email=member.email,
            tz=member.tz,
        )
    by_email = {m.email: ws.users[m.user_id] for m in company.members}

    def user_by_email(email: str) -> User | None:
        # The emulator scans every user per lookup (fine for tests); an import of 100,000 rows
        # would then measure the emulator, so the benchmark looks emails up in a dict.
        return by_email.get(email.strip().lower())

    ws.user_by_email = user_by_email  # type: ignore[method-assign]


async def serve(size: int, max_seconds: float) -> None:
    emu = SlackEmulator(signing_secret=SIGNING_SECRET, bot_token=BOT_TOKEN, app_token=APP_TOKEN)
    seed(emu, Company(size))
    await emu.start()
    control = Control(emu, size)
    app = web.Application(client_max_size=256 * 1024 * 1024)
    app.router.add_post("/payloads", control.payloads)
    app.router.add_get("/count", control.count)
    app.router.add_get("/shoutout", control.shoutout)
    Driver(emu, set(control.teams), control.prepare).add_routes(app)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    ready = {
        "api_url": emu.api_url,
        "control_url": f"http://127.0.0.1:{port}",
        "team_id": emu.team_id,
        "general": emu.workspace.general.id,
    }
    print(json.dumps(ready), flush=True)
    try:
        await asyncio.sleep(max_seconds)
    finally:
        await runner.cleanup()
        await emu.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="the Slack emulator as a benchmark process")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--max-seconds", type=float, default=900.0)
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.people, args.max_seconds))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
