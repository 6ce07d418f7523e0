"""An incremental BM25 inverted index over small documents keyed by interned ints.

A query is answered in two bounded steps, so its cost depends on the question, not on how
many documents share its words. `candidates` picks the documents worth scoring: every
document of the rarest terms while they fit in a budget, then only the highest-impact ones
of each common term (impact-ordered heads: BM25 weight times a static prior such as recent
activity or recency). `scores` then gives those candidates their exact BM25 scores. On a
small workspace the budget holds every matching document and the result is exact.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from bot.routing.ids import grow
from bot.routing.moments import Moments, union_moments
from bot.routing.postings import Postings, Priors, add_within, paced

K1 = 1.2
B = 0.75
MAX_QUERY_TERMS = 256
SCAN_RATIO = 4
NORM_DRIFT = 0.01
EMPTY = 1e-9  # a weight this small after a removal is none


class BM25Index:
    """Okapi BM25 with the usual defaults (k1=1.2, b=0.75) and Lucene's non-negative idf.
    The defaults are read when an index is made, not when this module is imported, so that a
    benchmark's `--set bot.routing.index.K1=…` reaches every index built after it."""

    def __init__(self, k1: float | None = None, b: float | None = None) -> None:
        self.k1 = K1 if k1 is None else k1
        self.b = B if b is None else b
        self.postings: dict[str, Postings] = {}
        self.lengths = array("d")
        self.live = False
        self.prior = Priors(lambda _doc: 1.0)
        self._present = bytearray()
        self._count = 0
        self._total_length = 0.0
        self._norms = array("d")
        self._norm_average = 0.0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, doc: int) -> bool:
        return doc < len(self._present) and bool(self._present[doc])

    def add(self, doc: int, terms: Iterable[str], weight: float = 1.0) -> None:
        """Add (weighted) terms to a document, creating it if new."""
        self.add_counts(doc, Counter(terms), weight)

    def add_counts(self, doc: int, counts: Mapping[str, int], weight: float = 1.0) -> None:
        """`add` for terms already counted (a skill label added for many people)."""
        if not counts and doc in self:
            return
        if doc >= len(self._present):
            missing = doc + 1 - len(self._present)
            self._present.extend(bytes(missing))
            self.lengths.frombytes(bytes(missing * self.lengths.itemsize))
        if not self._present[doc]:
            self._present[doc] = 1
            self._count += 1
        added = 0.0
        postings = self.postings
        for term, count in counts.items():
            bucket = postings.get(term)
            if bucket is None:
                bucket = postings[term] = Postings()
            bucket.add(doc, count * weight, live=self.live)
            added += count * weight
        self.lengths[doc] += added
        self._total_length += added
        if self._norm_average:
            grow(self._norms, doc + 1)
            self._norms[doc] = self._norm(doc, self._norm_average)

    def remove_counts(self, doc: int, counts: Mapping[str, int], weight: float = 1.0) -> None:
        """Take back what `add_counts` added (a skill no longer declared): a term left with no
        weight drops the document from its list, and a document left empty is no longer
        counted, so the index reads as if the terms had never been added."""
        if doc not in self:
            return
        removed = 0.0
        for term, count in counts.items():
            bucket = self.postings.get(term)
            held = bucket.get(doc) if bucket is not None else 0.0
            if bucket is None or not held:
                continue
            taken = min(held, count * weight)
            if held - taken <= EMPTY:
                bucket.remove(doc)
                taken = held
                if not bucket:  # a term nobody holds any more is no known word either
                    del self.postings[term]
            else:
                bucket.add(doc, -taken, live=self.live)
            removed += taken
        self.lengths[doc] -= removed
        self._total_length -= removed
        if self.lengths[doc] <= EMPTY:
            self._total_length -= self.lengths[doc]
            self.lengths[doc] = 0.0
            self._present[doc] = 0
            self._count -= 1
        if self._norm_average and doc < len(self._norms):
            self._norms[doc] = self._norm(doc, self._norm_average)

    def freeze(self) -> None:
        for _ in self.freezing():
            pass

    def freezing(self) -> Iterator[None]:
        """End a bulk load: sort every list once and choose the heads of the long ones,
        pausing every STEP entries so a caller on an event loop can let others run."""
        yield from paced(self.postings.values(), lambda bucket: bucket.tidy())
        self.live = True
        yield from paced(self.postings.values(), lambda bucket: bucket.best(self.impacts))

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        n = self._count
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5)) if df else 0.0

    def ready(self) -> None:
        """Finish a bulk load if nobody did, before anything reads the lists."""
        if not self.live:
            self.freeze()

    def _norm(self, doc: int, average: float) -> float:
        return self.k1 * (1.0 - self.b + self.b * self.lengths[doc] / average)

    def norms(self) -> array[float]:
        """Each document's length normalisation, recomputed when the average length has
        drifted by more than NORM_DRIFT (one solved question should not cost a pass over
        every document; between loads the average moves by a fraction of a percent)."""
        average = (self._total_length / self._count if self._count else 1.0) or 1.0
        if abs(average - self._norm_average) > NORM_DRIFT * average:
            self._norm_average = average
            self._norms = array("d", (self._norm(d, average) for d in range(len(self.lengths))))
        return self._norms

    def impacts(self, docs: array[int], tfs: array[float]) -> list[float]:
        """Each document's static weight for one term, to choose the heads of long lists."""
        norms, priors = self.norms(), self.prior.upto(len(self.lengths))
        return [tf / (tf + norms[doc]) * priors[doc] for doc, tf in zip(docs, tfs, strict=True)]

    def query(self, terms: Iterable[str], boost: Mapping[str, float] | None = None) -> Query:
        self.ready()
        return Query(self, self.informative(terms), boost or {})

    def informative(self, terms: Iterable[str]) -> list[tuple[str, float]]:
        """The query's indexed terms with their idf, rarest first, at most MAX_QUERY_TERMS."""
        weighted = [(term, self.idf(term)) for term in set(terms) if term in self.postings]
        weighted.sort(key=lambda item: (-item[1], item[0]))
        return weighted[:MAX_QUERY_TERMS]


