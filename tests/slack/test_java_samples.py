"""java-slack-sdk's payload samples (`tests/data/slack/java_slack_sdk/`, MIT), every field
Slack was seen to send for each kind at once, signed and sent through the front door with the
test workspace's ids: whole (every other string blank, as the SDK keeps it) and sparse (the
blank ones left out, as Slack leaves out a field it has no value for). Each is answered 200 at
once and again as Slack's retry, nothing is logged as a problem, and what a person did has the
effect they would expect, once."""

from __future__ import annotations

import json
import logging
from typing import Any, TypedDict
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.java_samples import ACTED_ON, events, sample, with_words
from tests.slack.kudos.world import ledger
from tests.slack.test_real_payloads import QUESTION, questions, said, send, warnings

pytestmark = pytest.mark.database_independent

TYPED_IN_A_DM = [
    "MessagePayload",
    "MessageFileSharePayload",
    "MessageMePayload",
    "MessageThreadBroadcastPayload",
    "MessageChangedPayload",
]


class Shape(TypedDict, total=False):
    sparse: bool
    grid: bool


# Each sample whole, sparse, and in a workspace of an Enterprise Grid organisation.
SHAPES: dict[str, Shape] = {"whole": {}, "sparse": {"sparse": True}, "grid": {"grid": True}}
BOTH = pytest.mark.parametrize("shape", list(SHAPES.values()), ids=list(SHAPES))


def as_event(body: dict[str, Any]) -> tuple[str, str]:
    return "application/json", json.dumps(body)


def as_interaction(payload: dict[str, Any]) -> tuple[str, str]:
    return "application/x-www-form-urlencoded", urlencode({"payload": json.dumps(payload)})


def as_command(form: dict[str, Any]) -> tuple[str, str]:
    """A command's fields as Slack's form has them: `is_enterprise_install` is `false`."""
    fields = {k: str(v).lower() if isinstance(v, bool) else v for k, v in form.items()}
    return "application/x-www-form-urlencoded", urlencode(fields)


async def sent_twice(slack: SlackHarness, content_type: str, body: str) -> tuple[int, str]:
    """Sent, then again as Slack's retry: the retry is answered 200 and empty."""
    first = await send(slack, content_type, body)
    assert await send(slack, content_type, body, retry=1) == (200, "")
    await slack.drain()
    return first


def quiet(caplog: pytest.LogCaptureFixture) -> bool:
    return warnings(caplog) == [] and not [r for r in caplog.records if r.exc_info]


# Events whose sample changes what the bot keeps, on a bot that has seen nothing yet: a profile
# stored (`team_join`, `user_change`), the install's tokens revoked, the workspace's settings
# made at a reaction's first read. Each is sent to a bot of its own; every other event sample
# to the module's bot (`unchanged`, which checks that the case left it as it found it): a bot's
# start and stop cost more than the case.
KEPT = {"ReactionAddedPayload", "TeamJoinPayload", "TokensRevokedPayload", "UserChangePayload"}
SAYS_NOTHING = [n for n in events() if n not in ACTED_ON]


@BOTH
@pytest.mark.parametrize("name", [n for n in SAYS_NOTHING if n not in KEPT])
@pytest.mark.asyncio(loop_scope="module")
async def test_an_event_sample_is_answered_200_and_says_nothing(
    unchanged: SlackHarness, caplog: pytest.LogCaptureFixture, name: str, shape: Shape
) -> None:
    """Every event sample askaround does not answer a person for, in #general (not watched)
    and by Alice: those it subscribes to (a message of each subtype, its edit and deletion, a
    channel renamed, archived, shared…), those Slack sends beside them
    (`user_huddle_changed`…) and those it does not subscribe to, which an install made with an
    older manifest keeps receiving. Each is answered 200, its retry too; nobody is told
    anything, no question is stored, nothing is logged as a problem."""
    await says_nothing(unchanged, caplog, name, shape)


@BOTH
@pytest.mark.parametrize("name", sorted(KEPT))
async def test_an_event_sample_kept_by_the_bot_is_answered_200_and_says_nothing(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str, shape: Shape
) -> None:
    """The same for the samples of a reaction, someone joining, a profile changed and tokens
    revoked, each sent to a bot of its own: what it keeps changes, nobody is told anything."""
    await says_nothing(slack, caplog, name, shape)


