"""The evidence behind a suggestion and how it is combined into one score.

Three signals, each standardised within the question (clipped z-scores, see
`moments.standardise`) so none dominates by units or by one outlier:
- profile: BM25 of the question against each person's document (the questions they
  helped with, their kudos messages and values, their declared skill names by level), with
  a weak length normalisation (PROFILE_B): a person's document grows with every question
  they help with, so its length is evidence of expertise, not verbosity to discount;
- votes: the people who helped with the most similar past questions, by BM25 similarity;
- declared: skills found in the question that a person declared, by level and rarity.
Two more come from the first two through declared skills (`bot.routing.neighbours`): the
skills declared by the people the profile (or the plain vote of similar questions) points
to, and who else declared them.
Title words (the first line) count TITLE_BOOST times in both BM25 searches, since the title
names the question. Recent help counts more (its weight halves every HALF_LIFE_FRACTION of
the workspace's solved questions) and an accepted answer counts double. The signals, recent
activity and popularity become one score through `bot.routing.blend`, whose weights are
fitted on the workspace's own history (`bot.routing.fitting`).

Only a bounded pool of people is scored (`BM25Index.candidates`, `Declarations.candidates`
and the voters of the most similar questions), each of them exactly, and the signals are
standardised within that pool; a small workspace fits in the pool whole, so its ranking is
the same as scoring everyone, and a large one costs the same per question as a small one.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from bot.routing.blend import Matrix, activity_multiplier, features, prior
from bot.routing.declared import Declarations
from bot.routing.history import History, PastQuestion
from bot.routing.ids import Interner, grow
from bot.routing.index import BM25Index, Query
from bot.routing.mentions import Mentions
from bot.routing.moments import Moments, standardise, union_moments
from bot.routing.neighbours import skill_neighbours
from bot.routing.postings import Priors
from bot.routing.text import tokens
from bot.visibility import READERS, may_see_question

HALF_LIFE_FRACTION = 0.1
LAST_HELPED_HALF_LIFE_FRACTION = 0.05
MIN_HALF_LIFE = 20.0
SIMILAR_QUESTIONS = 50
OTHER_ANSWER_WEIGHT = 0.5
KUDOS_WEIGHT = 0.5
STRONG_SIMILARITY = 0.25
MAX_LEVEL = 5
TITLE_BOOST = 2.0
PEOPLE_POOL = 2000
QUESTION_POOL = 2000
PROFILE_B = 0.15
PROFILE_K1 = 1.2  # its own, so `--set bot.routing.index.K1=…` moves the past questions' alone


__all__ = ["Evidence", "PastQuestion", "Scored"]


@dataclass
class Scored:
    """One question's scores, with what is needed to explain the top of the list (and each
    scored person's count of answers, which breaks ties)."""

    terms: list[str]
    topics: tuple[str, ...]
    scores: dict[str, float]
    similar: list[tuple[int, float]] = field(default_factory=list)
    strong: set[str] = field(default_factory=set)
    surface: dict[str, str] = field(default_factory=dict)
    answers: dict[str, int] = field(default_factory=dict)
    pool: list[str] = field(default_factory=list)
    features: Matrix | None = None

    def word(self, term: str) -> str:
        """The word as the asker wrote it, for reasons (terms are stemmed)."""
        return self.surface.get(term, term)


