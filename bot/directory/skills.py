"""The skill vocabulary: one canonical key per skill, aliases, and fuzzy suggestions.

Keys keep the symbols that tell skills apart (`c`, `c#`, `c++`, `.net`, `f#`), so the normaliser
lowercases and joins words with `-` but never strips `#`, `+` or a leading `.`. The shipped
vocabulary (`bot/data/skill_aliases.csv`, `bot/data/skill_names.csv`) is read once; a workspace
overlays the skills its people declared and the aliases its admins added.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from bot.control_chars import without_invisible

_SEPARATORS = re.compile(r"[\s_/]+")
_DASHES = re.compile(r"-{2,}")
# Quotes around a name, as typed: straight, or the typographic ones a phone's keyboard or a
# Mac's smart punctuation puts in a slash command (`/skills add “google cloud”:4`).
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a"
_EDGE_JUNK = "-,;:!?()[]{}<>*`" + QUOTE_MARKS
_TOKEN = re.compile(r"[\w#+.\-]+")
MAX_KEY_LENGTH = 100
DID_YOU_MEAN_SCORE = 80.0
MIN_SUGGEST_SCORE = 60.0
# Skill names that are also everyday words: found in free text only when capitalised.
EVERYDAY_WORDS = frozenset(
    {"go", "swift", "rust", "spark", "excel", "ruby", "rest", "dart", "julia", "elm", "c", "r"}
    | {"d", "chef", "puppet", "salt", "unity", "flask", "express", "ember", "helm", "vault"}
)


def skill_key(text: str) -> str:
    """The canonical spelling of a skill name: `Machine Learning` → `machine-learning`."""
    key = unicodedata.normalize("NFKC", without_invisible(text)).strip().lower()
    key = _SEPARATORS.sub("-", key)
    key = _DASHES.sub("-", key)[:MAX_KEY_LENGTH]
    # Trim until stable, so a key is its own key: `terraform-.` loses the dot, then the dash.
    trimmed = None
    while trimmed != key:
        trimmed = key = key.strip(_EDGE_JUNK)
        if key.endswith(".") and len(key) > 1:
            key = key[:-1]
    return key


def display_name(key: str) -> str:
    """A readable name for a key nobody curated: `incident-management` → `Incident management`."""
    words = key.replace("-", " ")
    # A capital that is two letters (`ß` is `SS`) would make a key of the longest too long
    # for the name's column.
    first = words[:1].upper()
    return (first if len(first) == 1 else words[:1]) + words[1:]


@dataclass(frozen=True)
class Suggestion:
    key: str
    name: str
    score: float


@dataclass
class Vocabulary:
    """Canonical keys with display names, and aliases pointing at keys."""

    names: dict[str, str]
    aliases: dict[str, str]
    team_keys: frozenset[str] = frozenset()
    curated: frozenset[str] = frozenset()
    _choices: list[str] | None = field(default=None, repr=False)
    _choice_keys: list[str] | None = field(default=None, repr=False)

    def overlay(self, skills: Mapping[str, str], aliases: Mapping[str, str]) -> Vocabulary:
        """This vocabulary plus a workspace's own skills and aliases (which win)."""
        names = {**self.names, **skills}
        merged = {**self.aliases, **aliases}
        for key in skills:
            merged.pop(key, None)  # a declared skill is its own key, never an alias
        return Vocabulary(names, merged, frozenset(skills), self.curated)

    def knows(self, key: str) -> bool:
        return key in self.names

    def name(self, key: str) -> str:
        return self.names.get(key) or display_name(key)

    def normalise(self, text: str) -> str | None:
        """The canonical key for a name or alias, or None when the vocabulary lacks it."""
        key = skill_key(text)
        if not key:
            return None
        key = self.aliases.get(key, key)
        return key if key in self.names else None

    def did_you_mean(self, text: str) -> Suggestion | None:
        """The known skill a new free-text name is probably a typo of, if any."""
        key = skill_key(text)
        if len(key) < 3 or self.normalise(key):
            return None
        from rapidfuzz import fuzz, process  # loaded by the first fuzzy match

        choices, keys = self._build_choices()
        best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=DID_YOU_MEAN_SCORE)
        if best is None:
            return None
        found = keys[best[2]]
        return Suggestion(found, self.name(found), best[1])

    def suggest(self, text: str, limit: int = 10) -> list[Suggestion]:
        """Type-ahead: the exact match, then prefix matches, then fuzzy ones.

        Curated and workspace skills rank above the long tail of the shipped vocabulary.
        """
        from rapidfuzz import fuzz, process  # loaded by the first fuzzy match

        query = skill_key(text)
        if not query:
            return []
        choices, keys = self._build_choices()
        best: dict[str, float] = {}
        exact = self.normalise(query)
        if exact:
            best[exact] = 300.0
        for choice, key in zip(choices, keys, strict=True):
            if choice.startswith(query):
                score = 200.0 - min(len(choice) - len(query), 50) + self._boost(key)
                best[key] = max(best.get(key, 0.0), score)
        for _choice, score, index in process.extract(
            query, choices, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=MIN_SUGGEST_SCORE
        ):
            key = keys[index]
            best[key] = max(best.get(key, 0.0), score + self._boost(key))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[:limit]
        return [Suggestion(key, self.name(key), score) for key, score in ranked]

    def _boost(self, key: str) -> float:
        return 10.0 * (key in self.team_keys) + 10.0 * (key in self.curated)

    def find_in(
        self, text: str, only: Collection[str] | None = None, max_words: int = 3
    ) -> list[str]:
        """The skills a free text mentions, in order: `rotate k8s secrets with Terraform`.

        The shipped vocabulary holds thousands of Stack Overflow tags, some of them everyday
        words; `only` restricts the answer to keys that matter (say, the ones people declared).
        """
        tokens = [t.rstrip(".") or t for t in _TOKEN.findall(text)]
        found: list[str] = []
        i = 0
        while i < len(tokens):
            for width in range(min(max_words, len(tokens) - i), 0, -1):
                words = tokens[i : i + width]
                key = self.normalise("-".join(words))
                wanted = key is not None and (only is None or key in only)
                if key and wanted and not (width == 1 and _everyday(words[0], key)):
                    if key not in found:
                        found.append(key)
                    i += width
                    break
            else:
                i += 1
        return found

    def _build_choices(self) -> tuple[list[str], list[str]]:
        if self._choices is not None and self._choice_keys is not None:
            return self._choices, self._choice_keys
        pairs: dict[str, str] = {alias: key for alias, key in self.aliases.items()}
        pairs.update({key: key for key in self.names})
        pairs.update({skill_key(name): key for key, name in self.names.items()})
        self._choices = list(pairs)
        self._choice_keys = list(pairs.values())
        return self._choices, self._choice_keys


