"""KudosService on a real database (SQLite or PostgreSQL): exactly once under concurrency,
undo, seconding, and what each view shows."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.errors import KudosRefused
from bot.kudos.records import Giving
from bot.kudos.service import KudosService
from bot.profile import Profile
from storage import workspaces
from storage.models import OutboxItem

TEAM = "T1"
ANA, BEN, CAT = Profile("U1", "ana", "Ana"), Profile("U2", "ben", "Ben"), Profile("U3", "cat")


def giving(key: str, *recipients: Profile, giver: Profile = ANA, **extra: object) -> Giving:
    return Giving(
        team_id=TEAM,
        giver=giver,
        recipients=recipients or (BEN,),
        reason="untangling the release",
        key=key,
        source="command",
        **extra,  # type: ignore[arg-type]
    )


async def test_first_use_creates_the_workspace_with_default_values(kudos: KudosService) -> None:
    rules = await kudos.rules(TEAM)
    assert rules.values == ("courage", "craft", "customer-first", "ownership", "teamwork")
    assert (rules.daily_allowance, rules.min_reason_length, rules.reactions) == (5, 10, ("kudos",))


async def test_concurrent_repeats_of_one_giving_write_once(kudos: KudosService) -> None:
    """Five concurrent deliveries of the same giving: one wins, four see a duplicate."""
    results = await asyncio.gather(*(kudos.give(giving("cmd:1", BEN, CAT)) for _ in range(5)))
    assert sorted(r.duplicate for r in results) == [False, True, True, True, True]
    assert {r.batch_key for r in results} == {"cmd:1"}
    assert all(r.recipients == ("U2", "U3") for r in results)
    assert (await kudos.mine(TEAM, "U1", "UTC")).given == 2


async def test_a_repeat_after_the_allowance_is_used_is_still_a_duplicate(
    kudos: KudosService,
) -> None:
    """The key is checked before the allowance, so a late retry is not refused."""
    await kudos.give(giving("cmd:1", BEN, CAT, Profile("U4", "dan"), Profile("U5", "eve")))
    await kudos.give(giving("cmd:2", Profile("U6", "fay")))
    assert (await kudos.give(giving("cmd:2", Profile("U6", "fay")))).duplicate
    with pytest.raises(KudosRefused, match="all 5"):
        await kudos.give(giving("cmd:3", BEN))


async def test_concurrent_gifts_of_one_giver_stay_within_the_allowance(
    kudos: KudosService,
) -> None:
    """Eight different gifts at once from one giver with five a day: five go through, each
    counting the others (SQLite's one writer; PostgreSQL's lock on the giver), three are
    refused."""
    gifts = [kudos.give(giving(f"cmd:{i}", Profile(f"U{10 + i}", "x"))) for i in range(8)]
    results = await asyncio.gather(*gifts, return_exceptions=True)
    given = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, KudosRefused)]
    assert (len(given), len(refused)) == (5, 3)
    assert sorted(g.remaining for g in given) == [0, 1, 2, 3, 4]
    assert (await kudos.mine(TEAM, "U1", "UTC")).given == 5


async def test_a_repeat_is_answered_as_one_whatever_the_rules_say_now(
    kudos: KudosService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Rules changed since the kudos were given refuse new ones, not their repeat; a retry
    of kudos already given (a new key) is still told it went through before."""
    first = await kudos.give(giving("cmd:1"))
    async with sessions() as s, s.begin():
        await workspaces.configure(s, TEAM, min_reason_length=50)
    again = await kudos.give(giving("cmd:1"))
    assert again.duplicate and again.first.id == first.first.id
    with pytest.raises(KudosRefused, match="at least 50"):
        await kudos.give(giving("cmd:2", CAT))
    async with sessions() as s, s.begin():
        await workspaces.configure(s, TEAM, min_reason_length=10, values_required=True)
    assert (await kudos.give(giving("cmd:1"))).duplicate
    with pytest.raises(KudosRefused, match="Already sent"):
        await kudos.give(giving("cmd:3"))
    with pytest.raises(KudosRefused, match="company value"):
        await kudos.give(giving("cmd:4", CAT))
    assert (await kudos.mine(TEAM, "U1", "UTC")).given == 1