async def says_nothing(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str, shape: Shape
) -> None:
    caplog.set_level(logging.INFO)
    told, asked = said(slack), await questions(slack)  # what earlier cases left: none
    body = sample(slack, name, **shape)
    if isinstance(body.get("event"), dict):
        with_words(body["event"], QUESTION)
    assert await sent_twice(slack, *as_event(body)) == (200, "")
    assert said(slack) == told and await questions(slack) == asked
    assert quiet(caplog)


@BOTH
@pytest.mark.parametrize("name", TYPED_IN_A_DM)
async def test_a_message_sample_in_the_dm_is_asked_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str, shape: Shape
) -> None:
    """A question typed in the DM with the bot, in the samples of a plain message, one with a
    file, a `/me` line, a thread reply also sent to the conversation and an edit of a message
    askaround never had: asked once, Alice's, and she is answered in the DM."""
    caplog.set_level(logging.INFO)
    dm = slack.here.workspace.open_im(slack.user("alice")).id
    body = sample(slack, name, **shape, channel=dm)
    event = with_words(body["event"], QUESTION)
    event["channel_type"] = "im"
    assert await sent_twice(slack, *as_event(body)) == (200, "")
    async with slack.services.sessions() as s:
        asked = list(await s.scalars(select(Question)))
    assert [(q.asker_user_id, q.text) for q in asked] == [(slack.user("alice"), QUESTION)]
    assert [m for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    assert quiet(caplog)


@BOTH
async def test_the_app_mention_sample_is_asked_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, shape: Shape
) -> None:
    """The mention sample, its words a question to the bot in #general: asked once."""
    caplog.set_level(logging.INFO)
    body = sample(slack, "AppMentionPayload", **shape)
    with_words(body["event"], f"<@{slack.here.bot_user_id}> {QUESTION}")
    assert await sent_twice(slack, *as_event(body)) == (200, "")
    async with slack.services.sessions() as s:
        asked = list(await s.scalars(select(Question)))
    assert [(q.asker_user_id, q.text) for q in asked] == [(slack.user("alice"), QUESTION)]
    assert quiet(caplog)


@BOTH
async def test_the_reaction_added_sample_gives_kudos_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, shape: Shape
) -> None:
    """The reaction sample as Alice's `:kudos:` on Bob's message: Bob gets kudos from her,
    once."""
    caplog.set_level(logging.INFO)
    shipped = await slack.post("bob", "general", "I shipped the partner release today")
    body = sample(slack, "ReactionAddedPayload", **shape)
    event = body["event"]
    event["reaction"], event["item_user"] = "kudos", slack.user("bob")
    event["item"]["ts"] = shipped.ts
    assert await sent_twice(slack, *as_event(body)) == (200, "")
    given = [(k.giver_user_id, k.receiver_user_id) for k in await ledger(slack)]
    assert given == [(slack.user("alice"), slack.user("bob"))]
    assert quiet(caplog)


@BOTH
async def test_the_app_home_opened_sample_publishes_the_home_tab(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, shape: Shape
) -> None:
    """The Home tab opened, in the sample's shape (its `view` with every field): the tab is
    published for Alice."""
    caplog.set_level(logging.INFO)
    dm = slack.here.workspace.open_im(slack.user("alice")).id
    body = sample(slack, "AppHomeOpenedPayload", **shape, channel=dm)
    body["event"]["tab"] = "home"
    assert await sent_twice(slack, *as_event(body)) == (200, "")
    home = slack.here.home_view(slack.user("alice"))
    assert home is not None and "Your expertise profile" in str(home.blocks)
    assert quiet(caplog)


@BOTH
@pytest.mark.parametrize("command", ["/ask", "/kudos", "/skills", "/askaround"])
async def test_the_slash_command_sample_is_answered(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, shape: Shape, command: str
) -> None:
    """The command sample (an `enterprise_id` and `enterprise_name` field, blank or left out,
    `is_enterprise_install` false) as Alice's `help` in #general: she is told what the command
    does, once."""
    caplog.set_level(logging.INFO)
    form = sample(slack, "SlashCommandPayload", **shape)
    form["command"], form["text"] = command, "help"
    status, acked = await sent_twice(slack, *as_command(form))
    replies = [json.loads(acked)["text"]] if acked else said(slack)
    assert status == 200 and len(replies) == 1 and f"`{command} help`" in replies[0]
    assert quiet(caplog)


