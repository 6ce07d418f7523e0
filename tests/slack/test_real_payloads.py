"""Slack's own request bodies, not the emulator's: each one as Slack's API reference or
bolt-python's scenario tests show it (`tests/data/slack/real_payloads.json`, ids adapted),
signed and sent through the real front door. What the person sees is asserted, and for what
the bot must leave alone, a clean 200 with nothing done: no reply, no stored question, no
warning, and the same on Slack's retry."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
import time
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.timezone import NO_ZONE, zone
from slack_emulator.delivery import DeliveryKind
from storage import people
from storage.models import Question, Workspace
from tests.e2e.harness import SIGNING_SECRET, Harness
from tests.slack.harness import InProcess, SlackHarness
from tests.slack.kudos.world import give, kudos_posts, ledger

pytestmark = pytest.mark.database_independent

PAYLOADS = Path(__file__).parents[1] / "data" / "slack" / "real_payloads.json"
QUESTION = "how do we rotate the postgres credentials in production?"
_event_ids = itertools.count(1)


# One file a payload, each naming its source (`payloads/README.md`), beside the older ones
# kept together in PAYLOADS; a name is looked up there first. A name with a folder
# (`bolt_js/message`) is a file under `tests/data/slack/`, named by the project it is from.
MORE_PAYLOADS = Path(__file__).parent / "payloads"


@cache
def _payloads(name: str) -> str:
    own = MORE_PAYLOADS / f"{name}.json"
    if "/" in name:
        own = PAYLOADS.parent / f"{name}.json"
    return own.read_text() if own.exists() else PAYLOADS.read_text()


def real(slack: Harness, name: str) -> dict[str, Any]:
    """The named payload with the placeholders' ids replaced by the test workspace's."""
    ws = slack.here.workspace
    ids = {
        "T_TEAM": slack.team_id,
        "A_APP": ws.app_id,
        "U_BOT": ws.bot_user_id,
        "B_BOT": ws.bot_id,
        "U_ALICE": slack.user("alice"),
        "U_BOB": slack.user("bob"),
        "C_GENERAL": slack.channel("general"),
        "C_SECRET": slack.channel("secret"),
        "D_ALICE": ws.open_im(slack.user("alice")).id,
        "RESPONSE_URL": slack.here.response_url(slack.user("alice"), slack.channel("general")),
        "TRIGGER_ID": ws.views.issue_trigger(slack.user("alice")),
    }
    text = _payloads(name)
    for placeholder, value in ids.items():
        text = text.replace(placeholder, value)
    found: dict[str, Any] = json.loads(text)
    entry: dict[str, Any] = found if "kind" in found else found[name]
    return entry


def envelope(slack: Harness, event: dict[str, Any]) -> dict[str, Any]:
    """Slack's Events API envelope around an event (api.slack.com/apis/events-api)."""
    ws = slack.here.workspace
    return {
        "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        "team_id": slack.team_id,
        "context_team_id": slack.team_id,
        "context_enterprise_id": None,
        "api_app_id": ws.app_id,
        "event": event,
        "type": "event_callback",
        "event_id": f"Ev0REAL{next(_event_ids):05d}",
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": slack.team_id,
                "user_id": ws.bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": "4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMSIsImFpZCI6IkExIiwiY2lkIjoiQzEifQ",
    }


def request_of(slack: Harness, name: str) -> tuple[DeliveryKind, dict[str, Any]]:
    """What kind of request the named payload is, and its body as Slack builds it (an
    event in its envelope), before it is encoded for HTTP or put in a Socket Mode envelope."""
    entry = real(slack, name)
    if entry["kind"] == "form":
        return "command", entry["form"]
    if entry["kind"] == "interaction":
        return "interaction", entry["payload"]
    body = entry["body"] if entry["kind"] == "body" else envelope(slack, entry["event"])
    return "event", body


