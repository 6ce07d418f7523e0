"""`/askaround insights` and the monthly DM as Block Kit: one section per part of the
outline, split at Slack's 3,000 characters, within a message's 50 blocks and `MESSAGE_TEXT`."""

from __future__ import annotations

from typing import Any

from bot.insights.outline import Section
from bot.safe_text import clip, safe_text
from handlers.blocks.elements import (
    MESSAGE_BLOCKS,
    MESSAGE_TEXT,
    SECTION_LIMIT,
    TextList,
    context,
    lists_within,
    text_size,
)

PICTURE_IN_DM = "The picture of help between teams is in your DM with me."
PICTURE_HERE = "The picture of help between teams is shared here."  # typed in that DM
LINE = SECTION_LIMIT // 4  # a teams line of a large org, one connector: a line, not a page


def render_insights(parts: list[Section], note: str | None) -> dict[str, Any]:
    """Each part's lines (a long list, such as the connectors, cut to its share of
    `MESSAGE_TEXT`), then `note`, if any (none where the picture could not be shared)."""
    end = [context(note)] if note else []
    lists = [
        TextList(
            f"*{safe_text(part.heading)}*",
            [clip(safe_text(line), LINE) for line in part.lines],
            notes=[clip(safe_text(note), LINE) for note in part.notes],
        )
        for part in parts
    ]
    shown, _ = lists_within(lists, MESSAGE_TEXT - text_size(end), "")
    blocks = [block for part in shown for block in part][: MESSAGE_BLOCKS - len(end)] + end
    return {"text": parts[0].heading if parts else "Insights", "blocks": blocks}
