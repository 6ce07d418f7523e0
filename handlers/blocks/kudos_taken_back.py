"""Block Kit for kudos an admin takes back: the form that asks their reason, what it turns
into once taken back, the shout-out and the recipients' DMs redrawn, and the DM the giver and
each recipient are sent. The shout-out redrawn names nobody (an edit pings nobody anyway,
but a shout-out taken back should not keep pointing at the people it was about), nor the
admin; the admin's reason is shown only to the giver and the recipients."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bot.kudos.records import Entry
from bot.kudos.taking_back import REASON_CHARS
from handlers.blocks.elements import Message, context, fallback, one_section, section, slack_time
from handlers.blocks.kudos_words import LIST_REASON, people, quote, reason

TAKE_BACK_MODAL = "take_back_kudos_modal"
TAKEN_BACK = ":leftwards_arrow_with_hook:"
WHERE_THEY_GO = (
    "They leave the leaderboards, `/kudos` views, Home, digests, reports and insights, and "
    "are no reason to ask anyone a question."
)


def _receivers(entries: Sequence[Entry]) -> list[str]:
    return list(dict.fromkeys(e.receiver for e in entries))


def _what(entries: Sequence[Entry]) -> str:
    first = entries[0]
    kind = "seconding of the kudos" if first.source == "second" else "kudos"
    return f"the {kind} <@{first.giver}> gave {people(_receivers(entries))}"


def render_take_back_modal(entries: Sequence[Entry], metadata: dict[str, Any]) -> dict[str, Any]:
    """Asked of an admin from the shout-out (the message shortcut *Take back kudos*), who can
    read the shout-out already: a modal's mentions ping nobody."""
    first = entries[0]
    about = (first.giver, *_receivers(entries))
    told = people(about)
    blocks = [
        section(
            f"Take back {_what(entries)} on {slack_time(first.created_at, '{date_short}')}?\n"
            f"{quote(first.message, LIST_REASON, about)}"
        ),
        context(
            f"{WHERE_THEY_GO} The shout-out will say an admin took them back, naming nobody; "
            f"{told} are told in a DM, with your reason. Admins can list kudos taken back "
            "(`askaround kudos taken-back`)."
        ),
        {
            "type": "input",
            "block_id": "reason",
            "optional": True,
            "label": {"type": "plain_text", "text": "Why? (for the giver and the receivers)"},
            "element": {
                "type": "plain_text_input",
                "action_id": "text",
                "multiline": True,
                "max_length": REASON_CHARS,
            },
        },
    ]
    return {
        "type": "modal",
        "callback_id": TAKE_BACK_MODAL,
        "title": {"type": "plain_text", "text": "Take back kudos"},
        "submit": {"type": "plain_text", "text": "Take back"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "private_metadata": json.dumps(metadata),
        "blocks": blocks,
    }


def render_taken_back_done(entries: Sequence[Entry], *, already: bool) -> dict[str, Any]:
    """What the form becomes once submitted: what was done, or that nothing was left to do."""
    if already:
        text = f"{TAKEN_BACK} Nothing to do: {_what(entries)} were already undone or taken back."
    else:
        told = people((entries[0].giver, *_receivers(entries)))
        text = (
            f"{TAKEN_BACK} Taken back: {_what(entries)}. The shout-out now says an admin "
            f"took them back, and {told} are told in a DM."
        )
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Take back kudos"},
        "close": {"type": "plain_text", "text": "Done"},
        "blocks": [section(text)],
    }


def render_taken_back_shoutout(entries: Sequence[Entry]) -> Message:
    """The shout-out (or a seconding's reply under it), redrawn in place."""
    if entries[0].source == "second":
        return one_section(f"{TAKEN_BACK} _This seconding was taken back by an admin._")
    return one_section(f"{TAKEN_BACK} _These kudos were taken back by an admin._")


def render_taken_back_received(entry: Entry) -> Message:
    """A recipient's DM about the kudos, redrawn in place; the DM they are sent says more."""
    return one_section(
        f"{TAKEN_BACK} _The kudos <@{entry.giver}> gave you here were taken back by an admin._"
    )


def render_taken_back_told(
    entries: Sequence[Entry], user: str, why: str | None, left_in: str | None = None
) -> Message:
    """The DM to `user`, the giver or one of the recipients: which kudos, and why if the
    admin said; `left_in`: where their shout-out still shows them, posted through the
    command's response_url, which leaves the bot no ts to redraw it by."""
    first = entries[0]
    when = slack_time(first.created_at, "{date_short}")
    if user == first.giver:
        headline = f"An admin took back the kudos you gave {people(_receivers(entries))} on {when}"
    else:
        headline = f"An admin took back the kudos <@{first.giver}> gave you on {when}"
    about = (first.giver, *_receivers(entries))
    lines = [f"{TAKEN_BACK} {headline}:", quote(first.message, LIST_REASON, about)]
    if why:
        lines.append(f"Their reason: {reason(why, LIST_REASON * 3)}")
    lines.append("They no longer count on leaderboards or in reports.")
    if left_in:
        lines.append(
            f"Its shout-out in {left_in} still shows them: I posted it through the `/kudos` "
            "command, not as a member there, so I can't change it."
        )
    text = "\n".join(lines)
    return {"text": fallback(text), "blocks": [section(text)]}
