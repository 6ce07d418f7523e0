"""The routing engine the Slack flow calls: who to ask about a question, and why.

`RoutingIndex` holds one workspace in memory (built from `storage.routing` once, then
updated as questions are solved and kudos given), so a routing decision is a few dictionary
walks over an inverted index, not a scan of every profile. Availability, working hours and
load are the flow layer's business; this module only says who knows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.routing.graph import DECLARED, HELPED, THANKED, ColleagueGraph
from bot.routing.network import Network
from bot.routing.reasons import expert_reason, path_reason
from bot.routing.scoring import Evidence, PastQuestion, Scored
from bot.routing.suggestion import Suggestion
from bot.routing.text import stem, tokens, words
from bot.routing.vocabulary import Vocabulary
from storage.routing import RoutingSnapshot, load_routing_snapshot

ENOUGH_STRONG_EXPERTS = 3
SHIPPED_ALIASES = True

__all__ = ["RoutingIndex", "Suggestion"]


class RoutingIndex:
    """In-memory index of one workspace, rebuilt from the database and updated incrementally."""

    def __init__(self, team_id: str, people: dict[str, str], vocabulary: Vocabulary) -> None:
        self.team_id = team_id
        self.people = people
        self.vocabulary = vocabulary
        self.evidence = Evidence()
        self.graph = ColleagueGraph()
        self.network = Network(vocabulary)

    @classmethod
    async def load(cls, sessions: async_sessionmaker[AsyncSession], team_id: str) -> RoutingIndex:
        async with sessions() as session, session.begin():
            snapshot = await load_routing_snapshot(session, team_id)
        return cls.from_snapshot(team_id, snapshot)

    @classmethod
    def from_snapshot(cls, team_id: str, snapshot: RoutingSnapshot) -> RoutingIndex:
        index = cls(
            team_id,
            dict(snapshot.people),
            Vocabulary(snapshot.skill_names, snapshot.skill_aliases, shipped=SHIPPED_ALIASES),
        )
        for declared in snapshot.person_skills:
            label = index.vocabulary.display(declared.skill_key)
            index.evidence.declare(declared.user_id, declared.skill_key, declared.level, label)
        total = len(snapshot.solved)
        for position, solved in enumerate(snapshot.solved):
            index._add_solved(
                PastQuestion(
                    solved.asker_user_id,
                    solved.helper_user_id,
                    solved.answerer_user_ids or (solved.helper_user_id,),
                    solved.created_at,
                ),
                solved.text,
                Evidence.decay(position, total),
            )
        for kudos in snapshot.kudos:
            index.record_kudos(
                kudos.giver_user_id, kudos.receiver_user_id, kudos.message, kudos.values
            )
        for entry in snapshot.network:
            index.network.add(entry)
            if entry.colleague_user_id:
                index.graph.link(entry.user_id, entry.colleague_user_id, DECLARED)
        return index

    def _add_solved(self, question: PastQuestion, text: str, weight: float) -> None:
        self.evidence.add_solved(question, text, weight)
        for user_id in question.answerers:
            self.graph.link(user_id, question.asker, HELPED)

    def record_help(self, helper_user_id: str, asker_user_id: str, text: str) -> None:
        """A solved question becomes evidence, weighted as the newest."""
        question = PastQuestion(asker_user_id, helper_user_id, (helper_user_id,), None)
        self._add_solved(question, text, 1.0)

    def record_kudos(
        self, giver_user_id: str, receiver_user_id: str, message: str, values: Collection[str] = ()
    ) -> None:
        """Kudos are evidence of what the receiver helps with, and a tie between the two."""
        self.evidence.add_kudos(receiver_user_id, message, tuple(values))
        self.graph.link(giver_user_id, receiver_user_id, THANKED)

    def past_answers(self, user_id: str) -> int:
        """How many solved questions this person helped with (for the flow's load balancing)."""
        return self.evidence.answers.get(user_id, 0)

    def topics(self, text: str) -> tuple[str, ...]:
        """The vocabulary topics (skill keys) found in a text."""
        return tuple(self.vocabulary.find(tokens(text), known=self._known_term))

    def _known_term(self, term: str) -> bool:
        return term in self.evidence.profiles.postings or term in self.evidence.questions.postings

    def score(self, text: str) -> Scored:
        terms = tokens(text)
        topics = tuple(self.vocabulary.find(terms, known=self._known_term))
        title = tokens(text.partition("\n")[0])
        scored = self.evidence.score(terms, topics, title)
        for word in words(text):
            scored.surface.setdefault(stem(word), word)
        return scored

    def rank(self, scored: Scored, asker_user_id: str, exclude: Collection[str] = ()) -> list[str]:
        """Everyone with any evidence, best first; ties go to who has helped more."""
        answers = self.evidence.answers
        candidates = [
            user_id
            for user_id in scored.scores
            if user_id in self.people and user_id != asker_user_id and user_id not in exclude
        ]
        candidates.sort(key=lambda u: (-scored.scores[u], -answers.get(u, 0), u))
        return candidates

    def suggest(
        self, text: str, asker_user_id: str, *, limit: int = 10, exclude: Collection[str] = ()
    ) -> list[Suggestion]:
        scored = self.score(text)
        ranking = self.rank(scored, asker_user_id, exclude)
        blocked = {asker_user_id, *exclude}
        connectors = self.network.connectors(scored, blocked, self.people)
        strong = [u for u in ranking if u in scored.strong]
        if connectors and len(strong) < ENOUGH_STRONG_EXPERTS:
            weak = [u for u in ranking if u not in scored.strong]
            ordered = [
                *(("expert", u) for u in strong),
                *connectors,
                *(("expert", u) for u in weak),
            ]
        else:
            ordered = [("expert", u) for u in ranking]
        suggestions = []
        for kind, user_id in ordered[:limit]:
            if kind == "expert":
                suggestions.append(self._expert(user_id, asker_user_id, scored))
            else:
                suggestions.append(self.network.suggestion(user_id, self._path))
        return [self._with_path(s, asker_user_id) for s in suggestions]

    def _expert(self, user_id: str, asker: str, scored: Scored) -> Suggestion:
        reason = expert_reason(user_id, scored, self.evidence, self.vocabulary.display)
        mine = tuple(t for t in scored.topics if user_id in self.evidence.declared.get(t, {}))
        return Suggestion(user_id, scored.scores[user_id], reason, "expert", topics=mine)

    def _path(self, user_id: str) -> str:
        return self.people.get(user_id, user_id)

    def _with_path(self, suggestion: Suggestion, asker: str) -> Suggestion:
        target = suggestion.user_id
        knows = self.graph.knows(asker, target)
        via = None if knows else self.graph.introducer(asker, target)
        words = path_reason(knows, self._path(target), self._path(via) if via else None)
        if not words:
            return suggestion
        return replace(suggestion, via_user_id=via or suggestion.via_user_id, introduction=words)
