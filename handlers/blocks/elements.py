"""Block Kit builders: pure functions from domain values to Slack message and view dicts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from itertools import accumulate
from typing import Any, TypeVar

from bot.errors import UserError
from bot.help import INTRO, help_lines
from bot.people import HomeSummary
from bot.safe_text import clip, isolated, safe_text, whole_characters
from bot.words import plural

Blocks = list[dict[str, Any]]
Message = dict[str, Any]  # a message as chat.postMessage takes it: `text` and `blocks`
T = TypeVar("T")

# Slack's Block Kit limits (https://api.slack.com/reference/block-kit): what a renderer may
# not exceed whatever the input; tests/slack/test_block_kit_limits.py checks them all.
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
SECTION_LIMIT = 3000
# Slack refuses a message whose blocks hold more than about 12,000 characters of text in all
# (`msg_blocks_too_long`; undocumented, seen at 11,341 to 13,297: slackapi/bolt-js#2509 and
# #2867). A message's lists share MESSAGE_TEXT, which leaves room for what holds them.
MESSAGE_TEXT = 10_000
# A message's top-level `text`, its notification and what screen readers say: Slack advises
# at most 4,000 characters there and may split a longer one into several messages
# (methods/chat.postMessage, "Truncating content").
FALLBACK_TEXT = 4000


def fallback(text: str) -> str:
    """A message's top-level `text` cut to what Slack advises; its blocks say it all."""
    return clip(text, FALLBACK_TEXT)


def conversation_named(channel_id: str, *, group_dm: bool = False) -> str:
    """A conversation as Slack can show it to someone in it: a channel links; a DM (the
    bot's, or one between people) and a group DM (`group_dm`: its id is a channel's, and its
    link would show Slack's `mpdm-…` name, or nothing where the bot is not in it) are only
    "this conversation"."""
    if channel_id.startswith("D") or group_dm:
        return "this conversation"
    return f"<#{channel_id}>"


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": clip(text, SECTION_LIMIT)}


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": mrkdwn(text)}


def one_section(text: str) -> Message:
    """A message that is one section of mrkdwn, its top-level `text` the same words."""
    return {"text": text, "blocks": [section(text)]}


def context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [mrkdwn(text)]}


def button(text: str, action_id: str, value: str = "", style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": text},
        "action_id": action_id,
    }
    if value:
        element["value"] = value
    if style:
        element["style"] = style
    return element


def actions(*elements: dict[str, Any], block_id: str | None = None) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "actions", "elements": list(elements)}
    if block_id:
        block["block_id"] = block_id
    return block


def shorten(text: str, limit: int) -> str:
    """Plain text cut to `limit`; text in Slack's format is cut with `clip`."""
    return text if len(text) <= limit else whole_characters(text, limit - 1).rstrip() + "…"


def filled_sections(
    heading: str, items: Sequence[str], most: int | None = None, where: str = ""
) -> Blocks:
    """`heading` and `items` (each under SECTION_LIMIT) one per line, in as few sections as
    Slack's 3,000 characters a section allow; with `most`, no more sections than that, the
    last ending with how many items were left out (`and_more`, `where` to see them)."""
    groups: list[list[str]] = [[heading]]
    size = len(heading)
    for item in items:
        if size + 1 + len(item) > SECTION_LIMIT:
            groups.append([item])
            size = len(item)
        else:
            groups[-1].append(item)
            size += 1 + len(item)
    if most is not None and len(groups) > most:
        groups = groups[:most]
        hidden = len(items) - (sum(len(group) for group in groups) - 1)
        last = groups[-1]
        while len(last) > 1 and len("\n".join(last)) + 1 + len(and_more(hidden, where)) > (
            SECTION_LIMIT
        ):
            last.pop()
            hidden += 1
        last.append(and_more(hidden, where))
    return [section("\n".join(group)) for group in groups]


def text_size(blocks: Blocks) -> int:
    """The characters of text in these blocks, as Slack counts them towards MESSAGE_TEXT."""
    return sum(len(node["text"]) for node in _text_objects(blocks))


def _text_objects(raw: Any) -> Iterator[dict[str, Any]]:
    if isinstance(raw, dict):
        if raw.get("type") in ("plain_text", "mrkdwn") and isinstance(raw.get("text"), str):
            yield raw
        for value in raw.values():
            yield from _text_objects(value)
    elif isinstance(raw, list):
        for item in raw:
            yield from _text_objects(item)


@dataclass(frozen=True)
class TextList:
    """A titled list: at most `limit` items shown, `notes` always."""

    heading: str
    items: Sequence[str]
    limit: int | None = None
    notes: Sequence[str] = ()

    def size(self, shown: int, where: str) -> int:
        """The characters of text it takes with `shown` items (and the line saying how many
        more, when that is not all of them)."""
        hidden = len(self.items) - shown
        more = len(and_more(hidden, where)) + 1 if hidden else 0
        return len(self.heading) + self._ends[shown] + more + sum(len(n) + 1 for n in self.notes)

    @property
    def most(self) -> int:
        """How many items it shows given room: all, or `limit` lines with the "…and N more"."""
        if self.limit is None or len(self.items) <= self.limit:
            return len(self.items)
        return self.limit - 1

    @cached_property
    def _ends(self) -> list[int]:
        return [0, *accumulate(len(item) + 1 for item in self.items)]


