"""Block Kit for the weekly digest, `/kudos report` and the public roundup: pure functions.

The wording comes from `bot.digests.outline`; this module only lays it out within Slack's
limits (50 blocks, 3,000 characters a section, `MESSAGE_TEXT` in all), each list cut with
"…and N more" and where the rest is, and shows typed text through `safe_text`.
"""

from __future__ import annotations

from typing import Any

from bot.digests import outline
from bot.digests.service import Roundup
from bot.digests.summary import TeamSummary
from bot.safe_text import clip, safe_text
from bot.words import plural
from handlers.blocks.elements import (
    MESSAGE_TEXT,
    Blocks,
    TextList,
    context,
    listed,
    lists_within,
    one_section,
    section,
    shorten,
    text_size,
)

SHOUTOUTS_IN_MESSAGE = 15
LIST_IN_MESSAGE = 10  # quiet people, helpers, values…: the whole list is in the CSV
ROUNDUP_IN_MESSAGE = 30
HEADER_LIMIT = 150
LINE_LIMIT = 600  # a shout-out is at most 280 characters of reason, plus names and values
IN_THE_CSV = "in the attached CSV"
FROM_REPORT = "in the CSV files `/kudos report` sends you"  # where no file is attached
# The roundup tells of a week over (posted in the week after, or later by a retry): "that week".
ROUNDUP_REST = "that week, in their shout-outs"  # in the kudos channel, or where given


def _bullets(lines: tuple[str, ...] | list[str]) -> list[str]:
    return [clip(f"• {safe_text(line)}", LINE_LIMIT) for line in lines]


def _lists(parts: list[outline.Section], budget: int, rest: str) -> tuple[Blocks, bool]:
    """Each part's list, cut to its count (`_limit`) and to its share of `budget`."""
    lists = [
        TextList(
            f"*{safe_text(part.title)}*",
            _bullets(part.lines) or _bullets([part.empty]),
            _limit(part) if part.lines else None,
            _bullets(part.notes),
        )
        for part in parts
    ]
    shown, cut = lists_within(lists, budget, rest)
    return [block for blocks in shown for block in blocks], cut


def header(text: str) -> dict[str, Any]:
    """plain_text shows what it is sent, `&amp;` and all: the name as typed, unescaped."""
    shown = shorten(text, HEADER_LIMIT)
    return {"type": "header", "text": {"type": "plain_text", "text": shown}}


def _limit(part: outline.Section) -> int:
    return SHOUTOUTS_IN_MESSAGE if part.title == outline.SHOUTOUTS else LIST_IN_MESSAGE


def _digest(summary: TeamSummary, for_manager: bool, rest: str) -> tuple[Blocks, bool]:
    title = outline.title(summary, for_manager=for_manager)
    said = outline.headline(summary, for_manager=for_manager)
    blocks: Blocks = [header(title), context(safe_text(said))]
    if (nothing := outline.nothing_to_tell(summary)) is not None:
        return [*blocks, section(nothing)], False  # askaround's own words: no typed text
    lists, cut = _lists(outline.sections(summary), MESSAGE_TEXT - text_size(blocks), rest)
    return blocks + lists, cut


def has_more(summary: TeamSummary, *, for_manager: bool, rest: str) -> bool:
    """Whether `render_digest` cuts a list, and so the CSV files that have them all go too."""
    return _digest(summary, for_manager, rest)[1]


def render_digest(
    summary: TeamSummary, *, for_manager: bool = True, rest: str = IN_THE_CSV
) -> dict[str, Any]:
    """The digest DM and the `/kudos report` reply: the same summary either way. Each list
    is cut to fit one message, its last line saying how many more and where (`rest`)."""
    blocks, _ = _digest(summary, for_manager, rest)
    return {
        "text": safe_text(outline.headline(summary, for_manager=for_manager)),
        "blocks": blocks,
    }


def render_roundup(roundup: Roundup) -> dict[str, Any]:
    """The public roundup in the kudos channel: public kudos only, names (nobody is pinged).
    It is posted once its week is over, so it names the week (and its Monday), never "this
    week"."""
    title = f"Kudos of week {roundup.week.label} ({outline.day(roundup.week.monday)})"
    # A line is a kudos: one shout-out thanking two people, or seconded, is several of them.
    count = plural(len(roundup.shoutouts), "kudos")
    blocks: Blocks = [header(title)]
    shoutouts = _bullets([outline.shoutout_line(s) for s in roundup.shoutouts])
    listing = TextList(
        f"*{count}*",
        shoutouts or _bullets(["None that week."]),
        ROUNDUP_IN_MESSAGE if shoutouts else None,
    )
    shown, _ = listed(listing, MESSAGE_TEXT - text_size(blocks), ROUNDUP_REST)
    return {"text": f"{title}: {count}", "blocks": blocks + shown}


SHARED = "shared"  # not Slack's error: the channel is shared with another organisation now
_ROUNDUP_REFUSED = {
    SHARED: "{channel} is shared with another organisation now, whose people would read "
    "the names and reasons of this workspace's kudos. Pick a channel of your own",
    "is_archived": "{channel} is archived. Unarchive it, or pick another channel",
    "not_in_channel": "I was removed from {channel}. Invite me back there with "
    "`/invite @askaround`, or pick another channel",
    "channel_not_found": "Slack no longer finds {channel}: it was deleted, or it is a private "
    "channel I was removed from. Invite me back there with `/invite @askaround`, or pick "
    "another channel",
}


def render_roundup_refused(channel_id: str, cause: str, week: str) -> dict[str, Any]:
    """To an askaround admin, once for this channel and cause: the kudos channel took no
    roundup, and what fixes it."""
    where = f"<#{channel_id}>"
    known = _ROUNDUP_REFUSED.get(cause)
    why = known.format(channel=where) if known else f"Slack said `{cause}`. Pick another channel"
    text = (
        f":warning: The public kudos roundup of {week} could not be posted in {where}: {why} "
        "as the kudos channel in `/askaround settings`. "
        "Until then each week's roundup is skipped; I'm telling you this once, not every week."
    )
    return one_section(text)
