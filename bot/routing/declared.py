"""Declared skills: for each skill, who holds it at which level.

A skill held by a tenth of a 100,000-person company has 10,000 holders; a question looks at
all of them only when they are few, else at the `postings.HEAD` best by level times a static
prior (recent activity), chosen once per load.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

from bot.routing.postings import Postings, Priors, add_within, paced


class Declarations:
    def __init__(self) -> None:
        self.skills: dict[str, Postings] = {}
        self.prior = Priors(lambda _person: 1.0)
        self.live = False

    def declare(self, person: int, skill_key: str, level: int) -> None:
        holders = self.skills.get(skill_key)
        if holders is None:
            holders = self.skills[skill_key] = Postings("f")
        holders.add(person, float(level), live=self.live, replace=True)

    def freeze(self) -> None:
        for _ in self.freezing():
            pass

    def freezing(self) -> Iterator[None]:
        """End a bulk load in steps: sort each skill's holders, then choose the best few."""
        yield from paced(self.skills.values(), lambda holders: holders.tidy(replace=True))
        self.live = True
        yield from paced(self.skills.values(), lambda holders: holders.best(self.impacts))

    def impacts(self, people: array[int], levels: array[float]) -> list[float]:
        priors = self.prior.upto(max(people, default=-1) + 1)
        return [level * priors[person] for person, level in zip(people, levels, strict=True)]

    def level(self, person: int, skill_key: str) -> int:
        if not self.live:
            self.freeze()
        holders = self.skills.get(skill_key)
        return int(holders.get(person)) if holders is not None else 0

    def candidates(self, skill_keys: Iterable[str], pool: set[int], budget: int) -> bool:
        """Add to `pool` the holders worth scoring: all of a skill's while they fit in
        `budget`, else its best few. True when every holder is now in the pool."""
        if not self.live:
            self.freeze()
        whole = True
        for key in skill_keys:
            holders = self.skills.get(key)
            if holders is not None:
                whole = add_within(pool, holders, budget, self.impacts) and whole
        return whole
