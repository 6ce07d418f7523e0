"""The kudos ledger's hot-path queries on a real database (SQLite or PostgreSQL): one insert
for an act of giving that a repeated key refuses whole, one read of what a giver gave, and
recording where messages went answering which entries are still live."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import kudos as ledger
from storage import workspaces
from storage.models import CompanyValue, Kudos, Person

TEAM = "T1"
NOON = datetime(2026, 5, 29, 12, tzinfo=UTC)
TODAY = (datetime(2026, 5, 29, tzinfo=UTC), datetime(2026, 5, 30, tzinfo=UTC))


def row(
    act: str, receiver: str, *, giver: str = "U1", at: datetime = NOON, **extra: Any
) -> dict[str, Any]:
    return {
        "giver_user_id": giver,
        "receiver_user_id": receiver,
        "message": extra.pop("message", "untangling the release"),
        "values": extra.pop("values", ["craft"]),
        "channel_id": "C1",
        "is_private": False,
        "source": "command",
        "idempotency_key": f"{act}:{receiver}",
        "batch_key": act,
        "question_id": None,
        "created_at": at,
        **extra,
    }


async def add(sessions: async_sessionmaker[AsyncSession], *rows: dict[str, Any]) -> list[int]:
    async with sessions() as s, s.begin():
        return [r.id for r in await ledger.add(s, TEAM, list(rows))]


async def test_an_act_is_inserted_in_one_statement_and_a_taken_key_refuses_it_whole(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The entries come back oldest first with what was stored; an act that reuses one key
    raises DuplicateKudos, and rolling back leaves nothing of it."""
    async with sessions() as s, s.begin():
        added = await ledger.add(s, TEAM, [row("cmd:1", "U2"), row("cmd:1", "U3")])
    assert [r.receiver_user_id for r in added] == ["U2", "U3"]
    assert added[0].id < added[1].id
    assert (added[0].values, added[0].created_at, added[0].undone_at) == (["craft"], NOON, None)
    with pytest.raises(ledger.DuplicateKudos):
        async with sessions() as s, s.begin():
            await ledger.add(s, TEAM, [row("cmd:1", "U3"), row("cmd:1", "U4")])
    async with sessions() as s:
        keys = await s.scalars(select(Kudos.idempotency_key).order_by(Kudos.id))
        assert list(keys) == ["cmd:1:U2", "cmd:1:U3"]
        found = await ledger.by_keys(s, TEAM, ["cmd:1:U3", "cmd:1:U4"])
        assert [r.receiver_user_id for r in found] == ["U3"]
    async with sessions() as s, s.begin():  # the same key in another workspace is its own
        assert len(await ledger.add(s, "T2", [row("cmd:1", "U2")])) == 1


async def test_given_before_counts_the_day_and_finds_the_same_reason_in_other_acts(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The count is of the giver's live entries in the day; the same reason is looked for
    since `recent`, in acts other than the one being given, undone entries left out."""
    await add(sessions, row("cmd:0", "U2", at=NOON - timedelta(days=1)))  # yesterday
    await add(sessions, row("cmd:1", "U2", at=NOON - timedelta(hours=2)))  # too long ago
    await add(sessions, row("cmd:2", "U2", at=NOON - timedelta(minutes=2)))
    await add(sessions, row("cmd:3", "U3", at=NOON - timedelta(minutes=1), message="other"))
    await add(sessions, row("cmd:4", "U4", at=NOON - timedelta(minutes=1)))
    await add(sessions, row("cmd:9", "U2", giver="U9"))  # another giver
    await add(sessions, row("cmd:5", "U2"), row("cmd:5", "U3"))  # the act being given
    async with sessions() as s, s.begin():
        await ledger.mark_undone(s, TEAM, "cmd:4", NOON)
    async with sessions() as s:
        used, same = await ledger.given_before(
            s,
            TEAM,
            "U1",
            "cmd:5",
            reason="untangling the release",
            today=TODAY,
            recent=NOON - timedelta(minutes=5),
        )
        assert used == 5  # cmd:1, cmd:2, cmd:3 and cmd:5's two; not cmd:4, undone
        assert same == [("cmd:2", "U2")]
        nothing = await ledger.given_before(
            s, TEAM, "U7", "x", reason="r", today=TODAY, recent=NOON - timedelta(minutes=5)
        )
        assert nothing == (0, [])
        assert await ledger.count_given(s, TEAM, "U1", *TODAY) == 5


async def test_recording_where_messages_went_answers_the_live_entries(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    first, second = await add(sessions, row("cmd:1", "U2"), row("cmd:1", "U3"))
    async with sessions() as s, s.begin():
        live = await ledger.set_shoutout(s, TEAM, "cmd:1", "C9", "1.1")
        assert [(e.id, e.shoutout_ts) for e in live] == [(first, "1.1"), (second, "1.1")]
        assert await ledger.set_dm(s, TEAM, first, "D2", "1.2")
        assert not await ledger.set_dm(s, TEAM, 999, "D2", "1.3")  # no such entry
        assert await ledger.set_shoutout(s, "T2", "cmd:1", "C9", "1.1") == []  # other team
    async with sessions() as s, s.begin():
        await s.execute(update(Kudos).where(Kudos.id == second).values(undone_at=NOON))
    async with sessions() as s, s.begin():
        assert [(e.id, e.is_private) for e in await ledger.make_private(s, TEAM, "cmd:1")] == [
            (first, True)
        ]
        assert not await ledger.set_dm(s, TEAM, second, "D3", "1.4")  # undone: recorded, False
    async with sessions() as s:
        one, two = await ledger.batch(s, TEAM, "cmd:1")
        assert (one.shoutout_channel_id, one.shoutout_ts, one.dm_ts) == ("C9", "1.1", "1.2")
        assert one.is_private and two.is_private and two.dm_ts == "1.4"
        found = await ledger.entry(s, TEAM, first)
        assert found is not None and found.dm_channel_id == "D2"
        assert await ledger.entry(s, "T2", first) is None


async def test_kudos_settings_are_one_read_with_the_values_and_the_giver(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Nothing before the workspace's first use; then one row per live value, by name, with
    the roles and time zone stored for the person asked about."""
    async with sessions() as s:
        assert await workspaces.kudos_settings(s, TEAM, "U1") == []
    async with sessions() as s, s.begin():
        await workspaces.ensure_workspace(s, TEAM)
        await workspaces.configure(s, TEAM, daily_allowance=3, role_allowances={"lead": 9})
        await workspaces.set_values(s, TEAM, ["teamwork", "craft", "old"])
        await s.execute(
            update(CompanyValue).where(CompanyValue.name == "old").values(retired_at=NOON)
        )
        s.add(Person(team_id=TEAM, user_id="U1", name="ana", tz="Asia/Tokyo", roles=["lead"]))
    async with sessions() as s:
        rows = await workspaces.kudos_settings(s, TEAM, "U1")
        assert [r.value for r in rows] == ["craft", "teamwork"]
        assert (rows[0].daily_allowance, rows[0].role_allowances) == (3, {"lead": 9})
        assert (rows[0].roles, rows[0].tz) == (["lead"], "Asia/Tokyo")
        [unknown] = {(r.roles, r.tz) for r in await workspaces.kudos_settings(s, TEAM, "U8")}
        assert unknown == (None, None)
    async with sessions() as s, s.begin():
        await workspaces.set_values(s, TEAM, [])
    async with sessions() as s:
        [only] = await workspaces.kudos_settings(s, TEAM, "U1")
        assert only.value is None and only.daily_allowance == 3
