"""Noticing questions that need an expert, without being a nuisance.

A small weighted score, so every verdict can be explained (`explain`): asking people for help
or asking how something works count most; a question mark, an interrogative opening and the
words of work add to it; small talk, invitations, rhetorical questions, jokes and questions
put to one person take away; a model of the labelled messages' words leans either way
(`bot.questions.phrasing`). The bot speaks up in a watched channel only at `CONFIDENT`.
Measured with `askaround eval questions FILE.jsonl`; docs/question-detector.md has the figures.

`small_talk` tells a greeting, thanks or an acknowledgement sent to the bot from a question.
"""

from __future__ import annotations

import re
from typing import Literal

from bot import mentions
from bot.questions import detect_languages as languages
from bot.questions import detect_words as words
from bot.questions.phrasing import lean
from bot.routing.text import fold, word_count
from bot.safe_text import unescaped

CONFIDENT = 0.6
MIN_WORDS = 3
WEIGHTS: dict[str, float] = {
    "asks for help": 0.6,
    "asks how": 0.45,
    "wh-question": 0.1,
    "question mark": 0.3,
    "interrogative opening": 0.15,
    "about work": 0.2,
    "small talk": -1.0,
    "social words": -0.5,
    "joking": -0.5,
    "put to one person": -0.6,
    "asks for status": -0.5,
    "answered itself": -2.0,
}
LEARNED = "learned phrasing"
SmallTalk = Literal["greeting", "thanks", "ack"]

