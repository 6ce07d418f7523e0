"""The one parser for what people type after `/kudos`.

The text comes in Slack's format; its parts are picked out there, its mentions by
`bot.mentions`. The reason keeps its mentions and links as markup but reads Slack's `&amp;`
`&lt;` `&gt;` as the characters typed, as the Give kudos modal gives them, so one reason is
stored, counted and compared alike on every path; it is re-posted through `safe_text`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from bot import mentions
from bot.errors import KudosRefused
from bot.help import KUDOS_SUBCOMMANDS, did_you_mean
from bot.mentions import BROADCAST, CHANNEL, GROUP, leading_person
from bot.safe_text import QUOTED_CHARS, clip, quoted, safe_text, unescaped

UNITS = ("week", "month", "quarter", "year")
# `week` is this week, `last week` the whole one before it (as `/kudos report` reads them).
PERIODS = (*UNITS, "all", *(f"last {unit}" for unit in UNITS))
DEFAULT_PERIOD = "month"

# #ownership, #ética, #качество; `＃` is how a Japanese or Chinese input method types `#`.
_TAG = re.compile(r"(?<![\w&/])[#\uff03]([^\W\d_][\w-]*)")
_PLAIN_AT = re.compile(r"^@([\w.-]+)")
# Between and after the people thanked: commas, "and", "&", then an optional "for" or colon;
# not the `&` of a typed `<` or `>` (`@bob <3` arrives as `<@U1> &lt;3`). A Japanese or Chinese
# input method's commas (`、`, `，`) and colon (`：`) too.
_JOINER = re.compile(r"^(?:[,\uff0c\u3001]|&amp;|&(?!lt;|gt;)|\+|and\b)\s*", re.IGNORECASE)
# Said before the people thanked (`/kudos to @bob …`, `/kudos thanks @bob …`): left out, as
# the command itself says thanks; only where a mention (or a group, refused) follows.
_BEFORE_PEOPLE = re.compile(
    r"^(?:(?:(?:big|many|huge)\s+)?(?:thanks|thank\s+you|thx|ty)(?:\s+to)?|to)\s+(?=<[@!])",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r"^(?:[:\uff1a\-—–]\s*)?(?:for\b:?\s*)?", re.IGNORECASE)  # `@a: for …`

PEOPLE_ONLY_HINT = (
    "Kudos go to people, one by one: mention each person (`/kudos @ana @ben for …`) "
    "rather than {what}."
)


@dataclass(frozen=True)
class KudosText:
    """A parsed `/kudos @ana @ben for … #value`: who, why, and the tags as typed."""

    recipients: tuple[str, ...]
    reason: str
    tags: tuple[str, ...] = ()
    channel_tags: tuple[str, ...] = ()  # `#name` Slack turned into a channel link


def refuse_groups(text: str) -> None:
    """User groups and broadcasts are never recipients: refused where `text`, what follows
    the people thanked so far, starts with one. Later, in the reason (`for covering @sre`),
    one is what was said, and the shout-out shows it through `safe_text`, pinging nobody."""
    group = GROUP.match(text)
    if group:
        what = f"the group {group.group(2)}" if group.group(2) else "a user group"
        raise KudosRefused(PEOPLE_ONLY_HINT.format(what=what), "recipients")
    broadcast = BROADCAST.match(text)
    if broadcast:
        raise KudosRefused(PEOPLE_ONLY_HINT.format(what=f"@{broadcast.group(1)}"), "recipients")


def how_to_give(has_values: bool, reason: str = "what they did", value: str = "value") -> str:
    """`/kudos @name for what they did #value`: the `#value` left out where the workspace has
    no company values (`values none`), since none could be given; `value` names one."""
    tag = f" #{value}" if has_values else ""
    return f"`/kudos @name for {reason}{tag}`"


def meant_person(user_id: str, rest: str) -> str:
    """What to say of `/kudos bob for …`, `bob` a colleague's handle typed without Slack's
    @-suggestion: the command with them mentioned, to paste back. The mention stays one (the
    answer is the typer's alone, so it notifies nobody); the rest is quoted as typed text is."""
    shown = clip(safe_text(rest, keep=mentions.people(rest)), QUOTED_CHARS)
    return (
        f"Did you mean `/kudos <@{user_id}> {shown}`? When you type @, pick them from Slack's "
        "@-suggestions, so I know who you mean."
    )


def mine_takes_nothing(rest: str, has_values: bool) -> str:
    """What to say of `/kudos me` with words after it, which it would show without: what was
    after it is quoted, so the person knows it was not read."""
    shown = clip(safe_text(rest, keep=mentions.people(rest)), QUOTED_CHARS)
    return (
        f"`/kudos me` shows the kudos you received and gave, and takes nothing after it, so I "
        f"showed none ({quoted(shown)} was after it). To thank someone: {how_to_give(has_values)}."
    )


def parse_kudos(text: str, has_values: bool = True) -> KudosText:
    """Leading mentions are the recipients; `#tags` are values; the rest is the reason."""
    text = unicodedata.normalize("NFC", text)  # é typed as e + accent is still a letter
    rest = _BEFORE_PEOPLE.sub("", text.strip(), count=1)
    recipients: list[str] = []
    while True:
        mention = leading_person(rest)
        if mention:
            user_id, after = mention
            if user_id not in recipients:
                recipients.append(user_id)
            rest = after.lstrip()
            continue
        joiner = _JOINER.match(rest) if recipients else None
        if joiner and joiner.end():
            rest = rest[joiner.end() :].lstrip()
            continue
        break
    refuse_groups(rest)
    if not recipients:
        leading = _PLAIN_AT.match(rest)
        if leading:
            raise KudosRefused(
                f"I can't tell who @{leading.group(1)} is: pick the person from Slack's "
                "autocomplete when you type @.",
                "recipients",
            )
        if CHANNEL.match(rest):
            raise KudosRefused(PEOPLE_ONLY_HINT.format(what="a channel"), "recipients")
        raise KudosRefused(
            did_you_mean("/kudos", rest, KUDOS_SUBCOMMANDS)
            or f"Start with who you're thanking: {how_to_give(has_values)}.",
            "recipients",
        )
    rest = _LEAD_IN.sub("", rest, count=1)
    tags, channel_tags = parse_tags(rest)
    # Channel links stay in the reason (`for the fix in #ops`); those that are values leave it
    # once the workspace's values are known (`without_channel_values`).
    reason = _tidy(unescaped(_without_tags(rest)))
    return KudosText(tuple(recipients), reason, tags, channel_tags)


def _without_tags(text: str) -> str:
    """`text` without its `#value` tags, its channel links left as they are."""
    parts, position = [], 0
    for link in CHANNEL.finditer(text):
        parts += [_TAG.sub("", text[position : link.start()]), link.group(0)]
        position = link.end()
    return "".join([*parts, _TAG.sub("", text[position:])])


def without_channel_values(reason: str, values: Collection[str]) -> str:
    """The reason without the channel links that name one of `values` (a `#craft` Slack
    linked to a channel called craft); every other channel link is part of what was said."""

    def drop(match: re.Match[str]) -> str:
        name = match.group(2) or match.group(1)
        return "" if name.lower() in values else match.group(0)

    return _tidy(CHANNEL.sub(drop, reason))


def _tidy(reason: str) -> str:
    return re.sub(r"[ \t]+", " ", reason).strip(" \t,;")


def parse_tags(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The `#value` tags (and channel-linked ones) in a piece of text."""
    text = unicodedata.normalize("NFC", text)
    channels = tuple(dict.fromkeys((m.group(2) or m.group(1)) for m in CHANNEL.finditer(text)))
    tags = tuple(dict.fromkeys(t.lower() for t in _TAG.findall(CHANNEL.sub("", text))))
    return tags, channels


# A period said in words is one token; not a value's name: `#this week` is the value #this,
# for the week.
_TOP_WORD = re.compile(
    r"(?<![#\w])(?:(?:this|last)\s+(?:week|month|quarter|year)|all\s+time)\b|\S+",
    re.IGNORECASE,
)
# As the help and the title say them: "this week", "all time"; and as people write all time.
_SAID = {f"this {unit}": unit for unit in UNITS} | dict.fromkeys(
    ("all time", "alltime", "all-time", "ever"), "all"
)


def parse_top(args: str) -> tuple[str, str | None]:
    """`top [period] [#value]` → (period, value tag or None)."""
    period, value = DEFAULT_PERIOD, None
    for word in _TOP_WORD.findall(unicodedata.normalize("NFC", args)):
        said = " ".join(word.lower().split())
        tags, channels = parse_tags(word)
        if tags or channels:
            value = (tags or channels)[0].lower()
        elif _SAID.get(said, said) in PERIODS:
            period = _SAID.get(said, said)
        elif said in ("this", "last"):
            raise KudosRefused(
                f"`{said}` needs a period after it: `{said} week`, `{said} month`, "
                f"`{said} quarter` or `{said} year`."
            )
        else:
            raise KudosRefused(
                f"I don't know the period {quoted(clip(safe_text(word), QUOTED_CHARS))}: use "
                "week, month, quarter, year (this one, or `last` for the one before) or all, "
                "then an optional #value."
            )
    return period, value