def body_of(slack: Harness, name: str) -> tuple[str, str]:
    """(content type, body) of the named payload, as Slack posts it."""
    kind, body = request_of(slack, name)
    if kind == "command":
        return "application/x-www-form-urlencoded", urlencode(body)
    if kind == "interaction":
        return form_of(body)
    return "application/json", json.dumps(body)


def form_of(payload: dict[str, Any]) -> tuple[str, str]:
    """(content type, body) of an interaction's payload, as Slack posts it: a form field."""
    return "application/x-www-form-urlencoded", urlencode({"payload": json.dumps(payload)})


async def send(
    slack: SlackHarness, content_type: str, body: str, retry: int = 0, reason: str = "http_error"
) -> tuple[int, str]:
    """Sign `body` as Slack does and hand it to the bot's front door; wait until it is done.
    A `retry` is Slack's nth resending, for `reason` (`http_error`, `http_timeout`…)."""
    timestamp = str(int(time.time()))
    base = f"v0:{timestamp}:{body}".encode()
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": "v0="
        + hmac.new(SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest(),
    }
    if retry:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": reason}
    assert isinstance(slack.runner, InProcess)
    status, text, _headers = await slack.runner.dispatch(headers, body)
    await slack.settle()
    return status, text


async def questions(slack: SlackHarness) -> int:
    async with slack.services.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(Question)) or 0)