class Query:
    """One question against one index: its informative terms, looked up once."""

    def __init__(
        self, index: BM25Index, weighted: list[tuple[str, float]], boost: Mapping[str, float]
    ) -> None:
        self.index = index
        self.weighted = weighted
        self.boost = boost
        self._whole: set[str] = set()

    def ceiling(self) -> float:
        """An upper bound of any document's score for these terms (for 'how similar')."""
        return sum(idf * (self.index.k1 + 1.0) for _, idf in self.weighted)

    def candidates(self, pool: set[int], budget: int) -> None:
        """Add the documents worth scoring to `pool`, rarest terms first, until it holds
        `budget`: all of a term's new documents while they fit, else its best few."""
        index = self.index
        for term, _ in self.weighted:
            if len(pool) >= budget:
                return
            if add_within(pool, index.postings[term], budget, index.impacts):
                self._whole.add(term)

    @property
    def whole(self) -> bool:
        """Whether `candidates` took every document sharing a term with the query."""
        return len(self._whole) == len(self.weighted)

    def exact(self, doc: int) -> tuple[float, int]:
        """One document's BM25 and how many of the query's terms it has."""
        index, norms, score, found = self.index, self.index.norms(), 0.0, 0
        for term, idf in self.weighted:
            tf = index.postings[term].get(doc)
            if tf:
                factor = idf * (index.k1 + 1.0) * self.boost.get(term, 1.0)
                score += factor * tf / (tf + norms[doc])
                found += 1
        return score, found

    def moments(self) -> Moments | None:
        """The (mean, spread) of BM25 over every document sharing a term with the query,
        estimated, when the pool did not take them all (None when it did)."""
        if self.whole:
            return None
        return union_moments([self.index.postings[term] for term, _ in self.weighted], self.exact)

    def scores(self, pool: set[int]) -> dict[int, float]:
        """Exact BM25 of each pool document that shares a term with the query (query terms
        counted once; `boost` multiplies some, say the title's, without counting repeats).
        `pool` is what `candidates` gathered: a term it took whole is scored over all its
        documents without looking at `pool`, so another pool gets documents outside it."""
        if not pool:
            return {}
        index, boost = self.index, self.boost
        norms = index.norms()
        ordered: list[int] | None = None
        scores: dict[int, float] = {}
        get = scores.get
        for term, idf in self.weighted:
            bucket = index.postings[term]
            factor = idf * (index.k1 + 1.0) * boost.get(term, 1.0)
            if term in self._whole:
                for doc, tf in bucket.items():
                    scores[doc] = get(doc, 0.0) + factor * tf / (tf + norms[doc])
            elif len(bucket) <= SCAN_RATIO * len(pool):
                for doc, tf in bucket.items():
                    if doc in pool:
                        scores[doc] = get(doc, 0.0) + factor * tf / (tf + norms[doc])
            else:
                ordered = ordered or sorted(pool)
                found, weights, size, at = bucket.docs, bucket.weights, len(bucket), 0
                for doc in ordered:
                    at = bisect_left(found, doc, at)
                    if at == size:
                        break
                    if found[at] == doc:
                        tf = weights[at]
                        scores[doc] = get(doc, 0.0) + factor * tf / (tf + norms[doc])
        return scores
