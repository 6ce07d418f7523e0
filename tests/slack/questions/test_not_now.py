"""*Not now* under an offer of help keeps the bot from offering for a day: the person is told
so, privately, with the moment it ends in their own time zone (Slack's date token), where the
offer was; before, the offer vanished and the day of quiet was never said."""

from __future__ import annotations

from bot.questions.watching import QUIET_FOR
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_chit_chat import nudges, watch_general


async def test_not_now_says_until_when(slack: SlackHarness) -> None:
    await watch_general(slack)
    await slack.post("carol", "general", "does anyone know how to import terraform state?")
    await slack.settle()
    carol = slack.user("carol")
    until = slack.services.watching.clock() + QUIET_FOR
    await slack.emu.click_button(carol, "Not now")
    await slack.settle()
    assert nudges(slack, "carol") == []
    [told] = [e for e in slack.emu.ephemerals(carol) if "offer" in e.text]
    assert told.channel == slack.channel("general")
    assert f"<!date^{int(until.timestamp())}^" in str(told.blocks)
    assert "/ask" in str(told.blocks)
    assert slack.emu.dm_messages(carol) == []