# A link of any scheme Slack marks up (`<https://…|label>`, `<mailto:…>`, `<tel:…|555-1234>`),
# and a date it shows in the reader's time zone (`<!date^1700000000^{date_short}|Nov 14>`): its
# label, or its fallback text, is what the writer typed
_LINK = re.compile(
    r"<(?:[a-z][a-z0-9+.-]*:|!date\^)[^|>]*\|([^>]*)>|<(?:[a-z][a-z0-9+.-]*:|!date\^)[^>]*>",
    re.IGNORECASE,
)
# Looser than bot.mentions, which picks out real ids: here any `<@…>`, user group or `<#…>`
# token is markup to read past, never words of the question.
_PERSON = re.compile(r"<@[UW][A-Z0-9]*(?:\|[^>]*)?>|<!subteam\^[^>]*>")
_CHANNEL = re.compile(r"<#[CG][A-Z0-9]*(?:\|([^>]*))?>")
_CODE = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)
# A reply that opens by quoting what it answers (a Slack blockquote, its question typed without
# `?` too when the writer's answer follows (`> can we use the slab\nno, owner said…`), `re: "…?"`,
# `re your question "…?"`), or a question quoted further down and followed by what the writer
# says of it (`from the customer call:\n> why is it slow?\nWe're tracking it`): the quoted
# question is someone else's; only the writer's own words ask or not. A quote the message ends on
# is relayed.
_QUOTED_QUESTION = re.compile(
    r"\A\s*(?=(?:(?:>|&gt;)[^\n]*\n)*(?:>|&gt;)[^\n]*\?|(?:>|&gt;)\s*(?:can|could|how|what|why|"
    r"where|when|who|which|is|are|do|does|did|should|will|would)\b[^\n]*\n\s*[^>&\s])"
    r"(?:(?:>|&gt;)[^\n]*(?:\n|\Z))+"
    r"|(?<=\n)[ \t]*(?=(?:(?:>|&gt;)[^\n]*\n[ \t]*)*(?:>|&gt;)[^\n]*\?)"
    r"(?:(?:>|&gt;)[^\n]*\n[ \t]*)+(?=(?!>|&gt;)\S)"
    r"|\A\s*(?:re:?\s*(?:(?:your|the|ur|this|that) question:?\s*)?)?"
    r'(?:"[^"\n]*\?\s*"|“[^”\n]*\?\s*”)',
    re.IGNORECASE,
)
# A source's or a voter's words quoted as said (`source said "why would I lie?" — keeping that
# in graf 6`, `quote from a voter: "What's the point?" great line`), or a review or message a bot
# relays (`New review (2 stars): "Why is the shower cold?"`), with no question of the writer's
# after: the question is theirs, not one put to the channel
_SPOKEN_QUESTION = re.compile(
    r"\b(said|says|saying|quote|quoted|quotes|review|comment|message|feedback)\b"
    r'(?:[^"“?\n]{0,60}?:)?\s*'
    r'(?:"[^"\n]*\?[^"\n]*"|“[^”\n]*\?[^”\n]*”)(?=[^?]*\Z)',
    re.IGNORECASE,
)
# A bot's post, tagged as bots tag theirs (`[Jira] PROJ-12 created by Ana: "Why is the report
# empty?"`, `[Driver App] Message from Truck 118: "where do I drop the trailer?"`), that ends on a
# question it quotes: it relays what someone filed or sent; the channel is not asked
_RELAYED_BY_BOT = re.compile(
    r'\A(\s*\[[^\]\n]{2,40}\][^"“?\n]{0,120}?)\s*(?:"[^"\n]*\?[^"\n]*"|“[^”\n]*\?[^”\n]*”)\s*\Z'
)
# A question quoted inside the writer's words, which go on past it and ask nothing after it: a
# title (`[Discourse] New topic: "How to configure the shell over USB?" by rk_dev`), a heading
# (`Reminder: "how to write a good commit message?" is in the guide`), a question named (`the
# question from the audit was "how do you…?" - answer is…`). The writer speaks of it; they do
# not ask it. A quote the message ends on, or opens with, is read as before. Whether the
# message answered itself is still read with the quote (`Customer asked "…?" - told them Q2`,
# `New ticket #9921: "How do I…?" Priority: high`).
# (a second question quoted after the first, `The inspector asked "Where…?" and "Who…?"; I have
# prepared the answers`, is named as the first is: only a `?` outside quotes is the writer's)
_OUTSIDE_QUOTES = r'(?:[^?"“]|"[^"\n]*"|“[^”\n]*”)*'
_NAMED_QUESTION = re.compile(
    r'(?<=\S)\s*(?:"[^"\n]*\?[^"\n]*"|“[^”\n]*\?[^”\n]*”)'
    rf"(?=\W*\w)(?={_OUTSIDE_QUOTES}\Z)"
)
# The same in single quotes, as ticket bots title a ticket (`[ServiceNow] INC0044781 'How do I
# reset my PIN?' resolved`): a quote opening after a space, an apostrophe inside a word (`can't`)
# no close
_NAMED_SINGLE = re.compile(r"(?<=\S)\s+'(?=\w)(?:[^'?\n]|(?<=\w)'(?=\w))*\?'(?=\W*\w)(?=[^?]*\Z)")
# A `?` named as a character, not typed to ask (`it's a ? and not a *`, `the driver wants $1 not
# ?`): after an article, or `not` that is no `or not ?`
_CHARACTER_NAMED = re.compile(
    r"\b(a|an|the|literal|single|lone|with|than|near|uses|wants|(?<!\bor )not) \?(?![?\w])"
)
# an Armenian clause with its question mark `՞` inside, up to its full stop `։`, a stop or a line
_ARMENIAN_ASKED = re.compile(r"[^\u0589.!?\n]*\u055e[^\u0589.!?\n]*")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_EMOJI = re.compile(r":[a-z0-9_+'-]+:|[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200d]")
# a greeting's addressee (`hi HR,`, `hey Sam,`) is a name, not the sentence's opening word
_ADDRESSED = re.compile(r"\A\s*(?:hi|hey|hello|hiya|dear)\s+[\w.'-]+,")
_SENTENCE = re.compile(r"[.!?;\n]+\s+|\s+[-—–]\s+")
_WORD = re.compile(r"[@#]?[\w'+.-]*\w|[?]")
# Slack's italics (`_does anyone know_`): an underscore at a word's edge is markup, one inside
# a word (`test_socket_timeout`) is part of it
_ITALICS = re.compile(r"(?<!\w)_+(?=[^\W_])|(?<=[^\W_])_+(?!\w)")


