"""Kudos taken back by an admin, on a real database (SQLite, or PostgreSQL in its pass):
once under concurrency, left out of every view, kept for the admins' audit."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.errors import KudosRefused
from bot.kudos.service import KudosService
from bot.kudos.taking_back import REASON_CHARS
from storage.models import OutboxItem
from tests.domain.kudos.test_service import BEN, CAT, TEAM, giving


async def told(sessions: async_sessionmaker[AsyncSession]) -> list[tuple[str, str]]:
    async with sessions() as s:
        rows = await s.execute(
            select(OutboxItem.method, OutboxItem.dedupe_key).where(
                OutboxItem.method.like("kudos.taken_back%")
            )
        )
        return sorted((str(m), str(k)) for m, k in rows)


async def test_five_take_backs_at_once_take_back_once_and_tell_once(
    kudos: KudosService, sessions: async_sessionmaker[AsyncSession], clock: Clock
) -> None:
    """Two admins (or a double click, a retry) at once, an hour after the kudos: one takes
    them back, the others find nothing left; one redraw and one DM each for the giver and
    the two receivers are queued. On PostgreSQL the others wait for the first's commit."""
    given = await kudos.give(giving("cmd:1", BEN, CAT))
    clock.advance(timedelta(hours=1))
    done = await asyncio.gather(
        *(kudos.take_back(TEAM, f"U9{n}", "a mistake", batch_key="cmd:1") for n in range(5))
    )
    assert sorted(d.already for d in done) == [False, True, True, True, True]
    assert [m for m, _ in await told(sessions)] == ["kudos.taken_back"] + [
        "kudos.taken_back_told"
    ] * 3
    assert (await kudos.mine(TEAM, "U1", "UTC")).given == 0
    assert (await kudos.leaderboard(TEAM, "all", None, "UTC", viewer="U1")).standings == ()
    lines, _names = await kudos.taken_back(TEAM)
    assert {line.entry.id for line in lines} == {e.id for e in given.entries}
    assert len({line.by for line in lines}) == 1 and lines[0].reason == "a mistake"


async def test_an_entry_id_takes_back_its_act_of_giving(kudos: KudosService) -> None:
    given = await kudos.give(giving("cmd:1", BEN, CAT))
    done = await kudos.take_back(TEAM, "cli", None, kudos_id=given.entries[1].id)
    assert [e.id for e in done.entries] == [e.id for e in given.entries]
    with pytest.raises(KudosRefused, match="no kudos 999"):
        await kudos.take_back(TEAM, "cli", None, kudos_id=999)


async def test_a_reason_too_long_is_refused_and_nothing_is_taken_back(
    kudos: KudosService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await kudos.give(giving("cmd:1"))
    with pytest.raises(KudosRefused, match=f"within {REASON_CHARS}"):
        await kudos.take_back(TEAM, "cli", "x" * (REASON_CHARS + 1), batch_key="cmd:1")
    assert (await kudos.mine(TEAM, "U1", "UTC")).given == 1
    assert await told(sessions) == []


async def test_a_message_that_announced_no_kudos_has_nothing_to_take_back(
    kudos: KudosService,
) -> None:
    """The shortcut on any message of a channel but a shout-out: refused, saying so."""
    await kudos.give(giving("cmd:1"))
    with pytest.raises(KudosRefused, match="not a kudos shout-out"):
        await kudos.to_take_back(TEAM, "C1", "1700000000.000100")
