"""Kudos whose shout-out was posted in a channel made private since, in the weekly roundup,
the manager's digest and `/kudos report`.

Slack makes a converted channel's history its members' alone, and tells an app so only in
a message in the channel (`channel_convert_to_private`): an app not in it, or an install whose
manifest predates `message.groups`, hears nothing. `/kudos @someone` asked Slack about the
channel before it quoted a shout-out; the roundup, the digest and the report went by what was
stored, so the roundup quoted #launch's words to the kudos channel, and the digest and the
report to a manager who is not in #launch.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.models import Kudos
from tests.slack.digests.conftest import MONDAY_W48, W47_THU, company_in_process, give_directly
from tests.slack.digests.test_report import report
from tests.slack.digests.world import blocks_text, digests, roundups, run_digests
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure

LAUNCH = "quokkalaunch"


@pytest.fixture
async def launched(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The company's week, and on W47's Thursday Alice thanked Bob (Maria's report) in
    #launch while it was public, with no kudos channel: the shout-out went to #launch, whose
    members are Alice, Bob and the bot. Then #launch was made private, the app none the wiser."""
    async with company_in_process(tmp_path) as company:
        members = [company.user(h) for h in ("alice", "bob")] + [company.emu.bot_user_id]
        launch = company.here.workspace.add_channel("launch", members=members).id
        company.channels["launch"] = launch
        company.services.clock.freeze(W47_THU)
        await give_directly(company, "alice", f"@bob for the {LAUNCH} rollout #craft", "launch")
        await company.make_private_unheard(launch, by=company.user("alice"))
        yield company


async def stored_private(slack: SlackHarness) -> bool:
    async with slack.services.sessions() as s:
        kept = await s.scalar(select(Kudos).where(Kudos.message.contains(LAUNCH)))
    assert kept is not None
    return kept.is_private


@pytest.mark.postgres_too
async def test_the_roundup_quotes_nothing_from_a_channel_made_private_since(
    launched: SlackHarness,
) -> None:
    """The roundup, switched on in #general, leaves #launch's kudos out; they are stored as
    private from then on."""
    await configure(launched, digest_roundup=True, kudos_channel_id=launched.channel("general"))
    launched.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(launched)
    [post] = roundups(launched, "general")
    text = blocks_text(post.blocks)
    assert "the postgres upgrade" in text and LAUNCH not in text, text
    assert await stored_private(launched)


async def test_the_managers_digest_counts_it_and_quotes_nothing(launched: SlackHarness) -> None:
    """Maria, Bob's manager, is not in #launch: her digest counts the kudos as a private one."""
    launched.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
    await run_digests(launched)
    [digest] = digests(launched, "maria", "2026-W47")
    text = blocks_text(digest.blocks)
    assert "the postgres upgrade" in text and LAUNCH not in text, text
    assert "2 kudos given in private conversations" in text
    assert await stored_private(launched)


async def test_the_report_counts_it_and_quotes_nothing(launched: SlackHarness) -> None:
    """`/kudos report last week` by Maria, and by Olga, an admin: a count, not the words."""
    launched.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    for handle, text in (("maria", "last week"), ("olga", "last week @maria")):
        said = await report(launched, handle, text)
        assert "the postgres upgrade" in said and LAUNCH not in said, said
        assert "2 kudos given in private conversations" in said
