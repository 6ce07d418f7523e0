"""A small in-process memory of facts read lately (people's profiles, what a conversation
is), each kept for a while and then asked for again: bounded, oldest use dropped first, and
what ran out dropped as something new is kept.

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
        now = self._now()
        self._kept[key] = (value, now + keep_for)
        self._kept.move_to_end(key)
        while len(self._kept) > self._size:
            self._kept.popitem(last=False)
        # What ran out goes too, oldest use first, up to the first still good: asked for no
        # more, it stayed until the memory was full (20,000 profiles a serving bot held).
        while self._kept and now >= next(iter(self._kept.values()))[1]:
            self._kept.popitem(last=False)

    def drop(self, key: K) -> None:
        self._kept.pop(key, None)

    def __len__(self) -> int:
        return len(self._kept)
