"""Queries behind the weekly digests: the org chart below a manager, the team's kudos and
help in a window, and the runs in `digest_runs` (one per workspace, manager and week)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Executable,
    and_,
    bindparam,
    case,
    distinct,
    func,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import DigestRun, Kudos, Offer, Person, Question, ReportingChange
from storage.ordering import in_code_point_order
from storage.question_status import released_help
from storage.questions import HELPED_STATES
from storage.units import execute
from storage.upsert import insert_for


def _active() -> ColumnElement[bool]:
    return and_(Person.is_bot.is_(False), Person.deactivated.is_(False))


async def zones_of_people(session: AsyncSession, team_id: str) -> dict[str, int]:
    """How many of the workspace's active people are in each time zone, as Slack names it
    (`bot.timezone.usual` picks the workspace's from these). A profile without a zone
    (stored blank, `bot.timezone.from_slack`) is no vote for UTC."""
    statement = (
        select(Person.tz, func.count())
        .where(Person.team_id == team_id, _active(), Person.name != "", Person.tz != "")
        .group_by(Person.tz)
    )
    return {tz: n for tz, n in (await session.execute(statement)).all()}


def _is_manager(
    team_id: str | BindParameter[Any], moved_since: datetime | BindParameter[Any] | None = None
) -> ColumnElement[bool]:
    """An active person of the workspace whom at least one active person reports to, or,
    `moved_since`, whom someone stopped reporting to since then (`reporting_changes`): the
    week before's digest is theirs still."""
    report = select(Person.manager_user_id).where(
        Person.team_id == team_id, _active(), Person.manager_user_id.is_not(None)
    )
    managing: ColumnElement[bool] = Person.user_id.in_(report)
    if moved_since is not None:
        former = select(ReportingChange.old_manager_user_id).where(
            ReportingChange.team_id == team_id,
            ReportingChange.changed_at >= moved_since,
            ReportingChange.old_manager_user_id.is_not(None),
        )
        managing = or_(managing, Person.user_id.in_(former))
    return and_(Person.team_id == team_id, _active(), managing)


async def managers(
    session: AsyncSession, team_id: str, moved_since: datetime | None = None
) -> list[Person]:
    """Active people whom at least one active person reports to (or whom someone stopped
    reporting to `moved_since`)."""
    statement = select(Person).where(_is_manager(team_id, moved_since)).order_by(Person.user_id)
    return list(await session.scalars(statement))


async def sent_by_zone(
    session: AsyncSession, team_id: str, weeks: Sequence[str], moved_since: datetime | None = None
) -> dict[str, tuple[int, dict[str, int]]]:
    """For each time zone the managers are in, how many managers are in it and how many of
    them have a sent run of each of these weeks: a digest's week and send moment depend on its
    manager's zone alone, so these few rows say whether any digest due is not sent.

    The digest job asks it at every run in every workspace, nearly always to learn that
    nothing is due: the statement is built once, with bound parameters (`_sent_by_zone`)."""
    params: dict[str, object] = {f"week{n}": week for n, week in enumerate(weeks)}
    params |= {"team": team_id} | ({} if moved_since is None else {"moved_since": moved_since})
    statement = _sent_by_zone(len(weeks), moved_since is not None)
    rows: list[tuple[Any, ...]] = [tuple(row) for row in await execute(session, statement, params)]
    return {tz: (managers, dict(zip(weeks, counts, strict=True))) for tz, managers, *counts in rows}


@cache
def _sent_by_zone(weeks: int, moved: bool) -> Executable:
    team: BindParameter[str] = bindparam("team")
    labels: list[BindParameter[str]] = [bindparam(f"week{n}") for n in range(weeks)]
    sent = and_(
        DigestRun.team_id == team,
        DigestRun.manager_user_id == Person.user_id,
        DigestRun.week.in_(labels),
        DigestRun.sent_at.is_not(None),
    )
    return (
        select(
            Person.tz,
            func.count(distinct(Person.user_id)),
            *(func.count(case((DigestRun.week == week, 1))) for week in labels),
        )
        .select_from(Person)
        .outerjoin(DigestRun, sent)
        .where(_is_manager(team, bindparam("moved_since") if moved else None))
        .group_by(Person.tz)
    )


async def team_members(
    session: AsyncSession,
    team_id: str,
    manager_user_id: str,
    *,
    direct_only: bool = False,
    with_departed: bool = False,
) -> list[Person]:
    """Active people below a manager in the org chart (direct reports only, or everyone);
    `with_departed`, those deactivated too (never an app).

    A recursive CTE with UNION (not UNION ALL) stops by itself on a cycle in the chart.
    """
    below = (
        select(Person.user_id)
        .where(Person.team_id == team_id, Person.manager_user_id == manager_user_id)
        .cte("below", recursive=not direct_only)
    )
    if not direct_only:
        deeper = select(Person.user_id).where(
            Person.team_id == team_id, Person.manager_user_id == below.c.user_id
        )
        below = below.union(deeper)
    statement = (
        select(Person)
        .where(
            Person.team_id == team_id,
            Person.is_bot.is_(False) if with_departed else _active(),
            Person.user_id.in_(select(below.c.user_id)),
            Person.user_id != manager_user_id,
        )
        .order_by(in_code_point_order(Person.real_name), Person.user_id)
    )
    return list(await session.scalars(statement))


async def person(session: AsyncSession, team_id: str, user_id: str) -> Person | None:
    return await session.scalar(
        select(Person).where(Person.team_id == team_id, Person.user_id == user_id)
    )


async def people_known_as(session: AsyncSession, who: str) -> list[Person]:
    """Active people whose Slack user id, email or handle (`@name` or `name`) is `who`."""
    text = who.strip()
    handle = text.removeprefix("@").lower()
    statement = select(Person).where(
        or_(
            Person.user_id == text,
            func.lower(Person.email) == text.lower(),
            func.lower(Person.name) == handle,
        ),
        _active(),
    )
    return list(await session.scalars(statement))


async def kudos_received(
    session: AsyncSession,
    team_id: str,
    receivers: Collection[str],
    since: datetime,
    until: datetime,
) -> list[Kudos]:
    """Live entries these people received in [since, until), oldest first."""
    if not receivers:
        return []
    statement = select(Kudos).where(
        Kudos.team_id == team_id,
        Kudos.undone_at.is_(None),
        Kudos.receiver_user_id.in_(list(receivers)),
        Kudos.created_at >= since,
        Kudos.created_at < until,
    )
    return list(await session.scalars(statement.order_by(Kudos.created_at, Kudos.id)))


async def public_kudos(
    session: AsyncSession, team_id: str, since: datetime, until: datetime
) -> list[Kudos]:
    """Every live public entry of a workspace in [since, until): the public roundup's input."""
    statement = select(Kudos).where(
        Kudos.team_id == team_id,
        Kudos.undone_at.is_(None),
        Kudos.is_private.is_(False),
        Kudos.created_at >= since,
        Kudos.created_at < until,
    )
    return list(await session.scalars(statement.order_by(Kudos.created_at, Kudos.id)))


async def public_kudos_channels(
    session: AsyncSession, team_id: str, since: datetime, until: datetime
) -> list[str]:
    """The channels the shout-outs of a workspace's live public entries in [since, until) are
    in (the kudos channel, or where they were given), each once."""
    posted_in = func.coalesce(Kudos.shoutout_channel_id, Kudos.channel_id)
    statement = (
        select(posted_in)
        .where(
            Kudos.team_id == team_id,
            Kudos.undone_at.is_(None),
            Kudos.is_private.is_(False),
            Kudos.created_at >= since,
            Kudos.created_at < until,
            posted_in.is_not(None),
        )
        .distinct()
    )
    return [str(channel) for channel in await session.scalars(statement)]


def _private_too(with_private: bool) -> ColumnElement[bool]:
    return true() if with_private else Kudos.is_private.is_(False)


async def given_at(
    session: AsyncSession,
    team_id: str,
    givers: Collection[str],
    since: datetime,
    until: datetime,
    *,
    with_private: bool,
) -> list[tuple[str, datetime]]:
    """(giver, when) of each live entry these people gave in [since, until), private ones
    only `with_private` (`bot.visibility.report_ties_private_kudos` decides): when, as a
    digest counts each by the team its giver was in then (`storage.team_history`)."""
    if not givers:
        return []
    statement = select(Kudos.giver_user_id, Kudos.created_at).where(
        Kudos.team_id == team_id,
        Kudos.undone_at.is_(None),
        _private_too(with_private),
        Kudos.giver_user_id.in_(list(givers)),
        Kudos.created_at >= since,
        Kudos.created_at < until,
    )
    return [(giver, at) for giver, at in (await session.execute(statement)).all()]


async def last_received(
    session: AsyncSession,
    team_id: str,
    receivers: Collection[str],
    until: datetime,
    *,
    with_private: bool,
) -> dict[str, datetime]:
    """When each of these people last received live kudos before `until` (absent: never),
    private ones only `with_private` (`bot.visibility.report_ties_private_kudos` decides)."""
    if not receivers:
        return {}
    statement = (
        select(Kudos.receiver_user_id, func.max(Kudos.created_at))
        .where(
            Kudos.team_id == team_id,
            Kudos.undone_at.is_(None),
            _private_too(with_private),
            Kudos.receiver_user_id.in_(list(receivers)),
            Kudos.created_at < until,
        )
        .group_by(Kudos.receiver_user_id)
    )
    return {receiver: latest for receiver, latest in (await session.execute(statement)).all()}


async def first_kudos(session: AsyncSession, team_id: str) -> datetime | None:
    """When the workspace's first kudos (undone or not) was given; None before any."""
    statement = select(func.min(Kudos.created_at)).where(Kudos.team_id == team_id)
    return await session.scalar(statement)


@dataclass(frozen=True)
class HelpRow:
    question_id: int
    helper_user_id: str
    asker_user_id: str
    helped_at: datetime


async def help_given(
    session: AsyncSession,
    team_id: str,
    helpers: Collection[str],
    since: datetime,
    until: datetime,
    *,
    with_private: bool,
) -> list[HelpRow]:
    """Routed questions these people took on (`HELPED_STATES`: withdrawn or deleted since
    still counts) in [since, until), private ones only `with_private`
    (`bot.visibility.report_counts_private_help` decides).

    The help counts from when they accepted the offer; a question without one (an old row)
    counts from when it was solved, or asked.
    """
    if not helpers:
        return []
    accepted = and_(
        Offer.question_id == Question.id,
        Offer.candidate_user_id == Question.helper_user_id,
        Offer.status == "accepted",
    )
    statement = (
        select(Question, Offer.responded_at)
        .outerjoin(Offer, accepted)
        .where(
            Question.team_id == team_id,
            Question.helper_user_id.in_(list(helpers)),
            Question.status.in_(HELPED_STATES),
            Question.created_at < until,
            _private_question_too(with_private),
        )
        .order_by(Question.id)
    )
    rows = []
    for question, responded in (await session.execute(statement)).all():
        when = responded or question.resolved_at or question.created_at
        if since <= when < until and question.helper_user_id:
            rows.append(HelpRow(question.id, question.helper_user_id, question.asker_user_id, when))
    private_too = _private_question_too(with_private)
    return rows + await _help_released(session, team_id, helpers, (since, until), private_too)


def _private_question_too(with_private: bool) -> ColumnElement[bool]:
    return true() if with_private else Question.is_private.is_(False)


async def _help_released(
    session: AsyncSession,
    team_id: str,
    helpers: Collection[str],
    window: tuple[datetime, datetime],
    private_too: ColumnElement[bool],
) -> list[HelpRow]:
    """Questions these people took on in `window` ([since, until)) and were released from
    (they left the workspace while helping, `release_question`): the question no longer names
    them, their accepted offer does."""
    since, until = window
    statement = (
        released_help(
            team_id,
            Question.id,
            Offer.candidate_user_id,
            Question.asker_user_id,
            Offer.responded_at,
        )
        .where(
            Offer.candidate_user_id.in_(list(helpers)),
            Offer.responded_at >= since,
            Offer.responded_at < until,
            private_too,
        )
        .order_by(Question.id)
    )
    return [
        HelpRow(question_id, helper, asker, at)
        for question_id, helper, asker, at in (await session.execute(statement)).all()
        if at is not None  # always, being within the bounds
    ]


async def sent_runs(
    session: AsyncSession, team_id: str, weeks: Collection[str]
) -> set[tuple[str, str]]:
    """(manager, week) pairs already sent, among these weeks."""
    statement = select(DigestRun.manager_user_id, DigestRun.week).where(
        DigestRun.team_id == team_id,
        DigestRun.week.in_(list(weeks)),
        DigestRun.sent_at.is_not(None),
    )
    return {(m, w) for m, w in (await session.execute(statement)).all()}


async def last_posted(
    session: AsyncSession, team_id: str, run_key: str, channel_id: str
) -> str | None:
    """The latest week whose run of `run_key` was posted in `channel_id`, if any."""
    return await session.scalar(
        select(func.max(DigestRun.week)).where(
            DigestRun.team_id == team_id,
            DigestRun.manager_user_id == run_key,
            DigestRun.channel_id == channel_id,
            DigestRun.message_ts.is_not(None),
        )
    )


async def open_run(
    session: AsyncSession, team_id: str, manager_user_id: str, week: str, now: datetime
) -> None:
    """The run of (workspace, manager, week), created once: a second call, from this replica
    or another at the same moment, conflicts on the primary key and changes nothing."""
    key = {"team_id": team_id, "manager_user_id": manager_user_id, "week": week}
    await session.execute(
        insert_for(session, DigestRun)
        .values(**key, status="queued", claimed_at=now)
        .on_conflict_do_nothing(index_elements=list(key))
    )


async def get_run(
    session: AsyncSession, team_id: str, manager_user_id: str, week: str
) -> DigestRun | None:
    return await session.scalar(
        select(DigestRun).where(
            DigestRun.team_id == team_id,
            DigestRun.manager_user_id == manager_user_id,
            DigestRun.week == week,
        )
    )


async def update_run(
    session: AsyncSession, team_id: str, manager_user_id: str, week: str, **values: object
) -> None:
    await session.execute(
        update(DigestRun)
        .where(
            DigestRun.team_id == team_id,
            DigestRun.manager_user_id == manager_user_id,
            DigestRun.week == week,
        )
        .values(**values)
    )


async def channels_privacy(
    s: AsyncSession, team_id: str, channel_ids: Collection[str]
) -> dict[str, bool]:
    """What the database tells of each channel's privacy: private when a kudos or a question
    stored there is private (one made private since is stored so too), public when those
    stored there are all public; a channel nothing was stored in is left out, unknown."""
    if not channel_ids:
        return {}
    known: dict[str, bool] = {}
    for model in (Kudos, Question):
        query = (
            select(model.channel_id, func.max(case((model.is_private, 1), else_=0)))
            .where(model.team_id == team_id, model.channel_id.in_(channel_ids))
            .group_by(model.channel_id)
        )
        for channel_id, private in await s.execute(query):
            known[channel_id] = known.get(channel_id, False) or bool(private)
    return known
