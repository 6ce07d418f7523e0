"""view_submission response_actions and closing modals, with a scripted bot endpoint."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

import pytest

from slack_emulator import PersonError, SlackEmulator

from .conftest import Endpoint, endpoint

pytestmark = pytest.mark.asyncio


def modal(title: str, *, notify: bool = False) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": title.lower(),
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": "Next"},
        "notify_on_close": notify,
        "blocks": [
            {
                "type": "input",
                "block_id": "pick",
                "optional": True,
                "label": {"type": "plain_text", "text": "Pick"},
                "element": {
                    "type": "static_select",
                    "action_id": "choice",
                    "options": [
                        {"text": {"type": "plain_text", "text": "Python"}, "value": "py"},
                        {"text": {"type": "plain_text", "text": "Go"}, "value": "go"},
                    ],
                },
            }
        ],
    }


def _payload(body: str) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(dict(parse_qsl(body))["payload"])
    return parsed


async def test_push_update_clear(emu: SlackEmulator) -> None:
    """push stacks a view, update replaces the submitted view keeping its id, clear closes
    the whole stack; plain values are turned into Slack's state entries."""
    alice = emu.workspace.add_user("alice")
    first = emu.workspace.views.open_modal(alice.id, modal("One"))
    answers = [
        json.dumps({"response_action": "push", "view": modal("Two")}),
        json.dumps({"response_action": "update", "view": modal("Three")}),
        json.dumps({"response_action": "clear"}),
    ]
    bot = Endpoint()
    async with endpoint(emu, bot):
        bot.reply = answers[0]
        await emu.submit_view(alice.id, first.id, {"pick": {"choice": "go"}})
        second = emu.open_modal(alice.id)
        assert second is not None and second.title == "Two" and second.previous_view_id == first.id
        with pytest.raises(PersonError, match="covered"):
            await emu.submit_view(alice.id, first.id)
        bot.reply = answers[1]
        await emu.submit_view(alice.id, second.id)
        assert emu.open_modal(alice.id) is second and second.title == "Three"
        bot.reply = answers[2]
        await emu.submit_view(alice.id, second.id)
    assert emu.open_modal(alice.id) is None and first.closed and second.closed
    submitted = _payload(bot.received[0].body)
    assert submitted["type"] == "view_submission"
    assert submitted["view"]["state"]["values"]["pick"]["choice"] == {
        "type": "static_select",
        "selected_option": {"text": {"type": "plain_text", "text": "Go"}, "value": "go"},
    }
    with pytest.raises(PersonError, match="offers no option"):
        reopened = emu.workspace.views.open_modal(alice.id, modal("Again"))
        await emu.submit_view(alice.id, reopened.id, {"pick": {"choice": "rust"}})


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        ({"response_action": "errors", "errors": {"nope": "Pick one"}}, "not an input block"),
        ({"response_action": "errors", "errors": {"pick": ""}}, "non-empty string"),
        ({"response_action": "errors", "errors": {}}, "at least one input block"),
        ({"response_action": "close"}, "unsupported response_action"),
        (
            {"response_action": "update", "view": {"type": "home", "blocks": []}},
            "must be modal",
        ),
    ],
)
async def test_an_answer_slack_refuses_is_noted(
    emu: SlackEmulator, answer: dict[str, Any], problem: str
) -> None:
    """surfaces/modals: `errors` names input blocks of the submitted view, each with a
    message; the stack holds modals only; the response_actions are errors, update, push and
    clear. Anything else is noted in block_kit_problems, which fails the test behind it."""
    alice = emu.workspace.add_user("alice")
    view = emu.workspace.views.open_modal(alice.id, modal("One"))
    async with endpoint(emu, Endpoint(reply=json.dumps(answer))):
        await emu.submit_view(alice.id, view.id)
    assert len(emu.block_kit_problems) == 1 and problem in emu.block_kit_problems[0]
    ok = {"response_action": "errors", "errors": {"pick": "Pick one"}}
    async with endpoint(emu, Endpoint(reply=json.dumps(ok))):
        await emu.submit_view(alice.id, view.id)
    assert len(emu.block_kit_problems) == 1


