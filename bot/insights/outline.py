"""A viewer's insights as sections of lines (Slack shows each as a block, the CLI prints
them) and as CSV, one row per finding. Names come from `names` (user id → display name):
only people the view already names are looked up."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC

from bot import spreadsheet, visibility
from bot.insights.measures import ASKED_OFTEN, MIN_CROSS_HELP, Analysis
from bot.insights.teams import MIN_TEAM, OTHERS
from bot.insights.view import SHOWN_RISKS, InsightsView
from bot.safe_text import plain_text
from bot.words import noun, plural

SHOWN_FLOWS = 10
NAMED_TO = "named to admins and their managers"  # whom a view may not name to its reader
ONE_PERSON = f"one person ({NAMED_TO})"
# As `bot.insights.teams.group_teams` merges them: not every small team has a parent.
SMALL_TEAMS = (
    f"Teams under {MIN_TEAM} people count with their parent team; those without one count "
    f"together as {OTHERS}, and nowhere when that is under {MIN_TEAM} people too."
)

NO_TEAMS_YET = (
    "Nobody's team is known yet: teams come from the org chart, each person's `team` in the "
    "file an admin gives with `askaround import people`; managers alone make no teams."
)


@dataclass(frozen=True)
class Section:
    """A heading, its lines (a message may cut them, saying how many more) and its notes,
    which always show."""

    heading: str
    lines: tuple[str, ...]
    notes: tuple[str, ...] = ()


def named(view: InsightsView, *, every_risk: bool = False) -> set[str]:
    """The people this view names (in the shown risks, or all of them for the CSV), whose
    display names the renderers need."""
    risks = view.risks if every_risk else view.risks[:SHOWN_RISKS]
    people = {r.person for r in risks if r.person}
    people |= {p for r in risks for p in r.second}
    return people | {c.user_id for c in view.connectors}


def _who(person: str | None, names: dict[str, str]) -> str:
    if person is None:
        return "nobody available has declared it"  # someone away or opted out may have
    return f"only {names.get(person, person)}" if person else f"only {ONE_PERSON}"


def _risk_lines(view: InsightsView, names: dict[str, str]) -> tuple[str, ...]:
    lines = []
    for r in view.risks[:SHOWN_RISKS]:
        asked = f"asked {r.asked}×" if r.asked else "not asked"
        line = f"• {r.name}: {asked} in the window, {_who(r.person, names)}"
        if r.second:
            line += "; a second one could be " + ", ".join(names.get(p, p) for p in r.second)
        if r.network_count:
            knows = noun(r.network_count, "knows", "know")
            line += (
                f"; {plural(r.network_count, 'network entry', 'network entries')} {knows} someone"
            )
        lines.append(line)
    # Not "every topic has two people": a topic asked less than ASKED_OFTEN times may have none.
    of = "" if _whole(view) else " of your org"
    return tuple(lines) or (
        f"None: no topic rests on one person{of}, and each topic asked "
        f"{ASKED_OFTEN}× or more in the window has someone who declared it or helped with it.",
    )


def more_risks(view: InsightsView) -> bool:
    """Whether the outline leaves risks out, so the CSV (`as_csv`) should go with it."""
    return len(view.risks) > SHOWN_RISKS


def counted_from(analysis: Analysis) -> str:
    """Where the figures start, as the heading and the picture say it: the window's first
    day ("since"), or, when askaround started later (a new install), that day in the words
    a digest says it in ("counted since"): nothing before it is known."""
    words = "counted since" if analysis.starts > analysis.since else "since"
    return f"{words} {analysis.starts.astimezone(UTC):%Y-%m-%d} (UTC)"


def _more(view: InsightsView, listed_in: str | None) -> str:
    more = f"… and {len(view.risks) - SHOWN_RISKS} more"
    return f"{more} ({listed_in} lists them all)" if listed_in else more


def sections(view: InsightsView, names: dict[str, str], listed_in: str | None) -> list[Section]:
    """`listed_in` names where the risks left out are all listed (a file, an option); None
    where the viewer has nowhere to read them (Slack refused the table)."""
    n = view.analysis
    scope = (
        "the whole workspace" if view.scope is visibility.InsightsScope.WORKSPACE else "your org"
    )
    teams = ", ".join(f"{t} ({n.sizes.get(t, 0)})" for t in sorted(view.teams)) or "none"
    counted = "Teams" if _whole(view) else "Teams your org is in (its people in each)"
    # Without the org chart everyone is "Other teams", and the view's every finding is empty:
    # say where teams come from rather than leave it a dead end.
    unknown = "" if set(view.teams) - {OTHERS} else f" {NO_TEAMS_YET}"
    cross = sorted(
        (f for f in view.flows if f.helper_team != f.helped_team), key=lambda f: -f.count
    )
    return [
        Section(
            f"Insights for {scope}, {counted_from(n)}",
            (
                f"{counted}: {teams}.{unknown} {SMALL_TEAMS}",
                "Help = questions taken on and kudos; private ones, and networks, only count.",
            ),
        ),
        Section(
            "Knowledge risks",
            _risk_lines(view, names),
            (_more(view, listed_in),) if more_risks(view) else (),
        ),
        Section(
            "Connectors (help across teams, public)",
            tuple(
                f"• {names.get(c.user_id, c.user_id)} ({c.team}): helped {c.cross_help}× "
                f"across {plural(c.teams_helped, 'team')}, thanked {c.thanked}×"
                + (" — unsung" if c.unsung else "")
                for c in view.connectors
            )
            or _unnamed_connectors(view.unnamed_connectors, _whole(view)),
        ),
        Section(
            "Team-to-team help",
            tuple(f"• {f.helper_team} → {f.helped_team}: {f.count}" for f in cross[:SHOWN_FLOWS])
            or (_no_help_between(view),),
            (f"… and {len(cross) - SHOWN_FLOWS} more, smaller ones",)
            if len(cross) > SHOWN_FLOWS
            else (),
        ),
        Section(
            "Silos and unanswered pairs",
            tuple(f"• {t} neither gave nor got help across teams" for t in n.silos)
            + tuple(
                f"• {u.asking_team} → {u.offered_team}: {plural(u.questions, 'question')} offered, "
                "none taken on"
                for u in n.unanswered
            )
            or ("None.",),
        ),
    ]


def _no_help_between(view: InsightsView) -> str:
    if not _whole(view):
        return "No help between your org's teams and others yet."
    if len(view.teams) == 1:  # not "yet": one team has no other to help
        return f"{next(iter(view.teams))} is the only team, so there is no help between teams."
    return "No help between teams yet."


def _whole(view: InsightsView) -> bool:
    """Whether the view is the whole workspace's: an org's leaves out what is not about it,
    so its "none" is of the org only."""
    return view.scope is visibility.InsightsScope.WORKSPACE


def _unnamed_connectors(count: int, whole: bool) -> tuple[str, ...]:
    """Connectors the viewer may not name (a guest's view) are counted, as a risk's one
    person is: not "nobody", which would be untrue."""
    if not count:
        # A connector helped MIN_CROSS_HELP times: one help across teams is in the teams'
        # flows, so "nobody helps across teams" would deny what the next part shows.
        who = "Nobody" if whole else "Nobody in your org"
        return (f"{who} has helped across teams {MIN_CROSS_HELP} times or more yet.",)
    helps = noun(count, "helps", "help")
    return (
        f"• {plural(count, 'person')} {helps} across teams (named to admins and their managers)",
    )


def as_text(view: InsightsView, names: dict[str, str]) -> str:
    """Plain text for the command line: no Slack markup, in a skill's or team's name either
    (a heading is its own line)."""
    parts = sections(view, names, "--format csv")
    return (
        "\n\n".join("\n".join(map(plain_text, (s.heading, *s.lines, *s.notes))) for s in parts)
        + "\n"
    )


CSV_COLUMNS = ("finding", "subject", "other", "count", "detail")


def as_csv(view: InsightsView, names: dict[str, str]) -> str:
    out = io.StringIO()
    writer = spreadsheet.Writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in view.risks:
        who = "" if r.person is None else names.get(r.person, r.person) or ONE_PERSON
        seconds = ";".join(names.get(p, p) for p in r.second)
        writer.writerow(["knowledge risk", r.name, who, r.asked, seconds])
    for c in view.connectors:
        name = names.get(c.user_id, c.user_id)
        detail = f"thanked {c.thanked}" + (", unsung" if c.unsung else "")
        writer.writerow(["connector", name, c.team, c.cross_help, detail])
    for f in view.flows:
        if f.helper_team != f.helped_team:  # as the text: help between teams
            writer.writerow(["help flow", f.helper_team, f.helped_team, f.count, ""])
    for t in view.analysis.silos:
        writer.writerow(["silo", t, "", 0, ""])
    for u in view.analysis.unanswered:
        writer.writerow(["unanswered pair", u.asking_team, u.offered_team, u.questions, ""])
    return out.getvalue()
