"""Skill neighbours: who declared the skills of the people a question's words point to.

The text evidence (a person's profile, the answerers of similar solved questions) finds some
people; the skills they declared say what the question is about even when it names none of
them; and whoever in the question's pool declared those skills gains, including someone
whose own answered questions are barely like this one. Words of the questions people helped
with are so tied, through those people, to the skills they declared: an association learned
from the workspace's own history, not from a list of synonyms.

Each of the SOURCES people with the most evidence spreads it over their skills by level;
the SKILLS heaviest skills then score their holders in the pool by level. Bounded work,
vectorised: SOURCES people's skills, then SKILLS lists looked up for the pool.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from bot.routing.declared import Declarations

SOURCES = 200
SKILLS = 5
MAX_LEVEL = 5


def skill_neighbours(
    declared: Declarations, evidence: Mapping[int, float], pool: npt.NDArray[np.int64]
) -> dict[int, float]:
    """Each person of the (sorted) pool's share of the skills of the people `evidence`
    scores highest; people with none are left out."""
    best = heapq.nlargest(SOURCES, evidence.items(), key=lambda item: (item[1], -item[0]))
    best = [(person, value) for person, value in best if value > 0]
    weights = declared.spread([p for p, _ in best], [v for _, v in best])
    top = heapq.nlargest(SKILLS, weights.items(), key=lambda item: (item[1], item[0]))
    result = np.zeros(len(pool))
    for key, weight in top:
        result += weight / MAX_LEVEL * declared.within(key, pool)
    found = np.flatnonzero(result)
    return dict(zip(pool[found].tolist(), result[found].tolist(), strict=True))
