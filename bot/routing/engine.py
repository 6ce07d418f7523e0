"""The routing engine the Slack flow calls: who to ask about a question, and why.

`RoutingIndex` holds one workspace in memory (built from `storage.routing` once, then
updated as questions are solved and kudos given), so a routing decision scores a bounded
pool of candidates drawn from inverted indexes, never every profile. Availability, working
hours and load are the flow layer's business (applied to the top of this ranking); this
module only says who knows. `bot.routing.loading` builds it, the weights fitted first.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime

from bot.routing.graph import DECLARED, HELPED, THANKED, ColleagueGraph
from bot.routing.history import PastQuestion
from bot.routing.network import Network
from bot.routing.reasons import expert_reason, path_reason
from bot.routing.scoring import Evidence, Scored
from bot.routing.suggestion import Suggestion
from bot.routing.text import spellings, tokens
from bot.routing.vocabulary import Vocabulary
from bot.visibility import (
    READERS,
    Field,
    Viewer,
    may_see,
    may_see_kudos,
    may_see_question,
    question_private,
    reads_public,
)
from storage.routing import (
    DeclaredSkill,
    KudosEvidence,
    NetworkEntry,
    SolvedQuestion,
)
from storage.routing_changes import KudosChanged

ENOUGH_STRONG_EXPERTS = 3

__all__ = ["RoutingIndex", "Suggestion"]


class RoutingIndex:
    """In-memory index of one workspace, rebuilt from the database and updated incrementally.

    One that does not `explain` only scores, as the fit's temporary index needs: it keeps
    none of what only reasons and introductions read, so the load's first peak is lower.
    """

    def __init__(
        self, team_id: str, people: dict[str, str], vocabulary: Vocabulary, *, explains: bool = True
    ) -> None:
        self.team_id = team_id
        self.explains = explains
        self.evidence = Evidence(explains=explains)
        ids = self.evidence.people
        self.people = {ids.names[ids.id(user_id)]: name for user_id, name in people.items()}
        self.vocabulary = vocabulary
        self.graph = ColleagueGraph(self.evidence.people)
        self.network = Network(vocabulary)
        self.fitted_on = 0
        self._kudos_held = array("q")  # the ledger's ids of the kudos added, to take back
        self._kudos_sorted = True
        # The words added for kudos that quote a message: an edit or deletion takes them back.
        self._quoted: dict[int, str] = {}

    def add_declared(self, rows: Iterable[DeclaredSkill]) -> None:
        for declared in rows:
            label = self.vocabulary.display(declared.skill_key)
            self.evidence.declare(declared.user_id, declared.skill_key, declared.level, label)

    def redeclare(self, user_id: str, skills: Mapping[str, int]) -> None:
        """A person's declared skills are now `skills` (key → level): a `/skills` change,
        applied in place (`bot.questions.indexes`). Hook for that caller only."""
        evidence, person = self.evidence, self.evidence.people.find(user_id)
        # Their own skills, not every skill's holders: a merge redeclares thousands of people.
        for key, level in evidence.declared.of(person) if person is not None else ():
            assert person is not None
            if skills.get(key) != level:
                evidence.declared.undeclare(person, key)
                label = Counter(tokens(self.vocabulary.display(key)))
                evidence.profiles.remove_counts(person, label, float(level))
        self.add_declared(
            DeclaredSkill(user_id, key, level, "declared")
            for key, level in skills.items()
            if self.evidence.level(user_id, key) != level
        )

    def declared_keys(self, user_id: str) -> list[str]:
        """The skills this person declared, as the index holds them."""
        person = self.evidence.people.find(user_id)
        return [] if person is None else [key for key, _ in self.evidence.declared.of(person)]

    def skills_changed(
        self, names: Mapping[str, str | None], aliases: Mapping[str, str] | None = None
    ) -> None:
        """Skills created (key → name) or deleted (key → None) in the workspace since the
        load, and its aliases now if an admin changed them, applied in place
        (`bot.questions.indexes`): questions find them, or no longer do, and network topics
        are filed under them, as a load would. Hook for that caller."""
        if names or aliases is not None:  # filing again costs milliseconds: not at every catch-up
            self.network.refile(self.vocabulary.update(names, aliases))

    def people_changed(self, people: Mapping[str, str | None]) -> None:
        """People a directory sync changed, as `storage.routing.routed_people` reads them,
        applied in place (`bot.questions.indexes`): one who left (None) is no longer
        suggested nor introduces anyone in a network, one who joined can be (with no
        evidence yet, only a network entry names them), a new name is shown. Hook for that
        caller only."""
        ids = self.evidence.people
        for user_id, name in people.items():
            if name is None:
                self.people.pop(user_id, None)
            else:
                self.people[ids.names[ids.id(user_id)]] = name

    def add_history(self, rows: Iterable[SolvedQuestion], first: int, total: int) -> None:
        """Solved questions oldest first; `first` is the position of this batch's first one."""
        for position, solved in enumerate(rows, first):
            question = PastQuestion(
                solved.asker_user_id,
                solved.helper_user_id,
                solved.answerer_user_ids or (solved.helper_user_id,),
                solved.created_at,
                question_private(is_private=solved.is_private, posted=solved.posted),
            )
            weight = Evidence.decay(position, max(total, position + 1))
            self._add_solved(question, solved.text, weight)

    def add_kudos(self, rows: Iterable[KudosEvidence]) -> None:
        held = self._kudos_held
        for kudos in rows:
            self._record(kudos)
            if kudos.id:
                if held and kudos.id < held[-1]:
                    self._kudos_sorted = False
                held.append(kudos.id)

    def _record(self, kudos: KudosEvidence) -> None:
        self.record_kudos(
            kudos.giver_user_id,
            kudos.receiver_user_id,
            kudos.message,
            kudos.values,
            is_private=kudos.is_private,
        )
        if kudos.quoted and kudos.id and self.explains:
            self._quoted[kudos.id] = kudos.message

    def kudos_changed(self, change: KudosChanged) -> None:
        """A kudos undone, or its quoted message edited or deleted, applied in place
        (`bot.questions.indexes`) if this copy holds it (one built before it was given does
        not): the words added go, and an edited quote's new words come. Hook for that caller."""
        held, kudos = self._held_sorted(), change.kudos
        at = bisect_left(held, kudos.id)
        if at == len(held) or held[at] != kudos.id:
            return
        added = self._quoted.pop(kudos.id, kudos.message)
        self.unrecord_kudos(
            kudos.giver_user_id,
            kudos.receiver_user_id,
            added,
            kudos.values,
            is_private=kudos.is_private,
            kept=change.kept,
        )
        if change.live:
            self._record(kudos)
        else:
            del held[at]

    def add_network(self, rows: Iterable[NetworkEntry]) -> None:
        """Networks find connectors. They make no introduction ("Carol has worked with both of
        you" would tell the thread Carol's network): the graph holds only ties anybody may see."""
        for entry in rows:
            self.network.add(entry)
            if entry.colleague_user_id and may_see(READERS, entry.user_id, Field.NETWORK):
                self.graph.link(entry.user_id, entry.colleague_user_id, DECLARED)

    def renetwork(self, user_id: str, entries: Iterable[NetworkEntry]) -> None:
        """A person's network is now `entries`: a `/skills network` change, applied in place
        (`bot.questions.indexes`), so a removed entry makes them nobody's connector at once.
        Hook for that caller only."""
        for entry in self.network.drop(user_id):
            if entry.colleague_user_id and may_see(READERS, entry.user_id, Field.NETWORK):
                self.graph.unlink(entry.user_id, entry.colleague_user_id, DECLARED)
        self.add_network(entries)

    def freeze(self) -> None:
        """End the bulk load: later facts are added in place, one at a time."""
        for _ in self.freezing():
            pass

    def freezing(self) -> Iterator[None]:
        """`freeze` in steps of a few milliseconds, for a caller on an event loop."""
        yield from self.evidence.freezing()
        yield from self.graph.freezing()
        self._held_sorted()

    def _add_solved(self, question: PastQuestion, text: str, weight: float) -> None:
        self.evidence.add_solved(question, text, weight)
        helpers = tuple(question.answerers)
        shown = may_see_question(READERS, question.asker, helpers, is_private=question.is_private)
        if shown and self.explains:
            for user_id in helpers:
                self.graph.link(user_id, question.asker, HELPED)

    def record_help(
        self,
        helper_user_id: str,
        asker_user_id: str,
        text: str,
        *,
        is_private: bool = False,
        asked_at: datetime | None = None,
    ) -> None:
        """A solved question becomes evidence, weighted as the newest; `asked_at` lets its
        helper's reason count it among those "asked in the last 13 weeks" before a reload."""
        question = PastQuestion(
            asker_user_id, helper_user_id, (helper_user_id,), asked_at, is_private
        )
        self._add_solved(question, text, 1.0)

    def record_kudos(
        self,
        giver_user_id: str,
        receiver_user_id: str,
        message: str,
        values: Collection[str] = (),
        *,
        is_private: bool = False,
    ) -> None:
        """Kudos are evidence of what the receiver helps with, and a tie between the two; a
        reason names them only when anybody may read them."""
        shown = may_see_kudos(READERS, giver_user_id, receiver_user_id, is_private=is_private)
        self.evidence.add_kudos(receiver_user_id, message, tuple(values), shown)
        if shown and self.explains:
            self.graph.link(giver_user_id, receiver_user_id, THANKED)

    def _held_sorted(self) -> array[int]:
        """The kudos held, in order (the load reads them by receiver)."""
        if not self._kudos_sorted:
            self._kudos_held = array("q", sorted(self._kudos_held))
            self._kudos_sorted = True
        return self._kudos_held

    def unrecord_kudos(
        self,
        giver_user_id: str,
        receiver_user_id: str,
        message: str,
        values: Collection[str] = (),
        *,
        is_private: bool = False,
        kept: Iterable[KudosEvidence] = (),
    ) -> None:
        """Take back what `record_kudos` added, with the same weights, so the index scores as
        if the kudos had never been given; `kept`, the receiver's kudos still standing, keep
        the words they still thank them for in reasons."""
        shown = may_see_kudos(READERS, giver_user_id, receiver_user_id, is_private=is_private)
        still = [
            (k.message, k.values)
            for k in kept
            if may_see_kudos(READERS, k.giver_user_id, k.receiver_user_id, is_private=k.is_private)
        ]
        self.evidence.remove_kudos(receiver_user_id, message, tuple(values), shown, still)
        if shown and self.explains:
            self.graph.unlink(giver_user_id, receiver_user_id, THANKED)

    def past_answers(self, user_id: str) -> int:
        """How many solved questions this person helped with (for the flow's load balancing)."""
        return self.evidence.answers(user_id)

    def declared_skills(self) -> list[str]:
        """The keys of the skills someone here declares now."""
        return [key for key, holders in self.evidence.declared.skills.items() if len(holders)]

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
        scored.surface = spellings(text)
        return scored

    def rank(self, scored: Scored, asker_user_id: str, exclude: Collection[str] = ()) -> list[str]:
        """The scored pool (everyone with evidence, on a small workspace), best first; ties go
        to who has helped more."""
        answers = scored.answers
        candidates = [
            user_id
            for user_id in scored.scores
            if user_id in self.people and user_id != asker_user_id and user_id not in exclude
        ]
        candidates.sort(key=lambda u: (-scored.scores[u], -answers.get(u, 0), u))
        return candidates

    def suggest(
        self,
        text: str,
        asker_user_id: str,
        *,
        limit: int = 10,
        exclude: Collection[str] = (),
        readers: Viewer = READERS,
        now: datetime | None = None,
    ) -> list[Suggestion]:
        """The people to ask, best first, each with why in words `readers` may read
        (`visibility.reasons_readers`); "asked in the last 13 weeks" counts back from `now`,
        the bot's clock (real time when not given)."""
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
        # One place per person: someone who is both an expert and a connector keeps the
        # higher one (a question is offered to a person once).
        first: dict[str, str] = {}
        for kind, user_id in ordered:
            first.setdefault(user_id, kind)
        ordered = [(kind, user_id) for user_id, kind in first.items()]
        suggestions = []
        for kind, user_id in ordered[:limit]:
            if kind == "expert":
                suggestions.append(self._expert(user_id, scored, readers, now))
            else:
                suggestions.append(self.network.suggestion(user_id, self._path))
        if not reads_public(readers):  # a tie is public help or kudos: no introduction
            return suggestions
        return [self._with_path(s, asker_user_id) for s in suggestions]

    def _expert(
        self, user_id: str, scored: Scored, readers: Viewer, now: datetime | None
    ) -> Suggestion:
        reason = expert_reason(
            user_id, scored, self.evidence, self.vocabulary.display, now, readers=readers
        )
        mine = tuple(t for t in scored.topics if self.evidence.level(user_id, t))
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
