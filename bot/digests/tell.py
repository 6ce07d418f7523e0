"""The weekly messages, written to the outbox in the same transaction as their run in
`digest_runs`: a digest that is due is queued once, by whichever replica gets there first,
and is sent by the outbox, which renders it when it sends it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.digests.weeks import IsoWeek
from storage import outbox

DIGEST_DM = "digest.dm"
ROUNDUP_POST = "digest.roundup"
ROUNDUP_REFUSED = "digest.roundup_refused"  # to askaround admins: the kudos channel refused it
FILES_ELSEWHERE = "digest.files_elsewhere"  # a digest given up on, said again without its files


def digest_key(team_id: str, manager_user_id: str, week: IsoWeek) -> str:
    """The delivery's key, also the mark its DM carries: `digest.dm:T…:U…:2026-W47`."""
    return f"{DIGEST_DM}:{team_id}:{manager_user_id}:{week.label}"


async def digest_due(
    s: AsyncSession, team_id: str, manager_user_id: str, week: IsoWeek, at: datetime
) -> bool:
    """The manager's DM of the week; whether this call queued it (False: already queued)."""
    return await outbox.enqueue(
        s,
        team_id,
        DIGEST_DM,
        {"manager": manager_user_id, "week": week.label},
        key=digest_key(team_id, manager_user_id, week),
        at=at,
    )


async def files_elsewhere(
    s: AsyncSession, team_id: str, manager_user_id: str, week: IsoWeek, at: datetime
) -> None:
    """The manager's digest, given up on (Slack refused its files, or kept failing): drawn
    again to say where the lists it cut are, since nothing may be attached."""
    await outbox.enqueue(
        s,
        team_id,
        FILES_ELSEWHERE,
        {"manager": manager_user_id, "week": week.label},
        key=f"{FILES_ELSEWHERE}:{team_id}:{manager_user_id}:{week.label}",
        at=at,
    )


async def roundup_due(s: AsyncSession, team_id: str, week: IsoWeek, at: datetime) -> bool:
    """The kudos channel's public roundup of the week."""
    return await outbox.enqueue(
        s,
        team_id,
        ROUNDUP_POST,
        {"week": week.label},
        key=f"{ROUNDUP_POST}:{team_id}:{week.label}",
        at=at,
    )


def roundup_refused_key(
    team_id: str, admin_user_id: str, channel_id: str, cause: str, since: str | None
) -> str:
    """One notice per admin for each way a kudos channel stopped taking the roundup, not one
    each week it fails again; `since`, the latest week it took one, starts a new count once
    the channel was fixed and broke again."""
    after = since or "never"
    return f"{ROUNDUP_REFUSED}:{team_id}:{channel_id}:{cause}:{after}:{admin_user_id}"


async def roundup_refused(
    s: AsyncSession,
    team_id: str,
    admin_user_id: str,
    channel_id: str,
    cause: str,
    week: IsoWeek,
    since: str | None,
    at: datetime,
) -> bool:
    """An askaround admin's DM: the roundup of `week` could not be posted in `channel_id`
    (Slack said `cause`), and what to do about it."""
    return await outbox.enqueue(
        s,
        team_id,
        ROUNDUP_REFUSED,
        {"admin": admin_user_id, "channel": channel_id, "cause": cause, "week": week.label},
        key=roundup_refused_key(team_id, admin_user_id, channel_id, cause, since),
        at=at,
    )
