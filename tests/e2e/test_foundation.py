"""The foundation end to end: signed requests over HTTP and Socket Mode envelopes reach the
real app, which answers through the emulator's Web API and writes the database."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from pathlib import Path

import aiohttp
from sqlalchemy import select

from bot.runtime.runner import Runner
from bot.settings import Settings
from slack_emulator import SlackEmulator
from storage.models import InboxItem, Person
from tests.databases import fresh_database
from tests.e2e.harness import SIGNING_SECRET, Harness


def _texts(items: list) -> str:  # type: ignore[type-arg]
    return "\n".join(item.text for item in items)


async def test_askaround_help_answers_ephemerally(slack: Harness) -> None:
    """`/askaround help` acks with help text that only the person who asked sees."""
    delivery = await slack.command("alice", "/askaround", "help")
    assert delivery.status == 200
    await slack.settle()
    seen = slack.emu.ephemerals(slack.user("alice"))
    assert "/askaround help" in _texts(seen)
    assert not [m for m in slack.emu.messages(slack.channel("general")) if m.bot_id]


async def test_unknown_subcommand_gets_a_friendly_hint(slack: Harness) -> None:
    """A typo in a subcommand is answered with what to type instead, to the typist only."""
    await slack.command("bob", "/askaround", "halp")
    await slack.settle()
    text = _texts(slack.emu.ephemerals(slack.user("bob")))
    assert "Did you mean `/askaround help`?" in text


async def test_mention_is_answered_in_a_thread(slack: Harness) -> None:
    """`@askaround hi` in a channel gets help as a thread reply, not channel noise."""
    message = await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> hi")
    call = await slack.emu.wait_for(lambda c: c.method == "chat.postMessage")
    assert call.args["thread_ts"] == message.ts
    assert call.args["channel"] == slack.channel("general")


async def test_direct_message_is_answered_in_the_dm(slack: Harness) -> None:
    """A DM to the bot is answered in that DM."""
    await slack.dm_bot("alice", "hello?")
    await slack.emu.wait_for(lambda c: c.method == "chat.postMessage")
    replies = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id]
    assert len(replies) == 1 and "askaround" in replies[0].text


async def test_home_tab_is_published_and_person_recorded(slack: Harness) -> None:
    """Opening App Home stores the person's Slack profile and publishes the Home tab."""
    await slack.emu.open_home(slack.user("maria"))
    await slack.emu.wait_for(lambda c: c.method == "views.publish")
    view = slack.emu.home_view(slack.user("maria"))
    assert view is not None and "askaround" in str(view.spec["blocks"])
    async with slack.services.sessions() as s:
        person = await s.scalar(select(Person).where(Person.user_id == slack.user("maria")))
    assert person is not None
    assert (person.real_name, person.tz, person.team_id) == (
        "Maria Lopez",
        "Europe/Madrid",
        slack.team_id,
    )


async def test_retried_event_is_processed_once(slack: Harness) -> None:
    """Slack redelivering the same event (same event_id) three times yields one reply."""
    _message, deliveries = await slack.emu.post_message(
        slack.user("carol"), slack.channel("general"), f"<@{slack.emu.bot_user_id}> hi"
    )
    for delivery in deliveries:  # a `message` and an `app_mention` event, each sent 4 times
        await slack.emu.redeliver(delivery, times=3)
    await slack.settle()
    replies = [m for m in slack.emu.messages(slack.channel("general")) if m.bot_id]
    assert len(replies) == 1
    async with slack.services.sessions() as s:
        stored = (await s.scalars(select(InboxItem.request_key))).all()
    assert sorted(stored) == sorted(f"event:{d.event_id}" for d in deliveries)
    assert len(stored) == 2


def _signed(body: bytes, timestamp: int, secret: str = SIGNING_SECRET) -> dict[str, str]:
    base = f"v0:{timestamp}:".encode() + body
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": signature,
        "Content-Type": "application/x-www-form-urlencoded",
    }


