"""How a signal is spread over everyone it scores (estimated when only a pool was scored),
and the signal standardised by that spread (`standardise`).

Signals are standardised over all the people they score (the union of the question's
posting lists), not over the best candidates alone: over the best alone the mean is high and
the spread narrow, and the three signals would be weighed against each other differently
in a large workspace than in a small one. When the pool does not hold the whole union, its
mean and spread are estimated from a systematic sample of the lists: each sampled document
is scored exactly and counts 1/k, k being how many of the lists hold it, so a document in
several lists counts once. No random draws (the same question gives the same ranking), and
SAMPLE exact scores however large the union.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TypeVar

from bot.routing.postings import Postings

SAMPLE = 256
ZSCORE_SCALE = 4.0

Moments = tuple[float, float]
K = TypeVar("K", bound=Hashable)


def union_moments(lists: Sequence[Postings], value: Callable[[int], tuple[float, int]]) -> Moments:
    """Estimated (mean, standard deviation) of `value` over the union of the lists.

    `value(doc)` is the document's exact value and the number of the lists that hold it.
    """
    total = sum(len(postings) for postings in lists)
    if not total:
        return 0.0, 0.0
    step = max(1.0, total / SAMPLE)
    pick, start = step / 2, 0
    count = first = second = 0.0
    for postings in lists:
        docs, end = postings.docs, start + len(postings)
        while pick < end:
            amount, holders = value(docs[int(pick) - start])
            share = 1.0 / max(holders, 1)
            count += share
            first += share * amount
            second += share * amount * amount
            pick += step
        start = end
    mean = first / count
    return mean, math.sqrt(max(0.0, second / count - mean * mean))


def standardise(signal: Mapping[K, float], moments: Moments | None = None) -> dict[K, float]:
    """A signal as clipped z-scores over the people it scores, divided by ZSCORE_SCALE.

    Scaling by the maximum lets one outlier squash everyone else; the spread of the
    question's own scores says how much a lead means. Below-average evidence counts as
    none rather than against a person, so the activity factor never turns it negative; the
    person stays a candidate (someone who declared a skill is still worth listing).
    A signal with one person (or all equal) gives each of them 1 / ZSCORE_SCALE.
    `moments` are the (mean, spread) of everyone the signal scores when `signal` holds only
    a pool of them (see `bot.routing.moments`); without, they are the signal's own.
    """
    if not signal:
        return {}
    if moments is None:
        mean = sum(signal.values()) / len(signal)
        spread = math.sqrt(sum((value - mean) ** 2 for value in signal.values()) / len(signal))
    else:
        mean, spread = moments
    if spread <= 0.0:
        return dict.fromkeys(signal, 1.0 / ZSCORE_SCALE) if mean > 0 else {}
    return {key: max(0.0, value - mean) / spread / ZSCORE_SCALE for key, value in signal.items()}
