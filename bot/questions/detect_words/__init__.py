"""The words and phrases the question detector weighs (`bot/questions/detect.py`), a module for
each feature they show: `asks_for_help` (and `help_languages`; `south_asia_east_africa` for
Persian, Urdu, Bengali, Malay and Swahili; `tagalog_hausa_amharic_tamil` for those four;
`slavic_baltic_afrikaans_catalan_telugu` for Serbian, Bulgarian, Afrikaans, Catalan, Lithuanian
and Telugu; `slovak_slovene_estonian_latvian` and `icelandic_albanian_macedonian_basque` for
those four each; `azerbaijani_georgian_armenian_nepali_welsh` for those five),
`asks_how`, `question_form`,
`work`, `social`, `social_words`, `raw_text`, `personal`, `status`, `answered`, and `chat` for the
word lists `small_talk` reads; `fragments` builds the patterns and holds what several share.

Patterns run on normalised text: lower case, straight apostrophes, mentions as `@person`,
links as their label, code as `code`, emoji removed.
"""

from __future__ import annotations

from bot.questions.detect_words.answered import ANSWERED_ITSELF
from bot.questions.detect_words.asks_for_help import ASKS_FOR_HELP
from bot.questions.detect_words.asks_how import ASKS_HOW
from bot.questions.detect_words.chat import (
    ACK_ONLY_IN_PHRASES,
    ACK_PHRASES,
    ACK_WORDS,
    CHAT_SPELLINGS,
    FILLER_WORDS,
    GREETING_WORDS,
    THANKS_WORDS,
)
from bot.questions.detect_words.personal import PERSONAL
from bot.questions.detect_words.question_form import (
    INTERROGATIVE_OPENERS,
    LEAD_INS,
    WH_QUESTION,
)
from bot.questions.detect_words.raw_text import EXASPERATED, JOKING, POLL_OPTIONS, REPLY_KEYWORD
from bot.questions.detect_words.social import CAUSE_ASKED, ECHO, NO_ONE_ELSE, SOCIAL
from bot.questions.detect_words.social_words import SOCIAL_WORDS, WORK_POLICY
from bot.questions.detect_words.status import STATUS
from bot.questions.detect_words.work import WORK_WORDS

__all__ = [
    "ACK_ONLY_IN_PHRASES",
    "ACK_PHRASES",
    "ACK_WORDS",
    "ANSWERED_ITSELF",
    "ASKS_FOR_HELP",
    "ASKS_HOW",
    "CAUSE_ASKED",
    "CHAT_SPELLINGS",
    "ECHO",
    "EXASPERATED",
    "FILLER_WORDS",
    "GREETING_WORDS",
    "INTERROGATIVE_OPENERS",
    "JOKING",
    "LEAD_INS",
    "NO_ONE_ELSE",
    "PERSONAL",
    "POLL_OPTIONS",
    "REPLY_KEYWORD",
    "SOCIAL",
    "SOCIAL_WORDS",
    "STATUS",
    "THANKS_WORDS",
    "WH_QUESTION",
    "WORK_POLICY",
    "WORK_WORDS",
]
