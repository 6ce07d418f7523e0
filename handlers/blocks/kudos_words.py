"""A kudos's words as its messages show them: its reason clipped or quoted, its values as
tags, its people named; and the lines of kudos lists (standings, reasons, top values).

Lists name people (never `<@U…>`), so reading them pings nobody.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.kudos.records import Entry, Leaderboard
from bot.safe_text import clip, one_line, safe_text
from bot.words import and_list, plural
from handlers.blocks.elements import and_more, capped, capped_lines, plain

LIST_REASON = 200
NAMED = 20  # people named in one message; more are "and N others"
LISTED = 10  # reasons, standings and values in one list; more are "…and N more"
PERIOD_LABELS = {
    "week": "this week",
    "month": "this month",
    "quarter": "this quarter",
    "year": "this year",
    "all": "of all time",
    "last week": "last week",
    "last month": "last month",
    "last quarter": "last quarter",
    "last year": "last year",
}


def reason(
    text: str, limit: int, keep: Sequence[str] = (), names: Mapping[str, str] | None = None
) -> str:
    """A reason as the bot may repost it (`safe_text`): it mentions only `keep`, and names
    anyone else it mentions from `names`."""
    return clip(safe_text(text, keep=keep, names=names), limit)


def reason_line(
    text: str, limit: int, keep: Sequence[str] = (), names: Mapping[str, str] | None = None
) -> str:
    """A reason on one line (`one_line`), as a list or a notification shows it: its own line
    breaks would start what reads as another kudos, from someone else."""
    return reason(one_line(text), limit, keep, names)


def quote(text: str, limit: int, keep: Sequence[str] = ()) -> str:
    return "\n".join(f"> {line}" for line in reason(text, limit, keep).splitlines() or [""])


def tags(values: Sequence[str]) -> str:
    return " ".join(f"`#{v}`" for v in values)


def people(user_ids: Sequence[str]) -> str:
    """Each mentioned, up to NAMED; the rest counted: "<@A>, <@B> and 3 others"."""
    mentions = capped(
        [f"<@{u}>" for u in user_ids], NAMED, plural(len(user_ids) - NAMED + 1, "other")
    )
    return and_list(mentions)


def standings(board: Leaderboard) -> str:
    medals = {1: ":first_place_medal:", 2: ":second_place_medal:", 3: ":third_place_medal:"}
    lines = [f"{medals.get(i, f'{i}.')} {plain(s.name)} · {s.count}" for i, s in board.places()]
    shown = capped_lines(lines, LISTED, "with fewer kudos")
    if board.tied_beyond and len(lines) <= LISTED:  # not "fewer": as many as the last shown
        last = board.standings[-1].count
        shown.append(and_more(board.tied_beyond, f"tied at {plural(last, 'kudos', 'kudos')}"))
    return "\n".join(shown)


def reasons(entries: Sequence[Entry], names: dict[str, str]) -> str:
    lines = [
        f"• from {plain(names.get(e.giver, e.giver))}: "
        + reason_line(e.message, LIST_REASON, (), names)
        + (f" {_listed_tags(e.values)}" if e.values else "")
        # Shown only to its giver or receiver, beside public ones: which not to repeat.
        + (" (private)" if e.is_private else "")
        for e in entries
    ]
    return "\n".join(capped_lines(lines, LISTED, ""))


def _listed_tags(values: Sequence[str]) -> str:
    """A kudos's values in a list of reasons: at most LISTED, the last of them counting the
    rest, which its shout-out shows (`render_shoutout` names them all)."""
    more = and_more(len(values) - LISTED + 1, "in its shout-out")
    return " ".join(capped([f"`#{v}`" for v in values], LISTED, more))


def top_values(top: Sequence[tuple[str, int]]) -> str:
    shown = [f"`#{v}` ({n})" for v, n in top]
    return ", ".join(capped_lines(shown, LISTED, "")) or "none yet"
