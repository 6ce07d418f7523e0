"""One inverted list (a term's documents, a skill's holders, a person's colleagues) in flat arrays.

A workspace of 100,000 people has millions of (document, weight) pairs; as dict entries they
cost about 100 bytes each, as two typed arrays 8: weights are single-precision floats (a
profile sums fractions, but doubles, 4 bytes more a pair, changed no figure of the routing
benchmarks). Documents are interned ints kept in ascending order, so a lookup is a binary
search in C. A bulk load appends and sorts once (`tidy`); after it, an addition is a search
and an in-place insert, so reads never rebuild.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import TypeAlias, TypeVar

Impacts: TypeAlias = "Callable[[array[int], array[float]], list[float]]"
L = TypeVar("L", bound=Sized)

HEAD = 200
STEP = 50_000


class Postings:
    __slots__ = ("docs", "head", "ordered", "weights")

    def __init__(self) -> None:
        self.docs = array("i")
        self.weights: array[float] = array("f")
        self.ordered = True
        self.head: array[int] | None = None

    def __len__(self) -> int:
        return len(self.docs)

    def add(self, doc: int, weight: float, *, live: bool, replace: bool = False) -> None:
        """Add to (or with `replace`, set) a document's weight.

        While not `live` (a bulk load) out-of-order documents are appended and sorted later.
        """
        docs = self.docs
        if not docs or doc > docs[-1]:
            docs.append(doc)
            self.weights.append(weight)
        elif doc == docs[-1]:
            self.weights[-1] = weight if replace else self.weights[-1] + weight
        elif not live:
            docs.append(doc)
            self.weights.append(weight)
            self.ordered = False
        else:
            self.tidy(replace)
            at = bisect_left(docs, doc)
            if docs[at] == doc:
                self.weights[at] = weight if replace else self.weights[at] + weight
            else:
                docs.insert(at, doc)
                self.weights.insert(at, weight)
        if live and self.head is not None and doc not in self.head:
            self.head.append(doc)

    def remove(self, doc: int, *, replace: bool = False) -> None:
        """Take a document out (a skill someone no longer declares), head included; `replace`
        as for `add`, should a bulk load still be unsorted."""
        self.tidy(replace)
        docs = self.docs
        at = bisect_left(docs, doc)
        if at < len(docs) and docs[at] == doc:
            del docs[at]
            del self.weights[at]
        if self.head is not None and doc in self.head:
            self.head.remove(doc)

    def tidy(self, replace: bool = False) -> None:
        """Sort by document once after a bulk load, merging repeats (summed in the order they
        came, or the last kept). Sorts positions rather than building a dict, so the largest
        list (a word in every kudos) needs a few MiB of scratch, not tens."""
        if self.ordered:
            return
        docs, weights = self.docs, self.weights
        merged_docs, merged_weights = array("i"), weights[:0]
        for at in sorted(range(len(docs)), key=docs.__getitem__):
            doc, weight = docs[at], weights[at]
            if merged_docs and merged_docs[-1] == doc:
                merged_weights[-1] = weight if replace else merged_weights[-1] + weight
            else:
                merged_docs.append(doc)
                merged_weights.append(weight)
        self.docs, self.weights = merged_docs, merged_weights
        self.ordered = True

    def get(self, doc: int) -> float:
        """The document's weight, 0.0 if absent."""
        docs = self.docs
        at = bisect_left(docs, doc)
        return self.weights[at] if at < len(docs) and docs[at] == doc else 0.0

    def __contains__(self, doc: int) -> bool:
        docs = self.docs
        at = bisect_left(docs, doc)
        return at < len(docs) and docs[at] == doc

    def items(self) -> Iterable[tuple[int, float]]:
        return zip(self.docs, self.weights, strict=True)

    def best(self, impacts: Impacts) -> Iterable[int]:
        """The documents a query should look at first: all of a short list, else the HEAD
        with the highest impact (chosen once, then kept up to date by `add`)."""
        if len(self.docs) <= HEAD:
            return self.docs
        if self.head is None:
            values = impacts(self.docs, self.weights)
            top = heapq.nlargest(HEAD, range(len(values)), key=values.__getitem__)
            self.head = array("i", (self.docs[at] for at in top))
        return self.head


class Priors:
    """A static multiplier per document (recent activity, recency), computed once per load
    for the documents there are and on demand for later ones."""

    def __init__(self, of: Callable[[int], float]) -> None:
        self.of = of
        self.values = array("d")

    def upto(self, size: int) -> array[float]:
        values = self.values
        if len(values) < size:
            values.extend(map(self.of, range(len(values), size)))
        return values


def add_within(pool: set[int], postings: Postings, budget: int, impacts: Impacts) -> bool:
    """Add a list's documents to a candidate pool if the new ones fit in `budget`, else its
    best (a list longer than the budget is never read whole, so the cost stays bounded).
    True when every document of the list is now in the pool."""
    if len(pool) + len(postings) <= budget:
        pool.update(postings.docs)
        return True
    if len(postings) <= budget:
        fresh = set(postings.docs)
        fresh -= pool
        if len(pool) + len(fresh) <= budget:
            pool |= fresh
            return True
    pool.update(postings.best(impacts))
    return False


def paced(lists: Iterable[L], work: Callable[[L], object]) -> Iterator[None]:
    """Do some work on each list, yielding after about STEP entries' worth."""
    done = 0
    for entries in lists:
        work(entries)
        done += len(entries)
        if done >= STEP:
            done = 0
            yield
