"""Who has worked with whom, as one weighted graph of the ties anybody may see: public help
and public kudos (the engine links only those; see `RoutingIndex.add_network`).

An introduction path is the colleague both people have worked with most, so a suggestion
can say "you don't know Carol, but Ben has worked with both of you".

A year of a 100,000-person company is about a million ties; they are kept as each person's
neighbours in one slice of flat arrays (compressed sparse rows), built once after the bulk
load. Ties made later (a question solved since) go to a small dict until the next load.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterator

from bot.routing.ids import Interner, grow

DECLARED = 2.0
HELPED = 1.0
THANKED = 0.5
TIES_PER_STEP = 20_000
NO_TIE = 1e-6  # what is left of a tie taken back (weights are single precision)


class ColleagueGraph:
    def __init__(self, people: Interner) -> None:
        self._people = people
        self._pending: tuple[array[int], array[int], array[float]] = (
            array("i"),
            array("i"),
            array("f"),
        )
        self._starts = array("i", [0])
        self._neighbours = array("i")
        self._weights = array("f")
        self._later: dict[int, dict[int, float]] = defaultdict(dict)
        self.live = False

    def link(self, a: str, b: str, weight: float) -> None:
        """Strengthen the undirected tie between two people (self-ties are ignored)."""
        if a == b:
            return
        first, second = self._people.id(a), self._people.id(b)
        if self.live:
            for one, other in ((first, second), (second, first)):
                self._later[one][other] = self._later[one].get(other, 0.0) + weight
            return
        ones, others, weights = self._pending
        ones.append(first)
        others.append(second)
        weights.append(weight)

    def unlink(self, a: str, b: str, weight: float) -> None:
        """Weaken a tie by what `link` added (a kudos undone); a tie left with no weight is
        none."""
        if a == b or self._people.find(a) is None or self._people.find(b) is None:
            return
        if not self.live:
            self.freeze()
        for one, other in ((a, b), (b, a)):
            first, second = self._people.id(one), self._people.id(other)
            self._later[first][second] = self._later[first].get(second, 0.0) - weight

    def freeze(self) -> None:
        for _ in self.freezing():
            pass

    def freezing(self) -> Iterator[None]:
        """Turn the bulk-loaded ties into per-person slices: a counting sort by person, then
        each slice's repeated neighbours merged in place. Yields now and then, so a caller
        on an event loop can let others run."""
        if self.live:
            return
        ones, others, weights = self._pending
        size = len(self._people)
        starts = array("i")
        grow(starts, size + 1)
        for side in (ones, others):
            for person in side:
                starts[person + 1] += 1
            yield
        for person in range(size):
            starts[person + 1] += starts[person]
        slots = array("i", starts)
        neighbours = array("i", bytes(4 * starts[size]))
        strengths = array("f", bytes(4 * starts[size]))
        for tie, (one, other, weight) in enumerate(zip(ones, others, weights, strict=True)):
            for person, neighbour in ((one, other), (other, one)):
                slot = slots[person]
                neighbours[slot], strengths[slot] = neighbour, weight
                slots[person] = slot + 1
            if tie % TIES_PER_STEP == 0:
                yield
        del slots
        self._pending = (array("i"), array("i"), array("f"))
        written = 0
        for person in range(size):
            if person % TIES_PER_STEP == 0:
                yield
            merged: dict[int, float] = {}
            for slot in range(starts[person], starts[person + 1]):
                merged[neighbours[slot]] = merged.get(neighbours[slot], 0.0) + strengths[slot]
            starts[person] = written
            for neighbour in sorted(merged):
                neighbours[written], strengths[written] = neighbour, merged[neighbour]
                written += 1
        starts[size] = written
        del neighbours[written:], strengths[written:]
        self._starts, self._neighbours, self._weights = starts, neighbours, strengths
        self.live = True

    def _ties(self, person: str) -> dict[int, float]:
        number = self._people.find(person)
        if number is None:
            return {}
        if not self.live:
            self.freeze()
        ties: dict[int, float] = {}
        if number + 1 < len(self._starts):
            begin, end = self._starts[number], self._starts[number + 1]
            ties = dict(zip(self._neighbours[begin:end], self._weights[begin:end], strict=True))
        for other, weight in self._later.get(number, {}).items():
            ties[other] = ties.get(other, 0.0) + weight
            if ties[other] <= NO_TIE:
                del ties[other]
        return ties

    def knows(self, a: str, b: str) -> bool:
        other = self._people.find(b)
        return other is not None and other in self._ties(a)

    def introducer(self, asker: str, target: str) -> str | None:
        """The common colleague with the strongest ties to both, or None."""
        mine, theirs = self._ties(asker), self._ties(target)
        if len(theirs) < len(mine):
            mine, theirs = theirs, mine
        ends = {self._people.find(asker), self._people.find(target)}
        best: tuple[float, str] | None = None
        for middle, weight in mine.items():
            other = theirs.get(middle)
            if other is None or middle in ends:
                continue
            candidate = (min(weight, other), self._people.names[middle])
            if best is None or candidate > best:
                best = candidate
        return best[1] if best else None
