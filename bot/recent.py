"""A small in-process memory of facts read lately (people's profiles, what a conversation
is), each kept for a while and then asked for again: bounded, oldest use dropped first.

It only saves asking again; the database (or Slack) stays the truth. Another replica's
memory is not told when something changes, which is why nothing is kept for long.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import datetime, timedelta
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    def __init__(self, now: Callable[[], datetime], size: int) -> None:
        self._now = now
        self._size = size
        self._kept: OrderedDict[K, tuple[V, datetime]] = OrderedDict()

    def get(self, key: K) -> V | None:
        """The value kept for `key`, or None when there is none or it was kept too long."""
        kept = self._kept.get(key)
        if kept is None:
            return None
        value, until = kept
        if self._now() >= until:
            del self._kept[key]
            return None
        self._kept.move_to_end(key)
        return value

    def put(self, key: K, value: V, keep_for: timedelta) -> None:
        self._kept[key] = (value, self._now() + keep_for)
        self._kept.move_to_end(key)
        while len(self._kept) > self._size:
            self._kept.popitem(last=False)

    def drop(self, key: K) -> None:
        self._kept.pop(key, None)

    def __len__(self) -> int:
        return len(self._kept)
