"""The kudos channel stops taking the public roundup (archived, deleted, the bot removed):
the askaround admins, who can fix it, are told once for that cause, not every week, and
nothing else of the week is lost or doubled."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from bot.digests.weeks import IsoWeek
from tests.slack.connect import OTHER_ORG
from tests.slack.digests.conftest import MONDAY_W48
from tests.slack.digests.world import run_digests, sent_to
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure

ADMINS = ("olga", "dev", "erin")  # a Slack admin, the `admin` role, named in the settings
Closing = Callable[[SlackHarness, str], Awaitable[object]]


async def _archive(slack: SlackHarness, channel: str) -> object:
    return await slack.emu.archive_channel(channel, by=slack.user("olga"))


async def _delete(slack: SlackHarness, channel: str) -> object:
    return await slack.emu.delete_channel(channel, by=slack.user("olga"))


async def _remove_bot(slack: SlackHarness, channel: str) -> object:
    return await slack.emu.remove(channel, slack.emu.workspace.bot_user_id)


async def _remove_bot_without_public_posts(slack: SlackHarness, channel: str) -> object:
    """Without chat:write.public, a public channel the bot left answers not_in_channel."""
    slack.emu.workspace.bot_scopes -= {"chat:write.public"}
    return await _remove_bot(slack, channel)


def _notices(slack: SlackHarness, handle: str) -> list[str]:
    return [
        m.text
        for m in slack.emu.dm_messages(slack.user(handle))
        if m.by_bot and "public kudos roundup" in m.text
    ]


def _roundups(slack: SlackHarness, channel: str) -> list[str]:
    return [
        m.text
        for m in slack.emu.messages(channel)
        if m.by_bot and m.text.startswith("Kudos of week")
    ]


async def _kudos_channel(slack: SlackHarness, *, private: bool = False) -> str:
    people = [slack.user(handle) for handle in slack.users]
    channel = slack.emu.workspace.add_channel("kudos", members=people, is_private=private).id
    await configure(
        slack,
        digest_roundup=True,
        kudos_channel_id=channel,
        askaround_admins=[slack.user("erin")],
    )
    return channel


@pytest.mark.parametrize(
    ("close", "private", "said"),
    [
        (_archive, False, "archived. Unarchive it, or pick another channel as the kudos channel"),
        (_delete, False, "it was deleted, or it is a private channel I was removed from"),
        (_remove_bot, True, "it was deleted, or it is a private channel I was removed from"),
        (_remove_bot_without_public_posts, False, "I was removed from <#"),
    ],
    ids=["archived", "deleted", "bot-removed-private", "bot-removed-public"],
)
async def test_each_askaround_admin_is_told_once_what_happened_and_what_to_do(
    company: SlackHarness, close: Closing, private: bool, said: str
) -> None:
    channel = await _kudos_channel(company, private=private)
    await close(company, channel)
    await company.settle()
    clock = company.services.clock
    clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    for handle in ADMINS:
        [notice] = _notices(company, handle)
        assert f"roundup of 2026-W47 could not be posted in <#{channel}>" in notice
        assert said in notice and "the kudos channel in `/askaround settings`" in notice
    assert not any(_notices(company, h) for h in company.users if h not in ADMINS)
    assert sent_to(company) == {"hana": 1, "maria": 1, "bob": 1}  # the digests still went
    clock.freeze(MONDAY_W48 + timedelta(days=7, hours=9))
    await run_digests(company)
    assert {h: len(_notices(company, h)) for h in ADMINS} == dict.fromkeys(ADMINS, 1)


@pytest.mark.postgres_too
async def test_once_the_channel_is_back_the_missed_roundups_are_posted_once_each(
    company: SlackHarness,
) -> None:
    """Unarchived, and the failed deliveries retried (`askaround outbox retry`): W47's and
    W48's roundups are each posted once, and nobody is told anything again."""
    channel = await _kudos_channel(company)
    await _archive(company, channel)
    await company.settle()
    clock = company.services.clock
    for week in range(2):
        clock.freeze(MONDAY_W48 + timedelta(days=7 * week, hours=9))
        await run_digests(company)
    assert _roundups(company, channel) == []
    await company.emu.unarchive_channel(channel, by=company.user("olga"))
    await company.settle()
    assert len(await company.services.outbox.retry_failed(clock.now())) == 2
    await company.drain()
    posted = _roundups(company, channel)
    assert sorted(t.split(" ")[3] for t in posted) == ["2026-W47", "2026-W48"]
    assert {h: len(_notices(company, h)) for h in ADMINS} == dict.fromkeys(ADMINS, 1)


async def test_a_channel_fixed_and_closed_again_is_told_again(company: SlackHarness) -> None:
    """Once the channel took a roundup after the first notice, the next time it refuses one
    is news again: the admins are told a second time, and only once more."""
    channel = await _kudos_channel(company)
    await _archive(company, channel)
    await company.settle()
    clock = company.services.clock
    clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    await company.emu.unarchive_channel(channel, by=company.user("olga"))
    await company.settle()
    clock.freeze(MONDAY_W48 + timedelta(days=7, hours=9))
    await run_digests(company)
    assert [t.split(" ")[3] for t in _roundups(company, channel)] == ["2026-W48"]
    await _archive(company, channel)
    await company.settle()
    for week in (2, 3):
        clock.freeze(MONDAY_W48 + timedelta(days=7 * week, hours=9))
        await run_digests(company)
    for handle in ADMINS:
        first, second = _notices(company, handle)
        assert "roundup of 2026-W47" in first and "roundup of 2026-W49" in second


async def test_a_notice_queued_before_the_admins_moved_the_roundup_is_not_sent(
    company: SlackHarness,
) -> None:
    """Another kudos channel picked before the notice went: it would be untrue, it stays."""
    channel = await _kudos_channel(company)
    await configure(company, kudos_channel_id=company.channel("general"))
    week = IsoWeek.parse("2026-W47")
    queued = await company.services.digests.roundup_refused(
        company.team_id, channel, "is_archived", week, {company.user("olga")}
    )
    await company.drain()
    assert queued == 3 and not any(_notices(company, handle) for handle in ADMINS)


async def test_a_kudos_channel_shared_since_is_posted_no_roundup(company: SlackHarness) -> None:
    """#kudos, the kudos channel, was shared with another organisation (Slack Connect) after
    it was picked; the settings refuse such a channel, but nothing re-checks it later. The
    roundup, the week's public kudos with their givers, receivers and reasons, was posted
    there for the other organisation to read: the workspace's public kudos are its members'.
    Now nothing is posted there, the askaround admins are told why once, and the managers'
    digests still go."""
    channel = await _kudos_channel(company)
    shared = company.emu.workspace.channels[channel]
    shared.is_ext_shared = True
    partner = company.here.workspace.add_user("partner").id
    company.here.workspace.guests[partner] = OTHER_ORG
    shared.members.append(partner)
    clock = company.services.clock
    clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    assert _roundups(company, channel) == []
    for handle in ADMINS:
        [notice] = _notices(company, handle)
        assert "shared with another organisation" in notice, notice
    assert not any(_notices(company, h) for h in company.users if h not in ADMINS)
    assert sent_to(company) == {"hana": 1, "maria": 1, "bob": 1}
    clock.freeze(MONDAY_W48 + timedelta(days=7, hours=9))
    await run_digests(company)
    assert _roundups(company, channel) == []
    assert {h: len(_notices(company, h)) for h in ADMINS} == dict.fromkeys(ADMINS, 1)
