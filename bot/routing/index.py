"""An incremental BM25 inverted index over small documents keyed by string ids.

Postings are term → {doc: tf}, so a query touches only the documents that share a term with
it (never a scan of every profile), and adding text to a document is a dictionary update.
Per-document length normalisation is cached and refreshed lazily after changes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

K1 = 1.2
B = 0.75
MAX_QUERY_TERMS = 256


class BM25Index:
    """Okapi BM25 with the usual defaults (k1=1.2, b=0.75) and Lucene's non-negative idf."""

    def __init__(self, k1: float = K1, b: float = B) -> None:
        self.k1 = k1
        self.b = b
        self.postings: dict[str, dict[str, float]] = {}
        self.lengths: dict[str, float] = {}
        self._total_length = 0.0
        self._norms: dict[str, float] | None = None
        self._weights: dict[str, dict[str, float]] = {}

    def __len__(self) -> int:
        return len(self.lengths)

    def __contains__(self, doc: str) -> bool:
        return doc in self.lengths

    def add(self, doc: str, terms: Iterable[str], weight: float = 1.0) -> None:
        """Add (weighted) terms to a document, creating it if new."""
        counts = Counter(terms)
        if not counts and doc in self.lengths:
            return
        added = 0.0
        for term, count in counts.items():
            bucket = self.postings.setdefault(term, {})
            bucket[doc] = bucket.get(doc, 0.0) + count * weight
            added += count * weight
        self.lengths[doc] = self.lengths.get(doc, 0.0) + added
        self._total_length += added
        self._norms = None
        self._weights.clear()

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        n = len(self.lengths)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5)) if df else 0.0

    def document_frequency(self, term: str) -> int:
        return len(self.postings.get(term, ()))

    def _length_norms(self) -> dict[str, float]:
        if self._norms is None:
            average = self._total_length / len(self.lengths) if self.lengths else 1.0
            average = average or 1.0
            k1, b = self.k1, self.b
            self._norms = {
                doc: k1 * (1.0 - b + b * length / average) for doc, length in self.lengths.items()
            }
        return self._norms

    def _term_weights(self, term: str, idf: float) -> dict[str, float]:
        """Each document's full BM25 contribution for one term, cached until the next add."""
        weights = self._weights.get(term)
        if weights is None:
            norms = self._length_norms()
            boost = idf * (self.k1 + 1.0)
            weights = {
                doc: boost * tf / (tf + norms[doc]) for doc, tf in self.postings[term].items()
            }
            self._weights[term] = weights
        return weights

    def search(
        self, terms: Iterable[str], boost: Mapping[str, float] | None = None
    ) -> dict[str, float]:
        """Score every document sharing a term with the query (query terms counted once).

        `boost` multiplies some query terms (say, those of the title) without counting
        repeats, so a long body does not drown the words that name the question.
        """
        boost = boost or {}
        buckets = [
            (self._term_weights(term, idf), boost.get(term, 1.0))
            for term, idf in self.informative(terms)
        ]
        if not buckets:
            return {}
        buckets.sort(key=lambda item: len(item[0]), reverse=True)
        first, factor = buckets[0]
        scores = dict(first) if factor == 1.0 else {d: w * factor for d, w in first.items()}
        get = scores.get
        for bucket, factor in buckets[1:]:
            if factor == 1.0:
                for doc, weight in bucket.items():
                    scores[doc] = get(doc, 0.0) + weight
            else:
                for doc, weight in bucket.items():
                    scores[doc] = get(doc, 0.0) + weight * factor
        return scores

    def informative(self, terms: Iterable[str]) -> list[tuple[str, float]]:
        """The query's indexed terms with their idf, rarest first, at most MAX_QUERY_TERMS."""
        weighted = [(term, self.idf(term)) for term in set(terms) if term in self.postings]
        weighted.sort(key=lambda item: (-item[1], item[0]))
        return weighted[:MAX_QUERY_TERMS]

    def ceiling(self, terms: Iterable[str]) -> float:
        """An upper bound of any document's score for these terms (for 'how similar')."""
        return sum(idf * (self.k1 + 1.0) for _, idf in self.informative(terms))
