"""The words of a summary, once: Block Kit, the CLI's text and the roundup all use these.

Lines are plain text with names, never `<@U…>` mentions, so nothing here pings anyone and the
CLI prints them as they are. Long weeks are cut to `limit` shout-outs; the caller says where
the full list is (the attached CSV).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.digests.summary import (
    NO_VALUE,
    QUIET_WEEKS,
    TREND_WEEKS,
    UNSUNG_WEEKS,
    Shoutout,
    TeamSummary,
)

MESSAGE_CHARS = 280


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...]


def title(summary: TeamSummary) -> str:
    return f"Your team's week {summary.week.label} ({summary.week.monday:%d %b %Y})"


def headline(summary: TeamSummary) -> str:
    people = "person" if summary.team_size == 1 else "people"
    return (
        f"{summary.manager_name}'s team ({summary.team_size} {people}) received "
        f"{_kudos(summary.total)} in {summary.week.label}. {trend(summary)}"
    )


def trend(summary: TeamSummary) -> str:
    average = summary.previous_average
    if average == 0:
        return f"Previous {TREND_WEEKS} weeks: none{'' if summary.total else ' either'}."
    percent = round((summary.total - average) / average * 100)
    return f"Previous {TREND_WEEKS} weeks: {average:g} a week on average ({percent:+d}%)."


def shoutout_line(s: Shoutout) -> str:
    message = " ".join(s.message.split())
    if len(message) > MESSAGE_CHARS:
        message = message[: MESSAGE_CHARS - 1] + "…"
    tags = " ".join(f"#{v}" for v in s.values)
    return f"{s.receiver}, from {s.giver}: {message}" + (f" {tags}" if tags else "")


def sections(summary: TeamSummary, limit: int | None = None) -> list[Section]:
    """The summary's parts in reading order; empty parts say so rather than vanish."""
    shown = summary.shoutouts[:limit] if limit is not None else summary.shoutouts
    lines = [shoutout_line(s) for s in shown]
    if len(shown) < len(summary.shoutouts):
        lines.append(f"…and {len(summary.shoutouts) - len(shown)} more in the attached CSV.")
    if summary.private_count:
        lines.append(
            f"{_kudos(summary.private_count)} given in private conversations (counted, not shown)."
        )
    return [
        Section("Shout-outs", tuple(lines) or ("No shout-outs this week.",)),
        Section("Gave the most recognition", _counted(summary.top_givers, "given")),
        Section("Helped by answering questions", _counted(summary.helpers, "question")),
        Section(
            f"Unsung helpers (helped, no kudos in {UNSUNG_WEEKS} weeks)",
            summary.unsung or ("Nobody: every helper was thanked.",),
        ),
        Section(
            f"No kudos for {QUIET_WEEKS} weeks or more",
            tuple(
                f"{name} (last: {last:%d %b %Y})" if last else f"{name} (never)"
                for name, last in summary.quiet
            )
            or ("Nobody.",),
        ),
        Section(
            "Values",
            (", ".join(f"{_tag(v)} {n}" for v, n in summary.values),) if summary.values else ("-",),
        ),
    ]


def as_text(summary: TeamSummary) -> str:
    """The whole summary as plain text, for the CLI."""
    out = [title(summary), headline(summary), ""]
    for section in sections(summary):
        out.append(f"{section.title}:")
        out.extend(f"  - {line}" for line in section.lines)
    return "\n".join(out) + "\n"


def _tag(value: str) -> str:
    return value if value == NO_VALUE else f"#{value}"


def _kudos(n: int) -> str:
    return f"{n} kudos"


def _counted(rows: tuple[tuple[str, int], ...], noun: str) -> tuple[str, ...]:
    if not rows:
        return ("Nobody this week.",)
    if noun == "question":
        return tuple(f"{name}: {n} question{'s' if n != 1 else ''}" for name, n in rows)
    return tuple(f"{name}: {n} {noun}" for name, n in rows)
