"""What the emulator sends a bot over HTTP: signing, encodings, retries and response_urls.

The bot here is a tiny recording endpoint, so each test controls how fast and how
well "the bot" answers.
"""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qsl

import aiohttp
import pytest
from slack_sdk.signature import SignatureVerifier

from slack_emulator import PersonError, SlackEmulator

from .conftest import SIGNING_SECRET, Endpoint, Received, endpoint

pytestmark = pytest.mark.asyncio


def _verified(request: Received) -> bool:
    verifier = SignatureVerifier(SIGNING_SECRET)
    return verifier.is_valid(
        request.body,
        request.headers["X-Slack-Request-Timestamp"],
        request.headers["X-Slack-Signature"],
    )


def _form(request: Received) -> dict[str, str]:
    return dict(parse_qsl(request.body, keep_blank_values=True))


async def test_events_are_signed_json_envelopes(emu: SlackEmulator) -> None:
    """A message mentioning the bot yields a message and an app_mention event, each a signed
    event_callback envelope with event_id, authorizations and channel_type."""
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint()) as bot:
        message, deliveries = await emu.post_message(
            alice.id, emu.workspace.general.id, f"hey <@{emu.bot_user_id}> help"
        )
    assert all(d.ok and d.status == 200 for d in deliveries)
    assert len(bot.received) == 2 and all(_verified(r) for r in bot.received)
    envelopes = [json.loads(r.body) for r in bot.received]
    assert {e["event"]["type"] for e in envelopes} == {"message", "app_mention"}
    for envelope in envelopes:
        assert envelope["type"] == "event_callback" and envelope["event_id"].startswith("Ev")
        assert envelope["api_app_id"] == "A0ASKAROUND" and envelope["team_id"] == "T0EMULATE"
        assert envelope["authorizations"][0]["user_id"] == emu.bot_user_id
    event = next(e["event"] for e in envelopes if e["event"]["type"] == "message")
    assert event["channel_type"] == "channel" and event["ts"] == message.ts
    assert event["blocks"][0]["type"] == "rich_text"
    assert bot.received[0].headers["Content-Type"] == "application/json"
    assert bot.received[0].headers["User-Agent"].startswith("Slackbot 1.0")


async def test_a_new_emulator_never_repeats_an_earlier_ones_event_ids(emu: SlackEmulator) -> None:
    """Slack never reuses an event_id; a bot keeping them (askaround's inbox, in a database
    that outlives the emulator, as the demo's `--database` does) would drop a repeat as a
    retry. A second emulator's first events are not the first one's."""

    async def first_event_id(emulator: SlackEmulator) -> set[str]:
        alice = emulator.workspace.add_user("alice")
        async with endpoint(emulator, Endpoint()) as bot:
            await emulator.post_message(alice.id, emulator.workspace.general.id, "hello")
        return {json.loads(r.body)["event_id"] for r in bot.received}

    first = await first_event_id(emu)
    async with SlackEmulator(SIGNING_SECRET) as again:
        second = await first_event_id(again)
    assert len(first) == len(second) == 1 and not first & second


async def test_only_subscribed_events_are_delivered() -> None:
    """With subscriptions from a manifest, an unsubscribed message.channels is not sent but
    app_mention (also for the escaped ``<@U…|name>`` form) and message.im are."""
    subscriptions = {"app_mention", "message.im"}
    async with SlackEmulator(SIGNING_SECRET, event_subscriptions=subscriptions) as emu:
        alice = emu.workspace.add_user("alice")
        general = emu.workspace.general.id
        async with endpoint(emu, Endpoint()) as bot:
            _, plain = await emu.post_message(alice.id, general, "hello all")
            _, mention = await emu.post_message(
                alice.id, general, f"<@{emu.bot_user_id}|askaround> hi"
            )
            _, direct = await emu.post_message(alice.id, emu.workspace.open_im(alice.id).id, "hi")
    assert plain == []
    assert [d.payload["event"]["type"] for d in mention] == ["app_mention"]
    assert direct[0].payload["event"]["channel_type"] == "im"
    assert len(bot.received) == 2


