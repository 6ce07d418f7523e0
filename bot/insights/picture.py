"""Team-to-team help as a PNG: one circle per team (its area the team's size), one arrow per
flow of help (its width the number of questions and kudos), silos in grey. Drawn off-screen
on a `Figure` (no pyplot state), laid out by networkx with a fixed seed, so the same network
is always the same picture."""

from __future__ import annotations

import io
import math

import matplotlib

matplotlib.use("Agg")  # no display on a server

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch

from bot import visibility
from bot.insights.outline import counted_from
from bot.insights.view import InsightsView

MAX_TEAMS = 40  # the busiest teams are drawn; a large workspace has its CSV for the rest
MAX_ARROWS = 80  # the strongest flows among them
SILO_COLOUR = "#b0b0b0"
TEAM_COLOUR = "#4a90d9"
OUTSIDE_COLOUR = "#f5a623"
LEGEND = (
    "A circle is a team (its people); an arrow, help from one team to another (questions taken"
    " on and kudos). Grey: a silo. Orange: a team outside your org."
)


def _graph(view: InsightsView) -> nx.DiGraph:
    graph = nx.DiGraph()
    for f in view.flows:
        if f.helper_team != f.helped_team:
            graph.add_edge(f.helper_team, f.helped_team, weight=f.count)
    graph.add_nodes_from(view.teams)
    if len(graph) > MAX_TEAMS:
        busiest = sorted(graph, key=lambda t: -graph.degree(t, weight="weight"))[:MAX_TEAMS]
        graph = graph.subgraph(busiest).copy()
    weakest = sorted(graph.edges(data="weight"), key=lambda e: e[2])[:-MAX_ARROWS]
    graph.remove_edges_from([(a, b) for a, b, _ in weakest])
    return graph


def teams_png(view: InsightsView) -> bytes:
    graph = _graph(view)
    sizes = view.analysis.sizes
    figure = Figure(figsize=(9, 7), dpi=100)
    axes = figure.subplots()
    axes.set_axis_off()
    scope = "the workspace" if view.scope is visibility.InsightsScope.WORKSPACE else "your org"
    axes.set_title(f"Who helps whom, between teams — {scope}, {counted_from(view.analysis)}")
    if not graph:
        axes.text(0.5, 0.5, "No teams yet", ha="center", va="center")
    else:
        _draw(axes, graph, sizes, set(view.analysis.silos), set(view.teams))
    figure.text(0.5, 0.01, LEGEND, ha="center", fontsize=8, color="#555555")
    figure.subplots_adjust(left=0.02, right=0.98, bottom=0.05, top=0.93)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def _draw(
    axes: Axes, graph: nx.DiGraph, sizes: dict[str, int], silos: set[str], mine: set[str]
) -> None:
    pos = (
        nx.circular_layout(sorted(graph)) if len(graph) <= 12 else nx.spring_layout(graph, seed=17)
    )
    heaviest = max((d["weight"] for _, _, d in graph.edges(data=True)), default=1)
    for a, b, data in graph.edges(data=True):
        bend = 0.15 if graph.has_edge(b, a) else 0.0
        axes.add_patch(
            FancyArrowPatch(
                pos[a],
                pos[b],
                arrowstyle="-|>",
                mutation_scale=14,
                connectionstyle=f"arc3,rad={bend}",
                shrinkA=22,
                shrinkB=22,
                linewidth=1 + 7 * data["weight"] / heaviest,
                color="#555555",
                alpha=0.7,
            )
        )
        middle = (pos[a] + pos[b]) / 2
        axes.text(middle[0], middle[1], str(data["weight"]), fontsize=8, ha="center")
    for team, (x, y) in pos.items():
        colour = SILO_COLOUR if team in silos else TEAM_COLOUR if team in mine else OUTSIDE_COLOUR
        area = 300 + 80 * math.sqrt(sizes.get(team, 3))
        axes.scatter([x], [y], s=area, color=colour, zorder=3)
        label = f"{team}\n({sizes[team]})" if team in sizes else team
        axes.text(x, y - 0.13, label, ha="center", va="top", fontsize=9, zorder=4)
    axes.margins(0.2)
