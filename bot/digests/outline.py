"""The words of a summary, once: Block Kit, the CLI's text and the roundup all use these.

Lines name people, never with `<@U…>` mentions of their own; a reason keeps what its giver
typed, its mentions as Slack's markup, which a Slack renderer shows through `safe_text` (it
pings nobody) and the CLI's text through `plain_text`. Lists come whole; a Slack renderer cuts
them to fit a message and says where the rest is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.digests.summary import (
    NO_VALUE,
    QUIET_WEEKS,
    TREND_WEEKS,
    UNSUNG_WEEKS,
    Shoutout,
    TeamSummary,
)
from bot.digests.weeks import IsoWeek
from bot.safe_text import isolated, one_line, plain_text, whole_characters
from bot.timezone import zone_name
from bot.words import plural

MESSAGE_CHARS = 280
SMALL = 5  # a trend of fewer kudos than this, this week or a week before, is told in counts
HOW_TO_GIVE = "Kudos are given with `/kudos @name for … #value`."
SHOUTOUTS = "Shout-outs"


def day(on: date) -> str:
    """A day as every line of a summary writes it: `24 Nov 2026`."""
    return f"{on:%d %b %Y}"


@dataclass(frozen=True)
class Section:
    """A titled list; `empty` says why there is nothing when `lines` is empty, and `notes`
    always follow the list (a renderer may cut `lines`, never `notes`)."""

    title: str
    lines: tuple[str, ...]
    empty: str = "Nobody."
    notes: tuple[str, ...] = ()


def title(summary: TeamSummary, *, for_manager: bool) -> str:
    """ "Your team's week" for the manager themself; anyone else reads whose team it is. A
    week counted in UTC (a manager Slack gives no time zone) says so: it is not their own."""
    whose = "Your team's" if for_manager else f"{summary.manager_name}'s team:"
    utc = ", in UTC" if zone_name(summary.tz) == "UTC" else ""
    return f"{whose} week {summary.week.label} ({day(summary.week.monday)}{utc})"


def before_counting(summary: TeamSummary) -> bool:
    """Whether the week ended before askaround counted kudos: nothing in it is known."""
    since = summary.counting_since
    return since is not None and summary.week < IsoWeek.of(since)


def headline(summary: TeamSummary, *, for_manager: bool) -> str:
    """ "Your team" for the manager themself, as the title says "Your team's week"; anyone
    else reads whose team it is. A week before askaround counted kudos is not a week of
    none: it is said to be before, with the first week there is to read."""
    team = "Your team" if for_manager else f"{summary.manager_name}'s team"
    team = f"{team} ({plural(summary.team_size, 'person')})"
    since = summary.counting_since
    if since is not None and before_counting(summary):
        return (
            f"{team}: askaround has counted kudos since {day(since)}, after "
            f"{summary.week.label}, so it has nothing to tell of that week. The first week it "
            f"counted is {IsoWeek.of(since)}."
        )
    so_far = " so far" if summary.so_far else ""
    week = f"{summary.week.label}, a week not over yet" if summary.so_far else summary.week.label
    return f"{team} received {plural(summary.total, 'kudos')}{so_far} in {week}. {trend(summary)}"


def trend(summary: TeamSummary) -> str:
    """Against the weeks before that askaround counted (up to TREND_WEEKS), said as many; a
    week not over yet is set beside them without a percentage, which would only say how much
    of it is left, and so is a week of few kudos or few before it (under SMALL on either
    side): 4 against 0.5 a week is "+700%", true but loud, where the two counts say it."""
    counted = len(summary.previous)
    since = day(summary.counting_since) if summary.counting_since else ""
    if not counted:
        return f"Nothing before to compare with: askaround has counted kudos since {since}."
    weeks = f"{counted} weeks" if counted > 1 else "week"
    which = f"Previous {weeks}" + (f" (since {since})" if counted < TREND_WEEKS else "")
    average = summary.previous_average
    if average == 0:
        return f"{which}: none{'' if summary.total else ' either'}."
    per = " a week on average" if counted > 1 else ""
    if summary.so_far or min(summary.total, average) < SMALL:
        return f"{which}: {average:g}{per}."
    percent = round((summary.total - average) / average * 100)
    return f"{which}: {average:g}{per} ({percent:+d}%)."


def shoutout_line(s: Shoutout) -> str:
    message = one_line(s.message)
    if len(message) > MESSAGE_CHARS:
        message = whole_characters(message, MESSAGE_CHARS - 1) + "…"
    tags = " ".join(f"#{v}" for v in s.values)
    said = f"{isolated(s.receiver)}, from {isolated(s.giver)}: {isolated(message)}"
    return said + (f" {tags}" if tags else "")


def sections(summary: TeamSummary) -> list[Section]:
    """The summary's parts in reading order, in full; empty parts say why rather than vanish,
    but a week before askaround counted has none: each would only say it was empty."""
    if before_counting(summary):
        return []
    # A week over (a digest's, `last week`) is "that week": "this week" is the one under way.
    week = "this week" if summary.so_far else "that week"
    where = "" if summary.for_guest else " given in private conversations"
    private = (
        (f"{plural(summary.private_count, 'kudos')}{where} (counted, not shown).",)
        if summary.private_count
        else ()
    )
    return [
        Section(
            SHOUTOUTS,
            tuple(shoutout_line(s) for s in summary.shoutouts),
            f"No shout-outs {week}.",
            private,
        ),
        Section(
            "Gave the most kudos",
            tuple(f"{name}: {n} given in public" for name, n in summary.top_givers),
            f"Nobody {week}.",
        ),
        Section(
            "Took on colleagues' questions",
            tuple(f"{name}: {plural(n, 'question')}" for name, n in summary.helpers),
            f"Nobody {week}.",
        ),
        Section(
            f"Unsung helpers (helped, no kudos in public {_unsung_span(summary)})",
            summary.unsung,
            "Nobody: every helper was thanked."
            if summary.helped_lately
            else f"Nobody helped with a question {_span(summary, UNSUNG_WEEKS)}.",
        ),
        Section(_quiet_title(summary), _quiet(summary), _too_early(summary)),
        Section(
            "Values",
            tuple(f"{_tag(v)} {n}" for v, n in summary.values),
            f"No kudos {week}, so no values.",
        ),
    ]


def nothing_to_tell(summary: TeamSummary) -> str | None:
    """A week where every part would say nobody (no kudos, nobody gave or took on a
    question, nobody unsung or quiet to list): said once, with how kudos are given, rather
    than six parts each empty. None where any part has something: they are all kept."""
    parts = sections(summary)
    if not parts or any(part.lines or part.notes for part in parts):
        return None
    week = "yet this week" if summary.so_far else "that week"
    return f"No kudos and no questions taken on {week}. {HOW_TO_GIVE}"


def _span(summary: TeamSummary, weeks: int) -> str:
    """The `weeks` that end with the summary's, by their dates: "since 28 Sep 2026" while
    the week is under way (the span reaches now), "from 28 Sep to 22 Nov 2026" once it is
    over (read later, a kudos or help since is not in it, and "since" would deny it). It
    starts no earlier than askaround's counting: of the weeks before, it knows nothing."""
    first_monday = summary.week.shifted(-(weeks - 1)).monday
    if summary.counting_since is not None:
        first_monday = max(first_monday, summary.counting_since)
    if summary.so_far:
        return f"since {day(first_monday)}"
    last = _last_day(summary)
    start = f"{first_monday:%d %b}" if first_monday.year == last.year else day(first_monday)
    return f"from {start} to {day(last)}"


