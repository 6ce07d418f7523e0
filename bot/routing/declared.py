"""Declared skills: for each skill, who holds it at which level, and each person's skills.

A skill held by a tenth of a 100,000-person company has 10,000 holders; a question looks at
all of them only when they are few, else at the `postings.HEAD` best by level times a static
prior (recent activity), chosen once per load.

Each person's own skills (`of`) are the same facts the other way round, built once per load
into two flat arrays (one int per declared skill: its number times 8 plus the level), so the
reverse costs 4 bytes a declaration instead of a dict per person; a person whose skills
change later is looked up again in the lists.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

import numpy as np
import numpy.typing as npt

from bot.routing.postings import Postings, Priors, add_within, paced

LEVEL_BITS = 3


class Declarations:
    def __init__(self) -> None:
        self.skills: dict[str, Postings] = {}
        self.prior = Priors(lambda _person: 1.0)
        self.live = False
        self._keys: list[str] = []
        self._starts = np.zeros(1, dtype=np.int64)
        self._codes = np.zeros(0, dtype=np.int32)
        self._changed: dict[int, list[tuple[str, int]] | None] = {}

    def declare(self, person: int, skill_key: str, level: int) -> None:
        holders = self.skills.get(skill_key)
        if holders is None:
            holders = self.skills[skill_key] = Postings()
        holders.add(person, float(level), live=self.live, replace=True)
        if self.live:
            self._changed[person] = None
            holders.head = None  # chosen again when next read, as a load chooses it

    def undeclare(self, person: int, skill_key: str) -> None:
        """The person no longer declares this skill (a `/skills` change)."""
        holders = self.skills.get(skill_key)
        if holders is not None:
            holders.remove(person, replace=True)
            holders.head = None
        self._changed[person] = None

    def of(self, person: int) -> list[tuple[str, int]]:
        """The skills this person declared, with their levels."""
        if not self.live:
            self.freeze()
        if person in self._changed:
            found = self._changed[person]
            if found is None:
                found = self._changed[person] = [
                    (key, level)
                    for key, holders in self.skills.items()
                    if (level := int(holders.get(person)))
                ]
            return found
        if person + 1 >= len(self._starts):
            return []
        codes = self._codes[self._starts[person] : self._starts[person + 1]].tolist()
        keys, mask = self._keys, (1 << LEVEL_BITS) - 1
        return [(keys[code >> LEVEL_BITS], code & mask) for code in codes]

    def spread(self, people: list[int], values: list[float]) -> dict[str, float]:
        """Each person's value spread over the skills they declared, in proportion to level,
        summed per skill (vectorised over the flat arrays: this runs twice per question)."""
        if not self.live:
            self.freeze()
        weights: dict[str, float] = {}
        flat: list[tuple[int, float]] = []
        late: list[tuple[int, float]] = []
        for person, value in zip(people, values, strict=True):
            (late if person in self._changed else flat).append((person, value))
        for person, value in late:
            skills = self.of(person)
            total = sum(level for _, level in skills)
            for key, level in skills:
                weights[key] = weights.get(key, 0.0) + value * level / total
        flat = [(p, v) for p, v in flat if p + 1 < len(self._starts)]
        if not flat:
            return weights
        who = np.fromiter((p for p, _ in flat), dtype=np.int64, count=len(flat))
        worth = np.fromiter((v for _, v in flat), dtype=np.float64, count=len(flat))
        first, lengths = self._starts[who], self._starts[who + 1] - self._starts[who]
        count = int(lengths.sum())
        if not count:
            return weights
        offsets = np.cumsum(lengths) - lengths
        at = np.arange(count) - np.repeat(offsets, lengths) + np.repeat(first, lengths)
        codes = self._codes[at]
        levels = (codes & ((1 << LEVEL_BITS) - 1)).astype(np.float64)
        owner = np.repeat(np.arange(len(flat)), lengths)
        totals = np.bincount(owner, weights=levels, minlength=len(flat))
        shares = levels * (worth / np.where(totals > 0, totals, 1.0))[owner]
        sums = np.bincount(codes >> LEVEL_BITS, weights=shares, minlength=len(self._keys))
        keys = self._keys
        for number in np.flatnonzero(sums).tolist():
            key = keys[number]
            weights[key] = weights.get(key, 0.0) + float(sums[number])
        return weights

    def within(self, skill_key: str, pool: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        """The level each person of `pool` (sorted) declared for the skill, 0 for none."""
        holders = self.skills[skill_key]
        holders.tidy(replace=True)
        docs = np.frombuffer(holders.docs, dtype=np.int32)
        if not len(docs):
            return np.zeros(len(pool))
        at = np.minimum(np.searchsorted(docs, pool), len(docs) - 1)
        levels = np.frombuffer(holders.weights, dtype=np.float32)[at].astype(np.float64)
        return np.where(docs[at] == pool, levels, 0.0)

    def _reverse(self) -> Iterator[None]:
        """Build `of`'s arrays from the holders' lists: count, then place, a skill at a time."""
        self._keys = list(self.skills)
        people = 1 + max((h.docs[-1] for h in self.skills.values() if len(h)), default=-1)
        counts = np.zeros(people + 1, dtype=np.int64)
        for holders in self.skills.values():
            counts[np.frombuffer(holders.docs, dtype=np.int32) + 1] += 1
        starts = np.cumsum(counts)
        codes = np.zeros(int(starts[-1]), dtype=np.int32)
        cursor = starts[:-1].copy()
        yield
        for number, holders in enumerate(self.skills.values()):
            docs = np.frombuffer(holders.docs, dtype=np.int32)
            levels = np.frombuffer(holders.weights, dtype=np.float32).astype(np.int32)
            levels = np.clip(levels, 0, (1 << LEVEL_BITS) - 1)
            codes[cursor[docs]] = (number << LEVEL_BITS) | levels
            cursor[docs] += 1
        self._starts, self._codes, self._changed = starts, codes, {}

    def freeze(self) -> None:
        for _ in self.freezing():
            pass

    def freezing(self) -> Iterator[None]:
        """End a bulk load in steps: sort each skill's holders, then choose the best few."""
        yield from paced(self.skills.values(), lambda holders: holders.tidy(replace=True))
        yield from self._reverse()
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
