"""The form of a question, whatever it asks: a wh-question (`wh-question`, +0.1), the words a
sentence asks with (`interrogative opening`, +0.15), and the lead-ins read past before them."""

from __future__ import annotations

from bot.questions import detect_languages as languages
from bot.questions.detect_words import (
    azerbaijani_georgian_armenian_nepali_welsh,
    icelandic_albanian_macedonian_basque,
    slavic_baltic_afrikaans_catalan_telugu,
    slovak_slovene_estonian_latvian,
    south_asia_east_africa,
    tagalog_hausa_amharic_tamil,
)
from bot.questions.detect_words.fragments import phrases

# A plain wh-question: weak on its own ("why is the office so quiet today?").
WH_QUESTION = phrases(
    r"(?:what|where|which|why|when|who) (?:do|does|did|can|should|would|is|are|was) (?:i|we|you|"
    r"our|the|my|they|it|this|that|a|an)",
    r"where(?:'s| is| are| do| does) ",
    r"(?:what|which|whose) \w+(?: \w+)? (?:do|does|did|is|are|was|were|can|should|will) (?:we|i|"
    r"you|our|the|they|it|this|that|a|an)",
    r"(?:when|what time) (?:is|are|does|do|will) (?:the|our|my|we)",
)

INTERROGATIVE_OPENERS = (
    frozenset(
        "how what where who which why when whats is are can could does do did should would will "
        "has have any anyone anybody am may".split()
    )
    | languages.INTERROGATIVE_OPENERS
    | south_asia_east_africa.INTERROGATIVE_OPENERS
    | tagalog_hausa_amharic_tamil.INTERROGATIVE_OPENERS
    | slavic_baltic_afrikaans_catalan_telugu.INTERROGATIVE_OPENERS
    | slovak_slovene_estonian_latvian.INTERROGATIVE_OPENERS
    | icelandic_albanian_macedonian_basque.INTERROGATIVE_OPENERS
    | azerbaijani_georgian_armenian_nepali_welsh.INTERROGATIVE_OPENERS
)

# Words before the real opening of a sentence: `hey all, btw, quick one: how do we …`.
LEAD_INS = (
    frozenset(
        "hey hi hello hiya so btw ok okay also and but quick one q question hmm folks team all "
        "everyone guys y'all ps fyi sorry random dumb silly stupid".split()
    )
    | south_asia_east_africa.LEAD_INS
    | tagalog_hausa_amharic_tamil.LEAD_INS
)
