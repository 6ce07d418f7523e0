"""Which words a person's public help or public thanks hold: all a reason asks of them.

A reason names only what anybody may read ("helped with kafka, lag"), so those words are kept
apart from the ranking's indexes, as each word's people in ascending order: a yes-or-no
question needs no weights, lengths or heads, so a (word, person) pair costs 4 bytes, half of
a BM25 list's.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator

import numpy as np

from bot.routing.postings import paced


class Mentions:
    def __init__(self) -> None:
        self._people: dict[str, array[int]] = {}
        self._unsorted: set[str] = set()
        self.live = False

    def add(self, person: int, terms: Iterable[str]) -> None:
        """During a bulk load a person out of order is appended and sorted at `freezing`."""
        for term in dict.fromkeys(terms):
            people = self._people.get(term)
            if people is None:
                people = self._people[term] = array("i")
            if not people or person > people[-1]:
                people.append(person)
            elif not self.live:
                people.append(person)
                self._unsorted.add(term)
            elif (at := bisect_left(people, person)) == len(people) or people[at] != person:
                people.insert(at, person)

    def remove(self, person: int, terms: Iterable[str]) -> None:
        """Take the person out of these terms' lists (a kudos undone), as if never added."""
        if not self.live:
            for _ in self.freezing():
                pass
        for term in dict.fromkeys(terms):
            people = self._people.get(term)
            if people is None:
                continue
            at = bisect_left(people, person)
            if at < len(people) and people[at] == person:
                del people[at]
                if not people:
                    del self._people[term]

    def freezing(self) -> Iterator[None]:
        """End a bulk load: sort the lists that came out of order, a few at a time."""
        unsorted = [self._people[term] for term in self._unsorted]
        yield from paced(unsorted, _sort)
        self._unsorted.clear()
        self.live = True

    def held(self, person: int, terms: Iterable[str]) -> list[str]:
        """The terms whose public help or thanks include this person."""
        if not self.live:
            for _ in self.freezing():
                pass
        found = []
        for term in terms:
            people = self._people.get(term)
            if people is not None:
                at = bisect_left(people, person)
                if at < len(people) and people[at] == person:
                    found.append(term)
        return found


def _sort(people: array[int]) -> None:
    ordered = np.unique(np.frombuffer(people, dtype=np.int32))
    del people[:]
    people.frombytes(ordered.tobytes())
