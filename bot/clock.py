"""The two sources of "now": the domain's `Clock`, which tests can move forward on a running
bot, and `wall_clock`, real time for what concerns processes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def wall_clock() -> datetime:
    """Real time, for facts about processes rather than the business: a replica's liveness,
    how long a copy kept in memory is good for. Never the time a test freezes or moves (a week
    ahead would make every replica look dead)."""
    return datetime.now(UTC)


class Clock:
    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._frozen: datetime | None = None

    def now(self) -> datetime:
        if self._frozen is not None:
            return self._frozen + self._offset
        return datetime.now(UTC) + self._offset

    def advance(self, delta: timedelta) -> None:
        self._offset += delta

    def freeze(self, moment: datetime) -> None:
        """Stop the clock at `moment` (aware); `advance` still moves it."""
        self._frozen, self._offset = moment, timedelta(0)

    def thaw(self) -> None:
        """Back to real time, keeping nothing of a freeze or an advance."""
        self._frozen, self._offset = None, timedelta(0)
