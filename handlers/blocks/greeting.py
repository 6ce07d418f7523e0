"""Block Kit for small talk: one friendly line and a pointer to `help`, never the full list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.help import INTRO, SLASH_COMMANDS
from bot.kudos.parse import how_to_give
from bot.safe_text import QUOTED_CHARS, clip, safe_text
from handlers.blocks.elements import one_section

if TYPE_CHECKING:
    from bot.questions.detect import SmallTalk

EXAMPLE_QUESTION = SLASH_COMMANDS["/ask"][0].example.removeprefix("/ask ")
FRIENDLY: dict[SmallTalk | None, str] = {
    "greeting": "Hi! I'm askaround: ask me something and I'll find colleagues who know.",
    "thanks": "You're welcome! I'm here whenever you need someone who knows.",
    "ack": "Got it. I'm here whenever you need someone who knows.",
    None: f"Ask me a whole question, like _{EXAMPLE_QUESTION}_, and I'll find who knows.",
}


def render_greeting(
    kind: SmallTalk | None, pointer: str = "Say `help` for everything I can do."
) -> dict[str, Any]:
    """The answer to `hi`, `thanks!` or a few words, in a DM, a mention or an empty command."""
    return message(FRIENDLY[kind], pointer)


def render_welcome() -> dict[str, Any]:
    """The DM someone gets the first time they open askaround's Messages tab, nothing said
    there yet (`handlers.outbox.welcome`): what askaround does, how to ask, and `help`."""
    return message(
        f"Hi! I'm askaround. {INTRO} Ask me a whole question here, like _{EXAMPLE_QUESTION}_, "
        "or anywhere with `/ask`, and I'll find colleagues who know.",
        "Say `help` for everything I can do.",
    )


def render_thanks_for_someone(has_values: bool = True) -> dict[str, Any]:
    """`thanks @bob for the review` said to the bot: the thanks is Bob's, and /kudos says it."""
    return message(
        f"That sounds like thanks for a colleague: {how_to_give(has_values)} in a "
        "public channel thanks them where everyone sees it.",
        "`/kudos help` shows the other ways.",
    )


def render_typed_command(command: str, *, more: bool = False) -> dict[str, Any]:
    """One of the app's commands sent to the bot as a message (`/skills who terraform`), or
    its words (`kudos me`, `mine`): Slack runs it only when it is typed as a command. Named
    by the command and its subcommand alone; `more`: the person typed more after it, which
    is not repeated (not kept for the reply either, `message_kinds.TypedCommand`)."""
    name = command.split(maxsplit=1)[0]
    shown = clip(safe_text(command).replace("`", "'"), QUOTED_CHARS)
    rest = " with the rest of your message" if more else ""
    return message(
        f"Type it as a command: `{shown}`{rest}, here or in any channel. Sent as a message, "
        "it reaches me as words, and I don't run it.",
        f"`{name} help` lists the {name} commands.",
    )


def render_question_reply() -> dict[str, Any]:
    """Something typed in the thread of the person's own question in the DM (what they
    forgot to say): nobody reads it; how to change the question."""
    return message(
        "Nobody reads replies to your question: to add to it, edit your question's message, "
        "and whoever I ask reads the new words.",
        "To ask something else, send it to me as a new message, not in a thread.",
    )


def render_offer_reply() -> dict[str, Any]:
    """Something typed in the thread of an offer the bot sent (taken on or not): no question
    of its own, and nobody reads it; how to answer the offer, and where to talk."""
    return message(
        "Nobody reads replies to a question I sent you: *I can help* on it puts you in touch "
        "with whoever asked, and that's where to talk with them (*Not me* if you can't help).",
        "To ask something yourself, send it to me as a new message, not in a thread.",
    )


def render_kudos_reply() -> dict[str, Any]:
    """Something typed in the thread of the DM that told someone of kudos they got (thanks
    back, most often): nobody reads it; how to thank someone where they see it."""
    return message(
        "Nobody reads replies to this message. To thank someone back, "
        "`/kudos @name for what they did`.",
        "To ask something, send it to me as a new message, not in a thread.",
    )


def render_consent_reply() -> dict[str, Any]:
    """Something typed in the thread of the bot's prompt about the person's DM question (ask
    colleagues, or the solved ones like it first): nobody reads it; how to answer the prompt
    and how to add to the question."""
    return message(
        "Nobody reads replies to this message: use its buttons to have colleagues asked or "
        "not. To add to your question, edit your question's message, and whoever I ask reads "
        "the new words.",
        "To ask something else, send it to me as a new message, not in a thread.",
    )


def render_dm_reply() -> dict[str, Any]:
    """Something typed in the thread of any other message the bot sent in its DM (a digest,
    insights, a confirmation, news of a question): nobody reads it."""
    return message(
        "Nobody reads replies to this message.",
        "To ask something, send it to me as a new message, not in a thread.",
    )


def render_empty_command(command: str) -> dict[str, Any]:
    """An empty `/ask` or `/askaround`: what to type, and where the full list is."""
    if command == "/ask":
        line = (
            f"Type your question after `/ask`, like `/ask {EXAMPLE_QUESTION}`, and I'll find "
            "colleagues who know."
        )
        return message(line, "`/ask help` lists the /ask commands.")
    return message(FRIENDLY["greeting"], f"`{command} help` shows everything I can do.")


def message(line: str, pointer: str) -> dict[str, Any]:
    text = f"{line} {pointer}"
    return one_section(text)