async def test_edits_deletions_and_broadcasts_are_message_subtypes(emu: SlackEmulator) -> None:
    """As Slack sends them: an edit is a hidden `message_changed` (the message now, with
    `edited`, and as it was) and, when it mentions the bot, an `app_mention` again marked
    `edited`; a deletion a hidden `message_deleted`; a thread reply also sent to the channel a
    `thread_broadcast` with its `root`."""
    alice = emu.workspace.add_user("alice")
    general = emu.workspace.general.id
    async with endpoint(emu, Endpoint()) as bot:
        message, _ = await emu.post_message(alice.id, general, "how do we deploy")
        _, edits = await emu.edit_message(
            alice.id, message, f"<@{emu.bot_user_id}> how do we deploy?"
        )
        deletions = await emu.delete_message(alice.id, message)
        parent, _ = await emu.post_message(alice.id, general, "a thread")
        reply, broadcasts = await emu.post_message(
            alice.id, general, "also here", thread_ts=parent.ts, broadcast=True
        )
    assert all(_verified(r) for r in bot.received)
    changed, mention = (d.payload["event"] for d in edits)
    assert changed["subtype"] == "message_changed" and changed["hidden"] is True
    assert changed["message"]["ts"] == message.ts and changed["message"]["edited"]["user"]
    assert changed["previous_message"]["text"] == "how do we deploy"
    assert changed["channel_type"] == "channel" and changed["ts"] != message.ts
    assert mention["type"] == "app_mention" and mention["ts"] == message.ts
    assert mention["edited"] == changed["message"]["edited"]
    (deleted,) = (d.payload["event"] for d in deletions)
    assert deleted["subtype"] == "message_deleted" and deleted["deleted_ts"] == message.ts
    assert "user" not in deleted and deleted["previous_message"]["user"] == alice.id
    (broadcast,) = (d.payload["event"] for d in broadcasts)
    assert broadcast["subtype"] == "thread_broadcast" and broadcast["thread_ts"] == parent.ts
    assert broadcast["root"]["ts"] == parent.ts
    assert reply in emu.workspace.chat.history(general)
    with pytest.raises(PersonError):
        await emu.post_message(alice.id, general, "not a reply", broadcast=True)


async def test_files_shared_and_broadcast_mentions_are_sent_as_slack_sends_them(
    emu: SlackEmulator,
) -> None:
    """A message a person shares a screenshot with is a `file_share` with the file in `files`
    (`upload`, `display_as_bot` false); its `app_mention` carries the same files and no
    subtype (seratch/seratch-slack-types#8). A mention in a thread reply also sent to the
    channel keeps `subtype: thread_broadcast`, the thread's `root` and `parent_user_id`
    (soxtoby/SlackNet#69, a captured payload)."""
    alice = emu.workspace.add_user("alice")
    general = emu.workspace.general.id
    mention = f"<@{emu.bot_user_id}> how do we deploy?"
    async with endpoint(emu, Endpoint()):
        _, shared = await emu.post_message(alice.id, general, mention, files=("shot.png",))
        parent, _ = await emu.post_message(alice.id, general, "a thread")
        _, broadcast = await emu.post_message(
            alice.id, general, mention, thread_ts=parent.ts, broadcast=True
        )
    events = {d.payload["event"]["type"]: d.payload["event"] for d in shared}
    message, mentioned = events["message"], events["app_mention"]
    assert message["subtype"] == "file_share" and "subtype" not in mentioned
    for event in (message, mentioned):
        (file,) = event["files"]
        assert (file["name"], file["mimetype"], file["user"]) == ("shot.png", "image/png", alice.id)
        assert file["channels"] == [general]
        assert event["upload"] is False and event["display_as_bot"] is False
    events = {d.payload["event"]["type"]: d.payload["event"] for d in broadcast}
    for event in events.values():
        assert event["subtype"] == "thread_broadcast" and event["thread_ts"] == parent.ts
        assert event["root"]["ts"] == parent.ts and "files" not in event
    assert events["app_mention"]["text"] == mention
    assert events["app_mention"]["parent_user_id"] == alice.id


