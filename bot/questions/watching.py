"""Watched channels, and people who said "not now" to the bot's offers of help."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.questions.asking import still_asking
from storage import outbox, watching

QUIET_FOR = timedelta(days=1)
WATCH_UNHEARD = "watch.unheard"  # to whoever had a channel watched: askaround was removed


class WatchService:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], clock: Callable[[], datetime]
    ) -> None:
        self._sessions = sessions
        self.clock = clock

    async def set_watching(self, team_id: str, channel_id: str, by_user_id: str, on: bool) -> bool:
        async with self._sessions() as s, s.begin():
            if on:
                return await watching.watch(s, team_id, channel_id, by_user_id)
            return await watching.unwatch(s, team_id, channel_id)

    async def removed_from(
        self, team_id: str, channel_id: str, by_user_id: str | None, occurrence: str
    ) -> bool:
        """askaround was removed from the channel (by `by_user_id`, when Slack says who): its
        messages stop coming, so whoever had it watched is told, privately, once for this
        removal (`occurrence`, what Slack sends again with the same event names it). It stays
        watched: invited back, askaround hears it again. Whether anybody was told."""
        async with self._sessions() as s, s.begin():
            who = await watching.watcher(s, team_id, channel_id)
            if who is None:
                return False
            return await outbox.enqueue(
                s,
                team_id,
                WATCH_UNHEARD,
                {"user": who, "channel": channel_id, "by": by_user_id},
                key=f"{WATCH_UNHEARD}:{team_id}:{channel_id}:{occurrence}",
                at=self.clock(),
            )

    async def should_nudge(self, team_id: str, channel_id: str, user_id: str, text: str) -> bool:
        """Whether to offer `user_id` to ask colleagues about `text`, posted in `channel_id`:
        watched, they have not said "not now", and they are not asking it already."""
        async with self._sessions() as s:
            if not await watching.is_watched(s, team_id, channel_id):
                return False
            until = await watching.quiet_until(s, team_id, user_id)
            if until is not None and until > self.clock():
                return False
            return await still_asking(s, team_id, user_id, text) is None

    async def not_now(self, team_id: str, user_id: str) -> datetime:
        until = self.clock() + QUIET_FOR
        async with self._sessions() as s, s.begin():
            await watching.set_quiet(s, team_id, user_id, until)
        return until
