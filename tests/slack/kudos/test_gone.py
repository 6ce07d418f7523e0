"""Buttons pressed on what is no longer kept (the workspace's data purged after an uninstall,
the messages still in Slack): the presser hears that it is gone, privately, not a wrong
reason ("not yours"), and nothing changes."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from handlers.surfaces.kudos import SHOUTOUT_GONE
from slack_emulator import Message
from storage.models import Kudos
from storage.uninstalls import purge
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import give, kudos_posts


async def forget_everything(slack: SlackHarness) -> None:
    """What `purge-workspace` deletes, the Slack side left as it was."""
    async with slack.services.sessions() as s, s.begin():
        await purge(s, slack.team_id)


def told(slack: SlackHarness, handle: str) -> list[str]:
    return [e.text for e in slack.emu.ephemerals(slack.user(handle))]


async def test_undo_on_kudos_no_longer_kept_says_they_are_gone(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    await give(slack, "alice", "@bob for reviewing the migration plan #craft")
    [shoutout] = kudos_posts(slack, "general")
    await forget_everything(slack)
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    said = told(slack, "alice")[-1]
    assert "Only the person who gave" not in said
    assert "no longer" in said, said
    assert kudos_posts(slack, "general") == [shoutout]
    async with slack.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Kudos)) == 0
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def react_kudos(slack: SlackHarness, handle: str, message: Message) -> str:
    """`handle` reacts :kudos: to `message`; what the bot told them."""
    await slack.here.add_reaction(slack.user(handle), message.channel, message.ts, "kudos")
    await slack.settle()
    return "\n".join(told(slack, handle))


async def test_seconding_a_shout_out_whose_kudos_are_no_longer_kept_says_they_are_gone(
    slack: SlackHarness,
) -> None:
    """The shout-out is still in Slack, its kudos purged: it is a shout-out all the same (its
    delivery's mark says so), not "one of my messages, not a shout-out"."""
    await give(slack, "alice", "@bob for reviewing the migration plan #craft")
    [shoutout] = kudos_posts(slack, "general")
    await forget_everything(slack)
    said = await react_kudos(slack, "carol", shoutout)
    assert SHOUTOUT_GONE in said, said
    assert "not a shout-out" not in said
    async with slack.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Kudos)) == 0


async def test_a_kudos_reaction_on_another_of_the_bots_messages_says_it_is_no_shout_out(
    slack: SlackHarness,
) -> None:
    ws = slack.here.workspace
    message = ws.chat.post(slack.channel("general"), ws.bot_user_id, "Welcome to askaround!")
    said = await react_kudos(slack, "carol", message)
    assert "That is one of my messages, not a shout-out" in said, said
    assert SHOUTOUT_GONE not in said
