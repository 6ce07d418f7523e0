"""Block Kit for the Give kudos form (a modal): whom, what they did, the company values and,
where it was opened away from a conversation, where the shout-out is posted. Opened by the
message shortcut, the global shortcut, App Home and `/kudos @someone`; what kudos look like
once given is in `kudos.py`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from handlers.blocks.elements import Blocks, context, shorten

MODAL_CALLBACK = "give_kudos_modal"
OPTION_TEXT = 75  # Slack's limit on an option's text (a value's name is at most 64)


def render_give_modal(
    values: Sequence[str],
    *,
    values_required: bool,
    recipients: Sequence[str] = (),
    permalink: str | None = None,
    metadata: dict[str, Any] | None = None,
    ask_channel: bool = False,
) -> dict[str, Any]:
    """The Give kudos modal, for the message shortcut, the global shortcut and App Home."""
    users: dict[str, Any] = {"type": "multi_users_select", "action_id": "users"}
    if recipients:
        users["initial_users"] = list(recipients)
    blocks: Blocks = []
    if permalink:
        blocks.append(context(f"About <{permalink}|this message>"))
    blocks += [
        {
            "type": "input",
            "block_id": "recipients",
            "label": {"type": "plain_text", "text": "Who are you thanking?"},
            "element": users,
        },
        {
            "type": "input",
            "block_id": "reason",
            "label": {"type": "plain_text", "text": "What did they do?"},
            "element": {
                "type": "plain_text_input",
                "action_id": "text",
                "multiline": True,
                "max_length": 2000,
            },
        },
    ]
    if values:
        options = [
            {"text": {"type": "plain_text", "text": shorten(f"#{v}", OPTION_TEXT)}, "value": v}
            for v in values[:100]
        ]
        blocks.append(
            {
                "type": "input",
                "block_id": "values",
                "optional": not values_required,
                "label": {"type": "plain_text", "text": "Company values"},
                "element": {
                    "type": "multi_static_select",
                    "action_id": "chosen",
                    "options": options,
                },
            }
        )
    if ask_channel:
        where: dict[str, Any] = {
            "type": "conversations_select",
            "action_id": "where",
            "filter": {"include": ["public"], "exclude_bot_users": True},
        }
        blocks.append(
            {
                "type": "input",
                "block_id": "channel",
                "optional": False,  # a kudos is public only where its shout-out is posted
                "label": {"type": "plain_text", "text": "Post the shout-out in"},
                "element": where,
            }
        )
    return {
        "type": "modal",
        "callback_id": MODAL_CALLBACK,
        "title": {"type": "plain_text", "text": "Give kudos"},
        "submit": {"type": "plain_text", "text": "Give kudos"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "private_metadata": json.dumps(metadata or {}),
        "blocks": blocks,
    }
