"""Slack's bodies as bolt-js's tests build them and as docs.slack.dev documents each element a
click can come from (`tests/data/slack/bolt_js/`), over the bot's real HTTP server and its
Socket Mode connection: a click on every kind of element of an id askaround never posts, one in
a workflow app's message, askaround's own Home tab button in bolt-js's sparse shape, and the
events bolt-js's tests send. Each is acked once, at once, and nothing is logged as a problem;
what a person did has its effect, and what is not askaround's does nothing."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from sqlalchemy import select

from handlers.blocks.kudos import THANK_ACTION
from handlers.dispatch.shape import BY_RESPONSE_URL, ID_VALUED, OPENS_A_FORM
from storage.models import Question
from tests.e2e.harness import Harness
from tests.slack.test_real_payloads import real

pytestmark = pytest.mark.database_independent

ELEMENTS = "bolt_js/block_actions_of_every_element_type"


def quiet(caplog: pytest.LogCaptureFixture) -> bool:
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    return problems == [] and not [r for r in caplog.records if r.exc_info]


def told(slack: Harness) -> list[str]:
    """Everything the bot posted or showed anyone, in any conversation."""
    posted = [m.text for m in slack.emu.messages() if m.by_bot]
    return posted + [e.text for e in slack.emu.ephemerals()]


async def acked_once(slack: Harness, payload: dict[str, Any]) -> Any:
    sent = await slack.emu.send_request("interaction", payload, accepts_response=True)
    assert sent.ok and len(sent.attempts) == 1, sent.status
    return sent.response


def clicks(slack: Harness, action_id: str) -> list[dict[str, Any]]:
    """bolt-js's click body around each element type's action, each with its own trigger."""
    found = []
    for n, action in enumerate(real(slack, ELEMENTS)["actions"]):
        payload = real(slack, ELEMENTS)["payload"]
        common = {"action_id": action_id, "block_id": "block_id", "action_ts": f"1234.{n}"}
        payload["actions"] = [common | action]
        found.append(payload)
    return found


async def nothing_done(
    slack: Harness, caplog: pytest.LogCaptureFixture, payloads: list[dict[str, Any]]
) -> None:
    """Each interaction acked once and empty; nothing said, called or logged as a problem."""
    caplog.set_level(logging.INFO)
    await slack.settle()
    before = len(slack.emu.calls)
    for payload in payloads:
        assert await acked_once(slack, payload) is None, payload["actions"][0]["type"]
    await slack.settle()
    assert [c.method for c in slack.emu.calls[before:] if c.method != "auth.test"] == []
    assert told(slack) == [] and quiet(caplog)


async def test_a_click_on_any_element_askaround_never_posts_is_acked_quietly(
    slack_both: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """A button (with a value or a link), feedback and icon buttons, every select and multi
    select (a choice cleared too), an overflow, a date and a time picked or cleared, radio
    buttons, checkboxes, and a text or rich text input that dispatches: each acked with
    nothing in it, nothing said, nothing called."""
    await nothing_done(slack_both, caplog, clicks(slack_both, "action_id"))


async def test_a_click_in_a_workflow_apps_message_without_a_trigger_is_acked_quietly(
    slack_both: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """A click that carries a workflow step's interactivity pointer, its function's data and
    token, and no `trigger_id` nor `response_url`, on a button askaround never posts: acked
    and nothing more. The shape gate refused it as a click without its trigger (400 over HTTP,
    which Slack shows the person as an error; a WARNING over Socket Mode), though no listener
    of such a click reads one."""
    payload = real(slack_both, "bolt_js/block_actions_of_a_workflow_step")["payload"]
    await nothing_done(slack_both, caplog, [payload])


async def test_the_home_tabs_give_kudos_in_bolt_js_shape_opens_the_form_once(
    slack_both: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """bolt-js's click body (an empty `container`, no `channel`, `message` or `view`, `user`
    without its `name`) on the Home tab's Give kudos button: the form opens once, for Alice."""
    slack = slack_both
    caplog.set_level(logging.INFO)
    await slack.settle()
    [press] = clicks(slack, "kudos_home_give")[:1]
    assert await acked_once(slack, press) is None
    await slack.settle()
    opened = slack.emu.calls_to("views.open")
    assert len(opened) == 1 and "Give kudos" in json.dumps(opened[0].args["view"])
    assert told(slack) == [] and quiet(caplog)


