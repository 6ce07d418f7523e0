"""One routing index per workspace, loaded lazily and refreshed after a while.

Changes made through this process (a solved question) update the index at once; `invalidate`
drops it after a directory sync. A deletion from a profile (`/skills forget me`, a network
entry or a skill removed) counts up the workspace's `profiles_version`, in whichever replica
made it: a copy built at an older count is rebuilt for the next question (one small read a
question), so a deletion takes effect at once everywhere. Other changes made by another
replica or the CLI are picked up when the copy is older than `max_age`, or than REBUILD_RATIO
times what its load took, whichever is longer: a workspace of 100,000 people takes tens of
seconds of CPU to load, and reloading it every minute would spend half a core on reloads.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.routing.engine import RoutingIndex
from storage import workspaces

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
        self._indexes: dict[str, tuple[float, float, int, RoutingIndex]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def _fresh(self, team_id: str, version: int) -> RoutingIndex | None:
        cached = self._indexes.get(team_id)
        if cached is None:
            return None
        loaded_at, took, built_at, index = cached
        keep = max(self._max_age, REBUILD_RATIO * took)
        fresh = built_at == version and self._monotonic() - loaded_at < keep
        return index if fresh else None

    async def _version(self, team_id: str) -> int:
        async with self._sessions() as s:
            return await workspaces.profiles_version(s, team_id)

    async def get(self, team_id: str) -> RoutingIndex:
        version = await self._version(team_id)
        index = self._fresh(team_id, version)
        if index is not None:
            return index
        async with self._locks.setdefault(team_id, asyncio.Lock()):
            # Read before the load: a deletion made while it loads makes the next get reload.
            version = await self._version(team_id)
            index = self._fresh(team_id, version)
            if index is not None:
                return index
            # The stale copy goes first: holding two copies of a large workspace while the
            # new one loads would double the process's memory.
            self._indexes.pop(team_id, None)
            started = self._monotonic()
            index = await RoutingIndex.load(self._sessions, team_id)
            loaded_at = self._monotonic()
            self._indexes[team_id] = (loaded_at, loaded_at - started, version, index)
            return index

    def invalidate(self, team_id: str) -> None:
        """Call after a change the next question must see (a directory sync) in this process."""
        self._indexes.pop(team_id, None)