def normalise(text: str) -> str:
    """Folded like routed text (lower case, accents dropped: `cómo` is `como`; `؟`, and `;` in
    Greek, as `?`), Slack markup replaced by plain words (italics without their underscores),
    Slack's `&amp;` `&lt;` `&gt;` read as the characters typed (after the markup, so a typed-out
    `<@U1>` is no mention), emoji gone, spaces collapsed; a quoted question the message opens
    with, as a reply quotes what it answers, dropped."""
    text = _CODE.sub(" code ", text)
    if '"' in text:
        text = _inches(text)
    text = _QUOTED_QUESTION.sub(" ", text)
    # (a quote mark first: the verbs it looks for are many, quotes are few)
    if '"' in text or "“" in text:
        text = _SPOKEN_QUESTION.sub(r" \1 ", text)
        if text.lstrip().startswith("["):
            text = _RELAYED_BY_BOT.sub(r"\1", text)
    text = _LINK.sub(lambda m: f" {m.group(1) or 'link'} ", text)
    text = _PERSON.sub(" @person ", text)
    text = mentions.BROADCAST.sub(" @here ", text)
    text = _CHANNEL.sub(lambda m: f" #{m.group(1) or 'channel'} ", text)
    # Armenian marks a question with `՞` on the word it asks about (`Ո՞վ ունի փորձ…`): a `?` that
    # closes its clause, and its full stop `։` as `.`
    if "\u055e" in text:
        text = _ARMENIAN_ASKED.sub(lambda m: m.group(0).replace("\u055e", "").rstrip() + "?", text)
    text = text.replace("\u0589", ".")
    # Arabic script's question mark (`؟`) asks as `?` does
    text = fold(unescaped(text.replace("\u2019", "'").replace("\u061f", "?")))
    # Greek asks with `;` (its question mark folds to one), after `&amp;` is read as `&`
    if _GREEK.search(text):
        text = text.replace(";", "?")
    text = _ITALICS.sub("", _EMOJI.sub(" ", text))
    return " ".join(_spelled(word) for word in text.split())


def _inches(text: str) -> str:
    """A `"` after a figure, with no quote open, as `in`: an inch mark (`a 4" main … a 2"
    service`) opens no quote, which would have hidden the question between two sizes; `"Mutual
    NDA 2024"` still closes its quote."""
    out, quoting = [], False
    for at, char in enumerate(text):
        if char == '"' and not quoting and at and text[at - 1].isdigit():
            out.append("in")
            continue
        if char == '"':
            quoting = not quoting
        out.append(char)
    return "".join(out)


def _spelled(word: str) -> str:
    """A chat spelling as the word it stands for, also before `'s` (`wat's` is `what's`)."""
    if word.endswith("'s") and word[:-2] in words.CHAT_SPELLINGS:
        return words.CHAT_SPELLINGS[word[:-2]] + "'s"
    return words.CHAT_SPELLINGS.get(word, word)


def words_of(text: str) -> list[str]:
    """The normalised message's words, with `?`, `@person` and `@here` as words."""
    return _WORD.findall(normalise(text))


_BARE_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)


def says_nothing(text: str) -> bool:
    """Only links, mentions, emoji and punctuation: no word a colleague could be asked about."""
    text = _LINK.sub(lambda m: f" {m.group(1) or ''} ", text)
    text = _CHANNEL.sub(" ", mentions.BROADCAST.sub(" ", _PERSON.sub(" ", text)))
    return re.search(r"[^\W_]", _EMOJI.sub(" ", _BARE_URL.sub(" ", text))) is None


def only_code(text: str) -> bool:
    """Code or a command pasted, and no word of the writer's own around it: nothing says what
    they want of it."""
    return bool(_CODE.search(text)) and says_nothing(_CODE.sub(" ", text))


