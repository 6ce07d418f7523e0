"""What a message to the bot is, read from its words alone: help, small talk, thanks for a
colleague, one of the app's commands to be typed as one, or a question."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from bot import mentions
from bot.help import (
    ASK_SUBCOMMANDS,
    SLASH_COMMANDS,
    SUBCOMMANDS,
    subcommand,
)
from bot.questions.results import AskRequest, message_key
from bot.routing.text import word_count
from bot.words import first_word
from handlers.blocks.message_text import readable_text
from handlers.dispatch.router import deleted_ts
from handlers.dispatch.workspace import workspace_of

if TYPE_CHECKING:
    from bot.questions.detect import SmallTalk

HELP_WORDS = {"help", "commands", "what can you do"}
MIN_QUESTION_WORDS = 3
_THE_BOT = r"(?:you|askaround|this bot|the bot|this app|this thing)"
# Questions about the bot itself, said to it: "what is askaround?" went to colleagues as a
# question ("I found nobody to ask about question #1"). Only the bot named as their object
# counts, so "how do I use terraform" stays a question.
_ABOUT_THE_BOT = re.compile(
    rf"(?:(?:hi|hey|hello)[ ,]+)?(?:"
    rf"(?:what|who)(?: is|'s| are|’s) {_THE_BOT}"
    rf"|what (?:can|do|does|should) {_THE_BOT} do(?: for me)?"
    rf"|how (?:do|can|should) (?:i|we) use {_THE_BOT}"
    rf"|how (?:do|does) {_THE_BOT} work"
    rf")"
)


def strip_bot(text: str, bot_user_id: str | None) -> str:
    if bot_user_id:
        text = mentions.without_addressee(text, bot_user_id)
    return " ".join(text.split())


def wants_help(text: str) -> bool:
    said = " ".join(text.lower().strip(" ?!.").split())
    return said in HELP_WORDS or text.strip() == "?" or _ABOUT_THE_BOT.fullmatch(said) is not None


class TypedCommand(NamedTuple):
    """One of the app's commands sent as a message, as the reply names it: the command and
    its subcommand (`/skills add`), the app's words alone, and whether the person typed more.
    What they typed after it is theirs, which the reply's delivery does not carry: a sent
    delivery is kept until the workspace's data is deleted (docs/privacy.md)."""

    command: str
    more: bool


def typed_command(text: str, *, few_words: bool) -> TypedCommand | None:
    """The command a message sent to the bot is, to be typed as one: any of the app's
    commands sent as a message (`/skills who terraform`), one without its slash followed by
    one of its subcommands (`skills who terraform`, `ask mine`, `kudos me`), or, in a few
    words, a subcommand of `/ask` alone (`mine`, `withdraw 3`). None: it is no command."""
    word, rest = first_word(text.strip())
    if word.lower() in SLASH_COMMANDS:
        return _named(word.lower(), rest)
    named = f"/{word.lower()}"
    if named in SUBCOMMANDS and subcommand(rest, SUBCOMMANDS[named]) is not None:
        return _named(named, rest)
    if not few_words:
        return None
    if subcommand(text.strip(), ASK_SUBCOMMANDS) in ("mine", "withdraw"):
        return _named("/ask", text.strip())
    return None


def _named(command: str, rest: str) -> TypedCommand:
    word, after = first_word(rest)
    if word.lower() in SUBCOMMANDS.get(command, {}):
        return TypedCommand(f"{command} {word.lower()}", bool(after))
    return TypedCommand(command, bool(rest))


def small_talk(text: str) -> SmallTalk | None:
    """`bot.questions.detect.small_talk`. The detector's modules (about 4 MB resident, their
    regexes some 0.14 s of CPU to compile) are imported by the first message that needs them,
    not by serve's start: a workspace that only gives kudos never does (docs/benchmarks.md
    section 5)."""
    from bot.questions.detect import small_talk as said

    return said(text)


def looks_like_question(text: str) -> bool:
    """`bot.questions.detect.looks_like_question`, imported as `small_talk` is."""
    from bot.questions.detect import looks_like_question as asks

    return asks(text)


def is_chatter(text: str) -> bool:
    """A greeting, thanks or a few words: one friendly line, never a question."""
    return small_talk(text) is not None or word_count(text) < MIN_QUESTION_WORDS


def thanks_someone(text: str) -> bool:
    """Thanks meant for a colleague (`thanks @bob`, `kudos to bob`), not for the bot."""
    if small_talk(text) != "thanks":
        return False
    return bool(mentions.people(text)) or text.lstrip("/ ").lower().startswith("kudos")


def would_ask(event: dict[str, Any], context: Any) -> AskRequest | None:
    """The question a deleted message was on its way to be (a person's mention of the
    bot, or DM to it, that is not help or a greeting): Slack may deliver the message,
    or retry it, after its deletion, which must then ask nobody."""
    before = event.get("previous_message") or {}
    channel, ts = str(event.get("channel")), deleted_ts(event)
    if not before.get("user") or before.get("bot_id") or ts is None:
        return None
    said = readable_text(before)
    if not channel.startswith("D") and context.bot_user_id not in mentions.people(said):
        return None
    text = strip_bot(said, context.bot_user_id)
    if wants_help(text) or is_chatter(text):
        return None
    return AskRequest(
        team_id=workspace_of(context),
        asker_user_id=str(before["user"]),
        channel_id=channel,
        text="",
        is_private=True,
        source="message",
        key=message_key(channel, ts),
        message_ts=ts,
        thread_ts=before.get("thread_ts") or ts,
    )


def a_persons_dm(event: dict[str, Any], changed: dict[str, Any]) -> bool:
    return str(event.get("channel")).startswith("D") and bool(
        changed.get("user") and not changed.get("bot_id")
    )