class Evidence:
    """Everything learned about who helps with what, updated one fact at a time.

    People are interned ints (`people`), so per-person facts are typed arrays. Evidence that
    does not `explain` (the fit's temporary index) keeps none of what only a reason reads.
    """

    def __init__(self, people: Interner | None = None, *, explains: bool = True) -> None:
        self.explains = explains
        self.people = people or Interner()
        self.profiles = BM25Index(k1=PROFILE_K1, b=PROFILE_B)
        self.profiles.prior = Priors(self.activity_factor)
        self.questions = BM25Index()
        self.questions.prior = Priors(self._recency)
        self.history = History(self.people)
        self.declared = Declarations()
        self.declared.prior = self.profiles.prior
        # What a reason may name: public kudos and public questions' words (bot.visibility);
        # private ones count in `profiles` and `questions` for ranking only.
        self.thanks = Mentions()
        self.shown_help = Mentions()
        self._answers = array("i")
        self._shown_answers = array("i")
        self._activity = array("d")
        self._last = array("d")
        self._known = bytearray()
        self._known_count = 0
        self._busiest = 0.0
        self._most_answers = 0
        self.weights = prior()
        self._label_terms: dict[str, Counter[str]] = {}

    @staticmethod
    def decay(position: int, total: int) -> float:
        """Weight of the position-th of `total` solved questions (oldest first)."""
        half_life = max(MIN_HALF_LIFE, HALF_LIFE_FRACTION * total)
        return float(0.5 ** ((total - 1 - position) / half_life))

    def _recency(self, position: int) -> float:
        return self.decay(position, len(self.history))

    def activity_factor(self, person: int) -> float:
        """How much recent help multiplies a person's score (the static part of it)."""
        recent = (
            self._activity[person] / (self._busiest or 1.0) if person < len(self._activity) else 0.0
        )
        return float(activity_multiplier(recent))

    def _person(self, user_id: str) -> int:
        person = self.people.id(user_id)
        if person >= len(self._answers):
            size = len(self.people)
            grow(self._answers, size)
            grow(self._shown_answers, size)
            grow(self._activity, size)
            grow(self._last, size)
            self._known.extend(bytes(size - len(self._known)))
        return person

    def _know(self, person: int) -> None:
        if not self._known[person]:
            self._known[person] = 1
            self._known_count += 1

    def freezing(self) -> Iterator[None]:
        """End a bulk load: sort the lists once and choose each long list's best entries."""
        for part in (self.profiles, self.questions, self.thanks, self.shown_help, self.declared):
            yield from part.freezing()

    def declare(self, user_id: str, skill_key: str, level: int, label: str) -> None:
        person = self._person(user_id)
        self.declared.declare(person, skill_key, level)
        self._know(person)
        terms = self._label_terms.get(label)
        if terms is None:
            terms = self._label_terms[label] = Counter(tokens(label))
        self.profiles.add_counts(person, terms, float(level))

    def add_solved(self, question: PastQuestion, text: str, weight: float = 1.0) -> None:
        terms = tokens(text)
        position = self.history.add(question)
        self.questions.add(position, terms)
        helpers = tuple(question.answerers)
        shown = may_see_question(READERS, question.asker, helpers, is_private=question.is_private)
        for user_id in dict.fromkeys(question.answerers):
            share = 1.0 if user_id == question.helper else OTHER_ANSWER_WEIGHT
            person = self._person(user_id)
            self.profiles.add(person, terms, weight * share)
            self._answers[person] += 1
            self._most_answers = max(self._most_answers, self._answers[person])
            if shown and self.explains:
                self.shown_help.add(person, terms)
                self._shown_answers[person] += 1
            self._know(person)
            self._activity[person] += weight * share
            self._last[person] = position + 1.0
            self._busiest = max(self._busiest, self._activity[person])

    def add_kudos(
        self, receiver: str, message: str, values: tuple[str, ...], shown: bool = True
    ) -> None:
        """Kudos rank their receiver; only `shown` ones (that anybody may read) are named."""
        terms = _kudos_terms(message, values)
        person = self._person(receiver)
        self.profiles.add(person, terms, KUDOS_WEIGHT)
        if shown and self.explains:
            self.thanks.add(person, terms)

    def remove_kudos(
        self,
        receiver: str,
        message: str,
        values: tuple[str, ...],
        shown: bool,
        kept: Iterable[tuple[str, tuple[str, ...]]] = (),
    ) -> None:
        """Take back what `add_kudos` added (a kudos undone); its words stay named for the
        receiver where `kept`, the shown kudos still thanking them, hold them too."""
        person = self.people.find(receiver)
        if person is None:
            return
        terms = _kudos_terms(message, values)
        self.profiles.remove_counts(person, Counter(terms), KUDOS_WEIGHT)
        if shown and self.explains:
            still = {term for words in kept for term in _kudos_terms(*words)}
            self.thanks.remove(person, (term for term in terms if term not in still))

    def answers(self, user_id: str) -> int:
        """How many solved questions this person helped with."""
        person = self.people.find(user_id)
        return self._answers[person] if person is not None and person < len(self._answers) else 0

    def shown_answers(self, user_id: str) -> int:
        """How many solved questions anybody may read this person helped with."""
        person = self.people.find(user_id)
        shown = self._shown_answers
        return shown[person] if person is not None and person < len(shown) else 0

    def level(self, user_id: str, skill_key: str) -> int:
        """The level this person declared for a skill, 0 if none."""
        person = self.people.find(user_id)
        return self.declared.level(person, skill_key) if person is not None else 0

    def helped_with(self, user_id: str, positions: Iterable[int]) -> list[PastQuestion]:
        """The past questions (by position) this person helped with."""
        person = self.people.find(user_id)
        if person is None:
            return []
        history = self.history
        return [history[p] for p in positions if person in history.answerers(p)]

    def shared_terms(self, user_id: str, terms: Iterable[str]) -> list[str]:
        """The terms of the questions anybody may read that this person helped with."""
        return self._terms_of(self.shown_help, user_id, terms)

    def thanked_terms(self, user_id: str, terms: Iterable[str]) -> list[str]:
        """The terms found in the public kudos messages or values this person received."""
        return self._terms_of(self.thanks, user_id, terms)

    def _terms_of(self, mentions: Mentions, user_id: str, terms: Iterable[str]) -> list[str]:
        person = self.people.find(user_id)
        return [] if person is None else mentions.held(person, terms)

    def score(
        self, terms: list[str], topics: tuple[str, ...], title: list[str] | None = None
    ) -> Scored:
        scored = Scored(terms=terms, topics=topics, scores={})
        boost = dict.fromkeys(title or (), TITLE_BOOST)
        profile = self.profiles.query(terms, boost)
        pool: set[int] = set()
        profile.candidates(pool, PEOPLE_POOL)
        all_holders = self.declared.candidates(topics, pool, len(pool) + PEOPLE_POOL)
        votes, best, count, plain = self._votes(self.questions.query(terms, boost), scored)
        pool.update(votes)
        by_profile = standardise(profile.scores(pool), profile.moments())
        by_plain = standardise(plain)
        ordered = np.fromiter(sorted(pool), dtype=np.int64, count=len(pool))
        signals = [
            by_profile,
            standardise(votes),
            standardise(*self._declared(topics, pool, scored, all_holders)),
            best,
            count,
            by_plain,
            standardise(skill_neighbours(self.declared, by_profile, ordered)),
            standardise(skill_neighbours(self.declared, by_plain, ordered)),
        ]
        people = list(set().union(*signals))
        total = len(self.history)
        rows = features(
            people,
            signals,
            self._activity,
            self._busiest,
            self._answers,
            self._most_answers,
            self._last,
            float(total),
            max(MIN_HALF_LIFE, LAST_HELPED_HALF_LIFE_FRACTION * total),
        )
        values = rows @ self.weights
        names, answers = self.people.names, self._answers
        scored.pool, scored.features = [names[p] for p in people], rows
        for name, person, value in zip(scored.pool, people, values.tolist(), strict=True):
            scored.scores[name] = value
            scored.answers[name] = answers[person]
        return scored

    def _votes(
        self, query: Query, scored: Scored
    ) -> tuple[dict[int, float], dict[int, float], dict[int, float], dict[int, float]]:
        """Each answerer's recency-weighted vote, best similarity, share of the
        SIMILAR_QUESTIONS most similar past questions, and plain vote (similarity alone)."""
        pool: set[int] = set()
        query.candidates(pool, QUESTION_POOL)
        similarity = query.scores(pool)
        ceiling = query.ceiling() or 1.0
        top = heapq.nlargest(SIMILAR_QUESTIONS, similarity.items(), key=lambda item: item[::-1])
        total = len(self.history)
        names = self.people.names
        votes: dict[int, float] = defaultdict(float)
        best: dict[int, float] = {}
        count: dict[int, float] = defaultdict(float)
        plain: dict[int, float] = defaultdict(float)
        most = top[0][1] if top else 1.0
        for position, value in top:
            recency = self.decay(position, total)
            scored.similar.append((position, value / ceiling))
            helper = self.history.helper(position)
            for person in self.history.answerers(position):
                share = 1.0 if person == helper else OTHER_ANSWER_WEIGHT
                votes[person] += value * share * recency
                best.setdefault(person, value / most)
                count[person] += share / SIMILAR_QUESTIONS
                plain[person] += value
                if value / ceiling >= STRONG_SIMILARITY:
                    scored.strong.add(names[person])
        return votes, best, count, plain

    def _declared(
        self, topics: tuple[str, ...], pool: set[int], scored: Scored, all_holders: bool
    ) -> tuple[dict[int, float], Moments | None]:
        people = max(self._known_count, 1)
        skills = self.declared.skills
        rarities = [
            (holders, math.log(1.0 + people / len(holders)))
            for topic in topics
            if (holders := skills.get(topic))
        ]
        names = self.people.names
        result: dict[int, float] = defaultdict(float)
        for holders, rarity in rarities:
            if len(holders) <= len(pool):
                found = [(p, level) for p, level in holders.items() if p in pool]
            else:
                found = [(p, level) for p in pool if (level := holders.get(p))]
            for person, level in found:
                result[person] += rarity * level / MAX_LEVEL
                if level >= 3:
                    scored.strong.add(names[person])

        def value(person: int) -> tuple[float, int]:
            levels = [(rarity, holders.get(person)) for holders, rarity in rarities]
            total = sum(rarity * level / MAX_LEVEL for rarity, level in levels)
            return total, sum(1 for _, level in levels if level)

        if all_holders:
            return result, None
        return result, union_moments([holders for holders, _ in rarities], value)


def _kudos_terms(message: str, values: tuple[str, ...]) -> list[str]:
    return tokens(" ".join((message, *values)))
