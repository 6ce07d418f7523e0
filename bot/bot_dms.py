"""The messages the bot posts at the top of people's DMs with it, remembered by kind.

Slack sends what someone types in the thread of such a message as a `message.im` naming
only the parent's `thread_ts` and author: neither its words nor its metadata. What the
message was is therefore recorded as it is posted (the outbox records every delivery's, a
listener that posts in a DM its own), and read back by the reply's `thread_ts`, so that a
reply under a request to help, a digest or a consent prompt answers that message instead of
becoming a question asked of colleagues.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.reliability.batching import Batched
from storage import bot_dms, units


class BotDms:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        # Each delivery to a DM records one: those ending together share a transaction.
        self._recording = Batched(self._record_all, "bot-dms")

    async def posted(self, team_id: str, kind: str, posts: Sequence[tuple[str, str]]) -> None:
        """The bot posted these (channel, ts) at the top of DMs, as `kind`."""
        await self._recording.submit(
            tuple(bot_dms.Posted(team_id, channel, ts, kind) for channel, ts in posts)
        )

    async def _record_all(self, batch: Sequence[tuple[bot_dms.Posted, ...]]) -> list[None]:
        async with units.transaction(self._sessions) as s:
            await bot_dms.record(s, [post for posts in batch for post in posts])
        return [None] * len(batch)

    async def kind_at(self, team_id: str, channel_id: str, ts: str) -> str | None:
        """What the bot's message at `ts` in the DM `channel_id` is, if it was recorded."""
        async with self._sessions() as s:
            return await bot_dms.kind_at(s, team_id, channel_id, ts)
