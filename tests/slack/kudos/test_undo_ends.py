"""The giver's confirmation once Undo no longer works: its Undo button goes and "You can undo
until 14:05." turns past, where Slack lets the bot change it (a `/kudos` answer through the
command's response_url; a confirmation sent as a DM, by chat.update). An Undo pressed in time
keeps its own answer, and a retried update never brings the button back."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from slack_emulator import Ephemeral, Message
from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import (
    configure,
    give,
    global_modal,
    kudos_posts,
    ledger,
    submit_modal,
)

REASON = "for reviewing the migration plan #craft"
LATER = timedelta(minutes=6)  # past the 5 minutes Undo works


def _undo_buttons(shown: Ephemeral | Message) -> list[dict[str, Any]]:
    return [
        element
        for block in shown.blocks
        for element in block.get("elements") or []
        if element.get("type") == "button" and element.get("action_id") == "kudos_undo"
    ]


def _until(created_at: Any) -> str:
    until = created_at + timedelta(minutes=5)
    return f"<!date^{int(until.timestamp())}^{{time}}|{until:%H:%M} UTC>"


def _replacements(slack: SlackHarness) -> list[dict[str, Any]]:
    """What the bot sent through response_urls to replace what they answered."""
    return [
        call.args
        for call in slack.emu.calls_to("response_url")
        if str(call.args.get("replace_original")).lower() == "true"
    ]


async def test_the_command_confirmation_loses_its_undo_button_when_undo_ends(
    slack: SlackHarness,
) -> None:
    """Five minutes after `/kudos`, its answer keeps what it said (who, where, the allowance)
    without the Undo button, and says until when Undo worked, in the past."""
    await give(slack, "alice", f"@bob {REASON}")
    [confirmation] = slack.emu.ephemerals(slack.user("alice"))
    assert _undo_buttons(confirmation)
    [entry] = await ledger(slack)
    slack.advance(LATER)
    await slack.settle()
    [confirmation] = slack.emu.ephemerals(slack.user("alice"))
    assert _undo_buttons(confirmation) == []
    shown = str(confirmation.blocks)
    assert "Kudos sent to" in confirmation.text and "4 of 5 left today" in confirmation.text
    assert f"You could undo until {_until(entry.created_at)}." in shown
    assert "You can undo" not in shown
    assert len(_replacements(slack)) == 1
    await slack.drain()
    assert len(_replacements(slack)) == 1


async def test_nothing_changes_while_undo_still_works(slack: SlackHarness) -> None:
    await give(slack, "alice", f"@bob {REASON}")
    slack.advance(timedelta(minutes=4, seconds=50))
    await slack.settle()
    [confirmation] = slack.emu.ephemerals(slack.user("alice"))
    assert _undo_buttons(confirmation)
    assert "You can undo until" in str(confirmation.blocks)
    assert _replacements(slack) == []


async def test_an_undo_pressed_in_time_keeps_its_answer_after_the_window(
    slack: SlackHarness,
) -> None:
    """Undo replaced the confirmation with "Undone: …"; the end of the window changes nothing
    over it (never the confirmation back, without its button or with it)."""
    await give(slack, "alice", f"@bob {REASON}")
    slack.advance(timedelta(minutes=4))
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    undone = len(_replacements(slack))
    slack.advance(LATER)
    await slack.drain()
    [answer] = slack.emu.ephemerals(slack.user("alice"))
    assert answer.text.startswith("Undone: your kudos to")
    assert "undo until" not in str(answer.blocks)
    assert len(_replacements(slack)) == undone


async def test_a_confirmation_sent_as_a_dm_is_updated_and_a_lost_answer_changes_nothing(
    slack: SlackHarness,
) -> None:
    """With a kudos channel, the global shortcut's form asks no channel, so its confirmation
    goes to the giver's DM with the bot: a message of its own, updated by chat.update. Its
    first update's answer is lost (Slack applied it): the retry draws the same message."""
    await configure(slack, kudos_channel_id=slack.channel("random"))
    modal = await global_modal(slack, "alice")
    await submit_modal(slack, "alice", modal, recipients=["bob"], reason="reviewing the plan")
    await slack.settle()
    [confirmation] = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    assert _undo_buttons(confirmation)
    [entry] = await ledger(slack)
    slack.emu.faults.add(method="chat.update", status=500, applied=True)
    slack.advance(LATER)
    await slack.drain()
    [confirmation] = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    assert _undo_buttons(confirmation) == []
    assert "4 of 5 left today" in confirmation.text
    assert f"You could undo until {_until(entry.created_at)}." in str(confirmation.blocks)
    updates = slack.emu.calls_to("chat.update")
    assert len(updates) == 2 and updates[0].args == updates[1].args


async def test_a_shout_out_answered_through_the_same_url_is_never_replaced(
    slack: SlackHarness,
) -> None:
    """In #random the bot may not post by itself (an install without chat:write.public), so
    the shout-out went through the command's response_url too: what that URL would replace is
    unsure, so the confirmation keeps its button and the shout-out stays as it was."""
    slack.emu.workspace.bot_scopes = frozenset({"chat:write"})
    await give(slack, "alice", f"@bob {REASON}", channel="random")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "random")
    slack.advance(LATER)
    await slack.drain()
    assert [m.text for m in kudos_posts(slack, "random")] == [shoutout.text]
    assert _replacements(slack) == []
    [confirmation] = slack.emu.ephemerals(slack.user("alice"))
    assert _undo_buttons(confirmation)


async def test_a_response_url_slack_no_longer_takes_is_left(slack: SlackHarness) -> None:
    """The bot was away past Slack's 30 minutes for a response_url: the answer stays as it
    was, and the update is done with, not retried."""
    await give(slack, "alice", f"@bob {REASON}")
    slack.advance(timedelta(minutes=31))
    await slack.drain()
    [refused] = _replacements(slack)
    assert refused["text"].startswith("Kudos sent to")
    [confirmation] = slack.emu.ephemerals(slack.user("alice"))
    assert _undo_buttons(confirmation)
    async with slack.services.sessions() as s:
        statuses = set(await s.scalars(select(OutboxItem.status)))
    assert statuses == {"sent"}
