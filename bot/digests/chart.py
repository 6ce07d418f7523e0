"""The team's kudos per value and per week, as a PNG, drawn off-screen (Agg backend)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # no display on a server, and no GUI toolkit to pick one

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.digests.summary import NO_VALUE, TeamSummary


def chart_png(summary: TeamSummary) -> bytes:
    """Stacked bars, one per week, one colour per value. `Figure` (not pyplot) keeps no
    global state, so two digests drawn at once on one event loop cannot mix."""
    weeks = [f"W{w.week.week:02d}" for w in summary.weekly]
    values = sorted({v for w in summary.weekly for v, _ in w.per_value})
    figure = Figure(figsize=(8, 4), dpi=100)
    axes = figure.subplots()
    bottoms = [0] * len(weeks)
    for value in values:
        heights = [dict(w.per_value).get(value, 0) for w in summary.weekly]
        axes.bar(weeks, heights, bottom=bottoms, label=value if value == NO_VALUE else f"#{value}")
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    axes.set_title(f"Kudos to {summary.manager_name}'s team, per value and week")
    axes.set_ylabel("kudos")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if values:
        axes.legend(loc="upper left", fontsize="small")
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
