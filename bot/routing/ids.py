"""Slack user ids as small ints, so the routing index can keep people in typed arrays."""

from __future__ import annotations

from array import array


class Interner:
    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self.names: list[str] = []

    def __len__(self) -> int:
        return len(self.names)

    def id(self, name: str) -> int:
        """The int for a user id, given the next free one the first time it is seen."""
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = len(self.names)
            self.names.append(name)
        return found

    def find(self, name: str) -> int | None:
        """The int for a user id already seen, without interning a new one."""
        return self._ids.get(name)


def grow(values: array[int] | array[float], size: int) -> None:
    """Pad a per-person array with zeros so `values[size - 1]` exists."""
    missing = size - len(values)
    if missing > 0:
        values.frombytes(bytes(missing * values.itemsize))
