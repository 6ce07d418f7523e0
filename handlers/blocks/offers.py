"""Block Kit for a colleague's request to help with a question (an offer, in code): the
request with its buttons, how it ended, and the answer to a button pressed too late."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping

from bot.questions.policy import OFF_HOURS
from bot.questions.views import OfferView, QuestionView
from bot.safe_text import clip, safe_text
from bot.words import plural
from handlers.blocks.elements import Blocks, Message, button, context, one_section, section
from handlers.blocks.question_words import quote


def render_request_ended(question: QuestionView, *, declined: bool = False) -> Message:
    """A button pressed on a colleague's request that had already ended (its closing edit
    still on its way, or given up by the outbox): who is on it, that they passed on it
    already (`declined`: *Not me*, or a suggestion) and where the question stands, or that
    the question moved on."""
    if question.helper_user_id:
        return {"text": f"<@{question.helper_user_id}> is on it already — thanks!"}
    if declined:  # *Not me*, or someone suggested instead: it asked nobody of itself
        passed = f"You passed on question #{question.id} already"
        if question.status != "open":
            return {"text": f"{passed}; it has closed since."}
        return {
            "text": f"{passed}; others are asked about it. If you can help after all, tell "
            f"<@{question.asker_user_id}>."
        }
    return {"text": f"Question #{question.id} has moved on — thanks!"}


def offer_block_id(offer_id: int, said: Blocks) -> str:
    """`offer_ID.VERSION`, VERSION from what the request says: Slack asks for a new block_id
    each time a message is updated (blocks/actions-block), or its clients keep a colleague
    chosen in "Suggest someone" when the question's words change under it."""
    version = hashlib.sha256(json.dumps(said, sort_keys=True).encode()).hexdigest()[:8]
    return f"offer_{offer_id}.{version}"


OFFER_BLOCK = re.compile(r"offer_[0-9]{1,10}(\.[0-9a-f]{8})?")  # what offer_block_id writes


def offer_of_block(block_id: str) -> int:
    """The offer an `offer_block_id` names (an older request's `offer_ID` too)."""
    return int(block_id.removeprefix("offer_").partition(".")[0])


def request_header(question: QuestionView) -> str:
    """What a colleague's request opens with, in their DM and on their Home tab: who asked.
    Why them (a skill, "suggested by @maria") is said under the question, once."""
    return f"<@{question.asker_user_id}> has a question you might help with:"


def request_buttons(offer: OfferView) -> Blocks:
    """A waiting request's *I can help* and *Not me*, the same actions in the DM and on the
    Home tab, wherever they are pressed."""
    return [
        button("I can help", "offer_accept", str(offer.id), "primary"),
        button("Not me", "offer_decline", str(offer.id)),
    ]


def still_waiting(count: int) -> str:
    """Said to someone going away or opting out: the requests already sent to them still
    wait for their answer (nothing, with none)."""
    if not count:
        return ""
    them = "it" if count == 1 else "one"
    return (
        f" {plural(count, 'request')} I sent you still {'waits' if count == 1 else 'wait'} "
        f"for your answer: *Not me* passes {them} on now, and your Home tab lists "
        f"{'it' if count == 1 else 'them'}."
    )


FIRST_REQUEST = (
    "My first request to you: I'm askaround, and I ask colleagues privately when they might "
    "help with a question. *I can help* puts you in touch with the asker; *Not me* is fine "
    "too. `/skills away until friday` pauses my requests, `/skills optout` stops them."
)


FROM_NETWORK = " (from your network, which only you see)"
# The entry they were asked for, removed since: what it said of their network is no longer so.
NETWORK_GONE = " (from an entry you have since removed from your network)"


def render_offer(
    question: QuestionView,
    offer: OfferView,
    permalink: str | None,
    names: Mapping[str, str] | None = None,
    off_hours_now: bool = False,
    first: bool = False,
) -> Message:
    """The private DM to a candidate expert; people the question mentions read as `names`.
    It says their working hours are over only when they are as it is rendered
    (`off_hours_now`): a request is sent in their working hours, but an edit of the question
    renders it again whenever it comes. The `first` they get says what askaround is, what
    the buttons do and how to stop its requests."""
    link = f"\n<{permalink}|See the question in Slack>" if permalink else ""
    header = request_header(question)
    reason, _off_hours, _ = offer.reason.partition(OFF_HOURS)
    reason = safe_text(reason, keep=tuple(u for u in (offer.via_user_id,) if u))
    if offer.kind == "connector":
        reason += NETWORK_GONE if offer.connection_id == 0 else FROM_NETWORK
    if off_hours_now:
        reason += ". It's outside your working hours: no rush, answer when you're back"
    said = [
        section(f"{header}\n{quote(question.text, names=names)}{link}"),
        context(f"Why you: {reason}"),
        *([context(FIRST_REQUEST)] if first else []),
    ]
    return {
        "text": f"{_suggested(offer)}{header} {clip(safe_text(question.text, names=names), 150)}",
        "blocks": [
            *said,
            {
                "type": "actions",
                "block_id": offer_block_id(offer.id, said),
                "elements": [
                    *request_buttons(offer),
                    {
                        "type": "users_select",
                        "action_id": "offer_refer",
                        "placeholder": {"type": "plain_text", "text": "Suggest someone"},
                    },
                ],
            },
        ],
    }


def _suggested(offer: OfferView) -> str:
    """Who suggested a suggested colleague, for their notification (the message's `text`),
    which shows no "Why you" line."""
    if offer.kind != "referral" or not offer.via_user_id:
        return ""
    return f"<@{offer.via_user_id}> suggested you. "


def render_helper_released(
    question: QuestionView, *, deleted: bool = False, left: bool = False
) -> Message:
    """To the colleague who said they could help, once the asker withdrew the question (or
    its message was deleted, which may not have been the asker's doing, or they `left`). It
    quotes nothing: their request right above quotes the question as it is now, drawn again
    when its message is edited or deleted, where a quote here, a message of its own, would
    keep words taken back since."""
    asker = f"<@{question.asker_user_id}>"
    if left:
        gone = f"{asker} is no longer in this workspace"
    elif deleted:
        gone = f"The message {asker} asked about was deleted"
    else:
        gone = f"{asker} withdrew their question"
    return one_section(f"{gone}, so no need to follow up. Thanks!")


def render_offer_closed(
    question: QuestionView,
    note: str,
    names: Mapping[str, str] | None = None,
    met: str | None = None,
) -> Message:
    """An expert's request once the question moved on; it quotes the question as the request
    did, `names` and all (nothing once its words are blanked). Its helper's links to `met`,
    the message that introduced them to the asker, where "I've connected you" says nothing
    of where."""
    asked = [section(quote(question.text, names=names))] if question.text.strip() else []
    said = f"{note} <{met}|Go to the conversation>" if met else note
    return {"text": note, "blocks": [*asked, context(said)]}
