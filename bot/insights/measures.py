"""The measures, from the folded flows and profiles: knowledge risks, connectors (and the
unsung among them), silos, unanswered pairs of teams, and which teams bridge the others."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime

from bot.insights.flows import Flows
from storage.insights import SkillCount

ASKED_OFTEN = 3  # questions in the window that make an undeclared topic a risk
SECONDS = 3  # suggested second people per risk
CONNECTORS = 10
MIN_CROSS_HELP = 2
UNSUNG_RATIO = 3  # unsung: thanked at most once for every three cross-team helps
MIN_OFFERS = 2  # a pair of teams whose questions go unanswered: this many questions, none taken
BETWEENNESS_SAMPLE = 32  # teams sampled for betweenness in a large workspace
BETWEENNESS_EDGES = 5  # per team: only the strongest flows are kept for betweenness


@dataclass(frozen=True, slots=True)
class Risk:
    topic: str
    name: str
    asked: int
    person: str | None  # the one person who can help; None: nobody declared it
    declared: int  # people who declared it at any level
    second: tuple[str, ...]
    network_count: int  # network entries naming it: a count, never whose


@dataclass(frozen=True, slots=True)
class Connector:
    user_id: str
    team: str
    cross_help: int
    teams_helped: int
    thanked: int
    unsung: bool


@dataclass(frozen=True, slots=True)
class Flow:
    helper_team: str
    helped_team: str
    count: int


@dataclass(frozen=True, slots=True)
class Unanswered:
    asking_team: str
    offered_team: str
    questions: int


@dataclass(frozen=True)
class Analysis:
    """The whole workspace's insights; `bot.insights.view` cuts it down to what one viewer
    may see."""

    since: datetime
    computed_at: datetime
    team_of: dict[str, str]
    managers: dict[str, str | None]
    sizes: dict[str, int]
    flows: tuple[Flow, ...]
    risks: tuple[Risk, ...]
    connectors: tuple[Connector, ...]
    silos: tuple[str, ...]
    unanswered: tuple[Unanswered, ...]
    bridges: dict[str, float]
    items: int
    left: frozenset[str] = frozenset()  # deactivated: in `team_of`, not in `sizes`
    # When askaround began counting (`bot.counting`); after `since`, nothing before it is known
    counted_since: datetime | None = None

    @property
    def starts(self) -> datetime:
        """Where what it counts starts: the window's first day, or askaround's start if later."""
        return max(self.since, self.counted_since) if self.counted_since else self.since


@dataclass
class Profiles:
    """What people declared, counted per topic by the database (`SkillCount`)."""

    available: set[str]
    names: dict[str, str]
    counts: dict[str, SkillCount]
    network: Counter[str]

    def settled(self) -> frozenset[str]:
        """Topics two or more people declared at EXPERT_LEVEL: never a risk, whatever else."""
        return frozenset(k for k, c in self.counts.items() if c.experts >= 2)


def knowledge_risks(profiles: Profiles, flows: Flows) -> list[Risk]:
    """The risks, without their second people yet (`with_seconds` adds them)."""
    available = profiles.available
    settled = profiles.settled()
    topics = (set(profiles.counts) | set(flows.asked) | set(flows.evidence)) - settled
    risks = []
    for topic in topics:
        count = profiles.counts.get(topic)
        helpers = {p for p in flows.evidence.get(topic, ()) if p in available}
        if count is not None and count.one_expert is not None:
            helpers.add(count.one_expert)
        declared = count.declared if count else 0
        asked = flows.asked[topic]
        if len(helpers) == 1:
            [person] = helpers
        elif not helpers and not declared and asked >= ASKED_OFTEN:
            person = None
        else:
            continue
        name = profiles.names.get(topic, topic)
        risks.append(Risk(topic, name, asked, person, declared, (), profiles.network[topic]))
    return sorted(risks, key=lambda r: (-r.asked, r.person is not None, r.name))


def with_seconds(
    risks: list[Risk], learners: list[tuple[str, str, int, bool]], interested: dict[str, list[str]]
) -> list[Risk]:
    """Suggested second people: a lower declared level first (highest first), then an
    interest in the topic, then who learned it by helping."""
    ranked: dict[str, list[tuple[int, int, str]]] = {}
    for key, user, level, learned in learners:
        ranked.setdefault(key, []).append((0 if learned else 2, level, user))
    for key, users in interested.items():
        ranked.setdefault(key, []).extend((1, 0, user) for user in users)
    done = []
    for risk in risks:
        order = sorted(ranked.get(risk.topic, ()), key=lambda r: (-r[0], -r[1], r[2]))
        second = tuple(dict.fromkeys(u for _, _, u in order if u != risk.person))[:SECONDS]
        done.append(replace(risk, second=second))
    return done


def connectors(flows: Flows) -> list[Connector]:
    """Everyone who helped across teams often enough, most first: each viewer is shown the
    first CONNECTORS of those they may see (`bot.insights.view.cut`), so a manager's org has
    its own, not only those among the workspace's first."""
    ranked = sorted(
        (p for p, n in flows.cross_help.items() if n >= MIN_CROSS_HELP),
        key=lambda p: (-flows.cross_help[p], -len(flows.cross_teams[p]), p),
    )
    return [
        Connector(
            p,
            flows.teams.team_of[p],
            flows.cross_help[p],
            len(flows.cross_teams[p]),
            flows.thanked[p],
            unsung=flows.thanked[p] * UNSUNG_RATIO <= flows.cross_help[p],
        )
        for p in ranked
    ]


def silos(flows: Flows) -> list[str]:
    """Teams that neither gave help to nor got help from another team; none where there is
    no other team (the small ones all counted with one), which would be a silo of everyone."""
    if len(flows.teams.sizes) < 2:
        return []
    linked = {t for pair in flows.team_flow if pair[0] != pair[1] for t in pair}
    return sorted(set(flows.teams.sizes) - linked)


def bridges(flows: Flows) -> dict[str, float]:
    """Betweenness of each team (networkx) on the undirected graph of the strongest flows
    between teams, `BETWEENNESS_EDGES` a team: how much help between other teams could pass
    through it (sampled above `BETWEENNESS_SAMPLE` teams). Only those flows become a graph:
    a large workspace has hundreds of thousands of team pairs. networkx is imported here, at
    the first analysis, not at the start of every `askaround` command."""
    import networkx as nx

    between = ((n, a, b) for (a, b), n in flows.team_flow.items() if a != b)
    strongest = heapq.nlargest(BETWEENNESS_EDGES * len(flows.teams.sizes), between)
    graph = nx.Graph()
    graph.add_nodes_from(flows.teams.sizes)
    graph.add_edges_from((a, b) for _, a, b in strongest)
    k = BETWEENNESS_SAMPLE if len(graph) > BETWEENNESS_SAMPLE else None
    return dict(nx.betweenness_centrality(graph, k=k, seed=17))


def unanswered(flows: Flows) -> list[Unanswered]:
    pairs = [
        Unanswered(asking, offered, n)
        for (asking, offered), n in flows.offered.items()
        if n >= MIN_OFFERS and not flows.taken[asking, offered]
    ]
    return sorted(pairs, key=lambda p: (-p.questions, p.asking_team, p.offered_team))
