"""Per-workspace configuration and company values, created with the defaults on first use."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import CursorResult, Result, Row, and_, bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.schema import ColumnDefault

from storage.models import CompanyValue, Person, Workspace
from storage.ordering import in_code_point_order
from storage.units import execute
from storage.upsert import insert_for

DEFAULT_VALUES: tuple[tuple[str, str], ...] = (
    ("teamwork", "We win together and make each other better."),
    ("ownership", "We see things through, and own the outcome."),
    ("customer-first", "We start from what our customers need."),
    ("craft", "We take pride in doing the work well."),
    ("courage", "We say the hard thing and try the new thing."),
)


def defaults() -> tuple[Workspace, tuple[str, ...]]:
    """A workspace as `ensure_workspace` creates one, not stored, and its company values:
    what an admin has not changed reads the same (`askaround settings show`)."""
    fields: dict[str, Any] = {}
    for column in Workspace.__table__.columns:
        default = column.default
        if isinstance(default, ColumnDefault):
            fields[column.key] = default.arg(None) if default.is_callable else default.arg
    return Workspace(**fields), tuple(name for name, _ in DEFAULT_VALUES)


async def ensure_workspace(session: AsyncSession, team_id: str) -> Workspace:
    """The workspace's settings; the first call creates them and seeds the default values.

    The insert comes first on purpose: on SQLite it takes the write lock at the start of the
    caller's transaction, so a read-then-write unit of work cannot lose a lock upgrade race.
    """
    statement = (
        insert_for(session, Workspace)
        .values(team_id=team_id)
        .on_conflict_do_nothing(index_elements=["team_id"])
    )
    result = await session.execute(statement)
    assert isinstance(result, CursorResult)
    if result.rowcount == 1:
        seed = [{"team_id": team_id, "name": n, "description": d} for n, d in DEFAULT_VALUES]
        await session.execute(
            insert_for(session, CompanyValue)
            .values(seed)
            .on_conflict_do_nothing(index_elements=["team_id", "name"])
        )
    workspace = await session.scalar(
        select(Workspace)
        .where(Workspace.team_id == team_id)
        .execution_options(populate_existing=True)
    )
    assert workspace is not None
    return workspace


async def find_workspace(session: AsyncSession, team_id: str) -> Workspace | None:
    """The workspace's settings when they exist, without creating them (nor taking a lock)."""
    return await session.get(Workspace, team_id)


class DigestSchedule(NamedTuple):
    """The settings that say when a workspace's digests and roundup are due."""

    team_id: str
    digest_weekday: int
    digest_hour: int
    digest_roundup: bool
    kudos_channel_id: str | None

    @classmethod
    def of(cls, workspace: Workspace) -> DigestSchedule:
        return cls(
            workspace.team_id,
            workspace.digest_weekday,
            workspace.digest_hour,
            workspace.digest_roundup,
            workspace.kudos_channel_id,
        )


_SCHEDULE = select(
    Workspace.team_id,
    Workspace.digest_weekday,
    Workspace.digest_hour,
    Workspace.digest_roundup,
    Workspace.kudos_channel_id,
).where(Workspace.team_id == bindparam("team"))


async def digest_schedule(session: AsyncSession, team_id: str) -> DigestSchedule | None:
    """`DigestSchedule` when the workspace's settings exist, in one Core statement: the digest
    job asks at every run, nearly always to find nothing due, where loading the whole row
    through the ORM was half of such a run's CPU."""
    row = (await execute(session, _SCHEDULE, {"team": team_id})).first()
    return None if row is None else DigestSchedule._make(row)


async def hold_for_profiles(session: AsyncSession, team_id: str) -> None:
    """Take the workspace's row first, before any person's row, skill or network entry: the
    one lock order of every unit of work that writes people's profiles and counts a change
    on the workspace (`/skills`, the Edit profile modal, forget me, an import, the directory
    sync, an admin's alias or merge). Two of them then wait for each other at this row and
    never deadlock on PostgreSQL, whichever people and rows each writes after it, and in
    whatever order (an import's file order, a merge's holders); so does storing Slack's
    description of several people at once (`PeopleService.remember`). Writers of one
    person's row alone (a status, Slack's `user_change`) do not take it. Taken last by one
    writer and first by another, the two deadlock and PostgreSQL fails one of them
    (`tests/slack/test_lock_order.py`)."""
    await ensure_workspace(session, team_id)
    await hold(session, team_id)


async def hold(session: AsyncSession, team_id: str) -> None:
    """Make concurrent changes to a workspace's settings wait for each other until this
    transaction ends, so each reads what the other left: PostgreSQL locks the workspace's
    row; on SQLite `ensure_workspace`'s insert has taken the one writer's lock already."""
    await session.execute(
        select(Workspace.team_id).where(Workspace.team_id == team_id).with_for_update()
    )


