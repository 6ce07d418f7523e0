"""The evidence behind a suggestion and how it is combined into one score.

Three signals, each standardised within the question (clipped z-scores, see `standardise`)
so none dominates by units or by one outlier:
- profile: BM25 of the question against each person's document (the questions they
  helped with, their kudos messages and values, their declared skill names by level);
- votes: the people who helped with the most similar past questions, by BM25 similarity;
- declared: skills found in the question that a person declared, by level and rarity.
Title words (the first line) count TITLE_BOOST times in both BM25 searches, since the title
names the question. Recent help counts more (its weight halves every HALF_LIFE_FRACTION of
the workspace's solved questions) and an accepted answer counts double. The sum is then
scaled by recent activity, since people who helped lately are the ones who answer. All
constants are general defaults chosen on a split of the history alone
(`benchmarks/routing_validation.py`), never on the questions being routed.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from bot.routing.index import BM25Index
from bot.routing.text import tokens

HALF_LIFE_FRACTION = 0.1
MIN_HALF_LIFE = 20.0
SIMILAR_QUESTIONS = 50
OTHER_ANSWER_WEIGHT = 0.5
KUDOS_WEIGHT = 0.5
PROFILE_WEIGHT = 1.0
VOTE_WEIGHT = 1.0
DECLARED_WEIGHT = 1.0
ACTIVITY_WEIGHT = 0.3
ACTIVITY_EXPONENT = 0.3
ACTIVITY_FLOOR = 0.05
STRONG_SIMILARITY = 0.25
MAX_LEVEL = 5
TITLE_BOOST = 2.0
ZSCORE_SCALE = 4.0


@dataclass(frozen=True)
class PastQuestion:
    asker: str
    helper: str
    answerers: tuple[str, ...]
    created_at: datetime | None


@dataclass
class Scored:
    """One question's scores, with what is needed to explain the top of the list."""

    terms: list[str]
    topics: tuple[str, ...]
    scores: dict[str, float]
    similar: list[tuple[int, float]] = field(default_factory=list)
    strong: set[str] = field(default_factory=set)
    surface: dict[str, str] = field(default_factory=dict)

    def word(self, term: str) -> str:
        """The word as the asker wrote it, for reasons (terms are stemmed)."""
        return self.surface.get(term, term)


def standardise(signal: dict[str, float]) -> dict[str, float]:
    """A signal as clipped z-scores over the people it scores, divided by ZSCORE_SCALE.

    Scaling by the maximum lets one outlier squash everyone else; the spread of the
    question's own scores says how much a lead means. Below-average evidence counts as
    none rather than against a person, so the activity factor never turns it negative; the
    person stays a candidate (someone who declared a skill is still worth listing).
    A signal with one person (or all equal) gives each of them 1 / ZSCORE_SCALE.
    """
    if not signal:
        return {}
    mean = sum(signal.values()) / len(signal)
    spread = math.sqrt(sum((value - mean) ** 2 for value in signal.values()) / len(signal))
    if spread <= 0.0:
        return dict.fromkeys(signal, 1.0 / ZSCORE_SCALE) if mean > 0 else {}
    return {
        user_id: max(0.0, value - mean) / spread / ZSCORE_SCALE for user_id, value in signal.items()
    }


class Evidence:
    """Everything learned about who helps with what, updated one fact at a time."""

    def __init__(self) -> None:
        self.profiles = BM25Index()
        self.questions = BM25Index()
        self.past: list[PastQuestion] = []
        self.declared: dict[str, dict[str, int]] = defaultdict(dict)
        self.kudos_terms: dict[str, Counter[str]] = defaultdict(Counter)
        self.answers: Counter[str] = Counter()
        self.activity: dict[str, float] = defaultdict(float)
        self.known_people: set[str] = set()

    @staticmethod
    def decay(position: int, total: int) -> float:
        """Weight of the position-th of `total` solved questions (oldest first)."""
        half_life = max(MIN_HALF_LIFE, HALF_LIFE_FRACTION * total)
        return float(0.5 ** ((total - 1 - position) / half_life))

    def declare(self, user_id: str, skill_key: str, level: int, label: str) -> None:
        self.declared[skill_key][user_id] = level
        self.known_people.add(user_id)
        self.profiles.add(user_id, tokens(label), float(level))

    def add_solved(self, question: PastQuestion, text: str, weight: float = 1.0) -> None:
        terms = tokens(text)
        self.questions.add(str(len(self.past)), terms)
        self.past.append(question)
        for user_id in dict.fromkeys(question.answerers):
            share = 1.0 if user_id == question.helper else OTHER_ANSWER_WEIGHT
            self.profiles.add(user_id, terms, weight * share)
            self.answers[user_id] += 1
            self.known_people.add(user_id)
            self.activity[user_id] += weight * share

    def add_kudos(self, receiver: str, message: str, values: tuple[str, ...]) -> None:
        terms = tokens(" ".join((message, *values)))
        self.profiles.add(receiver, terms, KUDOS_WEIGHT)
        self.kudos_terms[receiver].update(terms)

    def score(
        self, terms: list[str], topics: tuple[str, ...], title: list[str] | None = None
    ) -> Scored:
        scored = Scored(terms=terms, topics=topics, scores={})
        boost = dict.fromkeys(title or (), TITLE_BOOST)
        signals = [
            (PROFILE_WEIGHT, self.profiles.search(terms, boost)),
            (VOTE_WEIGHT, self._votes(terms, scored, boost)),
            (DECLARED_WEIGHT, self._declared(topics, scored)),
        ]
        total: dict[str, float] = defaultdict(float)
        for weight, signal in signals:
            for user_id, value in standardise(signal).items():
                total[user_id] += weight * value
        busiest = max(self.activity.values(), default=0.0) or 1.0
        for user_id, value in total.items():
            recent = self.activity.get(user_id, 0.0) / busiest
            boosted = value + ACTIVITY_WEIGHT * recent
            scored.scores[user_id] = boosted * (ACTIVITY_FLOOR + recent) ** ACTIVITY_EXPONENT
        return scored

    def _votes(
        self, terms: list[str], scored: Scored, boost: dict[str, float] | None = None
    ) -> dict[str, float]:
        similarity = self.questions.search(terms, boost)
        ceiling = self.questions.ceiling(terms) or 1.0
        top = sorted(similarity.items(), key=lambda item: -item[1])[:SIMILAR_QUESTIONS]
        total = len(self.past)
        votes: dict[str, float] = defaultdict(float)
        for doc, value in top:
            position = int(doc)
            question = self.past[position]
            recency = self.decay(position, total)
            scored.similar.append((position, value / ceiling))
            for user_id in dict.fromkeys(question.answerers):
                share = 1.0 if user_id == question.helper else OTHER_ANSWER_WEIGHT
                votes[user_id] += value * share * recency
                if value / ceiling >= STRONG_SIMILARITY:
                    scored.strong.add(user_id)
        return votes

    def _declared(self, topics: tuple[str, ...], scored: Scored) -> dict[str, float]:
        people = max(len(self.known_people), 1)
        result: dict[str, float] = defaultdict(float)
        for topic in topics:
            holders = self.declared.get(topic, {})
            if not holders:
                continue
            rarity = math.log(1.0 + people / len(holders))
            for user_id, level in holders.items():
                result[user_id] += rarity * level / MAX_LEVEL
                if level >= 3:
                    scored.strong.add(user_id)
        return result
