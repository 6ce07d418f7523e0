"""askaround removed from a channel it watches: Slack sends it `channel_left` (its messages
stop coming), and the admin who set the watch is told, once and privately, what mends it.
Before, nothing was said: the admin learned it only on opening their Home tab, whose
settings say it beside the channel. It stays watched, so an invitation back resumes it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure, give
from tests.slack.questions.test_chit_chat import watch_general
from tests.slack.test_real_payloads import envelope, real, send


async def watched(slack: SlackHarness) -> tuple[str, ...]:
    return (await slack.services.workspace_settings.current(slack.team_id)).watched_channels


@pytest.mark.postgres_too  # `storage.watching.watcher` is read nowhere else
async def test_removed_from_a_watched_channel_the_admin_who_watched_it_is_told_once(
    slack: SlackHarness,
) -> None:
    """Maria watches #general; Carol removes askaround from it (Slack sends the event twice
    more, as it retries one it thinks unanswered): Maria has one DM naming who removed it and
    what to do, Carol, who removed it, is told nothing. Invited back, askaround offers help
    there again."""
    await watch_general(slack)
    general, maria, carol = slack.channel("general"), slack.user("maria"), slack.user("carol")
    assert await watched(slack) == (general,)
    dms_before = len(slack.emu.dm_messages(maria))
    left = await slack.emu.remove(general, slack.emu.bot_user_id, by=carol)
    assert left is not None and left.ok
    await slack.settle()
    again = await slack.emu.redeliver(left, times=2)
    assert [a.status for a in again] == [200, 200]
    await slack.settle()
    assert await watched(slack) == (general,)
    told = [m.text for m in slack.emu.dm_messages(maria)[dms_before:]]
    assert len(told) == 1, told
    assert f"<@{carol}> removed me from <#{general}>" in told[0], told
    assert "/invite @askaround" in told[0] and "/ask unwatch" in told[0], told
    assert slack.emu.dm_messages(carol) == []
    await slack.emu.invite(general, slack.emu.bot_user_id, by=carol)
    await slack.settle()
    await slack.post("carol", "general", "does anyone know how to import terraform state?")
    await slack.settle()
    assert any("Find an expert" in str(e.blocks) for e in slack.emu.ephemerals(carol))


async def test_removed_from_a_channel_nobody_watches_tells_nobody(slack: SlackHarness) -> None:
    """Removed from #general, which nobody had askaround watch: nobody hears of it."""
    maria = slack.user("maria")
    await slack.emu.remove(slack.channel("general"), slack.emu.bot_user_id, by=maria)
    await slack.settle()
    assert slack.emu.dm_messages(maria) == []


async def test_removed_from_the_kudos_channel_shout_outs_still_go_there(
    slack: SlackHarness,
) -> None:
    """The kudos channel is public, and askaround may post in any public channel
    (`chat:write.public`): removed from #kudos, it still shouts kudos out there, and nobody
    is told anything of the removal (not a bug; checked when `channel_left` was subscribed)."""
    maria = slack.user("maria")
    kudos = slack.emu.workspace.add_channel("kudos", members=[maria, slack.emu.bot_user_id]).id
    await configure(slack, kudos_channel_id=kudos)
    left = await slack.emu.remove(kudos, slack.emu.bot_user_id, by=maria)
    assert left is not None and left.ok
    await slack.settle()
    await give(slack, "alice", "@bob for untangling the release #teamwork")
    await slack.drain()
    assert [m for m in slack.emu.messages(kudos) if m.by_bot]
    assert slack.emu.dm_messages(maria) == []


async def test_removed_after_the_admin_who_watched_left_fails_no_delivery(
    slack: SlackHarness,
) -> None:
    """Maria, who had #general watched, has left the workspace when askaround is removed from
    it: there is nobody to tell, and the DM to her is not left failing in the outbox."""
    await watch_general(slack)
    maria, carol = slack.user("maria"), slack.user("carol")
    await slack.emu.change_user(maria, deleted=True)
    await slack.settle()
    await slack.emu.remove(slack.channel("general"), slack.emu.bot_user_id, by=carol)
    await slack.drain()
    async with slack.services.sessions() as s:
        statuses = set(await s.scalars(select(OutboxItem.status)))
    assert statuses <= {"sent"}, statuses


async def test_removed_from_a_watched_channel_made_private_names_nobody(
    slack: SlackHarness,
) -> None:
    """Maria watches #launch, which is made private since, without her in it; Carol removes
    askaround from it (`group_left`): Maria is told askaround was removed, not by whom, as
    that would tell her who is in a private channel she is not in."""
    maria, carol, bot = slack.user("maria"), slack.user("carol"), slack.emu.bot_user_id
    launch = slack.emu.workspace.add_channel("launch", members=[maria, carol, bot]).id
    slack.channels["launch"] = launch
    slack.emu.workspace.user(maria).is_admin = True
    await slack.command("maria", "/ask", "watch", channel="launch")
    await slack.settle()
    assert await watched(slack) == (launch,)
    await slack.emu.make_private(launch, by=carol)
    await slack.settle()
    slack.emu.workspace.channel(launch).members.remove(maria)
    dms_before = len(slack.emu.dm_messages(maria))
    left = await slack.emu.remove(launch, bot, by=carol)
    assert left is not None and left.payload["event"]["type"] == "group_left"
    await slack.settle()
    [told] = [m.text for m in slack.emu.dm_messages(maria)[dms_before:]]
    assert f"I was removed from <#{launch}>" in told and carol not in told, told


async def test_a_removal_slack_delivers_once_askaround_is_back_tells_nobody(
    slack: SlackHarness,
) -> None:
    """Maria watches #general. Slack's first delivery of askaround's removal from it never
    reached askaround, and Alice invited it back before Slack's retry came: the retry
    (`channel_left` as Slack's reference shows it, `X-Slack-Retry-Num` 1) is answered 200, and
    Maria is told nothing, askaround hearing #general again. Before, she was told askaround
    was removed and to invite it back."""
    await watch_general(slack)
    maria = slack.user("maria")
    dms_before = len(slack.emu.dm_messages(maria))
    body = json.dumps(envelope(slack, real(slack, "channel_left")["event"]))
    assert await send(slack, "application/json", body, 1, "http_timeout") == (200, "")
    await slack.drain()
    assert slack.emu.dm_messages(maria)[dms_before:] == []
    assert await watched(slack) == (slack.channel("general"),)
