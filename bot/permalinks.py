"""Links to messages Slack gave lately (`chat.getPermalink`), kept in this process: a
message's link does not change, and a question's goes into each colleague's request and
every redraw of one, which asked Slack for it each time (a round of three colleagues, then
an edit: six calls for one link). Requests sent together share one call. Only a link Slack
gave is kept: none given (the message or its channel gone, Slack failing) is asked again
next time. Each replica asks once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.recent import Recent

# A question's colleagues are asked within hours (the next round, their working day); a day
# covers them, and keeps a link no longer than Slack still has its message for long.
KEEP_FOR = timedelta(days=1)
IN_MEMORY_LINKS = 20_000
Key = tuple[str, str, str]  # workspace, channel, message ts


class Permalinks:
    def __init__(self, now: Callable[[], datetime], size: int = IN_MEMORY_LINKS) -> None:
        self._memory: Recent[Key, str] = Recent(now, size)
        self._asking: dict[Key, asyncio.Future[str | None]] = {}

    async def link(
        self, team_id: str, channel_id: str, ts: str, ask: Callable[[], Awaitable[str | None]]
    ) -> str | None:
        """The message's link: kept, or the answer of the call already asking for it, or
        `ask`ed. A call that failed (a rate limit, raised to be waited out) leaves each
        caller that waited on it to ask for itself."""
        key = (team_id, channel_id, ts)
        while (asking := self._asking.get(key)) is not None:
            await asyncio.wait([asking])
            if not asking.cancelled():
                return asking.result()
        if (kept := self._memory.get(key)) is not None:
            return kept
        future: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        self._asking[key] = future
        try:
            found = await ask()
        except BaseException:
            future.cancel()
            raise
        finally:
            del self._asking[key]
        future.set_result(found)
        if found is not None:
            self._memory.put(key, found, KEEP_FOR)
        return found
