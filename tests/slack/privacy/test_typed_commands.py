"""One of the app's commands sent to the bot as a message is answered "Type it as a
command", through the outbox. Before 7 December the delivery carried the typed words
(`/kudos @bob for the merger`, `/skills add zorblaxing:4`) and a sent delivery's row is kept
until the workspace's data is deleted: in a private channel too, after the message was
deleted, after `/skills forget me`. The reply now quotes the command's name and subcommand,
the app's words alone, so no table holds the person's past the inbox's day."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.test_forgotten_everywhere import a_day_later, everywhere

pytestmark = pytest.mark.postgres_too
REASON, SKILL = "snorkelblight", "zorblaxing"


async def test_a_command_sent_as_a_message_is_kept_in_no_table(slack: SlackHarness) -> None:
    """Bob mentions the bot in #secret (private) with a `/kudos`, and sends it `skills add`
    in the DM: each is told to type it as a command, naming it; once the inbox has let go
    of the requests (a day), no table holds a word he typed after the subcommand."""
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("bob", "secret", f"{bot} /kudos <@{slack.user('alice')}> for the {REASON}")
    await slack.dm_bot("bob", f"skills add {SKILL}:4")
    await slack.drain()
    secret = slack.channel("secret")
    said = [m.text for m in slack.here.messages() if m.by_bot and m.channel == secret]
    assert [s for s in said if "Type it as a command: `/kudos`" in s], said
    dm = [m.text for m in slack.here.messages() if m.by_bot and m.channel != secret]
    assert [s for s in dm if "Type it as a command: `/skills add`" in s], dm
    assert not [s for s in said + dm if REASON in s or SKILL in s]
    assert {table for table, *_ in await everywhere(slack, (REASON, SKILL))} <= {"inbox"}
    await a_day_later(slack)
    assert await everywhere(slack, (REASON, SKILL)) == []
