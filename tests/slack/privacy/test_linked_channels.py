"""A kudos reason may link a private channel: Slack writes what the giver picked as
`<#C…|secret-project>`, the channel's name in the label. askaround reposts such a link as
`<#C…>` alone (`bot.safe_text`), which Slack shows someone outside the channel as "private
channel": the shout-out in #general and `/kudos @bob` read by Carol, who is not in #secret,
never carry its name. Its giver and receiver, in #secret, read the link as Slack shows it."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Kudos
from tests.slack.harness import SlackHarness

NAME = "numbatproject"  # #secret's name as the giver's client wrote it in the link


async def test_a_private_channels_name_in_a_kudos_reason_is_never_reposted(
    slack: SlackHarness,
) -> None:
    secret = slack.channel("secret")
    reason = f"for the fix in <#{secret}|{NAME}>"
    assert (await slack.command("alice", "/kudos", f"<@{slack.user('bob')}> {reason}")).ok
    await slack.settle()
    async with slack.services.sessions() as s:  # the link came with its name, and is kept so
        assert NAME in (await s.scalar(select(Kudos.message)) or "")
    shout = [m for m in slack.emu.messages(slack.channel("general")) if m.by_bot]
    assert shout and f"<#{secret}>" in str(shout[-1].blocks)
    await slack.command("carol", "/kudos", f"<@{slack.user('bob')}>")
    await slack.settle()
    about = slack.emu.ephemerals(slack.user("carol"))[-1]
    assert f"the fix in <#{secret}>" in f"{about.text}{about.blocks}"
    shown = [f"{m.text}{m.blocks}" for m in shout] + [f"{about.text}{about.blocks}"]
    assert all(NAME not in text for text in shown), shown
