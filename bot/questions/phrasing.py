"""Phrasing learned from labelled messages: how likely a message's words and word pairs are to
ask for expertise, as one more feature of the question detector (`bot.questions.detect`).

The detector's phrase lists match what their authors foresaw; a message phrased another way
(`anyone kno why the reflow profile keeps tombstoning`, `can someone from IT come look at the
projector`) scores on a question mark and a word of work, and lands on the wrong side. A
logistic regression over the words, adjacent word pairs and first two words of every
labelled message (`tests/data/questions.jsonl`) knows thousands of such cues, weighed against
each other by the labels rather than by hand. On a set written afterwards by someone who had
seen neither the detector nor its sets, it lifted precision 0.77 → 0.87 beside the phrase
lists as they were, and 0.83 → 0.91 beside those of the same round
(docs/question-detector-rounds.md). Its weights ship in `bot/data/question_phrasing.json`;
`python -m bot.questions.phrasing_refit FILE.jsonl...` refits them.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from itertools import pairwise

WEIGHTS_FILE = files("bot.data").joinpath("question_phrasing.json")
MIN_MESSAGES = 2
PENALTY = 1e-3
STEPS = 3000
STEP_SIZE = 0.5


def cues(tokens: Sequence[str]) -> set[str]:
    """A message's words, adjacent word pairs and first two words, as the model's features.
    A `?` alone is no cue: the detector weighs the question mark itself, and counted twice it
    made a greeting with one work word a question (`Hey aa db?`)."""
    found = {f"w:{token}" for token in tokens if token != "?"}
    found.update(f"p:{a} {b}" for a, b in pairwise(tokens))
    found.update(f"o:{token}" for token in tokens[:2] if token != "?")
    return found


@cache
def _weights() -> dict[str, float]:
    shipped = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return {str(cue): float(weight) for cue, weight in shipped["weights"].items()}


def lean(tokens: Sequence[str]) -> float:
    """The model's chance that a message of these normalised tokens asks for expertise, less
    ½. The model has no intercept, so a message of words it never saw (another language, say)
    leans neither way and the phrase lists decide."""
    weights = _weights()
    value = sum(weights.get(cue, 0.0) for cue in cues(tokens))
    return 1.0 / (1.0 + math.exp(-value)) - 0.5


def fit(messages: Iterable[tuple[Sequence[str], bool]]) -> dict[str, object]:
    """L2-regularised logistic regression by plain gradient descent (deterministic, so the
    shipped file can be refitted exactly) over the cues seen in MIN_MESSAGES messages or more.
    numpy is imported here: the detector itself, on every watched message, only adds weights."""
    import numpy as np

    rows = [(cues(tokens), label) for tokens, label in messages]
    seen = Counter(cue for found, _ in rows for cue in found)
    names = sorted(cue for cue, n in seen.items() if n >= MIN_MESSAGES)
    column = {name: i for i, name in enumerate(names)}
    which = [np.array(sorted(column[c] for c in f if c in column), np.intp) for f, _ in rows]
    message = np.repeat(np.arange(len(rows)), [len(w) for w in which])
    flat = np.concatenate(which) if which else np.zeros(0, np.intp)
    labels = np.array([label for _, label in rows], np.float64)
    weights = np.zeros(len(names))
    for _ in range(STEPS):
        values = np.bincount(message, weights=weights[flat], minlength=len(rows))
        error = 1.0 / (1.0 + np.exp(-values)) - labels
        gradient = np.bincount(flat, weights=error[message], minlength=len(names))
        weights -= STEP_SIZE * (gradient / len(rows) + PENALTY * weights)
    kept = {name: round(float(w), 4) for name, w in zip(names, weights, strict=True)}
    return {"weights": {k: w for k, w in kept.items() if abs(w) >= 1e-3}}