async def test_failed_submission_keeps_the_modal(emu: SlackEmulator) -> None:
    """When the bot errors on a submission, Slack keeps the modal open."""
    alice = emu.workspace.add_user("alice")
    view = emu.workspace.views.open_modal(alice.id, modal("One"))
    async with endpoint(emu, Endpoint(statuses=[500])):
        delivery = await emu.submit_view(alice.id, view.id)
    assert not delivery.ok and emu.open_modal(alice.id) is view


async def test_close_notifies_only_when_asked(emu: SlackEmulator) -> None:
    """Cancel delivers view_closed only for views with notify_on_close."""
    alice = emu.workspace.add_user("alice")
    quiet = emu.workspace.views.open_modal(alice.id, modal("Quiet"))
    async with endpoint(emu, Endpoint()) as bot:
        assert await emu.close_view(alice.id, quiet.id) is None
        loud = emu.workspace.views.open_modal(alice.id, modal("Loud", notify=True))
        delivery = await emu.close_view(alice.id, loud.id)
    assert delivery is not None and delivery.ok
    closed = _payload(bot.received[0].body)
    assert closed["type"] == "view_closed" and closed["view"]["id"] == loud.id
    assert closed["is_cleared"] is False and emu.open_modal(alice.id) is None


async def test_select_in_modal_updates_its_state(emu: SlackEmulator) -> None:
    """Choosing in a select inside a modal sends block_actions with selected_option and the
    choice is part of the state at submission."""
    alice = emu.workspace.add_user("alice")
    view = emu.workspace.views.open_modal(alice.id, modal("One"))
    async with endpoint(emu, Endpoint()) as bot:
        await emu.click(alice.id, "choice", view=view, selected_option="py")
        await emu.submit_view(alice.id, view.id)
    action = _payload(bot.received[0].body)["actions"][0]
    assert action["selected_option"]["value"] == "py" and action["type"] == "static_select"
    state = _payload(bot.received[1].body)["view"]["state"]["values"]
    assert state["pick"]["choice"]["selected_option"]["value"] == "py"


async def test_a_submission_holds_every_element_that_keeps_a_value(emu: SlackEmulator) -> None:
    """Slack's full state (api.slack.com/changelog/2020-09-full-state-on-view-submisson-and-
    block-actions): a select in a section is in `state.values` beside the inputs, as chosen or
    as it opened (`selected_user: null`); a button keeps nothing."""
    ws = emu.workspace
    alice, bob = ws.add_user("alice"), ws.add_user("bob")
    spec = modal("One")
    spec["blocks"] += [
        {
            "type": "section",
            "block_id": "who",
            "text": {"type": "mrkdwn", "text": "Who?"},
            "accessory": {"type": "users_select", "action_id": "person"},
        },
        {
            "type": "actions",
            "block_id": "more",
            "elements": [
                {"type": "button", "action_id": "go", "text": {"type": "plain_text", "text": "Go"}}
            ],
        },
    ]
    untouched = ws.views.open_modal(alice.id, spec)
    async with endpoint(emu, Endpoint()) as bot:
        await emu.submit_view(alice.id, untouched.id)
        chosen = ws.views.open_modal(alice.id, spec)
        await emu.click(alice.id, "person", view=chosen, selected_user=bob.id)
        await emu.submit_view(alice.id, chosen.id)
    first, _click, second = (_payload(r.body)["view"]["state"]["values"] for r in bot.received)
    assert first == {
        "pick": {"choice": {"type": "static_select", "selected_option": None}},
        "who": {"person": {"type": "users_select", "selected_user": None}},
    }
    assert second["who"] == {"person": {"type": "users_select", "selected_user": bob.id}}