@BOTH
@pytest.mark.parametrize("callback_id", ["find_expert", "give_kudos"])
async def test_the_message_shortcut_sample_on_a_colleagues_message(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, shape: Shape, callback_id: str
) -> None:
    """The message shortcut sample (its `message` with every field a message may have) used
    by Alice on Bob's question in #general: *Find an expert* asks it once, as hers; *Give
    kudos* opens the form once, Bob in it."""
    caplog.set_level(logging.INFO)
    posted = await slack.post("bob", "general", QUESTION)
    payload = sample(slack, "MessageShortcutPayload", **shape)
    payload["callback_id"], payload["message_ts"] = callback_id, posted.ts
    payload["message"] |= {"ts": posted.ts, "user": slack.user("bob"), "text": QUESTION}
    assert await sent_twice(slack, *as_interaction(payload)) == (200, "")
    async with slack.services.sessions() as s:
        asked = [(q.asker_user_id, q.text) for q in await s.scalars(select(Question))]
    opened = slack.emu.calls_to("views.open")
    if callback_id == "find_expert":
        assert asked == [(slack.user("alice"), QUESTION)] and opened == []
    else:
        assert asked == [] and len(opened) == 1
        assert slack.user("bob") in json.dumps(opened[0].args["view"])
    assert quiet(caplog)


@BOTH
@pytest.mark.parametrize("action_id", ["kudos_home_give", "skills_edit_profile"])
async def test_the_block_actions_sample_from_the_home_tab_opens_its_form(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, shape: Shape, action_id: str
) -> None:
    """The block_actions sample (`container`, `view`, `message`, `channel` and `state` all at
    once) as Alice's press of a Home tab button: its form opens once."""
    caplog.set_level(logging.INFO)
    payload = sample(slack, "BlockActionPayload", **shape)
    payload["actions"][0] |= {"action_id": action_id, "type": "button", "value": action_id}
    payload["container"] |= {"type": "view"}
    payload["view"] |= {"type": "home"}
    assert await sent_twice(slack, *as_interaction(payload)) == (200, "")
    assert len(slack.emu.calls_to("views.open")) == 1
    assert said(slack) == [] and quiet(caplog)


@BOTH
@pytest.mark.asyncio(loop_scope="module")
async def test_the_view_closed_sample_is_answered_200(
    unchanged: SlackHarness, caplog: pytest.LogCaptureFixture, shape: Shape
) -> None:
    """The view_closed sample for the Give kudos form: answered 200, nothing said."""
    caplog.set_level(logging.INFO)
    told = said(unchanged)
    payload = sample(unchanged, "ViewClosedPayload", **shape)
    payload["view"]["callback_id"] = "give_kudos_modal"
    assert await sent_twice(unchanged, *as_interaction(payload)) == (200, "")
    assert said(unchanged) == told and quiet(caplog)


@BOTH
async def test_the_view_submission_sample_of_an_empty_kudos_form_is_refused_on_its_fields(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, shape: Shape
) -> None:
    """The view_submission sample as the Give kudos form (a `modal`, which the sample blanks)
    submitted with nothing filled in (`state.values` empty): the form shows what to fill in,
    nothing is given or logged."""
    caplog.set_level(logging.INFO)
    payload = sample(slack, "ViewSubmissionPayload", **shape)
    form = {"type": "modal", "callback_id": "give_kudos_modal", "state": {"values": {}}}
    payload["view"] |= form
    status, acked = await send(slack, *as_interaction(payload))
    assert status == 200 and json.loads(acked)["response_action"] == "errors"
    assert await ledger(slack) == [] and quiet(caplog)


async def test_commands_without_their_trigger_id_each_have_their_effect(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The command sample without its `trigger_id` (the id a modal opens by, which a command's
    effect was kept once under): Alice's two `/ask`s are two questions and her `/kudos` is
    given. Before, the second question was taken for the first sent again and dropped without
    a word (both keyed `cmd:None`), and the kudos failed on a KeyError ("Something went wrong")."""
    caplog.set_level(logging.INFO)
    texts = [("/ask", QUESTION), ("/ask", "who knows our terraform state locking?")]
    texts.append(("/kudos", f"<@{slack.user('bob')}> for untangling the release"))
    for command, text in texts:
        form = sample(slack, "SlashCommandPayload", sparse=True)
        form |= {"command": command, "text": text}
        del form["trigger_id"]
        assert (await sent_twice(slack, *as_command(form)))[0] == 200
    async with slack.services.sessions() as s:
        asked = sorted(q.text for q in await s.scalars(select(Question)))
    assert asked == sorted(text for command, text in texts if command == "/ask")
    given = [(k.giver_user_id, k.receiver_user_id) for k in await ledger(slack)]
    assert given == [(slack.user("alice"), slack.user("bob"))]
    assert quiet(caplog)