def explain(text: str) -> dict[str, float]:
    """The features a message shows, with their weights; empty when it is too short. The
    learned phrasing's weight leans either way (`bot.questions.phrasing.lean`)."""
    raw = text.lower()
    whole = normalise(text)
    plain = _NAMED_QUESTION.sub(" ", whole) if '"' in whole or "“" in whole else whole
    if " ?" in plain:
        plain = _CHARACTER_NAMED.sub(r"\1", plain)
    if "?'" in plain:
        plain = _NAMED_SINGLE.sub(" ", plain)
    every = _WORD.findall(plain)
    tokens = [t for t in every if t not in ("?", "@person", "@here")]
    # a run of Japanese or Chinese counts a word for every two characters; pasted code or an
    # error line counts as the words it holds (`` `samtools sort: failed…` thoughts? ``)
    spans = _CODE.findall(text)
    pasted = sum(word_count(span) for span in spans) - len(spans)
    if word_count(" ".join(tokens)) + pasted < MIN_WORDS or small_talk(text):
        return {}
    seen = {
        "asks for help": bool(
            words.ASKS_FOR_HELP.search(plain) or languages.UNSPACED_ASKS_FOR_HELP.search(plain)
        ),
        "asks how": bool(words.ASKS_HOW.search(plain) or languages.UNSPACED_ASKS_HOW.search(plain)),
        "wh-question": bool(words.WH_QUESTION.search(plain)),
        "question mark": "?" in plain or bool(languages.THAI_QUESTION.search(plain)),
        "interrogative opening": any(
            opening(sentence) in words.INTERROGATIVE_OPENERS for sentence in _SENTENCE.split(plain)
        ),
        "about work": bool(words.WORK_WORDS.search(plain)) or "code" in tokens,
        "small talk": bool(
            words.SOCIAL.search(plain)
            # `else` first: a pass of its own over every message for a rare phrase
            or (
                "else" in plain
                and words.ECHO.search(plain)
                and not words.CAUSE_ASKED.search(plain)
                and not words.NO_ONE_ELSE.search(plain)
            )
            or languages.UNSPACED_SOCIAL.search(plain)
            or words.POLL_OPTIONS.search(raw)
            or words.EXASPERATED.search(raw)
            or words.REPLY_KEYWORD.search(text)
        ),
        "social words": bool(
            words.SOCIAL_WORDS.search(plain) and not words.WORK_POLICY.search(plain)
        ),
        "joking": bool(words.JOKING.search(raw)),
        "put to one person": bool(words.PERSONAL.search(plain)),
        "asks for status": bool(words.STATUS.search(plain)),
        "answered itself": bool(words.ANSWERED_ITSELF.search(whole)),
    }
    found = {name: WEIGHTS[name] for name, present in seen.items() if present}
    found[LEARNED] = lean(every)
    return found


def opening(sentence: str) -> str:
    """The sentence's first word after mentions, lead-ins and a greeting's addressee (`@ana btw,
    how do we …`, `Hi HR, how many days…`)."""
    for token in _WORD.findall(_ADDRESSED.sub("", sentence)):
        if not token.startswith("@") and token not in words.LEAD_INS:
            return token.replace("'s", "")
    return ""


def question_confidence(text: str) -> float:
    """0 for chit-chat, up to 1 for an unmistakable request for expertise."""
    return min(max(sum(explain(text).values()), 0.0), 1.0)


def looks_like_question(text: str) -> bool:
    return question_confidence(text) >= CONFIDENT


def small_talk(text: str) -> SmallTalk | None:
    """ "greeting", "thanks" or "ack" when the message is only that: `good morning :wave:`,
    `thanks!`, `ok cool, will do`; also thanks or an acknowledgement before a remark that asks
    nothing (`thanks, that fixed it`)."""
    plain = normalise(text)
    tokens = [t.strip("'") for t in _WORD.findall(plain) if t != "?"]
    meaningful = [t for t in tokens if t not in words.FILLER_WORDS]
    if not meaningful:
        return None
    chatter = words.GREETING_WORDS | words.THANKS_WORDS | words.ACK_WORDS
    if all(t in chatter for t in meaningful):
        present = set(meaningful)
        for kind, vocabulary in _KINDS:
            if present & vocabulary:
                return kind
    opener = meaningful[0]
    first_words = " ".join(meaningful[:3]) + " "
    if opener in words.ACK_ONLY_IN_PHRASES and not first_words.startswith(_ACK_OPENINGS):
        return None
    # `ok but why does it work on staging then` asks, typed without its `?`
    asks = (
        "?" in plain
        or words.ASKS_FOR_HELP.search(plain)
        or words.ASKS_HOW.search(plain)
        or words.WH_QUESTION.search(plain)
    )
    if not asks:
        for kind, vocabulary in _KINDS:
            if kind != "greeting" and opener in vocabulary:
                return kind
    return None


_ACK_OPENINGS = tuple(f"{phrase} " for phrase in words.ACK_PHRASES)
_KINDS: tuple[tuple[SmallTalk, frozenset[str]], ...] = (
    ("thanks", words.THANKS_WORDS),
    ("greeting", words.GREETING_WORDS),
    ("ack", words.ACK_WORDS),
)
