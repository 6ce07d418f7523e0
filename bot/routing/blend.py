"""How the evidence about one person becomes one score: a linear blend of features whose
weights are fitted on the workspace's own solved questions (`bot.routing.fitting`).

Each feature is computed for every person in the question's pool. The activity factor
`(ACTIVITY_FLOOR + recent) ** ACTIVITY_EXPONENT` multiplies the first four, as the hand-set
engine did, and the same signals also come without it, with popularity (past answers), so a
workspace whose answerers are not its most active people can learn that. `PRIOR` is what a
new workspace, with nothing to fit on, gets, and where a young one's fit starts from: the
hand-set engine (profile + votes + declared + 0.3 × recent, times activity) plus the plain
similar-question vote (similarity alone, standardised), the signal that needs the least
history to be right (it is the BM25 baseline itself), and half of each skill neighbour
(`bot.routing.neighbours`): both benchmark sites' own fits weigh both positively (0.99 and
0.13 on DBA, 0.46 and 0.73 on MathOverflow), and a workspace where nobody has answered yet
is routed on declared skills, which the profile's neighbours widen to the skills declared
beside the question's words (MRR with no history 0.110 → 0.153 on DBA, 0.042 → 0.061 on
MathOverflow). And half of popularity: once the fit no longer sees skills declared after its
questions (`bot.routing.fitting`), all five communities measured weigh popularity 0.48–0.61,
and a young workspace's most active helpers are likelier to help again (issue 15's thirteenth
round).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

ACTIVITY_FLOOR = 0.05
ACTIVITY_EXPONENT = 0.3

FEATURES = (
    "profile×active",
    "votes×active",
    "declared×active",
    "recent×active",
    "profile",
    "votes",
    "declared",
    "popularity",
    "best similar",
    "similar share",
    "plain votes",
    "last helped",
    "profile's skills",
    "votes' skills",
)
PRIOR: tuple[float, ...] = (1.0, 1.0, 1.0, 0.3, 0.0, 0.0, 0.0, 0.5, 0.0, 0.0, 1.0, 0.0, 0.5, 0.5)

Matrix = npt.NDArray[np.float64]


def features(
    people: Sequence[int],
    signals: Sequence[Mapping[int, float]],
    activity: array[float],
    busiest: float,
    answers: array[int],
    most_answers: int,
    last: array[float],
    now: float,
    half_life: float,
) -> Matrix:
    """One row per person: the FEATURES, from the signals (standardised profile, votes and
    declared; best similarity and share of the similar questions; standardised plain votes
    and the two skill neighbours), each person's recent
    activity (relative to the busiest's), past answers and how recently they last helped
    (`last`: the position + 1 of the last solved question they helped with, 0 for never;
    the feature is 1 for the latest of `now` solved questions, halving every `half_life`)."""
    count = len(people)
    at = np.fromiter(people, dtype=np.intp, count=count)
    recent = np.frombuffer(activity, dtype=np.float64)[at] / (busiest or 1.0)
    past = np.frombuffer(answers, dtype=np.int32)[at].astype(np.float64)
    rows = np.empty((count, len(FEATURES)))
    for column, signal in zip((0, 1, 2, 8, 9, 10, 12, 13), signals, strict=True):
        rows[:, column] = np.fromiter((signal.get(p, 0.0) for p in people), np.float64, count)
    rows[:, 3] = recent
    rows[:, 4:7] = rows[:, :3]
    rows[:, :4] *= activity_multiplier(recent)[:, None]
    rows[:, 7] = np.log1p(past) / (math.log1p(most_answers) or 1.0)
    helped = np.frombuffer(last, dtype=np.float64)[at]
    rows[:, 11] = np.where(helped > 0, 0.5 ** ((now - helped) / half_life), 0.0)
    return rows


def activity_multiplier(recent: Any) -> Any:
    """How much recent help multiplies the first four features, for a share of the busiest
    person's recent help or an array of them: one formula for the fit's rows and the index's
    ordering of long posting lists, read from this module's constants at each call (so a
    benchmark's `--set bot.routing.blend.ACTIVITY_FLOOR=...` changes both)."""
    return (ACTIVITY_FLOOR + recent) ** ACTIVITY_EXPONENT


def prior() -> Matrix:
    return np.array(PRIOR)