async def test_deleting_a_message_with_replies_leaves_a_tombstone(emu: SlackEmulator) -> None:
    """As Slack does: a message with thread replies, deleted, becomes a tombstone ("This
    message was deleted.") that keeps its thread; the app hears a `message_changed` to it, not
    a `message_deleted`. A reply deleted is a `message_deleted`."""
    alice = emu.workspace.add_user("alice")
    general = emu.workspace.general.id
    async with endpoint(emu, Endpoint()):
        parent, _ = await emu.post_message(alice.id, general, "a thread")
        reply, _ = await emu.post_message(alice.id, general, "a reply", thread_ts=parent.ts)
        parent_gone = await emu.delete_message(alice.id, parent)
        reply_gone = await emu.delete_message(alice.id, reply)
    (tombstone,) = (d.payload["event"] for d in parent_gone)
    assert tombstone["subtype"] == "message_changed" and tombstone["hidden"] is True
    assert tombstone["message"]["subtype"] == "tombstone"
    assert tombstone["message"]["ts"] == parent.ts and tombstone["message"]["reply_count"] == 1
    assert tombstone["previous_message"]["text"] == "a thread"
    (deleted,) = (d.payload["event"] for d in reply_gone)
    assert deleted["subtype"] == "message_deleted" and deleted["deleted_ts"] == reply.ts


async def test_slash_command_is_a_signed_form(emu: SlackEmulator) -> None:
    """A slash command is form-encoded with Slack's fields; a text ack becomes an ephemeral
    for the person who ran it."""
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint(reply="Working on it")) as bot:
        delivery = await emu.slash_command(alice.id, "/kudos", "@bob thanks")
    form = _form(bot.received[0])
    assert _verified(bot.received[0])
    assert bot.received[0].headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert form["command"] == "/kudos" and form["text"] == "@bob thanks"
    assert form["user_id"] == alice.id and form["channel_name"] == "general"
    assert form["response_url"].startswith(emu.base_url) and form["trigger_id"]
    assert form["is_enterprise_install"] == "false" and form["api_app_id"] == "A0ASKAROUND"
    assert delivery.response == {"text": "Working on it"}
    assert [(e.text, e.via) for e in emu.ephemerals(alice.id)] == [("Working on it", "ack")]


async def test_a_command_names_no_private_conversation(emu: SlackEmulator) -> None:
    """Slack's `channel_name` is `privategroup` in a private channel and `directmessage` in a
    DM (api.slack.com/interactivity/slash-commands; the names of neither are given away); a
    group DM keeps its `mpdm-…` name."""
    ws = emu.workspace
    alice, bob = ws.add_user("alice"), ws.add_user("bob")
    secret = ws.add_channel("secret", is_private=True, members=[alice.id])
    places = [secret.id, ws.open_im(alice.id).id, ws.open_mpim([alice.id, bob.id]).id]
    async with endpoint(emu, Endpoint()) as bot:
        for channel_id in places:
            await emu.slash_command(alice.id, "/ask", "mine", channel_id=channel_id)
    names = [_form(request)["channel_name"] for request in bot.received]
    assert names == ["privategroup", "directmessage", ws.channel(places[2]).name]
    assert names[2].startswith("mpdm-")


