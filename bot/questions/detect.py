"""Noticing questions in watched channels without being a nuisance.

The bot speaks up only when it is confident: a question mark or an interrogative opening,
and enough words to be about something. Greetings and chit-chat score zero.
"""

from __future__ import annotations

import re

_OPENERS = (
    "how",
    "what",
    "where",
    "who",
    "which",
    "why",
    "when",
    "is",
    "are",
    "can",
    "could",
    "does",
    "do",
    "should",
    "would",
    "will",
    "has",
    "have",
)
_ASKS_FOR_PEOPLE = re.compile(
    r"\b(any(one|body) (know|knows|here|familiar|tried|used)|who (knows|can|has)|"
    r"does anyone|do you know|is there (someone|anyone)|need help with)\b"
)
_CHITCHAT = re.compile(
    r"^(hi|hey|hello|thanks|thank you|good (morning|night)|lunch|coffee|how are you|"
    r"how('s| is) (it going|everyone|your))\b"
)
CONFIDENT = 0.6


def question_confidence(text: str) -> float:
    """0 for chit-chat, up to 1 for an unmistakable request for expertise."""
    plain = re.sub(r"<[^>]+>", " ", text).strip().lower()
    words = re.findall(r"[\w#+.-]+", plain)
    if len(words) < 4 or _CHITCHAT.search(plain):
        return 0.0
    score = 0.0
    if plain.rstrip().endswith("?"):
        score += 0.45
    if words[0] in _OPENERS:
        score += 0.25
    if _ASKS_FOR_PEOPLE.search(plain):
        score += 0.6
    return min(score, 1.0)


def looks_like_question(text: str) -> bool:
    return question_confidence(text) >= CONFIDENT
