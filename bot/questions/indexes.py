"""One routing index per workspace, loaded lazily and refreshed after a short while.

Changes made through this process (a solved question) update the index at once; changes made
by another replica or the CLI are picked up when the copy is older than `max_age`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.routing.engine import RoutingIndex


class IndexCache:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        max_age: float = 60.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions = sessions
        self._max_age = max_age
        self._monotonic = monotonic
        self._indexes: dict[str, tuple[float, RoutingIndex]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def get(self, team_id: str) -> RoutingIndex:
        cached = self._indexes.get(team_id)
        if cached is not None and self._monotonic() - cached[0] < self._max_age:
            return cached[1]
        async with self._locks.setdefault(team_id, asyncio.Lock()):
            cached = self._indexes.get(team_id)
            if cached is not None and self._monotonic() - cached[0] < self._max_age:
                return cached[1]
            index = await RoutingIndex.load(self._sessions, team_id)
            self._indexes[team_id] = (self._monotonic(), index)
            return index

    def invalidate(self, team_id: str) -> None:
        """Call after a profile or network change so the next question sees it."""
        self._indexes.pop(team_id, None)
