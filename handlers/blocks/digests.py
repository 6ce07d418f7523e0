"""Block Kit for the weekly digest, `/kudos report` and the public roundup: pure functions.

The wording comes from `bot.digests.outline`; this module only lays it out within Slack's
limits (50 blocks, 3,000 characters a section) and shows typed text through `safe_text`.
"""

from __future__ import annotations

from typing import Any

from bot.digests import outline
from bot.digests.service import Roundup
from bot.digests.summary import TeamSummary
from bot.safe_text import safe_text
from handlers.blocks.elements import SECTION_LIMIT, Blocks, context, section, shorten

SHOUTOUTS_IN_MESSAGE = 15
ROUNDUP_IN_MESSAGE = 30
HEADER_LIMIT = 150


def escape(text: str) -> str:
    """Typed text (reasons, names) through `safe_text`: it pings nobody and hides no link."""
    return safe_text(text)


def _chunks(title: str, lines: list[str]) -> Blocks:
    """One section per ~3,000 characters, the title on the first."""
    blocks: Blocks = []
    current = f"*{escape(title)}*"
    for line in lines:
        item = shorten(f"• {escape(line)}", SECTION_LIMIT - 20)
        if len(current) + 1 + len(item) > SECTION_LIMIT:
            blocks.append(section(current))
            current = item
        else:
            current += "\n" + item
    blocks.append(section(current))
    return blocks


def header(text: str) -> dict[str, Any]:
    shown = shorten(escape(text), HEADER_LIMIT)
    return {"type": "header", "text": {"type": "plain_text", "text": shown}}


def has_more(summary: TeamSummary) -> bool:
    """Whether the message leaves shout-outs out, and so comes with the CSV."""
    return len(summary.shoutouts) > SHOUTOUTS_IN_MESSAGE


def render_digest(summary: TeamSummary) -> dict[str, Any]:
    """The digest DM and the `/kudos report` reply: the same summary either way."""
    blocks: Blocks = [header(outline.title(summary)), context(escape(outline.headline(summary)))]
    for part in outline.sections(summary, SHOUTOUTS_IN_MESSAGE):
        blocks.extend(_chunks(part.title, list(part.lines)))
    return {"text": escape(outline.headline(summary)), "blocks": blocks}


def render_roundup(roundup: Roundup) -> dict[str, Any]:
    """The public roundup in the kudos channel: public kudos only, names (nobody is pinged)."""
    lines = [outline.shoutout_line(s) for s in roundup.shoutouts[:ROUNDUP_IN_MESSAGE]]
    rest = len(roundup.shoutouts) - len(lines)
    if rest > 0:
        lines.append(f"…and {rest} more.")
    title = f"This week in kudos: {roundup.week.label}"
    blocks: Blocks = [header(title)]
    blocks.extend(_chunks(f"{len(roundup.shoutouts)} shout-outs", lines or ["None this week."]))
    return {"text": f"{title}: {len(roundup.shoutouts)} shout-outs", "blocks": blocks}