_W, _V, _P = (m.__table__.c for m in (Workspace, CompanyValue, Person))
# Built once (SQLAlchemy's compiled cache hits): what giving a kudos reads, in one statement.
_KUDOS_SETTINGS = (
    select(
        _W.daily_allowance,
        _W.role_allowances,
        _W.min_reason_length,
        _W.values_required,
        _W.kudos_reactions,
        _W.kudos_channel_id,
        _P.roles,
        _P.tz,
        _P.is_guest,
        _V.name.label("value"),
    )
    .select_from(
        Workspace.__table__.outerjoin(
            Person.__table__, and_(_P.team_id == _W.team_id, _P.user_id == bindparam("user"))
        ).outerjoin(CompanyValue.__table__, and_(_V.team_id == _W.team_id, _V.retired_at.is_(None)))
    )
    .where(_W.team_id == bindparam("team"))
    .order_by(in_code_point_order(_V.name))
)


async def kudos_settings(session: AsyncSession, team_id: str, user_id: str) -> Sequence[Row[Any]]:
    """The workspace's kudos settings with one row per value a new kudos may name (`value`,
    by name; one row with None when there is none), and the roles, time zone and guest flag
    stored for `user_id` (None when unknown). No rows before the workspace's first use."""
    found: Result[Any] = await execute(session, _KUDOS_SETTINGS, {"team": team_id, "user": user_id})
    return found.all()


# Who may change the settings, in one statement: those named, and the reader's roles.
_ADMIN_FACTS = (
    select(_W.askaround_admins, _P.roles)
    .select_from(
        Workspace.__table__.outerjoin(
            Person.__table__, and_(_P.team_id == _W.team_id, _P.user_id == bindparam("user"))
        )
    )
    .where(_W.team_id == bindparam("team"))
)


async def admin_facts(session: AsyncSession, team_id: str, user_id: str) -> Row[Any] | None:
    """The workspace's `askaround_admins` and the roles stored for `user_id` (None when
    unknown); None before the workspace's first use."""
    found: Result[Any] = await execute(session, _ADMIN_FACTS, {"team": team_id, "user": user_id})
    return found.first()


async def profiles_changed(session: AsyncSession, team_id: str) -> None:
    """Count a change to profiles that the insights' kept copy cannot follow (a
    deletion from a profile; an import's org chart, roles, teams or skills), in the unit of
    work that made it: the copy is made again (`bot.insights.service`)."""
    await ensure_workspace(session, team_id)
    await session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id)
        .values(profiles_version=Workspace.profiles_version + 1)
    )


async def value_names(session: AsyncSession, team_id: str, *, retired: bool = False) -> list[str]:
    """The values a new kudos may name (retired ones are left out); with `retired`, the
    retired ones alone."""
    state = CompanyValue.retired_at.is_not(None) if retired else CompanyValue.retired_at.is_(None)
    rows = await session.scalars(
        select(CompanyValue.name)
        .where(CompanyValue.team_id == team_id, state)
        .order_by(in_code_point_order(CompanyValue.name))
    )
    return list(rows)


async def configure(session: AsyncSession, team_id: str, **settings: Any) -> None:
    """Change workspace settings (kudos channel, allowances, reason length, reactions, …)."""
    await ensure_workspace(session, team_id)
    await session.execute(update(Workspace).where(Workspace.team_id == team_id).values(**settings))


async def set_values(
    session: AsyncSession, team_id: str, values: dict[str, str] | list[str]
) -> None:
    """Replace the workspace's company values (name → description)."""
    await ensure_workspace(session, team_id)
    described = values if isinstance(values, dict) else dict.fromkeys(values, "")
    await session.execute(delete(CompanyValue).where(CompanyValue.team_id == team_id))
    if described:
        await session.execute(
            insert_for(session, CompanyValue).values(
                [{"team_id": team_id, "name": n, "description": d} for n, d in described.items()]
            )
        )


async def claim_directory_sync(
    session: AsyncSession, team_id: str, now: datetime, due_before: datetime
) -> tuple[bool, datetime | None]:
    """Claim the workspace's directory sync when it never had one, or none since
    `due_before`: one conditional UPDATE, so of replicas starting together one wins. Returns
    whether this one claimed it, and when the sync before was (None: never), to put back
    should this one fail."""
    await ensure_workspace(session, team_id)
    before = await session.scalar(
        select(Workspace.directory_synced_at).where(Workspace.team_id == team_id)
    )
    if before is not None and before > due_before:
        return False, before
    claimed = await session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id, _synced_at_is(before))
        .values(directory_synced_at=now)
    )
    assert isinstance(claimed, CursorResult)
    return claimed.rowcount == 1, before


async def release_directory_sync(
    session: AsyncSession, team_id: str, claimed: datetime, before: datetime | None
) -> None:
    """A claimed sync failed: it is due again, as it was, unless another claimed it since."""
    await session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id, _synced_at_is(claimed))
        .values(directory_synced_at=before)
    )


def _synced_at_is(when: datetime | None) -> Any:
    column = Workspace.directory_synced_at
    return column.is_(None) if when is None else column == when


async def directory_synced(session: AsyncSession, team_id: str, now: datetime) -> None:
    """A sync read the whole list (the daily job, `askaround sync`): not due again for a day."""
    await ensure_workspace(session, team_id)
    await session.execute(
        update(Workspace).where(Workspace.team_id == team_id).values(directory_synced_at=now)
    )
