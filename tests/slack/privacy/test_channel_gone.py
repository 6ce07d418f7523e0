"""A public channel deleted since a question was solved and a kudos given there: Slack keeps
nothing of it for anybody, and `conversations.info` answers `channel_not_found`, which counts
as private (`docs/privacy.md`, "A conversation Slack says nothing of"). Carol, who was not in
it, asking the same question is not shown its words as solved before, and `/kudos @bob` by
her does not quote the kudos. So too where Slack's `channel_deleted` never reached the app,
once the minute a public channel is trusted for has passed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.privacy.test_private_questions import ASKED, with_button

MARKER = "platypusgone"


@pytest.mark.parametrize("heard", [True, False])
async def test_a_deleted_channels_words_are_shown_to_nobody_else(
    slack: SlackHarness, heard: bool
) -> None:
    ws = slack.here.workspace
    alice, carol = slack.user("alice"), slack.user("carol")
    launch = ws.add_channel("launch", members=[alice, slack.user("bob"), slack.user("dev")])
    slack.channels["launch"] = launch.id
    await slack.post("alice", "launch", f"<@{ws.bot_user_id}> {ASKED.format(MARKER)}")
    await slack.settle()
    await slack.emu.click(
        slack.user("dev"), "offer_accept", message=with_button(slack, "dev", "offer_accept")
    )
    await slack.settle()
    await slack.emu.click_button(alice, "Solved")
    await slack.settle()
    await slack.here.slash_command(
        alice, "/kudos", slack.escape(f"@bob for the {MARKER} rollout"), channel_id=launch.id
    )
    await slack.drain()
    if heard:
        await slack.emu.delete_channel(launch.id, by=alice)
    else:  # a public channel is trusted a minute (`bot.conversations.PUBLIC_FOR`)
        del ws.channels[launch.id]
        slack.advance(timedelta(minutes=2))
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post("carol", "general", f"<@{ws.bot_user_id}> {ASKED.format('release')}")
    await slack.settle()
    await slack.command("carol", "/kudos", "@bob")
    await slack.settle()
    shown = "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(carol))
    shown += "\n".join(
        f"{m.text}\n{m.blocks}" for m in slack.emu.messages(slack.channel("general")) if m.by_bot
    )
    assert MARKER not in shown, shown
    assert "Bob" in shown  # /kudos @bob answered her
