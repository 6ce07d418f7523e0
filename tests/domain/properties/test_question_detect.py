"""Properties of noticing questions in watched channels (`bot/questions/detect.py`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.questions.detect import CONFIDENT, explain, looks_like_question, question_confidence
from bot.questions.detect_words import CHAT_SPELLINGS, INTERROGATIVE_OPENERS, WORK_WORDS
from tests.domain.properties import FEWER, MANY
from tests.domain.properties.strategies import ANY_TEXT, SLACKISH_TEXT, WORDS

CHITCHAT = st.sampled_from(["hi", "hey", "hello", "thanks", "good morning", "lunch", "coffee"])
# Words that ask nothing and name no work: a random draw can spell one that asks ("Hi whats
# aa?", "Hi hw aa?") or a work word that makes it a question ("Hi aa code?", as "Hi, deploy
# broken?" is).
ASKING = INTERROGATIVE_OPENERS | {
    spelt for spelt, word in CHAT_SPELLINGS.items() if word.split("'")[0] in INTERROGATIVE_OPENERS
}
MUTE_WORDS = WORDS.filter(lambda word: word not in ASKING and not WORK_WORDS.search(word))


@MANY
@given(ANY_TEXT | SLACKISH_TEXT)
def test_any_message_has_a_confidence_between_zero_and_one(text: str) -> None:
    """Any message scores between 0 and 1, and `looks_like_question` agrees with the score."""
    score = question_confidence(text)
    assert 0.0 <= score <= 1.0
    assert looks_like_question(text) == (score >= CONFIDENT)


@FEWER
@given(CHITCHAT, st.lists(MUTE_WORDS, max_size=8), st.sampled_from(["", "?", "!"]))
def test_chitchat_is_never_a_question(greeting: str, words: list[str], end: str) -> None:
    """A greeting or small talk followed by words that ask nobody anything is no question."""
    text = " ".join([greeting.capitalize(), *words]) + end
    assert not looks_like_question(text)


@FEWER
@given(st.lists(WORDS, min_size=2, max_size=10))
def test_asking_for_people_is_a_question(words: list[str]) -> None:
    """`does anyone know …?` with four words or more is confident, unless what follows is
    small talk (`does anyone know aa hungry?`)."""
    text = "Does anyone know " + " ".join(words) + "?"
    social = {"small talk", "social words", "joking"} & set(explain(text))
    assert looks_like_question(text) or social