async def test_in_channel_command_answer_is_a_message(emu: SlackEmulator) -> None:
    """A JSON ack with response_type in_channel is posted in the channel by the app."""
    alice = emu.workspace.add_user("alice")
    answer = json.dumps({"response_type": "in_channel", "text": "Kudos to bob!"})
    async with endpoint(emu, Endpoint(reply=answer)):
        await emu.slash_command(alice.id, "/kudos", "@bob")
    message = emu.messages()[-1]
    assert message.text == "Kudos to bob!" and message.by_bot
    assert emu.ephemerals() == []


async def test_slow_event_is_retried_with_the_same_event_id(emu: SlackEmulator) -> None:
    """A bot that misses the ack timeout gets the same event again with X-Slack-Retry-Num
    1, 2 and X-Slack-Retry-Reason http_timeout until it answers in time."""
    emu.ack_timeout = 0.2
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint(delays=[0.4, 0.4, 0.0])) as bot:
        _, (delivery,) = await emu.post_message(alice.id, emu.workspace.general.id, "hello")
    ids = {json.loads(r.body)["event_id"] for r in bot.received}
    assert len(bot.received) == 3 and len(ids) == 1
    assert "X-Slack-Retry-Num" not in bot.received[0].headers
    assert [r.headers.get("X-Slack-Retry-Num") for r in bot.received[1:]] == ["1", "2"]
    assert {r.headers["X-Slack-Retry-Reason"] for r in bot.received[1:]} == {"http_timeout"}
    assert delivery.ok and delivery.retried
    assert [a.error for a in delivery.attempts] == ["http_timeout", "http_timeout", None]


async def test_failing_event_is_retried_three_times_then_dropped(emu: SlackEmulator) -> None:
    """A bot answering 500 gets three retries with reason http_error, then Slack gives up."""
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint(statuses=[500, 500, 500, 500])) as bot:
        _, (delivery,) = await emu.post_message(alice.id, emu.workspace.general.id, "hello")
    assert [r.headers.get("X-Slack-Retry-Num") for r in bot.received] == [None, "1", "2", "3"]
    assert bot.received[1].headers["X-Slack-Retry-Reason"] == "http_error"
    assert not delivery.ok and delivery.status == 500


async def test_no_retry_header_is_honoured(emu: SlackEmulator) -> None:
    """An X-Slack-No-Retry: 1 answer stops Slack's retries even on an error status."""
    alice = emu.workspace.add_user("alice")
    bot = Endpoint(statuses=[500], extra_headers={"X-Slack-No-Retry": "1"})
    async with endpoint(emu, bot):
        _, (delivery,) = await emu.post_message(alice.id, emu.workspace.general.id, "hello")
    assert len(bot.received) == 1 and not delivery.ok


async def test_commands_are_not_retried_and_the_person_sees_an_error(emu: SlackEmulator) -> None:
    """A late slash command ack is not retried; the person sees Slack's operation_timeout."""
    emu.ack_timeout = 0.2
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint(delays=[0.4])) as bot:
        delivery = await emu.slash_command(alice.id, "/ask", "terraform")
    assert len(bot.received) == 1 and not delivery.ok
    (shown,) = emu.ephemerals(alice.id)
    assert shown.via == "error" and shown.text == '/ask failed with the error "operation_timeout"'


async def test_redeliver_makes_a_retry_storm(emu: SlackEmulator) -> None:
    """redeliver sends the same event (same event_id) several times at once, as retries."""
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint()) as bot:
        _, (delivery,) = await emu.post_message(alice.id, emu.workspace.general.id, "hello")
        duplicates = await emu.redeliver(delivery, times=3)
    assert all(d.ok for d in duplicates)
    assert {json.loads(r.body)["event_id"] for r in bot.received} == {delivery.event_id}
    assert sorted(r.headers.get("X-Slack-Retry-Num", "0") for r in bot.received) == [
        "0",
        "1",
        "2",
        "3",
    ]


