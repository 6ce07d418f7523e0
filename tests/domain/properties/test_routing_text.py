"""Properties of the tokeniser every match goes through (`bot/routing/text.py`)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.routing.text import ngrams, spellings, stem, tokens, words
from tests.domain.properties import FEWER, MANY
from tests.domain.properties.strategies import ANY_TEXT, WORDS

SYMBOLS = ("c", "c#", "c++", ".net", "f#", "node.js", "asp.net")
SEPARATOR = re.compile(r"[\s\-,;:!?()\[\]{}'\"/\\]")


@MANY
@given(ANY_TEXT)
def test_words_are_folded_tokens_and_stable(text: str) -> None:
    """Any text, in any script, splits into case-folded tokens without separators or
    accents; splitting the tokens again changes nothing."""
    found = words(text)
    assert all(w and w == w.casefold() and not SEPARATOR.search(w) for w in found)
    assert not any(0x300 <= ord(c) <= 0x36F for w in found for c in w)
    assert words(" ".join(found)) == found
    assert all(stem(t) == t or len(stem(t)) < len(t) for t in found)


@MANY
@given(ANY_TEXT)
def test_every_term_has_the_spelling_the_text_gave_it(text: str) -> None:
    """A reason quotes a term as the text wrote it, and that spelling is the same term."""
    spelled = spellings(text)
    assert set(tokens(text)) <= set(spelled)
    assert all([stem(w) for w in words(written)] == [term] for term, written in spelled.items())


@FEWER
@given(st.permutations(SYMBOLS), st.sampled_from([" ", ", ", " and ", " / ", "\n"]))
def test_symbols_stay_distinct(order: list[str], joiner: str) -> None:
    """`c`, `c#`, `c++`, `.net`, `f#`, `node.js`, `asp.net` come out as themselves, in any
    case, order or punctuation, and never collapse into one another."""
    text = "How do I use " + joiner.join(s.upper() for s in order) + "?"
    assert [t for t in tokens(text) if t in SYMBOLS] == list(order)


@FEWER
@given(st.lists(WORDS, max_size=12), st.integers(1, 4))
def test_ngrams_cover_every_run(terms: list[str], longest: int) -> None:
    """Every run of 1..longest consecutive terms comes out exactly once."""
    runs = list(ngrams(terms, longest))
    expected = [
        (i, tuple(terms[i : i + n]))
        for i in range(len(terms))
        for n in range(1, longest + 1)
        if i + n <= len(terms)
    ]
    assert runs == expected