async def test_forged_and_stale_signatures_get_401_and_change_nothing(slack: Harness) -> None:
    """A wrong secret or a five-minute-old timestamp is refused before any listener runs."""
    body = (
        f"command=%2Faskaround&text=help&user_id={slack.user('alice')}"
        f"&team_id={slack.team_id}&channel_id={slack.channel('general')}"
        "&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fnowhere&trigger_id=1.2.3"
    ).encode()
    now = int(time.time())
    async with aiohttp.ClientSession() as http:
        for headers in (_signed(body, now, "forged-secret"), _signed(body, now - 301)):
            async with http.post(_endpoint(slack), data=body, headers=headers) as resp:
                assert resp.status == 401
        async with http.post(_endpoint(slack), data=body, headers=_signed(body, now)) as resp:
            assert resp.status == 200  # the same body, properly signed, is accepted
    assert slack.emu.calls_to("chat.postMessage") == []


async def test_healthz_reports_database(slack: Harness) -> None:
    """`GET /healthz` answers 200 with the database reachable."""
    url = _endpoint(slack).replace("/slack/events", "/healthz")
    async with aiohttp.ClientSession() as http, http.get(url) as resp:
        assert resp.status == 200
        assert await resp.json() == {"ok": True, "database": "ok"}


async def test_socket_mode_command_and_event(slack_socket: Harness) -> None:
    """In Socket Mode the same command and mention work through websocket envelopes."""
    assert slack_socket.emu.socket_connections >= 1
    delivery = await slack_socket.command("alice", "/askaround", "help")
    assert delivery.ok
    await slack_socket.post("bob", "general", f"<@{slack_socket.emu.bot_user_id}> hello")
    await slack_socket.emu.wait_for(lambda c: c.method == "chat.postMessage")
    await slack_socket.settle()
    assert "/askaround help" in _texts(slack_socket.emu.ephemerals(slack_socket.user("alice")))


async def test_readyz_and_metrics(slack: Harness) -> None:
    """`/readyz` checks the database, Slack and routing's indexes built at start;
    `/metrics` counts acks per listener."""
    base = _endpoint(slack).removesuffix("/slack/events")
    await slack.command("alice", "/askaround", "help")
    warming = slack.runner.bot.warming
    if warming is not None:  # on a busy machine the start-up build may still be going
        await asyncio.wait_for(asyncio.shield(warming), 60)
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{base}/readyz") as resp:
            assert resp.status == 200
            assert await resp.json() == {
                "ok": True,
                "database": "ok",
                "slack": "ok",
                "routing": "ready",
            }
        slack.emu.faults.add("auth.test", status=500, times=5)
        async with http.get(f"{base}/readyz") as resp:
            assert resp.status == 503 and (await resp.json())["slack"] == "unreachable"
        async with http.get(f"{base}/metrics") as resp:
            text = await resp.text()
    assert 'askaround_ack_seconds_count{listener="/askaround"} 1.0' in text


async def test_shutdown_finishes_work_already_acked(tmp_path: Path) -> None:
    """Stopping the bot right after it acked a mention still sends the (slow) reply."""
    async with fresh_database(tmp_path) as url, SlackEmulator(signing_secret=SIGNING_SECRET) as emu:
        carol = emu.workspace.add_user("carol").id
        settings = Settings.from_env(
            {
                "SLACK_BOT_TOKEN": emu.bot_token,
                "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                "SLACK_API_URL": emu.api_url,
                "ASKAROUND_DATABASE_URL": url,
                "ASKAROUND_PORT": "0",
            },
            env_file=None,
        )
        async with Runner(settings) as runner:
            emu.request_url = runner.url
            emu.faults.add("chat.postMessage", delay=1.0, times=1)
            _message, deliveries = await emu.post_message(
                carol, emu.workspace.general.id, f"<@{emu.bot_user_id}> hi"
            )
            assert deliveries and all(d.ok for d in deliveries)
            assert emu.calls_to("chat.postMessage") == []
        assert len(emu.calls_to("chat.postMessage")) == 1


async def test_the_bots_slack_calls_reuse_their_connections(slack: Harness) -> None:
    """Six kudos one after another make a score of Web API calls (shout-outs, DMs, lookups):
    they travel over a few kept-alive connections, not a new connection each."""
    for n in range(6):
        await slack.command("alice", "/kudos", f"@bob for review number {n} #teamwork")
        await slack.drain()
    calls = [c for c in slack.emu.calls if c.method != "response_url"]
    connections = {c.connection for c in calls}
    assert len(calls) >= 12 and None not in connections
    assert len(connections) <= len(calls) // 3


def _endpoint(harness: Harness) -> str:
    """The bot's Slack endpoint: end to end, the harness drives `askaround serve`'s Runner."""
    assert isinstance(harness.runner, Runner)
    return harness.runner.url
