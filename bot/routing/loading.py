"""Building a workspace's `RoutingIndex`: from the database a batch at a time
(`load_index`), or from a snapshot in memory (`index_from_snapshot`, for tools and tests).

Either way the ranking's weights are fitted first (`bot.routing.fitting`) on a temporary
index of the earlier history, dropped before the real one is built.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.routing.blend import Matrix
from bot.routing.engine import RoutingIndex
from bot.routing.fitting import TimeSplit, example, examples, fit, known_before, worth_fitting
from bot.routing.vocabulary import Vocabulary
from storage.routing import (
    RoutingSnapshot,
    SolvedQuestion,
    count_solved,
    load_network,
    load_routing_basics,
    solved_time,
    stream_declared_skills,
    stream_kudos,
    stream_solved_questions,
)

INDEXED_AT_ONCE = 20
SHIPPED_ALIASES = True

__all__ = ["index_from_snapshot", "load_index"]


async def load_index(sessions: async_sessionmaker[AsyncSession], team_id: str) -> RoutingIndex:
    """Read the workspace a batch at a time, so the rows never all sit in memory at once.

    First the ranking's weights are fitted (`bot.routing.fitting`) on a temporary index of
    the earlier history, dropped before the real one is built: two passes over the rows,
    but never two indexes in memory at once."""
    async with sessions() as session, session.begin():
        basics = await load_routing_basics(session, team_id)
        parts = basics.people, basics.skill_names, basics.skill_aliases
        del basics
        total = await count_solved(session, team_id)
        weights, fitted_on = await _fitted(session, team_id, parts, total)
        index = _empty(team_id, *parts)
        del parts
        async for declared in stream_declared_skills(session, team_id):
            index.add_declared(declared)
        position = 0
        async for solved in stream_solved_questions(session, team_id):
            for part in _parts(solved):
                index.add_history(part, position, total)
                position += len(part)
                await asyncio.sleep(0)
        async for kudos in stream_kudos(session, team_id):
            index.add_kudos(kudos)
        index.add_network(await load_network(session, team_id))
    for _ in index.freezing():
        await asyncio.sleep(0)
    index.evidence.weights, index.fitted_on = weights, fitted_on
    return index


async def _fitted(
    session: AsyncSession,
    team_id: str,
    parts: tuple[dict[str, str], dict[str, str], dict[str, str]],
    total: int,
) -> tuple[Matrix, int]:
    """The weights fitted on this workspace's history, and on how many questions."""
    if not worth_fitting(total):
        return fit([]), 0
    trainer = _empty(team_id, *parts, explains=False)
    split = TimeSplit(total, trainer.add_history)
    asked = await solved_time(session, team_id, split.cut)
    if asked is not None:
        async for declared in stream_declared_skills(session, team_id, before=asked):
            trainer.add_declared(declared)
    position = 0
    async for solved in stream_solved_questions(session, team_id):
        for part in _parts(solved):
            split.add(part, position)
            position += len(part)
            await asyncio.sleep(0)
    if asked is not None:
        async for kudos in stream_kudos(session, team_id, before=asked):
            trainer.add_kudos(kudos)
    for _ in trainer.freezing():
        await asyncio.sleep(0)
    found = []
    for query in split.queries:  # each a few milliseconds: let the loop run between
        if (one := example(query, trainer.score)) is not None:
            found.append(one)
        await asyncio.sleep(0)
    # Newton's method is a quarter of a second of CPU on a few hundred questions: on a
    # thread, so the bot's acks go on meanwhile (numpy lets go of the GIL in its products).
    return await asyncio.to_thread(fit, found), len(found)


def index_from_snapshot(team_id: str, snapshot: RoutingSnapshot) -> RoutingIndex:
    parts = snapshot.people, snapshot.skill_names, snapshot.skill_aliases
    weights, fitted_on = fit([]), 0
    if worth_fitting(len(snapshot.solved)):
        trainer = _empty(team_id, *parts, explains=False)
        split = TimeSplit(len(snapshot.solved), trainer.add_history)
        asked = snapshot.solved[split.cut].created_at
        trainer.add_declared(
            d for d in snapshot.person_skills if known_before(d.declared_at, asked)
        )
        split.add(snapshot.solved, 0)
        trainer.add_kudos(k for k in snapshot.kudos if known_before(k.created_at, asked))
        trainer.freeze()
        found = examples(split.queries, trainer.score)
        weights, fitted_on = fit(found), len(found)
        del trainer
    index = _empty(team_id, *parts)
    index.add_declared(snapshot.person_skills)
    index.add_history(snapshot.solved, 0, len(snapshot.solved))
    index.add_kudos(snapshot.kudos)
    index.add_network(snapshot.network)
    index.freeze()
    index.evidence.weights, index.fitted_on = weights, fitted_on
    return index


def _empty(
    team_id: str,
    people: dict[str, str],
    names: dict[str, str],
    aliases: dict[str, str],
    *,
    explains: bool = True,
) -> RoutingIndex:
    vocabulary = Vocabulary(names, aliases, shipped=SHIPPED_ALIASES)
    return RoutingIndex(team_id, people, vocabulary, explains=explains)


def _parts(rows: list[SolvedQuestion]) -> Iterator[list[SolvedQuestion]]:
    """A batch read from the database in parts of INDEXED_AT_ONCE questions: a thousand long
    questions took 0.4 s to index, all of it on the event loop, and a hundred still up to
    0.15 s."""
    for start in range(0, len(rows), INDEXED_AT_ONCE):
        yield rows[start : start + INDEXED_AT_ONCE]
