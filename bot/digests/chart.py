"""The team's kudos per value and per week, as a PNG, drawn off-screen (Agg backend)."""

from __future__ import annotations

import io
from functools import lru_cache

from bot.digests.summary import CHART_WEEKS, NO_VALUE, TeamSummary, WeekCount
from bot.drawing import drawn

LEGEND_VALUES = 12  # a legend of 500 values would cover the chart
OTHER = "other values"
CHARTS_KEPT = 16  # the last charts drawn, each some 30 KB of PNG


async def draw(summary: TeamSummary) -> bytes:
    """`chart_png` off the event loop (`bot.drawing`)."""
    return await drawn(chart_png, summary)


def chart_png(summary: TeamSummary) -> bytes:
    """The chart of the manager's name and the weeks counted, all it shows, drawn once for the
    last CHARTS_KEPT of them: a digest whose upload Slack failed drew it again at each of the
    outbox's tries, some 50 ms of CPU each."""
    return _png(summary.manager_name, summary.weekly)


@lru_cache(maxsize=CHARTS_KEPT)
def _png(manager_name: str, weekly: tuple[WeekCount, ...]) -> bytes:
    """Stacked bars, one per week, one colour per value, each bar as tall as the week's kudos
    (a kudos with two values is half of each). `Figure` (not pyplot) keeps no global state,
    so two digests drawn at once on one event loop cannot mix. Matplotlib is imported here,
    at the first chart: it was a tenth of the start of every `askaround` command."""
    import matplotlib

    matplotlib.use("Agg")  # no display on a server, and no GUI toolkit to pick one
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    weeks = [f"W{w.week.week:02d}" for w in weekly]
    figure = Figure(figsize=(8, 4), dpi=100)
    # Fixed margins that fit the title, the ticks and "kudos": `tight_layout` measured every
    # text first, a third of a chart's CPU (254 → 169 ms).
    figure.subplots_adjust(left=0.09, right=0.98, top=0.91, bottom=0.08)
    axes = figure.subplots()
    stacks = _stacks(weekly)
    bottoms = [0.0] * len(weeks)
    for value, heights in stacks.items():
        axes.bar(weeks, heights, bottom=bottoms, label=_label(value))
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    # A chart of fewer weeks (askaround's first ones) keeps a week's bar as wide as in one of
    # CHART_WEEKS, centred: its one bar drew across the whole chart, a wall of colour.
    pad = max(CHART_WEEKS - len(weeks), 0) / 2
    axes.set_xlim(-0.5 - pad, len(weeks) - 0.5 + pad)
    axes.set_title(f"Kudos to {manager_name}'s team, per week and value")
    axes.set_ylabel("kudos")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if stacks:
        axes.legend(loc="upper left", fontsize="small")
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def bar_stacks(summary: TeamSummary) -> dict[str, list[float]]:
    """Each value's part of each week's bar, oldest week first; a bar adds up to its kudos.
    The legend keeps the LEGEND_VALUES largest values and folds the rest into "other"."""
    return _stacks(summary.weekly)


def _stacks(weekly: tuple[WeekCount, ...]) -> dict[str, list[float]]:
    totals: dict[str, float] = {}
    for w in weekly:
        for value, share in w.per_value:
            totals[value] = totals.get(value, 0.0) + share
    ranked = sorted(totals, key=lambda v: (-totals[v], v))
    kept = set(ranked[:LEGEND_VALUES]) if len(ranked) > LEGEND_VALUES + 1 else set(ranked)
    stacks: dict[str, list[float]] = {}
    for i, w in enumerate(weekly):
        for value, share in w.per_value:
            name = value if value in kept else OTHER
            stacks.setdefault(name, [0.0] * len(weekly))[i] += share
    return dict(sorted(stacks.items(), key=lambda item: (item[0] == OTHER, item[0])))


def _label(value: str) -> str:
    return value if value in (NO_VALUE, OTHER) else f"#{value}"
