"""Properties of the skill vocabulary (`bot/directory/skills.py`): keys, aliases, type-ahead
and finding skills in free text, for any name a person types."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from bot.directory.skills import (
    MAX_KEY_LENGTH,
    find_skills,
    normalise_skill,
    shipped_vocabulary,
    skill_key,
)
from tests.domain.properties import FEWER, MANY, SOME

VOCABULARY = shipped_vocabulary()
KEYS = st.sampled_from(sorted(VOCABULARY.names))
ALIASES = st.sampled_from(sorted(VOCABULARY.aliases))
SYMBOLS = ("c", "c#", "c++", ".net", "f#")
NAME_TEXT = st.text(max_size=120) | st.text(string.printable, max_size=120)


@MANY
@given(NAME_TEXT)
def test_skill_keys_are_canonical(text: str) -> None:
    """A key is its own key (normalising twice changes nothing), lowercase, without spaces,
    at most 100 characters, and never starts or ends with a dash."""
    key = skill_key(text)
    assert skill_key(key) == key
    assert len(key) <= MAX_KEY_LENGTH
    assert not any(c.isspace() for c in key)
    assert not key.startswith("-") and not key.endswith("-")


@FEWER
@given(KEYS, st.sampled_from(["", " ", "  "]), st.booleans())
def test_every_shipped_skill_normalises_to_itself(key: str, pad: str, shout: bool) -> None:
    """Each skill of the shipped vocabulary, typed in any case and with spaces around it,
    normalises to its own key."""
    typed = f"{pad}{key.upper() if shout else key}{pad}"
    assert normalise_skill(typed) == key


@FEWER
@given(ALIASES)
def test_every_alias_normalises_to_a_known_skill(alias: str) -> None:
    """Every shipped alias (`k8s`) leads to a skill the vocabulary knows (`kubernetes`)."""
    key = normalise_skill(alias)
    assert key is not None and VOCABULARY.knows(key)


@FEWER
@given(st.permutations(SYMBOLS), st.sampled_from([" ", ", ", " and ", " with "]))
def test_symbols_stay_distinct(order: list[str], joiner: str) -> None:
    """`c`, `c#`, `c++`, `.net` and `f#` are five different skills, alone and in a sentence;
    none collapses into another."""
    assert [normalise_skill(s) for s in order] == list(order)
    sentence = "We use " + joiner.join(s.upper() if s == "c" else s for s in order) + " here"
    assert sorted(find_skills(sentence)) == sorted(SYMBOLS)


@MANY
@given(NAME_TEXT)
def test_normalise_is_none_or_a_known_key(text: str) -> None:
    """Any typed name normalises to a skill the vocabulary knows, or to None."""
    key = normalise_skill(text)
    assert key is None or VOCABULARY.knows(key)


@FEWER
@given(st.text(max_size=300))
def test_finding_skills_in_any_text(text: str) -> None:
    """Any message: the skills found are known keys, each once."""
    found = find_skills(text)
    assert len(found) == len(set(found))
    assert all(VOCABULARY.knows(k) for k in found)


@SOME
@given(NAME_TEXT)
def test_type_ahead_never_fails(text: str) -> None:
    """Type-ahead on any text: at most 10 known skills, best first, each once; an exact
    match comes first. (150 examples: each call scores thousands of names with rapidfuzz.)"""
    found = VOCABULARY.suggest(text)
    keys = [s.key for s in found]
    assert len(keys) <= 10 and len(keys) == len(set(keys))
    assert all(VOCABULARY.knows(k) for k in keys)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    exact = VOCABULARY.normalise(text)
    if exact:
        assert keys[0] == exact


@FEWER
@given(NAME_TEXT)
def test_did_you_mean_suggests_a_known_different_skill(text: str) -> None:
    """A typo suggestion is a known skill, and only for names the vocabulary lacks."""
    suggestion = VOCABULARY.did_you_mean(text)
    if suggestion is not None:
        assert VOCABULARY.knows(suggestion.key)
        assert VOCABULARY.normalise(text) is None
