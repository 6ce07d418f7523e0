"""Who the *Give kudos* form opens for: only someone known to be of this workspace. A guest
from another organisation (Slack Connect) neither gives nor receives kudos here, so every way
of opening the form (the global shortcut, the Home tab's button, *Give kudos* under `/kudos
@someone` or a solved question) refuses them before it opens: their form would be refused
only once submitted, with the reason they typed, and the request that opened it, their id and
Slack name, would stay in the inbox for a day.

The global shortcut and the buttons name no channel, and a payload's `user.team_id` is
trusted only in a shared channel (`handlers.dispatch.workspace.from_elsewhere`), so Slack's
profile decides, as for a slash command; a member askaround already knows costs no call, and
the form's opening stores nothing (its submission looks its giver up itself, as
`tests/slack/test_ack_in_time.py` drives)."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy import select

from handlers.client.directory import GUEST_GIVES, UNSAID_MEMBER
from slack_emulator import Delivery
from storage.models import Person
from tests.slack.connect import OTHER_ORG
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import global_modal
from tests.slack.questions.test_refused_kept_nowhere import kept_of
from tests.slack.questions.test_slack_connect import zed_in_partners


def told(slack: SlackHarness, user_id: str) -> list[str]:
    """What the bot told this person, wherever: an ephemeral or their DM."""
    return [e.text for e in slack.emu.ephemerals(user_id)] + [
        m.text for m in slack.emu.dm_messages(user_id) if m.bot_id
    ]


async def stored_person(slack: SlackHarness, user_id: str) -> Person | None:
    async with slack.services.sessions() as s:
        return await s.scalar(
            select(Person).where(Person.team_id == slack.team_id, Person.user_id == user_id)
        )


async def test_the_global_shortcut_opens_no_form_for_a_guest(slack: SlackHarness) -> None:
    """Before, the form opened, and its request (Zed's id and Slack name) stayed in the inbox
    for a day."""
    zed = zed_in_partners(slack)
    await slack.emu.global_shortcut(zed, "give_kudos_global")
    await slack.settle()
    assert slack.emu.open_modal(zed) is None
    assert told(slack, zed) == [GUEST_GIVES]
    assert await kept_of(slack, zed) == []


async def test_the_global_shortcut_opens_no_form_for_someone_slack_will_not_describe(
    slack: SlackHarness,
) -> None:
    """`users.info` answering `user_not_found` of someone askaround never stored: as for a
    slash command, they cannot be told from a guest of another organisation."""
    zed = zed_in_partners(slack)
    slack.emu.faults.add("users.info", error="user_not_found", times=1)
    await slack.emu.global_shortcut(zed, "give_kudos_global")
    await slack.settle()
    assert slack.emu.open_modal(zed) is None
    assert told(slack, zed) == [UNSAID_MEMBER]
    assert await kept_of(slack, zed) == []


async def real_click(slack: SlackHarness, handle: str, label: str) -> dict[str, Any]:
    """The signed payload of a real click of `label` by `handle` ; the modal it opened is
    closed again."""
    user = slack.user(handle)
    await slack.emu.click_button(user, label)
    await slack.settle()
    real = next(
        d for d in reversed(slack.emu.deliveries) if d.payload.get("type") == "block_actions"
    )
    for view in slack.here.workspace.views.stack(user):
        view.closed = True
    return real.payload


async def home_click(slack: SlackHarness, handle: str, label: str) -> dict[str, Any]:
    """`real_click` of a button on `handle`'s Home tab, opened first."""
    await slack.emu.open_home(slack.user(handle))
    await slack.settle()
    return await real_click(slack, handle, label)


async def as_guest(slack: SlackHarness, payload: dict[str, Any], zed: str, **action: str) -> None:
    """`payload` sent again as Zed's own click (a modified client, or a button left on a
    screen): his id, his home team, a trigger of his own; `action` replaces the action's
    fields."""
    forged = copy.deepcopy(payload)
    forged.pop("response_url", None)  # Slack's answer to Alice's click: not Zed's to use
    forged["user"] = {"id": zed, "username": "zed", "name": "zed", "team_id": OTHER_ORG}
    forged["trigger_id"] = slack.here.workspace.views.issue_trigger(zed)
    forged["actions"] = [{**forged["actions"][0], **action}]
    await slack.emu.redeliver(Delivery("interaction", forged), as_retry=False)
    await slack.settle()


async def test_no_button_opens_the_form_for_a_guest(slack: SlackHarness) -> None:
    """The Home tab's *Give kudos*, the one under `/kudos @someone` and the one under a solved
    question, pressed by Zed (his Home tab is never published, and `/kudos` refuses him,
    but a button is only a payload): no form, the refusal, nothing kept. Before, each opened
    the form."""
    bob = slack.user("bob")
    home = await home_click(slack, "alice", "Give kudos")
    await slack.command("alice", "/kudos", f"<@{bob}>")
    await slack.settle()
    thank = await real_click(slack, "alice", "Give kudos")
    zed = zed_in_partners(slack)
    await as_guest(slack, home, zed)
    await as_guest(slack, thank, zed)
    await as_guest(slack, thank, zed, action_id="question_thank", value=f"1:{bob}")
    assert slack.emu.open_modal(zed) is None
    assert told(slack, zed) == [GUEST_GIVES] * 3
    assert await kept_of(slack, zed) == []
    assert await stored_person(slack, zed) is None


async def test_a_members_form_opens_without_storing_them(slack: SlackHarness) -> None:
    """Alice, unknown yet: Slack is asked about her once as the form opens, and nothing is
    stored (the submission's look-up stores her); once known, the form costs no call."""
    alice = slack.user("alice")
    before = len(slack.emu.calls_to("users.info"))
    await global_modal(slack, "alice")
    assert [c.args["user"] for c in slack.emu.calls_to("users.info")[before:]] == [alice]
    assert await stored_person(slack, alice) is None
    await slack.command("alice", "/skills", "")
    await slack.settle()
    assert await stored_person(slack, alice) is not None
    asked = len(slack.emu.calls_to("users.info"))
    await global_modal(slack, "alice")
    assert len(slack.emu.calls_to("users.info")) == asked


async def test_the_message_shortcut_opens_no_form_for_a_guest_in_a_group_dm(
    slack: SlackHarness,
) -> None:
    """A group DM with someone of another organisation, which the bot is not in: Slack tells
    the bot nothing of it, so whether it is shared cannot be read, and the payload's team is
    not believed there (`from_elsewhere`). Zed's *Give kudos* on Alice's message there: his
    profile decides, and no form opens. Before, one did, refused only once submitted."""
    zed = zed_in_partners(slack)
    ws = slack.here.workspace
    group = ws.open_mpim([slack.user("alice"), zed])
    group.members.remove(ws.bot_user_id)
    message, _deliveries = await slack.here.post_message(
        slack.user("alice"), group.id, "shipped the migration"
    )
    await slack.emu.message_shortcut(zed, "give_kudos", message)
    await slack.settle()
    assert slack.emu.open_modal(zed) is None
    assert told(slack, zed) == [GUEST_GIVES]
    assert await kept_of(slack, zed) == []