async def test_response_url_rules(emu: SlackEmulator) -> None:
    """A command's response_url posts ephemerals by default, in_channel messages on request,
    replaces its previous answer with replace_original, and stops after five uses."""
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint()):
        delivery = await emu.slash_command(alice.id, "/ask", "helm")
    url = delivery.payload["response_url"]
    bodies = [
        {"text": "Looking…"},
        {"text": "Found 2 experts", "replace_original": True},
        {"text": "Everyone: ask Bob", "response_type": "in_channel"},
        {"text": "again"},
        {"text": "more"},
        {"text": "one too many"},
    ]
    statuses = []
    async with aiohttp.ClientSession() as session:
        for body in bodies:
            async with session.post(url, json=body) as resp:
                statuses.append((resp.status, await resp.text()))
    assert statuses[:5] == [(200, "ok")] * 5
    assert statuses[5] == (404, "used_url")
    shown = emu.ephemerals(alice.id)
    assert [e.text for e in shown] == ["Found 2 experts", "again", "more"]
    assert [r.text for r in shown[0].revisions] == ["Looking…"]
    assert emu.messages()[-1].text == "Everyone: ask Bob"
    assert [c.method for c in emu.calls] == ["response_url"] * 6


async def test_response_url_refuses_what_chat_post_message_refuses(emu: SlackEmulator) -> None:
    """A response_url answers as chat.postMessage does: blocks with more than about 12,000
    characters of text in all (msg_blocks_too_long) and metadata without an event_payload are
    refused and noted."""
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint()):
        delivery = await emu.slash_command(alice.id, "/ask", "helm")
    url = delivery.payload["response_url"]
    five = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 2500}}] * 5
    bodies = [
        {"text": "x", "blocks": five},
        {"text": "x", "metadata": {"event_type": "mark"}},
        {"text": "x", "blocks": five[:4]},
    ]
    statuses = []
    async with aiohttp.ClientSession() as session:
        for body in bodies:
            async with session.post(url, json=body) as resp:
                statuses.append((resp.status, await resp.text()))
    assert statuses == [(400, "msg_blocks_too_long"), (400, "invalid_metadata_format"), (200, "ok")]
    assert [p.split(":")[0] for p in emu.block_kit_problems] == ["response_url"] * 2


async def test_response_url_notes_fields_slack_does_not_know(emu: SlackEmulator) -> None:
    """A response_type other than in_channel or ephemeral is shown as ephemeral, and a
    replace_original or delete_original that is not a boolean is not one Slack documents: each
    is shown as Slack shows it and noted (interactivity/handling-user-interaction)."""
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint()):
        delivery = await emu.slash_command(alice.id, "/ask", "helm")
    url = delivery.payload["response_url"]
    bodies = [
        {"text": "a", "response_type": "channel"},
        {"text": "b", "replace_original": "yes"},
        {"text": "c", "response_type": "ephemeral", "replace_original": False},
        {"delete_original": "true"},
    ]
    async with aiohttp.ClientSession() as session:
        for body in bodies:
            async with session.post(url, json=body) as resp:
                assert resp.status == 200
    assert [m.text for m in emu.messages()] == []
    noted = [p.split(" [json")[0] for p in emu.block_kit_problems]
    assert noted == [
        "response_url: [WARN] response_type must be in_channel or ephemeral",
        "response_url: [WARN] replace_original must be a boolean",
        "response_url: [WARN] delete_original must be a boolean",
    ]


async def test_url_verification_handshake(emu: SlackEmulator) -> None:
    """verify_url passes only when the endpoint echoes the challenge."""
    async with endpoint(emu, Endpoint(reply="emulated-challenge")):
        assert await emu.verify_url()
    async with endpoint(emu, Endpoint(reply="nope")):
        assert not await emu.verify_url()


