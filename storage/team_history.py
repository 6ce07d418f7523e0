"""The org chart's history (`reporting_changes`): who was in a manager's team when.

A person's line at a moment is the `old_manager_user_id` of their first change after it, else
their `people` row's manager: someone never changed has reported there since ever, which is
how the chart read before it had history (migration 0036)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from itertools import pairwise

from sqlalchemy import func, insert, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from storage.digests import team_members
from storage.models import Person, ReportingChange

Span = tuple[datetime, datetime]  # [from, until)


async def record_changes(
    session: AsyncSession,
    team_id: str,
    changes: Collection[tuple[str, str | None, str | None]],
    at: datetime,
) -> None:
    """Record (user, manager before, manager after) changes of whom people report to, from
    `at`; a change to the same manager is none and is not written."""
    rows = [
        {
            "team_id": team_id,
            "user_id": user_id,
            "old_manager_user_id": before,
            "new_manager_user_id": after,
            "changed_at": at,
        }
        for user_id, before, after in changes
        if (before or None) != (after or None)
    ]
    if rows:
        await session.execute(insert(ReportingChange), rows)


async def changes_of(session: AsyncSession, team_id: str) -> list[ReportingChange]:
    """Every change of the workspace's chart, oldest first."""
    statement = (
        select(ReportingChange)
        .where(ReportingChange.team_id == team_id)
        .order_by(ReportingChange.changed_at, ReportingChange.id)
    )
    return list(await session.scalars(statement))


async def _moments(session: AsyncSession, team_id: str, since: datetime) -> list[datetime] | None:
    """The moments the chart changed at after `since` (None: never since, the usual case)."""
    statement = (
        select(ReportingChange.changed_at)
        .where(ReportingChange.team_id == team_id, ReportingChange.changed_at > since)
        .distinct()
        .order_by(ReportingChange.changed_at)
    )
    moments = list(await session.scalars(statement))
    return moments or None


async def _members_at(
    session: AsyncSession, team_id: str, manager_user_id: str, at: datetime, *, direct_only: bool
) -> list[Person]:
    """Everyone (departed too, never an app) below the manager at the moment `at`."""
    first_later = (
        select(ReportingChange.user_id, func.min(ReportingChange.changed_at).label("first"))
        .where(ReportingChange.team_id == team_id, ReportingChange.changed_at > at)
        .group_by(ReportingChange.user_id)
        .subquery()
    )
    then = (
        select(ReportingChange.user_id, ReportingChange.old_manager_user_id.label("manager"))
        .join(
            first_later,
            (ReportingChange.user_id == first_later.c.user_id)
            & (ReportingChange.changed_at == first_later.c.first),
        )
        .where(ReportingChange.team_id == team_id)
    )
    now = select(Person.user_id, Person.manager_user_id.label("manager")).where(
        Person.team_id == team_id, Person.user_id.not_in(select(first_later.c.user_id))
    )
    lines = union_all(now, then).cte("lines")
    below = (
        select(lines.c.user_id)
        .where(lines.c.manager == manager_user_id)
        .cte("below_then", recursive=not direct_only)
    )
    if not direct_only:
        below = below.union(select(lines.c.user_id).where(lines.c.manager == below.c.user_id))
    statement = select(Person).where(
        Person.team_id == team_id,
        Person.is_bot.is_(False),
        Person.user_id.in_(select(below.c.user_id)),
        Person.user_id != manager_user_id,
    )
    return list(await session.scalars(statement))


async def team_during(
    session: AsyncSession,
    team_id: str,
    manager_user_id: str,
    since: datetime,
    until: datetime,
    *,
    direct_only: bool = False,
    chart: list[Person] | None = None,
) -> list[tuple[Person, tuple[Span, ...]]]:
    """Everyone (departed too, never an app) in the manager's team at some moment of
    [since, until), each with the spans they were in it, in the order `team_members` gives.
    When the chart has not changed since `since`, it is one read of the chart as it is, or
    `chart`, that read made already."""
    moments = await _moments(session, team_id, since)
    if moments is None:
        members = chart
        if members is None:
            members = await team_members(
                session, team_id, manager_user_id, direct_only=direct_only, with_departed=True
            )
        return [(person, ((since, until),)) for person in members]
    bounds = [since, *(m for m in moments if m < until), until]
    spans: dict[str, list[Span]] = {}
    people: dict[str, Person] = {}
    for start, end in pairwise(bounds):
        for person in await _members_at(
            session, team_id, manager_user_id, start, direct_only=direct_only
        ):
            people[person.user_id] = person
            held = spans.setdefault(person.user_id, [])
            if held and held[-1][1] == start:
                held[-1] = (held[-1][0], end)
            else:
                held.append((start, end))
    order = sorted(people.values(), key=lambda p: (p.real_name, p.user_id))
    return [(person, tuple(spans[person.user_id])) for person in order]


async def had_team(
    session: AsyncSession,
    team_id: str,
    manager_user_id: str,
    since: datetime,
    until: datetime,
    *,
    chart: list[Person] | None = None,
) -> bool:
    """Whether someone active now was in the manager's team at some moment of [since, until):
    a week of theirs to tell of. `chart`: everyone below them now, departed too, read already
    (`team_members` with `with_departed`)."""
    during = await team_during(session, team_id, manager_user_id, since, until, chart=chart)
    return any(not person.deactivated for person, _ in during)
