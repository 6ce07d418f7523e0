"""The bot as it runs (`Runner`) against the frames Slack's Socket Mode really sends: a `hello`
on connecting; `events_api`, `slash_commands` and `interactive` envelopes, each to be acked
with its `envelope_id` (and a `payload` when `accepts_response_payload` and the app answers
with one); `disconnect` with `warning`, then `refresh_requested` and the close, a few times an
hour; `disconnect` with `link_disabled` when Socket Mode is turned off for the app."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import pytest
from sqlalchemy import select

from bot.runtime.demo.session import settle
from bot.runtime.runner import Runner
from handlers.dispatch.another_workspace import NOT_HERE
from slack_emulator.delivery import DeliveryKind
from storage.models import InboxItem, Question
from tests.e2e.harness import ACK_TIMEOUT_SECONDS, Harness
from tests.slack import bolt_python
from tests.slack.java_samples import ACTED_ON, events, sample, with_words
from tests.slack.kudos.world import global_modal, kudos_posts, ledger, submit_modal
from tests.slack.test_bolt_python_payloads import (
    ANOTHER,
    GO_MENTIONS,
    IN_THE_DM,
    MENTIONS,
    TRIMMED,
)
from tests.slack.test_real_payloads import request_of

REASON = "for untangling the release #teamwork"


def _opened(slack: Harness) -> int:
    return len(slack.emu.calls_to("apps.connections.open"))


async def _connected(slack: Harness, count: int = 1, within: float = 3.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while slack.emu.socket_connections != count:
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{slack.emu.socket_connections} connections, not {count}")
        await asyncio.sleep(0.01)


def _greetings(slack: Harness) -> list[Any]:
    return [c for c in slack.emu.calls_to("chat.postMessage") if c.ok]


async def test_each_envelope_kind_is_acked_with_its_answer(slack_socket: Harness) -> None:
    """A slash command's ack carries the ephemeral it answers with; a shortcut (interactive,
    no response payload) opens the modal; a view submission the app refuses is acked with
    `response_action: errors`, one it takes with an empty ack; a mention (events_api) is
    answered in the channel."""
    slack = slack_socket
    command = await slack.command("alice", "/ask", "help")
    assert command.ok and command.attempts[-1].transport == "socket"
    assert "/ask mine" in (command.response or {}).get("text", "")

    modal = await global_modal(slack, "maria")
    refused = await submit_modal(
        slack, "maria", modal, recipients=["maria"], reason=REASON, channel="general"
    )
    assert refused.ok and refused.attempts[-1].transport == "socket"
    assert (refused.response or {}).get("response_action") == "errors"
    assert set(refused.response["errors"]) <= {"recipients", "reason"}

    taken = await submit_modal(
        slack, "maria", modal, recipients=["bob"], reason=REASON, channel="general"
    )
    await slack.settle()
    assert taken.ok and not taken.response
    assert len(await ledger(slack)) == 1

    before = len(_greetings(slack))
    await slack.post("bob", "general", f"<@{slack.emu.bot_user_id}> hello")
    await slack.settle()
    assert len(_greetings(slack)) == before + 1


async def test_a_retried_envelope_has_one_effect(slack_socket: Harness) -> None:
    """Slack sends an event again, in a new envelope with the same `event_id`,
    `retry_attempt: 1` and `retry_reason: timeout`: it is acked and answered once."""
    slack = slack_socket
    message = await slack.post("bob", "general", f"<@{slack.emu.bot_user_id}> hello")
    await slack.settle()
    assert message is not None
    [mention] = [d for d in slack.emu.deliveries if d.payload["event"]["type"] == "app_mention"]
    answered = len(_greetings(slack))
    [again] = await slack.emu.redeliver(mention)
    await slack.settle()
    assert again.ok and again.attempts[0].retry_num == 1
    assert again.attempts[0].retry_reason == "http_timeout"  # sent as retry_reason "timeout"
    assert len(_greetings(slack)) == answered


async def test_envelopes_sent_again_at_once_have_one_effect(slack_socket: Harness) -> None:
    """A `:kudos:` reaction's envelope three more times at once (`retry_attempt` 1–3), and a
    `/kudos` and its Undo click each sent again three times with the same payload (as after a
    reconnect): one reaction kudos, one command kudos, undone once."""
    slack = slack_socket
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    reaction = await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    assert reaction is not None
    again = await slack.emu.redeliver(reaction, times=3)
    assert sorted(a.attempts[0].retry_num for a in again) == [1, 2, 3]
    command = await slack.command("alice", "/kudos", f"@maria {REASON}")
    again += await slack.emu.redeliver(command, times=3)
    await slack.settle()
    click = await slack.emu.click_button(slack.user("alice"), "Undo")
    again += await slack.emu.redeliver(click, times=3)
    await slack.settle()
    assert all(a.ok for a in again)
    given = await ledger(slack, live_only=False)
    assert sorted((k.source, k.undone_at is None) for k in given) == [
        ("command", False),
        ("reaction", True),
    ]
    assert len(kudos_posts(slack, "general")) == 1  # the reaction's; the command's is undone
    deleted = [(c.args["channel"], c.args["ts"]) for c in slack.emu.calls_to("chat.delete")]
    assert len(deleted) == len(set(deleted)) == 2  # the shout-out and Maria's DM, once each


async def test_envelopes_slack_retries_unacked_in_time_have_one_effect(
    slack_socket: Harness,
) -> None:
    """Slack's own retries, not sent by hand: no ack of Bob's `:kudos:` reaction reaches Slack
    in time (ack timeout 0), so Slack sends the event three more times, each a new envelope
    with the same `event_id` and `retry_attempt` 1-3, `retry_reason` timeout, while the
    first is still being worked on. As for `X-Slack-Retry-Num` over HTTP, the inbox keeps
    the first (its key the event's id): one kudos, one shout-out, nobody told something
    went wrong."""
    slack = slack_socket
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    slack.emu.ack_timeout = 0.0
    try:
        reaction = await slack.emu.add_reaction(
            slack.user("bob"), message.channel, message.ts, "kudos"
        )
    finally:
        slack.emu.ack_timeout = ACK_TIMEOUT_SECONDS
    assert reaction is not None
    assert [(a.transport, a.retry_num, a.error) for a in reaction.attempts] == [
        ("socket", n, "timeout") for n in range(4)
    ]
    assert [a.retry_reason for a in reaction.attempts[1:]] == ["timeout"] * 3
    await slack.settle()
    async with slack.services.sessions() as s:
        kept = (await s.scalars(select(InboxItem.request_key))).all()
    assert [key for key in kept if str(reaction.event_id) in key] == [f"event:{reaction.event_id}"]
    assert len(await ledger(slack)) == 1
    assert len(kudos_posts(slack, "general")) == 1
    told = [c.args.get("text", "") for c in slack.emu.calls_to("chat.postEphemeral")]
    assert not [text for text in told if "went wrong" in text]


async def test_refresh_mid_burst_reconnects_and_loses_nothing(slack_socket: Harness) -> None:
    """`warning`, then `refresh_requested` and the close, while kudos are being given: the
    bot opens a fresh connection (apps.connections.open), and each command Slack saw acked
    is in the ledger once."""
    slack = slack_socket
    opened = _opened(slack)
    givers = ["alice", "bob", "carol", "maria"]

    async def give(i: int) -> Any:
        giver, receiver = givers[i % 4], givers[(i + 1) % 4]
        await asyncio.sleep(0.02 * i)
        return await slack.command(giver, "/kudos", f"@{receiver} {REASON} number {i}")

    burst = [asyncio.create_task(give(i)) for i in range(12)]
    await slack.emu.socket_refresh(warning_seconds=0.1)
    commands = await asyncio.gather(*burst)
    await slack.settle()
    await _connected(slack)
    assert _opened(slack) > opened
    acked = [c for c in commands if c.ok]
    entries = await ledger(slack)
    reasons = [e.message for e in entries]
    assert len(reasons) == len(set(reasons))  # nothing doubled
    for command in acked:  # nothing acked lost
        assert any(r.endswith(command.payload["text"].rsplit(REASON, 1)[1]) for r in reasons)
    assert len(kudos_posts(slack, "general")) == len(entries)
    after = await slack.command("alice", "/askaround", "help")
    assert after.ok


async def test_each_way_slack_ends_a_connection_opens_one_new_one(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """`disconnect` with `warning`, `too_many_websockets`, `refresh_requested` (then the
    close) and a close with no frame first: each time the bot asks Slack once for a new
    connection (apps.connections.open is Tier 1: about one a minute) and opens one, and the
    next command is answered over the new connection. Each new connection's `hello` is one
    INFO line with its count and refresh time; the only problem logged is one WARNING line
    for `too_many_websockets` (Slack's cap of 10 connections an app)."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    for reason in ("warning", "too_many_websockets", "refresh_requested", None):
        asked, opened = _opened(slack), slack.emu.sockets_opened
        if reason is None:
            await slack.emu.socket_close()
        else:
            await slack.emu.socket_disconnect(reason)
        await slack.settle()
        await _connected(slack)
        await slack.settle()
        assert (_opened(slack) - asked, slack.emu.sockets_opened - opened) == (1, 1), reason
        command = await slack.command("alice", "/ask", "help")
        assert command.ok and command.attempts[-1].transport == "socket", reason
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(problems) == 1 and "too_many_websockets" in problems[0], problems
    assert not [r for r in caplog.records if r.exc_info]
    hellos = [r.getMessage() for r in caplog.records if r.name == "askaround.socket_mode"]
    assert (
        hellos.count(
            "Socket Mode connection open, 1 for this app; Slack refreshes it in about 301 min"
        )
        == 4
    )


async def test_too_many_websockets_again_and_again_backs_off(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """At Slack's cap (10 connections an app, here none left), each new connection is told
    `too_many_websockets` and closed. The bot reconnected at once every time, as Slack's SDKs
    do: a loop as fast as the network, one WARNING line a turn. Now the first is at once and
    the next waits (the backoff of apps.connections.open's failures, up to about 16 s), one
    WARNING line each naming the wait, no traceback; with room again, it connects."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    slack.emu.socket_cap(0)
    await slack.emu.socket_disconnect("refresh_requested")
    deadline = asyncio.get_running_loop().time() + 5
    while slack.emu.sockets_refused < 2:
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{slack.emu.sockets_refused} connections refused, not 2")
        await asyncio.sleep(0.01)
    slack.emu.socket_cap(10)
    await _connected(slack, within=30)
    command = await slack.command("alice", "/ask", "help")
    assert command.ok and command.attempts[-1].transport == "socket"
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [r for r in caplog.records if r.exc_info]
    said = [r.getMessage() for r in problems]
    assert len(said) == 2 and all("too_many_websockets" in m for m in said), said
    assert said[0].endswith("opening a new one"), said
    assert re.search(r"opening a new one in \d+ s$", said[1]), said


async def test_slack_failing_to_open_a_connection_is_one_line_a_try(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """After a refresh, apps.connections.open fails: HTTP 502 (a 500 or 503 is first tried
    again by the Web API client, up to three times), then no answer at all (the network);
    after the next, the websocket handshake fails. Each failed try is one WARNING line naming
    what failed, not slack_sdk's ERROR lines and traceback, and the bot asks again (sooner
    than slack_sdk's 10 s at first, with a new URL) until it is connected and answering."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    slack.emu.faults.add("apps.connections.open", status=502, times=1)
    slack.emu.faults.add("apps.connections.open", dropped=True, times=1)
    await slack.emu.socket_disconnect("refresh_requested")
    await _connected(slack, within=30)
    command = await slack.command("alice", "/ask", "help")
    assert command.ok and command.attempts[-1].transport == "socket"
    # The websocket handshake failing once its one-time URL is used: slack_sdk tried the
    # same URL again every 10 s, refused each time, and never connected again.
    slack.emu.socket_fail_handshakes(1)
    await slack.emu.socket_disconnect("refresh_requested")
    await _connected(slack, within=30)
    command = await slack.command("alice", "/ask", "help")
    assert command.ok and command.attempts[-1].transport == "socket"
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [r for r in caplog.records if r.exc_info]
    assert [r.levelno for r in problems] == [logging.WARNING] * 3, problems
    assert "HTTP 502" in problems[0].getMessage()
    assert "Server disconnected" in problems[1].getMessage()
    assert "websocket answered HTTP 503" in problems[2].getMessage()
    assert "ticket" not in problems[2].getMessage()  # a credential, if a used one


async def test_two_replicas_each_connected_share_the_envelopes_and_act_once(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """A second replica on the same database opens its own Socket Mode connection; Slack gives
    each envelope to one of the two (the emulator in turn, so a copy sent right after its
    original mostly reaches the other replica): a `:kudos:` reaction and Slack's retry of it,
    `/kudos` and a duplicate, a question in a mention and its retry. One kudos each, one
    shout-out each, one question, `/ask help` answered in the ack by each replica; then a
    refresh of both opens two connections, one each, and nothing is logged as a problem."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    async with Runner(slack.runner.settings) as second:
        await _connected(slack, 2)
        message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
        reaction = await slack.emu.add_reaction(
            slack.user("bob"), message.channel, message.ts, "kudos"
        )
        assert reaction is not None
        sent = [reaction, *await slack.emu.redeliver(reaction)]
        command = await slack.command("alice", "/kudos", f"@maria {REASON}")
        sent += [command, *await slack.emu.redeliver(command)]
        question = "how do we unlock a stuck terraform state in production?"
        _posted, deliveries = await slack.here.post_message(
            slack.user("alice"), slack.channel("general"), f"<@{slack.emu.bot_user_id}> {question}"
        )
        [mention] = [d for d in deliveries if d.payload["event"]["type"] == "app_mention"]
        sent += [mention, *await slack.emu.redeliver(mention)]
        helps = [await slack.command("alice", "/ask", "help") for _ in range(2)]
        assert all(d.ok and d.attempts[-1].transport == "socket" for d in sent + helps)
        assert all("/ask mine" in (h.response or {}).get("text", "") for h in helps)
        await slack.drain()
        await settle(slack.emu, second)
        hellos = [r.getMessage() for r in caplog.records if r.name == "askaround.socket_mode"]
        assert [h.split(" for this app")[0][-1] for h in hellos] == ["2"], hellos
        given = sorted(k.source for k in await ledger(slack))
        assert given == ["command", "reaction"]
        assert len(kudos_posts(slack, "general")) == 2
        async with slack.services.sessions() as s:
            assert len((await s.scalars(select(Question))).all()) == 1
        asked, opened = _opened(slack), slack.emu.sockets_opened
        await slack.emu.socket_disconnect("refresh_requested")
        await _connected(slack, 2)
        await settle(slack.emu, second)
        assert (_opened(slack) - asked, slack.emu.sockets_opened - opened) == (2, 2)
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert problems == [] and not [r for r in caplog.records if r.exc_info]


async def test_link_disabled_stops_socket_mode_with_one_line(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Socket Mode turned off for the app: Slack sends `disconnect`/`link_disabled` and closes.
    The bot does not ask for a new connection, says so in one line, and its runner stops."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    opened = _opened(slack)
    await slack.emu.socket_disconnect("link_disabled")
    await asyncio.wait_for(slack.runner.stopped.wait(), 3)  # type: ignore[attr-defined]
    await asyncio.sleep(0.2)  # would a reconnect come?
    assert _opened(slack) == opened and slack.emu.socket_connections == 0
    lines = [r for r in caplog.records if "link_disabled" in r.getMessage()]
    assert len(lines) == 1 and lines[0].levelno == logging.ERROR
    assert not [r for r in caplog.records if r.exc_info]


async def test_an_app_token_revoked_while_serving_stops_socket_mode_with_one_line(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """The app-level token revoked while the bot runs: Slack closes the connection and
    refuses a new one (`invalid_auth`). The bot does not ask again every 10 s, silently, for
    ever: it says so in one line and its runner stops, as for `link_disabled`."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    slack.emu.faults.add("apps.connections.open", error="invalid_auth", times=None)
    await slack.emu.socket_disconnect("refresh_requested")
    await asyncio.wait_for(slack.runner.stopped.wait(), 10)  # type: ignore[attr-defined]
    lines = [r for r in caplog.records if "SLACK_APP_TOKEN" in r.getMessage()]
    assert len(lines) == 1 and lines[0].levelno == logging.ERROR, lines
    assert "invalid_auth" in lines[0].getMessage()


# Slack's documented request bodies (`tests/data/slack/real_payloads.json`), each with
# whether its envelope says `accepts_response_payload` (Slack's: commands and select menus'
# options, whose ack carries the answer).
DOCUMENTED = [
    ("message_changed_without_previous_message", False),
    ("thread_broadcast_edited", False),
    ("member_joined_channel_the_bot", False),
    ("reminder_add", False),
    ("app_home_opened_messages_tab", False),
    ("message_changed_without_previous_message_in_a_dm", False),
    ("message_changed_without_its_ts_in_a_dm", False),
    ("view_closed_give_kudos", False),
    ("user_huddle_changed", False),
    ("global_shortcut_give_kudos", False),
    ("skills_suggestion", True),
    ("ask_without_text", True),
    ("kudos_from_an_enterprise_grid_workspace", True),
    # `tests/slack/payloads/`: an org-wide install's, which names no workspace
    ("app_uninstalled_org_wide", False),
    ("tokens_revoked_org_wide", False),
    ("bot_message_with_bot_profile", False),
    ("app_home_opened_without_its_tab", False),
    ("team_join_of_an_apps_bot_user", False),
    ("user_change_of_askarounds_own_bot_user", False),
]


async def _each_sent_twice(
    slack: Harness, documented: list[tuple[str, bool]]
) -> dict[str, tuple[Any, Any]]:
    """Each named body in its envelope, then again (an event as Slack's retry, `retry_attempt`
    1; a command or an interaction as a duplicate); checks that every envelope was acked at
    its first try over the socket, once the bot has settled."""
    sent = {}
    for name, accepts in documented:
        kind, payload = request_of(slack, name)
        first = await slack.emu.send_request(kind, payload, accepts_response=accepts)
        [again] = await slack.emu.redeliver(first)
        sent[name] = (first, again)
    await slack.settle()
    for name, (first, again) in sent.items():
        assert first.ok and len(first.attempts) == 1 and again.ok, name
        assert first.attempts[0].transport == again.attempts[0].transport == "socket", name
        assert again.attempts[0].retry_num == (1 if first.kind == "event" else 0), name
    return sent


async def test_slacks_documented_requests_are_acked_once_each_over_socket_mode(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Slack's own bodies in their envelopes, each sent again (an event as Slack's retry,
    `retry_attempt` 1, `retry_reason` timeout; a command or an interaction as a duplicate):
    every envelope acked at its first try, nothing logged as a problem, and each has its
    effect once. Each edit in the DM is one question (one names its message's ts only in
    `previous_message`); the kudos one; the shortcut's form opens once; the options and the
    command's usage line come back in the acks; an org-wide install's uninstall changes
    nothing here."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    sent = await _each_sent_twice(slack, DOCUMENTED)
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert problems == [] and not [r for r in caplog.records if r.exc_info]
    async with slack.services.sessions() as s:
        asked = list(await s.scalars(select(Question)))
    assert [(q.asker_user_id, q.source) for q in asked] == [(slack.user("alice"), "message")] * 2
    assert [k.receiver_user_id for k in await ledger(slack)] == [slack.user("bob")]
    assert len(slack.emu.calls_to("views.open")) == 1
    options = (sent["skills_suggestion"][0].response or {})["options"]
    assert options[-1]["value"] == "kub"
    usage = (sent["ask_without_text"][0].response or {})["text"]
    assert usage.startswith("Type your question after `/ask`")


async def test_a_form_checked_while_slack_is_slow_is_acked_in_time(slack_socket: Harness) -> None:
    """The Give kudos form submitted over Socket Mode while Slack rate-limits users.info
    for longer than it waits for the envelope's ack: the envelope is acked at its first try
    (empty, the form closes) and the kudos is given once."""
    slack = slack_socket
    modal = await global_modal(slack, "maria")
    slack.emu.faults.add("users.info", status=429, retry_after=3)
    taken = await submit_modal(
        slack, "maria", modal, recipients=["bob"], reason=REASON, channel="general"
    )
    await slack.settle()
    assert taken.ok and len(taken.attempts) == 1
    assert taken.attempts[-1].transport == "socket" and not taken.response
    assert len(await ledger(slack)) == 1


# Slack's shapes kept one a file (`tests/slack/payloads/`), with `accepts_response_payload`
# as Slack sets it: true for commands and view submissions, whose ack may carry the answer.
PLACES = [
    ("ask_in_the_dm_with_the_bot", True),
    ("kudos_in_a_dm_between_two_people", True),
    ("skills_in_a_private_channel", True),
    ("askaround_help_in_a_group_dm", True),
    ("give_kudos_on_askarounds_own_message", False),
    ("give_kudos_global_form_submitted", True),
    ("app_home_opened_home_tab_with_a_view", False),
    ("group_topic", False),
    ("user_change_of_another_apps_bot", False),
]


async def test_commands_in_dms_and_private_places_and_the_settings_form_over_socket_mode(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Commands typed in the DM with the bot, a DM between two people, a private channel and a
    group DM, a shortcut on the bot's own message, the global shortcut's form with its values
    and channel picked, the Home tab opened with its view, a private channel's topic, another
    app's profile changed, and the settings form submitted, each in Slack's envelope and sent
    again (an event as Slack's retry): every envelope acked at its first try, the settings'
    answer (`response_action` update) in its ack, each effect once (the kudos from the DM
    private, the form's public), and nothing logged as a problem."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    slack.emu.workspace.user(slack.user("alice")).is_admin = True
    await slack.command("alice", "/askaround", "settings")
    await slack.settle()
    (opened,) = slack.emu.calls_to("views.open")
    await _each_sent_twice(slack, PLACES)
    kind, payload = request_of(slack, "settings_form_submitted")
    payload["view"]["blocks"] = opened.args["view"]["blocks"]
    settings = await slack.emu.send_request(kind, payload, accepts_response=True)
    await slack.settle()
    assert settings.ok and len(settings.attempts) == 1
    assert (settings.response or {}).get("response_action") == "update"
    assert "Kudos a day:* “7”" in str(settings.response)
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert problems == [] and not [r for r in caplog.records if r.exc_info]
    async with slack.services.sessions() as s:
        asked = list(await s.scalars(select(Question)))
    assert [(q.asker_user_id, q.source) for q in asked] == [(slack.user("alice"), "command")]
    given = sorted((k.is_private, k.values) for k in await ledger(slack))
    assert given == [(False, ["teamwork", "craft"]), (True, ["teamwork"])]
    assert len(slack.emu.calls_to("views.open")) == 2  # the settings, then the kudos form
    home = slack.here.home_view(slack.user("alice"))  # published anew, not Slack's copy
    assert home is not None and "Your expertise profile" in str(home.blocks)


async def test_java_slack_sdks_samples_are_acked_once_each_over_socket_mode(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """java-slack-sdk's samples (`tests/data/slack/java_slack_sdk/`, every field Slack was
    seen to send, ids the test workspace's) in their envelopes, each sent again (an event as
    Slack's retry, `retry_attempt` 1; a command or an interaction as a duplicate): every event
    askaround answers nobody for, the mention of a question, `/ask help` and *Find an expert*
    on Bob's question. Each acked at its first try, nothing logged as a problem, and the two
    questions asked once each."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    question = "how do we rotate the postgres credentials in production?"
    posted = await slack.post("bob", "general", question)
    requests: list[tuple[DeliveryKind, dict[str, Any], bool]] = []
    for name in events():
        if name not in ACTED_ON:
            requests.append(("event", sample(slack, name), False))
    mention = sample(slack, "AppMentionPayload")
    with_words(mention["event"], f"<@{slack.here.bot_user_id}> {question}")
    command = sample(slack, "SlashCommandPayload") | {"command": "/ask", "text": "help"}
    command = {k: str(v).lower() if isinstance(v, bool) else v for k, v in command.items()}
    shortcut = sample(slack, "MessageShortcutPayload", sparse=True)
    shortcut |= {"callback_id": "find_expert", "message_ts": posted.ts}
    shortcut["message"] |= {"ts": posted.ts, "user": slack.user("bob"), "text": question}
    requests += [
        ("event", mention, False),
        ("command", command, True),
        ("interaction", shortcut, False),
    ]
    sent = []
    for kind, payload, accepts in requests:
        first = await slack.emu.send_request(kind, payload, accepts_response=accepts)
        [again] = await slack.emu.redeliver(first)
        sent.append((first, again))
    await slack.settle()
    for first, again in sent:
        assert first.ok and len(first.attempts) == 1 and again.ok
        assert first.attempts[0].transport == again.attempts[0].transport == "socket"
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert problems == [] and not [r for r in caplog.records if r.exc_info]
    async with slack.services.sessions() as s:
        asked = sorted(q.source for q in await s.scalars(select(Question)))
    assert asked == ["message", "shortcut"]
    assert "`/ask help`" in (sent[-2][0].response or {}).get("text", "")


async def test_bolt_python_and_slack_sdk_bodies_are_acked_once_each_over_socket_mode(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """bolt-python's and python-slack-sdk's own Socket Mode envelopes (a command, a mention, a
    channel message, a shortcut, a Home tab click with its whole view), with their
    `accepts_response_payload`, their commands' forms, mentions of the bot and messages in
    the DM with it (`tests/slack/bolt_python.py`; the HTTP tier sends every body): first as
    kept, from workspaces that never installed askaround, then in the test workspace. Every
    envelope acked at its first try; from elsewhere nothing is done (no question, no post, a
    command told askaround is not installed there); here, the mentions are greeted and the
    DMs asked, once each. Nothing logged as a problem but the line naming a workspace
    askaround does not run for."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    own = [n for n in bolt_python.names() if bolt_python.as_kept(n)[0] in ("envelope", "form")]
    replayed = list(dict.fromkeys([*own, *MENTIONS, *IN_THE_DM]))
    for place in (bolt_python.elsewhere, bolt_python.here):
        for name in replayed:
            kind, body = place(slack, name)
            delivery, payload = bolt_python.request(kind, body)
            accepts = body["accepts_response_payload"] if kind == "envelope" else kind == "form"
            sent = await slack.emu.send_request(delivery, payload, accepts_response=accepts)
            assert sent.ok and len(sent.attempts) == 1, (name, sent.status)
            assert sent.attempts[0].transport == "socket", name
            if place is bolt_python.elsewhere and delivery == "command":
                assert (sent.response or {}).get("text") == NOT_HERE, name
        await slack.settle()
        if place is bolt_python.elsewhere:
            assert slack.emu.calls_to("chat.postMessage") == []
            assert slack.emu.calls_to("chat.postEphemeral") == []
    async with slack.services.sessions() as s:
        asked = [q.asker_user_id for q in await s.scalars(select(Question))]
    assert asked == [slack.user("alice")] * len(IN_THE_DM)
    general = slack.channel("general")
    posted = [c.args for c in slack.emu.calls_to("chat.postMessage")]
    assert len([p["thread_ts"] for p in posted if p["channel"] == general]) == len(MENTIONS)
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert [p for p in problems if not p.startswith(ANOTHER)] == []
    assert not [r for r in caplog.records if r.exc_info]


async def test_slack_gos_bodies_are_acked_once_each_over_socket_mode(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """slack-go's bodies (`tests/data/slack/slack_go/`: Slack's docs' examples of every event
    askaround subscribes to, the URL check, `app_rate_limited` and interactions), each in a
    Socket Mode envelope: first as kept, from workspaces that never installed askaround, then
    in the test workspace. Every envelope acked at its first try; from elsewhere nothing is
    posted; here, every mention with a question and "Hello, I need help with something." in
    the DM asked, once each (what each is answered: the HTTP tier,
    `tests/slack/test_bolt_python_payloads.py`). Nothing logged as a problem but the lines naming a
    workspace askaround does not run for and Slack dropping events for a minute."""
    slack = slack_socket
    caplog.set_level(logging.INFO)
    replayed = [n for n in bolt_python.names() if n.startswith("slack_go/") and n not in TRIMMED]
    for place in (bolt_python.elsewhere, bolt_python.here):
        for name in replayed:
            kind, body = place(slack, name)
            delivery, payload = bolt_python.request(kind, body)
            if payload.get("type") == "url_verification":
                continue  # Slack sends its URL check over HTTP alone
            sent = await slack.emu.send_request(delivery, payload)
            assert sent.ok and len(sent.attempts) == 1, (name, sent.status)
            assert sent.attempts[0].transport == "socket", name
        await slack.drain()
        if place is bolt_python.elsewhere:
            assert slack.emu.calls_to("chat.postMessage") == []
            assert slack.emu.calls_to("chat.postEphemeral") == []
    async with slack.services.sessions() as s:
        asked = [(q.asker_user_id, q.text) for q in await s.scalars(select(Question))]
    assert {who for who, _ in asked} == {slack.user("alice")}
    hello = "Hello, I need help with something."
    assert [t for _, t in asked].count(hello) == 2  # an inner event's and a parsers' one
    assert len(asked) == len(GO_MENTIONS) + 2 - 1  # but the mention "search slack"
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    dropping = "Slack is dropping events for workspace"
    assert [p for p in problems if not p.startswith((ANOTHER, dropping))] == []
    assert not [r for r in caplog.records if r.exc_info]