async def test_response_url_deletes_the_message_it_posted_in_channel(emu: SlackEmulator) -> None:
    """delete_original on a command's response_url removes what it posted in the channel, even
    after an ephemeral answer came through the same URL (an Undo of a shout-out posted there)."""
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint()):
        delivery = await emu.slash_command(alice.id, "/kudos", "@bob for the fix")
    url = delivery.payload["response_url"]
    async with aiohttp.ClientSession() as session:
        for body in (
            {"text": "Kudos to Bob", "response_type": "in_channel"},
            {"text": "Kudos sent"},
            {"delete_original": True},
        ):
            async with session.post(url, json=body) as resp:
                assert resp.status == 200
    assert [m.text for m in emu.messages()] == []
    assert [e.text for e in emu.ephemerals(alice.id)] == ["Kudos sent"]


async def test_a_guests_mention_names_their_home_as_slack_connect_does(emu: SlackEmulator) -> None:
    """A guest from another organisation mentions the bot in a shared channel: the
    `app_mention` names the installed workspace as its `team` and the guest's as `user_team`
    and `source_team`, the `message` names the guest's as `team` too, as bolt-python's own
    fixtures of both show (slackapi/bolt-python tests/slack_bolt/request/test_internals.py,
    `slack_connect_events_api_no_actor_team_requests` and `slack_connect_events_api_requests`)."""
    ws = emu.workspace
    carol = ws.add_user("carol")
    ws.guests[carol.id] = "T0OTHERORG"
    partners = ws.add_channel("partners", members=[carol.id, emu.bot_user_id], ext_shared=True)
    async with endpoint(emu, Endpoint()) as bot:
        await emu.post_message(carol.id, partners.id, f"<@{emu.bot_user_id}> help")
    events = {e["type"]: e for e in (json.loads(r.body)["event"] for r in bot.received)}
    mention, message = events["app_mention"], events["message"]
    assert mention["team"] == ws.team_id
    assert mention["user_team"] == mention["source_team"] == "T0OTHERORG"
    assert message["team"] == message["user_team"] == "T0OTHERORG"


async def test_a_guests_message_envelope_names_their_workspace(emu: SlackEmulator) -> None:
    """A guest's message in a shared channel comes in an envelope whose `team_id` is the
    guest's own workspace, the installed one only in `context_team_id` and `authorizations`
    (bolt-python tests/slack_bolt/request/test_internals.py, `slack_connect_events_api_requests`);
    a member's names the installed workspace."""
    ws = emu.workspace
    alice, carol = ws.add_user("alice"), ws.add_user("carol")
    ws.guests[carol.id] = "T0OTHERORG"
    partners = ws.add_channel(
        "partners", members=[alice.id, carol.id, emu.bot_user_id], ext_shared=True
    )
    async with endpoint(emu, Endpoint()) as bot:
        for who in (carol, alice):
            await emu.post_message(who.id, partners.id, "hello")
    guest, member = (json.loads(r.body) for r in bot.received)
    assert (guest["team_id"], guest["context_team_id"]) == ("T0OTHERORG", ws.team_id)
    assert guest["authorizations"][0]["team_id"] == ws.team_id
    assert member["team_id"] == member["context_team_id"] == ws.team_id


async def test_response_url_answers_late_only_when_a_fault_names_it(emu: SlackEmulator) -> None:
    """faults.add("response_url", delay=…) answers a response_url late, as a slow Slack does;
    a rule for every method ("*") leaves response_urls alone, since they are not Web API."""
    alice = emu.workspace.add_user("alice")
    async with endpoint(emu, Endpoint()):
        delivery = await emu.slash_command(alice.id, "/ask", "helm")
    url = delivery.payload["response_url"]
    emu.faults.add("*", status=500, times=None)
    emu.faults.add("response_url", delay=0.3)
    timings = []
    async with aiohttp.ClientSession() as session:
        for text in ("slow", "fast"):
            started = time.monotonic()
            async with session.post(url, json={"text": text}) as resp:
                assert (resp.status, await resp.text()) == (200, "ok")
            timings.append(time.monotonic() - started)
    assert timings[0] >= 0.3 > timings[1]
    assert [e.text for e in emu.ephemerals(alice.id)] == ["slow", "fast"]