def _everyday(word: str, key: str) -> bool:
    """A lowercase everyday word (`go`, `swift`) is not taken as the skill in free text."""
    return (skill_key(word) in EVERYDAY_WORDS or key in EVERYDAY_WORDS) and word.islower()


def read_pairs(text: str) -> Iterable[tuple[str, str]]:
    for row in csv.reader(text.splitlines()[1:]):
        if len(row) >= 2 and row[0] and row[1]:
            yield row[0], row[1]


@cache
def shipped_vocabulary() -> Vocabulary:
    """The curated vocabulary that ships with askaround, read once per process."""
    data = files("bot.data")
    aliases = dict(read_pairs(data.joinpath("skill_aliases.csv").read_text(encoding="utf-8")))
    curated = dict(read_pairs(data.joinpath("skill_names.csv").read_text(encoding="utf-8")))
    names = {key: display_name(key) for key in aliases.values()}
    names.update(curated)
    for alias in list(aliases):
        if alias in curated:
            del aliases[alias]
    return Vocabulary(names, aliases, curated=frozenset(curated))


def normalise_skill(text: str) -> str | None:
    """The canonical key of a skill name or alias in the shipped vocabulary, or None."""
    return shipped_vocabulary().normalise(text)


def find_skills(text: str) -> list[str]:
    """The shipped vocabulary's skills mentioned in a free text, in order of appearance."""
    return shipped_vocabulary().find_in(text)
