"""The skill vocabulary as phrases of tokens, so topics are found in free text.

Aliases are looked up first (`k8s` → kubernetes, `postgres` → postgresql), then skill keys
and names; each becomes a token phrase (`sql-server` → ("sql", "server")) matched against
the question's n-grams. A key in a namespace (`db.postgres-tuning`, `ag.algebraic-geometry`)
is also found without it: nobody writes the namespace in a question. A word the workspace
has never used is tried against single-word skills with rapidfuzz, to forgive a typo like
`kubernets` without guessing on real words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from bot.directory.skills import shipped_vocabulary
from bot.routing.text import ngrams, tokens

FUZZY_CUTOFF = 90
FUZZY_MIN_LENGTH = 6
NAMESPACE_MIN_REST = 4


@cache
def shipped_aliases() -> dict[str, str]:
    """The curated alias vocabulary (alias key → skill key) that ships with askaround."""
    return dict(shipped_vocabulary().aliases)


def unprefixed(phrase: tuple[str, ...]) -> tuple[str, ...] | None:
    """The phrase without a namespace before a dot in its first word (`db.postgres` →
    `postgres`), None when it has none. The rest must be a word of NAMESPACE_MIN_REST letters
    or more, so names with a dot such as `node.js`, `asp.net` or `socket.io` stay whole."""
    space, dot, rest = phrase[0].rpartition(".")
    if not dot or not space.isalpha() or not rest.isalpha() or len(rest) < NAMESPACE_MIN_REST:
        return None
    return (rest, *phrase[1:])


class Vocabulary:
    """A workspace's skills as token phrases; `shipped` adds the curated alias vocabulary."""

    def __init__(
        self,
        names: Mapping[str, str],
        aliases: Mapping[str, str] | None = None,
        *,
        shipped: bool = False,
    ) -> None:
        self.names: dict[str, str] = dict(names)
        # Each skill's key and name as phrases, and each alias's once tokenised: `update`
        # files them again as a load would, in the same order (names first, by creation).
        self._labels = {
            key: (tuple(tokens(key)), tuple(tokens(name))) for key, name in names.items()
        }
        self._shipped = shipped
        self._alias_phrases: dict[str, tuple[str, ...]] = {}
        self._alias(aliases or {})
        self._file()

    def _alias(self, aliases: Mapping[str, str]) -> None:
        self.aliases = dict(aliases)  # the workspace's own (alias → key), in creation order
        self._aliases = {**shipped_aliases(), **aliases} if self._shipped else self.aliases

    def _file(self) -> None:
        self._phrases: dict[tuple[str, ...], str] = {}
        for key, labels in self._labels.items():
            for phrase in labels:
                self._add(phrase, key)
        for alias, key in self._aliases.items():
            if key in self.names:
                said = self._alias_phrases.get(alias)
                if said is None:
                    said = self._alias_phrases[alias] = tuple(tokens(alias))
                self._add(said, key)
        self._single_words = {p[0]: key for p, key in self._phrases.items() if len(p) == 1}
        self._choices = [w for w in self._single_words if len(w) >= FUZZY_MIN_LENGTH]
        self.longest = max((len(p) for p in self._phrases), default=1)

    def _add(self, phrase: tuple[str, ...], key: str) -> None:
        if phrase:
            self._phrases.setdefault(phrase, key)
            if (bare := unprefixed(phrase)) is not None:
                self._phrases.setdefault(bare, key)

    def update(
        self, names: Mapping[str, str | None], aliases: Mapping[str, str] | None = None
    ) -> dict[tuple[str, ...], str | None]:
        """Skills created (key → name) or deleted (key → None) since the load, and the
        workspace's aliases now when an admin changed them (`askaround skills alias`, `skills
        merge`), as a routing index catching up in place learns of them
        (`bot.questions.indexes`): the phrases are filed again as a load of the same skills
        and aliases would file them. Returns each phrase whose skill changed, with the skill
        it stood for before (None: none)."""
        if aliases is not None:
            self._alias(aliases)
        for key, name in names.items():
            if name is None:
                self.names.pop(key, None)
                self._labels.pop(key, None)
            else:
                self.names[key] = name
                self._labels[key] = (tuple(tokens(key)), tuple(tokens(name)))
        before = self._phrases
        self._file()
        return {
            phrase: before.get(phrase)
            for phrase in before.keys() | self._phrases.keys()
            if before.get(phrase) != self._phrases.get(phrase)
        }

    def key_for(self, label: str) -> str | None:
        """The skill a label (a key, a name or an alias) stands for, if any."""
        return self._phrases.get(tuple(tokens(label)))

    def key_for_phrase(self, phrase: tuple[str, ...]) -> str | None:
        """`key_for` of a label already tokenised."""
        return self._phrases.get(phrase)

    def display(self, key: str) -> str:
        return self.names.get(key, key)

    def find(self, terms: list[str], known: Callable[[str], bool] | None = None) -> list[str]:
        """Skill keys in a tokenised text, each once, in text order.

        A longer phrase does not hide the shorter ones inside it: a question about
        `sql server 2008` is also about `sql server`.
        """
        found: dict[str, int] = {}
        covered: set[int] = set()
        for start, phrase in ngrams(terms, self.longest):
            key = self._phrases.get(phrase)
            if key is not None:
                covered.update(range(start, start + len(phrase)))
                found.setdefault(key, start)
        if self._choices:
            from rapidfuzz import fuzz, process  # loaded by the first fuzzy match

            for position, term in enumerate(terms):
                if position in covered or len(term) < FUZZY_MIN_LENGTH:
                    continue
                if known is not None and known(term):
                    continue
                best = process.extractOne(
                    term, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
                )
                if best is not None:
                    found.setdefault(self._single_words[best[0]], position)
        return sorted(found, key=found.__getitem__)
