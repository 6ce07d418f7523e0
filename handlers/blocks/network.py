"""`/askaround network` and the monthly DM as Block Kit: one section per part of the
outline, split at Slack's 3,000 characters, capped at a message's 50 blocks."""

from __future__ import annotations

from typing import Any

from bot.insights.outline import Section
from bot.safe_text import clip, safe_text
from handlers.blocks.elements import (
    MESSAGE_BLOCKS,
    SECTION_LIMIT,
    Blocks,
    context,
    filled_sections,
)

PICTURE_IN_DM = "The picture of help between teams is in your DM with me."


def _sections(part: Section) -> Blocks:
    items = [clip(safe_text(line), SECTION_LIMIT - 1) for line in part.lines]
    return filled_sections(f"*{safe_text(part.heading)}*", items)


def render_network(parts: list[Section], note: str = PICTURE_IN_DM) -> dict[str, Any]:
    blocks = [b for part in parts for b in _sections(part)][: MESSAGE_BLOCKS - 1]
    blocks.append(context(note))
    return {"text": parts[0].heading if parts else "Network insights", "blocks": blocks}
