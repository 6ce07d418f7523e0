"""The help graph, folded as it is read: who helped whom, between which teams, on what.

Help is a question someone took on (connected or solved: helper → asker) and a kudos (the
receiver helped the giver). Every item counts in the team-to-team flows, private ones too,
as numbers. Only public items count for a named person (connectors, topic evidence):
people appear only where they already appear to everyone (`visibility.insights_name_by`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot import visibility
from bot.insights.teams import Teams
from bot.routing.text import paired
from storage.questions import HELPED_STATES

_WORD = re.compile(r"[\w+#]+")  # letters of any script: skill keys may be `базы-данных`


class TopicFinder:
    """Skill keys named in a kudos reason, by words and hyphenated word pairs: cheap enough
    for a million reasons (the routing tokeniser is ten times slower)."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = frozenset(keys)
        self.hyphenated = any("-" in key for key in self.keys)
        self.paired = tuple(key for key in self.keys if paired(key))

    def find(self, text: str) -> set[str]:
        text = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).lower()
        words = _WORD.findall(text)
        found = set(self.keys.intersection(words))
        if self.hyphenated:
            pairs = (f"{a}-{b}" for a, b in itertools.pairwise(words))
            found.update(self.keys.intersection(pairs))
        # データベース inside データベースの移行: no spaces to find it by, so as a substring.
        found.update(key for key in self.paired if key in text)
        return found


@dataclass
class Flows:
    teams: Teams
    finder: TopicFinder
    settled: frozenset[str] = frozenset()  # topics whose evidence cannot make a risk
    team_flow: Counter[tuple[str, str]] = field(default_factory=Counter)  # (helper, helped)
    cross_help: Counter[str] = field(default_factory=Counter)  # public, across teams
    cross_teams: dict[str, set[str]] = field(default_factory=dict)
    thanked: Counter[str] = field(default_factory=Counter)  # public kudos received
    evidence: dict[str, set[str]] = field(default_factory=dict)  # topic → public helpers
    asked: Counter[str] = field(default_factory=Counter)  # topic → questions
    offered: Counter[tuple[str, str]] = field(default_factory=Counter)  # (asker, offered team)
    taken: Counter[tuple[str, str]] = field(default_factory=Counter)
    _seen: set[tuple[str, str, int]] = field(default_factory=set)  # (asker's, offered, question)
    items: int = 0

    def helped(self, helper: str, helped: str, *, public: bool) -> None:
        """One help; `public`: it may count toward its helper by name (`insights_name_by`)."""
        self.items += 1
        team_of = self.teams.team_of
        mine, theirs = team_of.get(helper), team_of.get(helped)
        if mine is None or theirs is None:
            return
        self.team_flow[mine, theirs] += 1
        if public and mine != theirs:
            self.cross_help[helper] += 1
            self.cross_teams.setdefault(helper, set()).add(theirs)

    def question(
        self, asker: str, helper: str | None, status: str, private: bool, topics: list[str]
    ) -> None:
        self.asked.update(topics)
        if helper is not None and status in HELPED_STATES:
            self.took_on(asker, helper, private, topics)

    def took_on(self, asker: str, helper: str, private: bool, topics: list[str]) -> None:
        """`helper` took on the question (counted once in `question`, asked or not)."""
        named = visibility.insights_name_by(is_private=private)
        self.helped(helper, asker, public=named)
        if named:
            for topic in topics:
                if topic not in self.settled:
                    self.evidence.setdefault(topic, set()).add(helper)

    def kudos(self, rows: Iterable[tuple[str, str, bool, str]]) -> None:
        """A batch of (giver, receiver, is private, reason): `helped` (the receiver helped
        the giver) with the lookups bound once, since a million rows go through here."""
        team_of, flow, find = self.teams.team_of, self.team_flow, self.finder.find
        scan = bool(self.finder.keys)
        cross, cross_teams, thanked, evidence = (
            self.cross_help, self.cross_teams, self.thanked, self.evidence,
        )  # fmt: skip
        private_named = visibility.insights_name_by(is_private=True)  # once: a million rows
        for giver, receiver, private, reason in rows:
            self.items += 1
            named = private_named or not private
            mine, theirs = team_of.get(receiver), team_of.get(giver)
            if mine is not None and theirs is not None:
                flow[mine, theirs] += 1
                if named and mine != theirs:
                    cross[receiver] += 1
                    cross_teams.setdefault(receiver, set()).add(theirs)
            if named:
                thanked[receiver] += 1
                if scan:  # no reason is read when no topic can become a risk
                    for topic in find(reason):
                        evidence.setdefault(topic, set()).add(receiver)

    def offer(self, question: int, asker: str, offered: str, took: bool) -> None:
        """An offer of `question`; a pair of teams counts each question once, however many
        of the team were asked it."""
        mine, theirs = self.teams.of(asker), self.teams.of(offered)
        if mine is None or theirs is None or mine == theirs:
            return
        if (mine, theirs, question) not in self._seen:
            self._seen.add((mine, theirs, question))
            self.offered[mine, theirs] += 1
        if took:
            self.taken[mine, theirs] += 1