def listed(one: TextList, budget: int, where: str) -> tuple[Blocks, bool]:
    """The list's heading, then as many items (at most `one.most`) as `budget` characters of
    text hold, then its notes, in sections (`filled_sections`); a cut list's last line says
    how many more and `where` they are (`and_more`). Whether it cut."""
    shown = one.most
    while shown > 0 and one.size(shown, where) > budget:
        shown -= 1
    lines = list(one.items[:shown])
    if shown < len(one.items):
        lines.append(and_more(len(one.items) - shown, where))
    return filled_sections(one.heading, [*lines, *one.notes]), shown < len(one.items)


def lists_within(lists: Sequence[TextList], budget: int, where: str) -> tuple[list[Blocks], bool]:
    """Each list's sections (`listed`), cut to a fair share of `budget` characters of text
    (`fair_shares`: a short list keeps all it needs); whether any was cut."""
    needs = [one.size(one.most, where) for one in lists]
    shares = fair_shares(needs, budget)
    shown = [listed(one, share, where) for one, share in zip(lists, shares, strict=True)]
    return [blocks for blocks, _ in shown], any(cut for _, cut in shown)


def fair_shares(needs: Sequence[int], total: int) -> list[int]:
    """`total` shared among parts that need `needs`: a part needing less than an even share
    gets what it needs, and what it leaves goes to the others, evenly."""
    shares = [0] * len(needs)
    left, waiting = total, sorted(range(len(needs)), key=lambda i: needs[i])
    while waiting:
        even = left // len(waiting)
        first = waiting[0]
        if needs[first] > even:
            for i in waiting:
                shares[i] = even
            break
        shares[first] = needs[first]
        left -= needs[first]
        waiting.pop(0)
    return shares


def and_more(hidden: int, where: str) -> str:
    """What a cut list ends with: how many were left out and where to see them all."""
    return f"…and {hidden:,} more{' ' + where if where else ''}."


def names_within(head: str, names: Sequence[str], where: str) -> str:
    """`head` and as many of `names` (comma-separated) as fit a section, the last saying how
    many more and `where` they are (`and_more`); empty when there are none."""
    ends = [0, *accumulate(len(name) + 2 for name in names)]  # each name and its ", "
    shown = len(names)
    while shown > 0:
        more = len(and_more(len(names) - shown, where)) + 2 if shown < len(names) else 0
        if len(head) + ends[shown] + more < SECTION_LIMIT:
            break
        shown -= 1
    if not names:
        return ""
    if shown == len(names):
        return f"{head}{', '.join(names)}."
    return f"{head}{', '.join([*names[:shown], and_more(len(names) - shown, where)])}"


def capped(items: Sequence[T], limit: int, more: T | None = None) -> list[T]:
    """At most `limit` items; when there are more, the first `limit - 1` and then `more`
    (built with `and_more`), so a list of any length fits where `limit` fit."""
    if len(items) <= limit:
        return list(items)
    assert more is not None, "a cut list must say how many are left out and where"
    return [*items[: limit - 1], more]


def capped_lines(lines: Sequence[str], limit: int, where: str) -> list[str]:
    """`capped` for lines of text: "…and N more {where}." as the last line."""
    return capped(lines, limit, and_more(len(lines) - limit + 1, where))


def render_help(command: str | None = None, *, has_values: bool = True) -> dict[str, Any]:
    """The reply to `/askaround help` (or one command's help); `has_values`: whether the
    workspace has company values for kudos to name."""
    lines = "\n".join(f"• {line}" for line in help_lines(command, has_values=has_values))
    return {
        "text": f"{INTRO}\n{lines}",
        "blocks": [
            section(f"*Hi, I'm askaround.* {INTRO}"),
            section(lines),
            context(
                "Mention me with a question, send me a direct message, or pick *Find an "
                "expert* in the ⋮ menu of a colleague's message."
            ),
        ],
    }


def plain(name: str) -> str:
    """A name as mrkdwn text that links and pings nothing (`safe_text`); a blank one (a
    Slack profile with no name) as "someone", never `**` in bold; one written right to left
    set apart from the text around it (`isolated`)."""
    return isolated(safe_text(name.strip())) or "someone"


def slack_time(at: datetime, shown: str = "{time}") -> str:
    """A moment as each reader's Slack shows it, in their own time zone (Slack's date token,
    `shown` its format); in UTC where Slack cannot (a notification, an old client)."""
    utc = at.astimezone(UTC)
    fallback = f"{utc:%Y-%m-%d %H:%M}" if "date" in shown else f"{utc:%H:%M}"
    return f"<!date^{int(at.timestamp())}^{shown}|{fallback} UTC>"


def render_error(message: str | UserError) -> dict[str, Any]:
    """A refusal; the names of people a `UserError` carries are shown as every render shows
    names (`plain`), so a profile's name can neither ping nor hide a link."""
    text = message.told(plain) if isinstance(message, UserError) else message
    return {"text": fallback(text), "blocks": [section(f":warning: {text}")]}


def render_home_intro(summary: HomeSummary) -> Blocks:
    """The tab's first part, as Slack's onboarding guidance puts it: a welcome, how to ask,
    and a pointer to `/askaround help` rather than its whole list of commands, which made
    every Home tab long; how many colleagues askaround knows, for who may see it, once it
    knows any (none, before its first read of Slack's directory, read as if nobody could
    ever be asked). Two blocks, no header: Slack names the app above its Home tab, and those
    who use the tab already find their own things right under it."""
    known = summary.known_colleagues
    counted = f" askaround knows {plural(known, 'colleague')} here." if known else ""
    return [
        section(f"Welcome, <@{summary.user_id}>! {INTRO}"),
        context(
            "Ask me something in the *Messages* tab, or anywhere with `/ask`; "
            f"`/askaround help` lists every command.{counted}"
        ),
    ]