async def test_giving_is_one_transaction_of_three_ledger_statements(
    kudos: KudosService, engine: AsyncEngine
) -> None:
    """The settings in one read, the entries in one insert, what the giver gave in one read,
    whose Home tabs to rebuild (giver, recipients, their managers) in one read; the rest is
    the outbox (and, on PostgreSQL, the lock on the giver)."""
    await kudos.rules(TEAM)  # the workspace's first use is a write of its own
    statements: list[str] = []
    commits: list[object] = []

    def executed(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    # The engine is this test's own: the listeners go with it.
    event.listen(engine.sync_engine, "before_cursor_execute", executed)
    event.listen(engine.sync_engine, "commit", commits.append)
    given = await kudos.give(giving("cmd:1", BEN, CAT, channel_id="C1"))
    assert len(given.entries) == 2 and len(commits) == 1
    ledger = [
        " ".join(sql.split())[:22]
        for sql in statements
        if "outbox" not in sql and "pg_advisory" not in sql and "pg_notify" not in sql
    ]
    assert ledger == [
        "SELECT workspaces.dail",
        "INSERT INTO kudos (giv",
        "SELECT used.used, same",
        "WITH RECURSIVE above(u",
    ]


async def test_undo_window_and_ownership(kudos: KudosService, clock: Clock) -> None:
    given = await kudos.give(giving("cmd:1"))
    with pytest.raises(KudosRefused, match="Only the person"):
        await kudos.undo(TEAM, "U2", given.batch_key)
    assert not (await kudos.undo(TEAM, "U1", given.batch_key)).already
    assert (await kudos.undo(TEAM, "U1", given.batch_key)).already
    late = await kudos.give(giving("cmd:2"))
    clock.advance(timedelta(minutes=5, seconds=1))
    with pytest.raises(KudosRefused, match="5 minutes"):
        await kudos.undo(TEAM, "U1", late.batch_key)


async def test_seconding_thanks_the_same_people_for_the_same_thing(kudos: KudosService) -> None:
    given = await kudos.give(giving("cmd:1", BEN, CAT, tags=("craft",)))
    await kudos.record_shoutout(TEAM, given.batch_key, "C1", "100.1")
    assert await kudos.second(TEAM, ANA, "C1", "999.9", key="s:x") is None
    with pytest.raises(KudosRefused, match="your own kudos"):
        await kudos.second(TEAM, ANA, "C1", "100.1", key="s:ana")
    seconded = await kudos.second(TEAM, BEN, "C1", "100.1", key="s:ben")
    assert seconded is not None
    assert seconded.recipients == ("U3",)  # Ben is not thanked by himself
    assert seconded.first.values == ("craft",) and seconded.first.source == "second"
    only_ben = await kudos.give(giving("cmd:2", BEN, giver=CAT))
    await kudos.record_shoutout(TEAM, only_ben.batch_key, "C1", "100.2")
    with pytest.raises(KudosRefused, match="yourself"):
        await kudos.second(TEAM, BEN, "C1", "100.2", key="s:ben2")


async def test_a_second_of_undone_kudos_is_told_they_were_undone(kudos: KudosService) -> None:
    """A reaction to a shout-out reaching the bot after the kudos were undone (the shout-out
    is gone by then) is told so, not "That is one of my messages, not a shout-out"."""
    given = await kudos.give(giving("cmd:1", BEN))
    await kudos.record_shoutout(TEAM, given.batch_key, "C1", "100.1")
    await kudos.undo(TEAM, "U1", given.batch_key)
    with pytest.raises(KudosRefused, match="were undone"):
        await kudos.second(TEAM, CAT, "C1", "100.1", key="s:cat")
    assert await kudos.second(TEAM, CAT, "C1", "999.9", key="s:cat2") is None


async def test_a_second_is_refused_when_an_undo_commits_after_the_shoutout_was_read(
    kudos: KudosService,
) -> None:
    """The race of a reaction and Undo: the reaction read the shout-out's live kudos, Undo
    committed, then the second is given. The giving transaction looks again, under lock,
    and refuses; nothing of it stays in the ledger."""
    given = await kudos.give(giving("cmd:1", BEN))
    await kudos.undo(TEAM, "U1", given.batch_key)
    with pytest.raises(KudosRefused, match="were undone"):
        await kudos.give(giving("s:cat", BEN, giver=CAT, seconds=given.batch_key))
    assert (await kudos.batch(TEAM, "s:cat")) == ()
    live = await kudos.give(giving("cmd:2", BEN))
    seconded = await kudos.give(giving("s:cat2", BEN, giver=CAT, seconds=live.batch_key))
    assert [e.receiver for e in seconded.entries] == ["U2"]


async def test_views_of_the_ledger(kudos: KudosService, sessions) -> None:  # type: ignore[no-untyped-def]
    await kudos.give(giving("cmd:1", BEN, CAT, tags=("teamwork",)))
    await kudos.give(giving("cmd:2", BEN, giver=CAT, tags=("craft",), is_private=True))
    board = await kudos.leaderboard(TEAM, "month", None, "UTC", viewer="U1")
    assert [(s.user_id, s.count) for s in board.standings] == [("U2", 2), ("U3", 1)]
    craft = await kudos.leaderboard(TEAM, "week", "craft", "UTC", viewer="U1")
    assert [(s.user_id, s.count) for s in craft.standings] == [("U2", 1)]
    with pytest.raises(KudosRefused, match="Did you mean #craft"):
        await kudos.leaderboard(TEAM, "all", "crafty", "UTC", viewer="U1")
    about = await kudos.about(TEAM, "U2", viewer="U9")  # sees the public kudos only
    assert about.public_count == 1 and about.top_values == (("teamwork", 1),)
    assert about.shared_private == 0 and [e.giver for e in about.recent] == ["U1"]
    giver = await kudos.about(TEAM, "U2", viewer="U3")  # also the private one they gave
    assert (giver.public_count, giver.shared_private, len(giver.recent)) == (1, 1, 2)
    mine = await kudos.mine(TEAM, "U2", "UTC")
    assert (mine.received, mine.given, len(mine.recent)) == (2, 0, 2)
    home = await kudos.home(TEAM, "U1")
    assert (home.allowance, home.remaining) == (5, 3)
    async with sessions() as s, s.begin():
        await workspaces.configure(s, TEAM, daily_allowance=3)
    assert (await kudos.home(TEAM, "U1")).remaining == 1


async def test_a_value_ranks_only_its_own_kudos_in_any_script(
    kudos: KudosService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """The leaderboard of #ética counts kudos given with it, however the ledger stores the
    accent; #team_work is not #teamXwork (an underscore is no wildcard here)."""
    async with sessions() as s, s.begin():
        await workspaces.set_values(s, TEAM, ["ética", "team_work", "teamxwork"])
    await kudos.give(giving("cmd:1", BEN, tags=("ética",)))
    await kudos.give(giving("cmd:2", CAT, tags=("teamxwork",)))
    await kudos.give(giving("cmd:3", CAT, giver=BEN, tags=("team_work",)))
    ethics = await kudos.leaderboard(TEAM, "month", "ética", "UTC", viewer="U1")
    assert [(s.user_id, s.count) for s in ethics.standings] == [("U2", 1)]
    team_work = await kudos.leaderboard(TEAM, "month", "team_work", "UTC", viewer="U1")
    assert [(s.user_id, s.count) for s in team_work.standings] == [("U3", 1)]


async def test_what_was_posted_is_recorded_and_a_failed_shout_out_makes_kudos_private(
    kudos: KudosService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """The recipients' DMs wait for the shout-out's outcome; a failed shout-out turns the
    kudos private and queues one word to the giver (none once undone); recording a DM or
    shout-out answers False when the kudos were undone meanwhile, so the sender removes it."""

    async def queued(method: str) -> list[dict[str, object]]:
        async with sessions() as s:
            rows = await s.scalars(select(OutboxItem).where(OutboxItem.method == method))
            return [row.payload for row in rows]

    given = await kudos.give(giving("cmd:1", BEN, CAT, channel_id="C1"))
    assert (given.shoutout_channel, given.announced) == ("C1", True)
    assert await queued("kudos.received") == []  # not before the shout-out is settled
    assert await kudos.record_dm(TEAM, given.first.id, "D2", "1.1")
    await kudos.shoutout_failed(TEAM, "cmd:1", "C1", "not_in_channel")
    assert all(e.is_private for e in await kudos.batch(TEAM, "cmd:1"))
    assert (await kudos.about(TEAM, "U2", viewer="U9")).public_count == 0
    assert await queued("kudos.unposted") == [
        {
            "batch_key": "cmd:1",
            "channel": "C1",
            "error": "not_in_channel",
            "posted_in": None,
            "group_dm": False,
        }
    ]
    assert len(await queued("kudos.received")) == 2
    await kudos.undo(TEAM, "U1", "cmd:1")
    assert not await kudos.record_dm(TEAM, given.entries[1].id, "D3", "1.2")
    assert not await kudos.record_shoutout(TEAM, "cmd:1", "C1", "1.3")
    [first, second] = await kudos.batch(TEAM, "cmd:1")
    assert (first.dm_channel_id, first.dm_ts, second.dm_ts) == ("D2", "1.1", "1.2")
