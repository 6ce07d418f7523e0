"""Exactly-once processing of Slack events, decided by the database rather than memory."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.receipts import claim_event


class EventReceipts:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def first_time(self, team_id: str, event_id: str) -> bool:
        async with self._sessions() as session, session.begin():
            return await claim_event(session, team_id, event_id)
