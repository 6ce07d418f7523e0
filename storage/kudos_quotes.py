"""Queries on kudos that quote a message: their reason follows the quoted message's edits
and deletion (see `requote`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Kudos


def _quoting(team_id: str, channel_id: str, ts: str) -> Any:
    return and_(
        Kudos.team_id == team_id, Kudos.quoted_channel_id == channel_id, Kudos.quoted_ts == ts
    )


async def quotes(session: AsyncSession, team_id: str, channel_id: str, ts: str) -> bool:
    """Whether any kudos (undone ones too: they are exported as given) quote this message."""
    statement = select(Kudos.id).where(_quoting(team_id, channel_id, ts)).limit(1)
    return (await session.scalar(statement)) is not None


async def requote(
    session: AsyncSession,
    team_id: str,
    channel_id: str,
    ts: str,
    reason: str,
    change: str,
    *,
    private: bool,
    deleted: bool = False,
) -> list[str]:
    """The kudos quoting this message take `reason` as theirs (its edited words, or none;
    `private` words only the private kudos), unless they took a later change than `change`
    (the edit's or deletion's ts: Slack may deliver an older edit late, a deletion's is
    later than every edit's; `deleted` is taken whatever was before); the batches of those
    whose reason this changed (none for an event told twice)."""
    quoting = _quoting(team_id, channel_id, ts)
    if private:
        quoting = and_(quoting, Kudos.is_private.is_(True))
    if not deleted:
        # Slack's ts strings have one width, so they sort as text.
        quoting = and_(
            quoting,
            or_(Kudos.quoted_change_ts.is_(None), Kudos.quoted_change_ts < change),
        )
    changed = await session.execute(
        update(Kudos)
        .where(quoting, Kudos.message != reason)
        .values(message=reason, quoted_change_ts=change)
        .returning(Kudos.batch_key)
    )
    batches = list(dict.fromkeys(changed.scalars()))
    await session.execute(
        update(Kudos)
        .where(quoting, Kudos.message == reason)
        .values(quoted_change_ts=change)
        .execution_options(synchronize_session=False)
    )
    return batches
