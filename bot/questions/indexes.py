"""One routing index per workspace, loaded lazily and refreshed after a while.

Changes made through this process (a solved question) update the index at once; `invalidate`
drops it after a profile or network change; changes made by another replica or the CLI are
picked up when the copy is older than `max_age`, or than REBUILD_RATIO times what its load
took, whichever is longer: a workspace of 100,000 people takes tens of seconds of CPU to
load, and reloading it every minute would spend half a core on reloads alone.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.routing.engine import RoutingIndex

REBUILD_RATIO = 10.0


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
        self._indexes: dict[str, tuple[float, float, RoutingIndex]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def _fresh(self, team_id: str) -> RoutingIndex | None:
        cached = self._indexes.get(team_id)
        if cached is None:
            return None
        loaded_at, took, index = cached
        keep = max(self._max_age, REBUILD_RATIO * took)
        return index if self._monotonic() - loaded_at < keep else None

    async def get(self, team_id: str) -> RoutingIndex:
        index = self._fresh(team_id)
        if index is not None:
            return index
        async with self._locks.setdefault(team_id, asyncio.Lock()):
            index = self._fresh(team_id)
            if index is not None:
                return index
            # The stale copy goes first: holding two copies of a large workspace while the
            # new one loads would double the process's memory.
            self._indexes.pop(team_id, None)
            started = self._monotonic()
            index = await RoutingIndex.load(self._sessions, team_id)
            loaded_at = self._monotonic()
            self._indexes[team_id] = (loaded_at, loaded_at - started, index)
            return index

    def invalidate(self, team_id: str) -> None:
        """Call after a profile or network change so the next question sees it."""
        self._indexes.pop(team_id, None)