async def test_bolt_js_events_are_acked_once_and_have_their_effect(
    slack_both: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """The events bolt-js's tests send, in its envelope (no `authorizations`): someone joining
    and leaving #general, a `:lol:` reaction, "hi" in #general and in the DM, the Home tab
    opened. Each acked once; the Home tab is published for Alice, her "hi" in the DM is
    answered there, and nothing else is said."""
    slack = slack_both
    caplog.set_level(logging.INFO)
    await slack.settle()
    names = ["member_joined_channel", "member_left_channel", "reaction_added", "message"]
    for name in [*names, "message_in_the_dm", "app_home_opened"]:
        body = real(slack, f"bolt_js/{name}")["body"]
        sent = await slack.emu.send_request("event", body)
        assert sent.ok and len(sent.attempts) == 1, (name, sent.status)
        await slack.settle()
    home = slack.here.home_view(slack.user("alice"))
    assert home is not None and "Your expertise profile" in str(home.blocks)
    dm = slack.emu.dm_messages(slack.user("alice"))
    assert [m for m in dm if m.by_bot] and told(slack) == [m.text for m in dm if m.by_bot]
    assert quiet(caplog)


def value_for(action_id: str, slack: Harness) -> dict[str, str]:
    """A value of the kind askaround writes into the button (`shape.ID_VALUED`, `VALUED`), of
    a question or an offer that is not there; the offer's in its block for the refer menu."""
    if action_id in ID_VALUED:
        return {"value": "4242"}
    if action_id == "offer_refer":
        return {"block_id": "offer_4242", "selected_user": slack.user("bob")}
    if action_id == "question_thank":
        return {"value": f"4242:{slack.user('bob')}"}
    if action_id == THANK_ACTION:
        return {"value": slack.user("bob")}
    return {"value": "4242"}


async def test_every_button_of_askarounds_pressed_without_a_trigger_is_refused_or_answered(
    slack_both: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Each of askaround's buttons and menus, pressed without a `trigger_id` (as a workflow
    app's click comes), with a `response_url` and without: one that opens a form is refused
    (Slack always sends its trigger, and its listener reads it), and so is one only ever on a
    message without its `response_url`; every other one reaches its listener, which reads
    neither, and answers without a traceback, never "something went wrong"."""
    slack = slack_both
    caplog.set_level(logging.INFO)
    await slack.settle()
    actions = [r.name for r in slack.runner.bot.router.routes if r.kind == "action"]
    assert OPENS_A_FORM | BY_RESPONSE_URL < set(actions)
    url = slack.here.response_url(slack.user("alice"), slack.channel("general"))
    for action_id in actions:
        for response_url in (url, None):
            payload = real(slack, "bolt_js/block_actions_of_a_workflow_step")["payload"]
            payload |= {"response_url": response_url} if response_url else {}
            payload["actions"][0] |= {"action_id": action_id} | value_for(action_id, slack)
            sent = await slack.emu.send_request("interaction", payload, accepts_response=True)
            refused = action_id in OPENS_A_FORM or (
                action_id in BY_RESPONSE_URL and response_url is None
            )
            assert refused or (sent.ok and len(sent.attempts) == 1), (action_id, sent.status)
            await slack.settle()
    assert slack.emu.calls_to("views.open") == []
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert not [t for t in told(slack) if "went wrong" in t.lower()]


async def test_find_an_expert_on_a_nudge_named_by_its_container_alone_asks_it(
    slack_both: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """The nudge's *Find an expert*, pressed in a click that names its conversation in its
    `container` (`channel_id`) and has no `channel` (bolt-js types the field optional): Carol's
    question is asked, as hers. Its listener read `body["channel"]["id"]`: a KeyError, and she
    was told that something went wrong."""
    slack = slack_both
    caplog.set_level(logging.INFO)
    slack.here.workspace.user(slack.user("maria")).is_admin = True
    await slack.command("maria", "/ask", "watch")
    await slack.settle()
    question = "does anyone know how to import terraform state?"
    message = await slack.post("carol", "general", question)
    await slack.settle()
    payload = real(slack, "not_now_on_an_ephemeral_nudge")["payload"]
    del payload["channel"]
    payload["user"] |= {"id": slack.user("carol"), "username": "carol", "name": "carol"}
    payload["trigger_id"] = slack.here.workspace.views.issue_trigger(slack.user("carol"))
    payload["response_url"] = slack.here.response_url(slack.user("carol"), message.channel)
    payload["container"] |= {"channel_id": message.channel, "thread_ts": message.ts}
    payload["actions"][0] |= {"action_id": "nudge_ask", "value": message.ts}
    assert await acked_once(slack, payload) is None
    await slack.settle()
    async with slack.services.sessions() as s:
        asked = [(q.asker_user_id, q.text) for q in await s.scalars(select(Question))]
    assert asked == [(slack.user("carol"), question)]
    assert not [t for t in told(slack) if "went wrong" in t.lower()] and quiet(caplog)