def _unsung_span(summary: TeamSummary) -> str:
    """ "in 4 weeks", or the days askaround counted where it began within them."""
    first_monday = summary.week.shifted(-(UNSUNG_WEEKS - 1)).monday
    since = summary.counting_since
    if since is not None and since > first_monday:
        return _span(summary, UNSUNG_WEEKS)
    return f"in {UNSUNG_WEEKS} weeks"


def _last_day(summary: TeamSummary) -> date:
    return summary.week.monday + timedelta(days=6)


def _quiet_title(summary: TeamSummary) -> str:
    """A date, not "for 8 weeks": read mid-week, someone thanked 7 weeks and 3 days ago is
    not quiet for 8 weeks, though they are since the first Monday of the 8 weeks counted."""
    return f"No kudos in public {_span(summary, QUIET_WEEKS)}"


def _quiet(summary: TeamSummary) -> tuple[str, ...]:
    """Someone never thanked in public is said to have none in what askaround counted, by
    the day it began counting, `counting_since` (the headline's "has counted kudos since").
    In public: a private kudos is dated to nobody but its giver and receiver
    (`visibility.report_ties_private_kudos`), so "none" or "last" of all kudos could be
    untrue."""
    since = summary.counting_since
    if since is None:
        none = "never in public"
    elif summary.so_far:
        none = f"none in public since {day(since)}"
    else:  # the span ends with the week: not "since"
        none = f"none in public from {day(since)} to {day(_last_day(summary))}"
    return tuple(
        f"{name} (last in public: {day(last)})" if last else f"{name} ({none})"
        for name, last in summary.quiet
    )


def _too_early(summary: TeamSummary) -> str:
    if summary.quiet_known or summary.counting_since is None:
        return "Nobody."
    return (
        f"Too early to tell: askaround has counted kudos since "
        f"{day(summary.counting_since)}, under {QUIET_WEEKS} weeks."
    )


def as_text(summary: TeamSummary) -> str:
    """The whole summary as plain text, for the CLI: reasons lose Slack's markup."""
    out = [title(summary, for_manager=False), headline(summary, for_manager=False), ""]
    if (nothing := nothing_to_tell(summary)) is not None:
        out.append(nothing)
    for section in [] if nothing else sections(summary):
        out.append(f"{section.title}:")
        out.extend(f"  - {line}" for line in (section.lines or (section.empty,)) + section.notes)
    return "\n".join(plain_text(line) for line in out) + "\n"


def _tag(value: str) -> str:
    return value if value == NO_VALUE else f"#{value}"
