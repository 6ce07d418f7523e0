"""Claims on Slack event ids, so a retried event is processed once across all replicas."""

from __future__ import annotations

from sqlalchemy import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import EventReceipt
from storage.upsert import insert_for


async def claim_event(session: AsyncSession, team_id: str, event_id: str) -> bool:
    """True for the first delivery of this event id, False for every repeat."""
    statement = (
        insert_for(session, EventReceipt)
        .values(team_id=team_id, event_id=event_id)
        .on_conflict_do_nothing(index_elements=["team_id", "event_id"])
    )
    result = await session.execute(statement)
    assert isinstance(result, CursorResult)
    return result.rowcount == 1
