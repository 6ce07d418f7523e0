"""'Knows someone': people whose declared network covers a question's topics.

A network entry is an outside contact or community ("PostgreSQL community") or a colleague,
with topics. When colleagues with the skill are scarce, the person holding the entry is
suggested as a connector ("Dana knows people in the PostgreSQL community").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping

from bot.routing.reasons import connector_reason
from bot.routing.scoring import Scored
from bot.routing.suggestion import Suggestion
from bot.routing.text import tokens
from bot.routing.vocabulary import Vocabulary
from storage.routing import NetworkEntry

LONGEST_TOPIC = 3


class Network:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._by_topic: dict[str, list[tuple[NetworkEntry, str]]] = defaultdict(list)
        self._found: dict[str, list[tuple[NetworkEntry, str]]] = {}
        # Each owner's entries and the keys they were filed under, for `drop`.
        self._of: dict[str, list[tuple[NetworkEntry, set[str]]]] = defaultdict(list)

    def add(self, entry: NetworkEntry) -> None:
        keys = set()
        for topic in entry.topics:
            key = self._filed_under(tuple(tokens(topic)))
            if key:
                self._by_topic[key].append((entry, topic))
                keys.add(key)
        self._of[entry.user_id].append((entry, keys))

    def _filed_under(self, phrase: tuple[str, ...]) -> str:
        return self.vocabulary.key_for_phrase(phrase) or " ".join(phrase)

    def refile(self, changed: Mapping[tuple[str, ...], str | None]) -> None:
        """File again the topics whose phrase now stands for another skill, or for none
        (`Vocabulary.update`: a skill created or deleted since the load), where a load would."""
        for phrase, was in changed.items():
            old, new = was or " ".join(phrase), self._filed_under(phrase)
            if old == new or old not in self._by_topic:
                continue
            moved = [(e, t) for e, t in self._by_topic[old] if tuple(tokens(t)) == phrase]
            if not moved:
                continue
            kept = [(e, t) for e, t in self._by_topic[old] if tuple(tokens(t)) != phrase]
            if kept:
                self._by_topic[old] = kept
            else:
                del self._by_topic[old]
            self._by_topic[new].extend(moved)
            for entry, _ in moved:
                for held, keys in self._of[entry.user_id]:
                    if held is entry:
                        keys.add(new)

    def drop(self, user_id: str) -> list[NetworkEntry]:
        """Take out this person's entries (their network changed) and return them."""
        held = self._of.pop(user_id, [])
        for key in set().union(*(keys for _, keys in held)):
            kept = [(e, t) for e, t in self._by_topic[key] if e.user_id != user_id]
            if kept:
                self._by_topic[key] = kept
            else:
                del self._by_topic[key]
        return [entry for entry, _ in held]

    def _covered(self, scored: Scored) -> set[str]:
        keys = set(scored.topics)
        terms = scored.terms
        for size in range(1, LONGEST_TOPIC + 1):
            keys.update(" ".join(terms[i : i + size]) for i in range(len(terms) - size + 1))
        return keys & self._by_topic.keys()

    def connectors(
        self, scored: Scored, blocked: Collection[str], people: Mapping[str, str]
    ) -> list[tuple[str, str]]:
        """("connector", user id) pairs, most topics covered first. A colleague in a network
        counts while they are among `people`: one who has left introduces nobody."""
        found: dict[str, list[tuple[NetworkEntry, str]]] = defaultdict(list)
        for key in self._covered(scored):
            for entry, topic in self._by_topic[key]:
                if entry.user_id in people and entry.user_id not in blocked:
                    colleague = entry.colleague_user_id
                    if colleague is None or (colleague in people and colleague not in blocked):
                        found[entry.user_id].append((entry, topic))
        self._found = dict(found)
        order = sorted(found, key=lambda u: (-len(found[u]), u))
        return [("connector", user_id) for user_id in order]

    def suggestion(self, user_id: str, name: Callable[[str], str]) -> Suggestion:
        """The connector's suggestion for the question last passed to `connectors`."""
        entries = self._found.get(user_id, [])
        by_contact: dict[str, list[str]] = defaultdict(list)
        entry_of: dict[str, int] = {}
        for entry, topic in entries:
            contact = entry.contact_name or name(entry.colleague_user_id or "")
            by_contact[contact].append(topic)
            entry_of.setdefault(contact, entry.id)
        contact, topics = max(by_contact.items(), key=lambda item: len(item[1]))
        return Suggestion(
            user_id,
            float(len(entries)),
            connector_reason(user_id, contact, list(dict.fromkeys(topics))),
            "connector",
            topics=tuple(dict.fromkeys(t for _, t in entries)),
            connection_id=entry_of[contact] or None,
        )
