"""How long a closed question's words are kept (ASKAROUND_QUESTION_TEXT_DAYS).

A question's text can be the most sensitive thing askaround holds: it is what people typed,
private channels included. Once a question has closed, its words serve only the solved-first
suggestions and what routing learns a helper knows about, so an admin may choose to keep
them for a while only. Who asked and who helped stay, as routing's evidence of how much
each helps; the topics stay, for the channels a topic came up in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import questions


class QuestionTextRetention:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], clock: Callable[[], datetime], days: int
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self.days = days

    async def enforce(self) -> int:
        """Blank the text of questions closed more than `days` ago; 0 days keeps every text.
        Returns how many were blanked."""
        if self.days == 0:
            return 0
        async with self._sessions() as s, s.begin():
            return await questions.forget_closed_texts(s, self._clock() - timedelta(days=self.days))
