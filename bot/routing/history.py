"""The workspace's solved questions (who asked, who helped, when) as flat arrays.

Routing reads a past question only when it is among a question's most similar ones, so the
history keeps ints and timestamps (a few bytes a question) instead of an object per question,
and rebuilds a `PastQuestion` on demand.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.routing.ids import Interner


@dataclass(frozen=True)
class PastQuestion:
    asker: str
    helper: str
    answerers: tuple[str, ...]
    created_at: datetime | None
    is_private: bool = False


class History:
    def __init__(self, people: Interner) -> None:
        self._people = people
        self._askers = array("i")
        self._helpers = array("i")
        self._starts = array("i", [0])
        self._answerers = array("i")
        self._created = array("d")
        self._private = bytearray()

    def __len__(self) -> int:
        return len(self._askers)

    def add(self, question: PastQuestion) -> int:
        """Store a question (answerers once each, helper first); returns its position."""
        intern = self._people.id
        self._askers.append(intern(question.asker))
        self._helpers.append(intern(question.helper))
        self._answerers.extend(intern(u) for u in dict.fromkeys(question.answerers))
        self._starts.append(len(self._answerers))
        created = question.created_at
        self._created.append(created.timestamp() if created is not None else math.nan)
        self._private.append(question.is_private)
        return len(self._askers) - 1

    def helper(self, position: int) -> int:
        return self._helpers[position]

    def answerers(self, position: int) -> array[int]:
        return self._answerers[self._starts[position] : self._starts[position + 1]]

    def __getitem__(self, position: int) -> PastQuestion:
        names = self._people.names
        created = self._created[position]
        return PastQuestion(
            names[self._askers[position]],
            names[self._helpers[position]],
            tuple(names[u] for u in self.answerers(position)),
            None if math.isnan(created) else datetime.fromtimestamp(created, UTC),
            bool(self._private[position]),
        )