def said(slack: SlackHarness) -> list[str]:
    """Everything the bot posted or showed anyone, in any conversation."""
    posted = [m.text for m in slack.emu.messages() if m.by_bot]
    return posted + [e.text for e in slack.emu.ephemerals()]


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize(
    "name",
    [
        "message_changed",
        "own_message_changed",
        "message_deleted",
        "message_deleted_without_previous_message",
        "channel_join",
        "channel_leave",
        "channel_topic",
        "channel_purpose",
        "pinned_item",
        "huddle_thread",
        "bot_message",
        "another_apps_message_with_a_user",
        "thread_broadcast",
        "message_replied_without_subtype",
        "message_replied_without_subtype_in_a_dm",
        "reaction_added_to_a_file",
        "reaction_added_to_a_file_comment",
        "message_replied",
        "message_in_a_private_channel",
        "message_in_a_group_dm",
        "bot_message_in_a_dm",
        "own_message_in_a_dm",
        "message_deleted_in_a_dm",
        "channel_name",
        "channel_convert_to_public",
        "message_changed_without_previous_message",
        "thread_broadcast_edited",
        "channel_archive_message",
        "channel_unarchive_message",
        "bot_add",
        "reminder_add",
        "unpinned_item",
        "channel_posting_permissions",
        "ekm_access_denied",
        "reaction_added_without_item_user",
        "group_topic",
        "channel_convert_to_private",
        "bot_remove",
        "bot_message_with_bot_profile",
        "tombstone_of_a_message_askaround_never_had",
        "thread_reply_deleted",
    ],
)
async def test_a_message_event_that_is_no_question_is_answered_200_and_left_alone(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """A `message.channels` / `message.im` subscription brings every subtype: edits (the bot's
    own `chat.update`s too), deletions, joins and leaves, a topic or purpose set, a pin, a
    huddle's thread, other apps' posts (with a `user` or without), thread replies also
    sent to the channel, and the notice that a thread got a reply (`message_replied`, which
    Slack sends without its subtype). None is a question (an edit does not ask again), and
    each is answered 200: Bolt answered those no listener took 404, which Slack retried three
    times. (The subtype-less notice in a DM was taken for an empty message before, and
    answered "Ask me a whole question".) A `:kudos:` reaction to a file or a file comment
    is no kudos: only messages say what someone did. The documented `message_replied` (with
    its subtype), a question in a private channel or a group DM without a mention (never
    watched), another app's post or the bot's own in the DM, a greeting deleted there, a
    channel renamed or made public: no question either. An edit Slack sends without the
    `previous_message` (of a message askaround never had, or of a reply also sent to the
    channel), Slack's notices of a channel archived or unarchived, an app added, a reminder
    set (its words a question), a pin taken off, posting restricted, content suspended by the
    admins' keys, and a `:kudos:` reaction with no `item_user`: the same. So are a private
    channel's topic set (`group_topic`, its words a question), a channel made private and
    another app taken out of a channel (`tests/slack/payloads/`), and a workflow's post in a
    watched channel (`bot_message` with its `bot_profile`, no `user`), its words a question.
    And a message askaround never had deleted under its replies (Slack's tombstone), or a
    reply under one deleted."""
    await slack.services.watching.set_watching(
        slack.team_id, slack.channel("general"), slack.user("alice"), True
    )
    # Another app, in #general as apps are in the channels they post to.
    other_app = slack.here.workspace.add_user("ticketbot", user_id="U0OTHERBOT", is_bot=True)
    slack.here.workspace.channel(slack.channel("general")).members.append(other_app.id)
    caplog.set_level(logging.INFO)
    content_type, body = body_of(slack, name)
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    assert await questions(slack) == 0
    assert said(slack) == []
    assert warnings(caplog) == []


@pytest.mark.parametrize(
    "name",
    [
        "member_joined_channel",
        "member_joined_private_channel",
        "member_left_channel",
        "channel_rename",
        "group_rename",
        "channel_archive",
        "group_archive",
        "channel_unarchive",
        "group_unarchive",
        "channel_deleted",
        "group_deleted",
        "channel_shared",
        "channel_unshared",
        "member_joined_channel_the_bot",
        "member_left_channel_the_bot",
        "channel_left",
    ],
)
async def test_a_conversation_or_membership_event_is_answered_200_quietly(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """Someone joining or leaving a channel (`channel_type` `C` or `G`, not `channel`), a
    channel renamed (its `channel` an object), archived, unarchived, deleted, shared or
    unshared, in the shapes Slack's reference gives, and the bot itself added to a channel or
    taken out of one (`channel_left`, from a channel nobody had it watch): each answered 200,
    its retry too, and nobody is told anything."""
    caplog.set_level(logging.INFO)
    content_type, body = body_of(slack, name)
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    assert said(slack) == []
    assert warnings(caplog) == []


async def test_another_apps_kudos_reaction_thanks_nobody(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Another app adding `:kudos:` (`reactions.add` with its bot token, a workflow's "add a
    reaction" step): Slack's `reaction_added` names the app's bot user as `user`. Kudos go
    from people, so neither to Alice's message nor to a shout-out (a second) does it give
    any, and nobody is told anything, however often Slack sends it. Before, the app gave
    Alice kudos, the shout-out said "@ticketbot gave kudos to @alice", Alice was sent "gave
    you kudos", and the app was told how many it had left today."""
    caplog.set_level(logging.INFO)
    other_app = slack.here.workspace.add_user("ticketbot", user_id="U0OTHERBOT", is_bot=True)
    slack.here.workspace.channel(slack.channel("general")).members.append(other_app.id)
    await give(slack, "bob", f"<@{slack.user('carol')}> for untangling the release")
    (shoutout,) = kudos_posts(slack, "general")
    shipped = await slack.post("alice", "general", "I shipped the partner release today")
    before, kudos = said(slack), [k.id for k in await ledger(slack)]
    event = real(slack, "reaction_added_by_another_app")["event"]
    for ts, author in ((shipped.ts, slack.user("alice")), (shoutout.ts, slack.here.bot_user_id)):
        event["item"]["ts"], event["item_user"] = ts, author
        body = json.dumps(envelope(slack, event))
        assert await send(slack, "application/json", body) == (200, "")
        assert await send(slack, "application/json", body, retry=1) == (200, "")
    await slack.drain()
    assert [k.id for k in await ledger(slack)] == kudos
    assert said(slack) == before
    assert warnings(caplog) == []


async def test_a_time_zone_change_is_stored(slack: SlackHarness) -> None:
    """`user_change` with Slack's whole user object (a status, `tz_label`, `tz_offset`,
    `locale`…): the new time zone is what askaround keeps for them."""
    assert await send(slack, *body_of(slack, "user_change_time_zone")) == (200, "")
    async with slack.services.sessions() as s:
        bob = await people.get_person(s, slack.team_id, slack.user("bob"))
    assert bob is not None and bob.tz == "Asia/Tokyo" and not bob.deactivated


@pytest.mark.parametrize(
    "name", ["user_huddle_changed", "user_profile_changed", "user_status_changed"]
)
async def test_a_user_change_companion_is_answered_200_quietly(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """Slack sends `user_huddle_changed`, `user_profile_changed` or `user_status_changed` at
    the same moment as `user_change`, with the same user object: the time zone is learned
    from `user_change`, and the companion is answered 200, its retry too, with nothing said
    and no warning. Bolt answered 404 ("Unhandled request") before, which Slack retries."""
    caplog.set_level(logging.INFO)
    assert await send(slack, *body_of(slack, "user_change_time_zone")) == (200, "")
    content_type, body = body_of(slack, name)
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    async with slack.services.sessions() as s:
        bob = await people.get_person(s, slack.team_id, slack.user("bob"))
    assert bob is not None and bob.tz == "Asia/Tokyo"
    assert said(slack) == [] and warnings(caplog) == []


@pytest.mark.parametrize("name", ["reaction_removed", "channel_created", "grid_migration_started"])
async def test_an_event_askaround_does_not_subscribe_to_is_answered_200_quietly(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """An event of a kind manifest.yml does not subscribe to, in Slack's shape
    (`tests/slack/payloads/`): a `:kudos:` taken off (`reaction_removed`), a channel created,
    the workspace moving into an Enterprise Grid org. Slack sends what an app's subscriptions
    said when it was installed, which an upgrade's manifest may have changed since: each is
    answered 200, its retry too, and nothing is said, kept or logged as a problem. Bolt
    answered 404 ("Unhandled request") with a warning, and Slack retried it three times."""
    caplog.set_level(logging.INFO)
    content_type, body = body_of(slack, name)
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    assert said(slack) == [] and await questions(slack) == 0
    assert warnings(caplog) == []


async def test_a_persons_revoked_user_token_leaves_the_bot_working(slack: SlackHarness) -> None:
    """`tokens_revoked` naming only a person's user token (`tokens.oauth`): the bot's token is
    not among them, so the workspace is still installed and a question in a DM is asked."""
    assert await send(slack, *body_of(slack, "tokens_revoked_user_token")) == (200, "")
    await asked_once_by_alice(slack, "file_share_in_a_dm")


async def asked_once_by_alice(slack: SlackHarness, name: str) -> Question:
    """Send the named DM, and Slack's retry of it: the one question it asked, Alice's."""
    content_type, body = body_of(slack, name)
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.asker_user_id == slack.user("alice") and asked.source == "message"
    return asked


async def test_a_question_sent_with_a_file_in_a_dm_is_asked(slack: SlackHarness) -> None:
    """A DM with a screenshot attached is a `file_share` message, and still the person's
    question: it is asked once, and answered in the DM (before, no listener took it)."""
    asked = await asked_once_by_alice(slack, "file_share_in_a_dm")
    assert asked.text.startswith(QUESTION)
    dm = [m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    assert dm, "the asker heard nothing in the DM"


@pytest.mark.parametrize("name", ["message_in_a_dm_without_channel_type", "message_app_home"])
async def test_a_dm_without_its_channel_type_is_asked_once(slack: SlackHarness, name: str) -> None:
    """A question in the DM with the bot in the shape of Slack's `message` event reference,
    which names no `channel_type` (only `message.im`'s example adds `im`): the DM's id says
    it is one, so it is asked once, however often Slack sends it (before, it was taken for
    no conversation the bot hears and left unanswered). The same for the DM as Slack's
    `message.app_home` reference names it (`channel_type` `app_home`, in an envelope with
    `authed_teams` and no `authorizations`), which was dropped unanswered too."""
    asked = await asked_once_by_alice(slack, name)
    assert asked.text == QUESTION


async def test_a_greeting_in_a_dm_without_its_channel_type_is_answered_there(
    slack: SlackHarness,
) -> None:
    """A "hello" in that shape: answered once, at the top of the DM, not in a thread under it."""
    content_type, body = body_of(slack, "greeting_in_a_dm_without_channel_type")
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    await slack.drain()
    (reply,) = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    assert reply.thread_ts is None and await questions(slack) == 0


async def test_a_dm_edited_before_askaround_had_it_is_asked_once(slack: SlackHarness) -> None:
    """The edit of a DM question askaround never got (its delivery failed and Slack's retry
    is yet to come, or never will): the edit is the question, asked once in the edited
    words, and its retry adds nothing. Before, it was dropped, and a late original was asked
    with the words the person had taken out."""
    asked = await asked_once_by_alice(slack, "message_changed_in_a_dm")
    assert asked.text == "how do we rotate the postgres credentials in production?"


async def test_an_edited_mention_is_not_answered_twice(slack: SlackHarness) -> None:
    """Slack sends `app_mention` again, marked `edited`, for each edit of a message that
    mentions the bot: a greeting is not said again, and a question is asked once."""
    bot = slack.here.bot_user_id
    hello, _ = await slack.here.post_message(
        slack.user("alice"), slack.channel("general"), f"<@{bot}> hi"
    )
    await slack.settle()
    await slack.here.edit_message(slack.user("alice"), hello, f"<@{bot}> hi there")
    await slack.settle()
    greetings = [m for m in slack.emu.messages(slack.channel("general")) if m.by_bot]
    assert len(greetings) == 1
    asked, _ = await slack.here.post_message(
        slack.user("alice"), slack.channel("general"), f"<@{bot}> {QUESTION}"
    )
    await slack.settle()
    before = said(slack)
    await slack.here.edit_message(slack.user("alice"), asked, f"<@{bot}> {QUESTION} (prod only)")
    await slack.settle()
    assert await questions(slack) == 1
    assert said(slack) == before


async def test_a_mention_by_another_app_is_not_a_question(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Another app's post that mentions the bot (a `bot_id`, no `user`) is left alone:
    before, reading its `user` failed and the log got an ERROR."""
    caplog.set_level(logging.INFO)
    content_type, body = body_of(slack, "app_mention_by_another_app")
    assert await send(slack, content_type, body) == (200, "")
    assert await questions(slack) == 0
    assert said(slack) == []
    assert warnings(caplog) == []


async def test_app_rate_limited_is_answered_200_and_logged(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Slack's `app_rate_limited` is not an event, and no listener could take it: it is
    answered 200 and logged for the people who run the bot (before: 404)."""
    caplog.set_level(logging.INFO)
    content_type, body = body_of(slack, "app_rate_limited")
    assert await send(slack, content_type, body) == (200, "")
    assert warnings(caplog) == [
        f"Slack is dropping events for workspace {slack.team_id} for the minute from 1518467820"
    ]


async def test_the_messages_tab_opened_publishes_nothing(slack: SlackHarness) -> None:
    """`app_home_opened` for the Messages tab carries no `view`: nothing is published. Alice
    had never talked with askaround: she is welcomed in that DM, once, Slack's retry and a
    second opening adding nothing (`test_greetings.py`)."""
    content_type, body = body_of(slack, "app_home_opened_messages_tab")
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    assert await send(slack, content_type, body.replace("Ev0REAL", "Ev0AGAIN")) == (200, "")
    await slack.drain()
    assert slack.emu.calls_to("views.publish") == []
    welcomes = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    assert len(welcomes) == 1 and "Hi! I'm askaround" in welcomes[0].text, welcomes


async def test_sparse_profiles_from_team_join_and_user_change_are_stored(
    slack: SlackHarness,
) -> None:
    """`team_join` with a sparse profile and no `tz`, and `user_change` deactivating someone
    with an empty profile: both stored as they are, the missing time zone as none (read as
    UTC, but no vote for the workspace's usual zone)."""
    for name in ("team_join_sparse", "user_change_deactivated"):
        assert await send(slack, *body_of(slack, name)) == (200, "")
    async with slack.services.sessions() as s:
        newbie = await people.get_person(s, slack.team_id, "U0NEWBIE1")
        bob = await people.get_person(s, slack.team_id, slack.user("bob"))
    assert newbie is not None and (newbie.real_name, newbie.tz) == ("Nina Newbie", NO_ZONE)
    assert zone(newbie.tz) == ZoneInfo("UTC")
    assert bob is not None and bob.deactivated


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("ssl_check", ""),
        (
            "url_verification",
            '{"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}',
        ),
    ],
)
async def test_slacks_checks_are_answered(slack: SlackHarness, name: str, answer: str) -> None:
    """`ssl_check=1` (a signed form) is answered 200 and empty; `url_verification` echoes the
    challenge."""
    assert await send(slack, *body_of(slack, name)) == (200, answer)


async def test_a_kudos_typed_with_slacks_escapes_is_given(slack: SlackHarness) -> None:
    """A `/kudos` text as Slack sends it with escaping on: a mention without its name
    (`<@U123>`), then a no-break space, `&amp;`, smart quotes, a labelled link with a `#` in
    it, trailing spaces. The recipient is found and the reason is kept as typed: its link as
    Slack's markup, its `&amp;` as the `&` the Give kudos modal would have given."""
    bob = slack.user("bob")
    link = "<https://example.com/r#n|the docs>"
    text = f"  <@{bob}>\u00a0for the \u201cgreat\u201d release notes &amp; {link} #teamwork  "
    await slack.here.slash_command(slack.user("alice"), "/kudos", text)
    await slack.settle()
    (kudos,) = await ledger(slack)
    assert kudos.receiver_user_id == bob and kudos.values == ["teamwork"]
    assert kudos.message == (
        "the \u201cgreat\u201d release notes & <https://example.com/r#n|the docs>"
    )


async def test_a_question_forwarded_to_the_bot_in_a_dm_is_asked(slack: SlackHarness) -> None:
    """A message forwarded into the DM with the bot arrives with empty `text` and the message
    in an attachment (`is_msg_unfurl`). Its words are the question: it is asked, once (before,
    the bot answered "Ask me a whole question" and asked nobody)."""
    asked = await asked_once_by_alice(slack, "forwarded_question_in_a_dm")
    assert QUESTION in asked.text
    assert not [text for text in said(slack) if "whole question" in text]


async def test_an_uninstall_as_slack_documents_it_is_taken_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """`tokens_revoked` naming the bot's token, then `app_uninstalled` (an event with nothing
    but its type), each sent again as Slack's retry: all answered 200, nothing logged as a
    problem, and the workspace is marked uninstalled once (the retry leaves the mark as it
    was)."""
    caplog.set_level(logging.INFO)
    marks = []
    for name in ("tokens_revoked_bot_token", "app_uninstalled"):
        content_type, body = body_of(slack, name)
        for retry in (0, 1):
            assert await send(slack, content_type, body, retry=retry) == (200, "")
            async with slack.services.sessions() as s:
                workspace = await s.get(Workspace, slack.team_id)
            marks.append(workspace.uninstalled_at if workspace else None)
    assert marks[-1] is not None and marks[-2] == marks[-1]
    assert said(slack) == [] and warnings(caplog) == []


async def test_a_dm_edit_sent_without_the_previous_message_is_asked_once(
    slack: SlackHarness,
) -> None:
    """An edit in the DM that Slack sends without `previous_message`: asked once in its
    edited words, however often Slack sends it."""
    asked = await asked_once_by_alice(slack, "message_changed_without_previous_message_in_a_dm")
    assert asked.text == QUESTION


async def test_a_dm_from_a_shared_channels_other_side_is_this_workspaces(
    slack: SlackHarness,
) -> None:
    """An event whose envelope names the other organisation of a shared channel (`team_id`,
    `enterprise_id`) while its `authorizations` name this install: it is this workspace's,
    asked once under it, however often Slack sends it."""
    asked = await asked_once_by_alice(slack, "message_from_another_team_of_a_shared_channel")
    assert asked.team_id == slack.team_id and asked.text == QUESTION


async def test_a_mention_in_a_thread_is_asked_once_and_answered_there(
    slack: SlackHarness,
) -> None:
    """`@askaround how do we …` as a thread reply: one question, however often Slack sends
    the mention, and what the asker is told comes in that thread."""
    event = real(slack, "app_mention_in_a_thread")["event"]
    # Slack holds the thread's first message, which a reply with its thread_ts joins.
    parent = slack.here.workspace.chat.post(event["channel"], slack.user("bob"), "release thread")
    event["thread_ts"] = parent.ts
    content_type, body = "application/json", json.dumps(envelope(slack, event))
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.asker_user_id == slack.user("alice") and asked.text == QUESTION
    replies = [m for m in slack.emu.messages(slack.channel("general")) if m.by_bot]
    assert replies and {m.thread_ts for m in replies} == {parent.ts}


async def test_a_screenshot_alone_in_a_dm_is_asked_for_its_question_once(
    slack: SlackHarness,
) -> None:
    """A file sent to the bot with no words (a `file_share` whose `text` is empty): nothing
    is asked, and the person is told once, however often Slack sends it, to ask in words."""
    content_type, body = body_of(slack, "file_share_without_text_in_a_dm")
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    assert await questions(slack) == 0
    (told,) = said(slack)
    assert told.startswith("Ask me a whole question")


async def test_someone_who_joins_with_a_whole_profile_is_stored(slack: SlackHarness) -> None:
    """`team_join` with the whole user object Slack documents: name and time zone kept (a
    title comes from the directory import, not Slack), and Slack's retry changes nothing."""
    content_type, body = body_of(slack, "team_join_whole_user")
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    async with slack.services.sessions() as s:
        zed = await people.get_person(s, slack.team_id, "U0NEWFULL")
    assert zed is not None and not zed.deactivated and not zed.is_bot
    assert (zed.real_name, zed.tz) == ("Zed Zimmer", "Europe/Berlin")


async def test_the_home_tab_opened_the_first_time_is_published(slack: SlackHarness) -> None:
    """`app_home_opened` for the Home tab, without a `view` (nothing published there yet):
    the Home tab is published."""
    assert await send(slack, *body_of(slack, "app_home_opened_home_tab_first_time")) == (200, "")
    await slack.drain()
    home = slack.here.home_view(slack.user("alice"))
    assert home is not None and "Your expertise profile" in str(home.blocks)


async def test_the_home_tab_opened_again_with_its_view_is_published(slack: SlackHarness) -> None:
    """`app_home_opened` for the Home tab with the `view` last published, as Slack sends it
    once a Home has been published (`tests/slack/payloads/`): the tab is published again as
    the database has it now, not left as Slack's copy shows it, and Slack's retry publishes
    nothing more."""
    content_type, body = body_of(slack, "app_home_opened_home_tab_with_a_view")
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    await slack.drain()
    home = slack.here.home_view(slack.user("alice"))
    assert home is not None and "Your expertise profile" in str(home.blocks)
    assert "A simple section" not in str(home.blocks)
    assert len(slack.emu.calls_to("views.publish")) == 1


async def test_another_apps_profile_changed_is_kept_as_an_app(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """`user_change` for another app's bot user (`is_bot`, `profile.bot_id`), which Slack
    sends a `users:read` app when an app's name or icon changes: answered 200, its retry too,
    nobody told anything, and it is never someone to ask or thank."""
    caplog.set_level(logging.INFO)
    content_type, body = body_of(slack, "user_change_of_another_apps_bot")
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    async with slack.services.sessions() as s:
        app = await people.get_person(s, slack.team_id, "U0OTHERBOT")
    assert app is None or app.is_bot
    assert said(slack) == [] and warnings(caplog) == []
