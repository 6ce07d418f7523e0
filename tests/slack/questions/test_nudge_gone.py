""" "Find an expert" pressed on an offer of help whose message was deleted meanwhile: Slack
has no such thread any more (`thread_not_found`), so there is nothing to ask about. The
poster hears so in one line, not that something went wrong, and nobody is asked."""

from __future__ import annotations

import gc
import logging

import pytest
from sqlalchemy import func, select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_chit_chat import watch_general


@pytest.mark.parametrize("answered", [False, True])
async def test_find_an_expert_on_a_deleted_message_says_it_is_gone(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, answered: bool
) -> None:
    """Answered in its thread first, Slack keeps a tombstone above the replies instead."""
    await watch_general(slack)
    carol = slack.user("carol")
    posted = await slack.post("carol", "general", "does anyone know how to import terraform state?")
    if answered:
        await slack.post("bob", "general", "try terraform import", thread_ts=posted.ts)
    await slack.settle()
    await slack.emu.delete_message(carol, posted)
    await slack.settle()
    caplog.set_level(logging.INFO)
    shown = len(slack.emu.ephemerals(carol))
    await slack.emu.click_button(carol, "Find an expert")
    await slack.settle()
    said = [e.text for e in slack.emu.ephemerals(carol)[shown:]]
    assert len(said) == 1 and "deleted" in said[0]
    async with slack.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Question)) == 0
    gc.collect()
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_find_an_expert_after_the_bot_was_removed_does_not_say_deleted(
    slack: SlackHarness,
) -> None:
    """The bot was removed from #general after offering help: Slack refuses it the thread
    (`not_in_channel`), but Carol's message is still there, so she is not told it was deleted."""
    await watch_general(slack)
    carol = slack.user("carol")
    await slack.post("carol", "general", "does anyone know how to import terraform state?")
    await slack.settle()
    await slack.emu.remove(slack.channel("general"), slack.emu.bot_user_id)
    await slack.settle()
    shown = len(slack.emu.ephemerals(carol))
    await slack.emu.click_button(carol, "Find an expert")
    await slack.settle()
    said = " ".join(e.text for e in slack.emu.ephemerals(carol)[shown:])
    assert "deleted" not in said
    assert "/invite @askaround" in said
