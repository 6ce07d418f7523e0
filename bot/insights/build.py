"""One pass over a workspace's storage: people and teams, profiles, questions, kudos and
offers since a date, folded as they stream in, then measured (`bot.insights.measures`)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.counting import counted_since
from bot.directory.skills import skill_key
from bot.directory.status import AVAILABLE, status_of
from bot.insights import measures as m
from bot.insights.flows import Flows, TopicFinder
from bot.insights.teams import group_teams
from bot.visibility import question_private
from storage import insights as q
from storage.digests import first_kudos
from storage.people import away_or_opted_out
from storage.workspaces import find_workspace


async def _back(s: AsyncSession, team_id: str, now: datetime) -> set[str]:
    """Those stored as away whose day to be back has come where they live: routing and their
    Home tab take them as back without a `/skills back`, and so do the insights."""
    found = await away_or_opted_out(s, team_id)
    return {p.user_id for p in found if status_of(p, now).kind == AVAILABLE}


async def _profiles(
    s: AsyncSession, team_id: str, rows: list[q.PersonRow], back: set[str]
) -> m.Profiles:
    network: Counter[str] = Counter()
    for topics in await q.network_topics(s, team_id):
        network.update({skill_key(t) for t in topics})
    return m.Profiles(
        available={r.user_id for r in rows if r.available},
        names=await q.skill_names(s, team_id),
        counts={c.key: c for c in await q.skill_counts(s, team_id, back)},
        network=network,
    )


async def _risks(
    s: AsyncSession,
    team_id: str,
    rows: list[q.PersonRow],
    profiles: m.Profiles,
    flows: Flows,
    back: set[str],
) -> list[m.Risk]:
    risks = await asyncio.to_thread(m.knowledge_risks, profiles, flows)
    topics = {r.topic for r in risks}
    interested: dict[str, list[str]] = {}
    for row in rows if topics else ():
        if row.available and row.interests:
            for key in {skill_key(i) for i in row.interests} & topics:
                interested.setdefault(key, []).append(row.user_id)
    learners = await q.learners(s, team_id, sorted(topics), back)
    return m.with_seconds(risks, learners, interested)


def _measures(
    flows: Flows,
) -> tuple[tuple[m.Connector, ...], tuple[str, ...], tuple[m.Unanswered, ...], dict[str, float]]:
    return (
        tuple(m.connectors(flows)),
        tuple(m.silos(flows)),
        tuple(m.unanswered(flows)),
        m.bridges(flows),
    )


async def analyse(s: AsyncSession, team_id: str, since: datetime, now: datetime) -> m.Analysis:
    """One streamed pass over the workspace, then the measures. The measures are seconds of
    pure CPU at 100,000 people (betweenness among them): they run in a thread, so the event
    loop keeps acknowledging Slack meanwhile."""
    back = await _back(s, team_id, now)
    rows = await q.people(s, team_id, back)
    teams = group_teams(rows)
    profiles = await _profiles(s, team_id, rows, back)
    settled = profiles.settled()
    flows = Flows(teams, TopicFinder(set(profiles.names) - settled), settled)
    async for questions in q.stream_questions(s, team_id, since):
        for asker, helper, status, private, posted, topics in questions:
            private = question_private(is_private=private, posted=posted)
            flows.question(asker, helper, status, private, list(topics or ()))
    for asker, helper, private, posted, topics in await q.released_help_since(s, team_id, since):
        private = question_private(is_private=private, posted=posted)
        flows.took_on(asker, helper, private, list(topics or ()))
    async for kudos in q.stream_kudos(s, team_id, since):
        flows.kudos(kudos)
    async for offers in q.stream_offers(s, team_id, since):
        for question, asker, offered, took in offers:
            flows.offer(question, asker, offered, took)
    risks = await _risks(s, team_id, rows, profiles, flows, back)
    workspace = await find_workspace(s, team_id)
    # The database stamps an install by its host's clock: never later than now (as a digest)
    installed = min(workspace.created_at, now) if workspace is not None else now
    counted = counted_since(installed, await first_kudos(s, team_id))
    connectors, silos, unanswered, bridges = await asyncio.to_thread(_measures, flows)
    return m.Analysis(
        since=since,
        computed_at=now,
        team_of=teams.team_of,
        managers={r.user_id: r.manager_user_id for r in rows},
        sizes=teams.sizes,
        flows=tuple(m.Flow(a, b, n) for (a, b), n in flows.team_flow.items()),
        risks=tuple(risks),
        connectors=connectors,
        silos=silos,
        unanswered=unanswered,
        bridges=bridges,
        items=flows.items,
        left=frozenset(r.user_id for r in rows if not r.active),
        counted_since=counted,
    )
