"""One routing index per workspace: built at start, kept current in place, rebuilt now and then.

`warm` builds the index of every workspace with people (`to_warm`) as the process starts (the load
yields to the event loop every few milliseconds), and `ready` says when it is done: `/readyz`
answers 503 until then. A question that arrives earlier waits for that build rather than
starting another (one lock per workspace).

The routing engine (and numpy with it, 15 MiB resident) is imported by the first build: a
process whose workspaces have no people yet holds neither (`tests/domain/test_cli_startup.py`).

Each question reads the workspace's counters (one small query):

- `skills_version` counts changes to declared skills and network entries (`/skills add`,
  `/skills remove`, `/skills network add`, `/skills network remove`, the Edit profile modal's
  save, `/skills forget me`, `askaround import people` of up to 1,000 people's). A copy built
  at an older count catches up in place: it reads the skills and network of just the people
  changed since (`storage.routing_changes.skills_since`,
  `storage.routing.load_network`) and applies them (`RoutingIndex.redeclare`,
  `RoutingIndex.renetwork`), so a change, an entry removed or a profile forgotten too, reaches
  the next question in every replica, at the cost of two small reads (three when a skill was
  created or deleted with it: the vocabulary learns it, `RoutingIndex.skills_changed`). The
  index is then what a rebuild would make of the same rows
  (`tests/slack/questions/test_fresh_profile.py`). An admin's `askaround skills alias` and
  `skills merge` count here too (a merge with the people whose declarations it moved): the
  catch-up also reads the workspace's aliases, and learns those added or pointed elsewhere
  with the skills they created or deleted (`tests/slack/questions/test_fresh_vocabulary.py`).
  One of them stored after the copy was read (no `team_join` heard) joins its pool then.
  The people are read 1,000 rows at a time and applied a slice at a time (`Slices`: the loop
  runs again once a slice has held it SLICE_SECONDS), so a catch-up of an import's 1,000
  people no longer holds every request the replica is answering for its whole length (in
  one stretch until 6 December's evening; `benchmarks/catch_up_stall.py`); one catch-up of
  a workspace runs at a time, and a question arriving meanwhile waits for it. A question
  that took the copy before and routes between two slices sees some of the people caught up
  and not yet the others, each person's change whole.
- `kudos_version` counts kudos undone and edits or deletions of the messages kudos quote. A
  copy built at an older count catches up in place: it reads the entries changed since, with
  their receivers' kudos live now (`storage.routing_changes.kudos_since`), and applies each
  (`RoutingIndex.kudos_changed`: the words `record_kudos` added go, an edited quote's new
  words come), so an Undo or an edit costs the next question one small read, where a rebuild
  made it wait 30-50 s at 100,000 people (docs/routing.md, "Speed").
- A directory sync or a `user_change` this process handled (`people_changed`) applies the
  people it changed in place: a leaver leaves the pool, a joiner joins it, a new name is
  shown; a sync that changed nobody touches nothing. Where a sync dropped the copy and a
  leaver counted as a deletion, the next question waited for a rebuild (30-50 s at 100,000
  people). Other replicas see it at their next rebuild; until then the flow layer
  (`bot.questions.policy.available`, read from the database) asks no leaver.
- `rebuild_version` counts what cannot be applied in place (a channel made private, words
  taken out of a solved question: its message deleted, or edited, `message_changes`) or is
  better rebuilt (an import that changed more than 1,000 people's skills or networks): a copy
  built at an older count is rebuilt before the next question, so what was said there is
  never a reason. (Until 6 December forget me and the profile modal counted here, as
  deletions from profiles, and the next question waited 30-50 s at 100,000 people; their
  count, `profiles_version`, now has only the insights' copy made again. An admin's
  alias or merge counted here for that afternoon: 66 s of CPU for each replica at 100,000
  people, against 0.2 s caught up in place, `benchmarks/routing_merge.py`.)

Other facts (a question solved or a kudos given in another replica, its directory sync) are
picked up by a rebuild once the copy is older than `max_age`, or than REBUILD_RATIO times
what its load took, whichever is longer, by the process's `monotonic` clock (the bot's pace
clock, which tier b's tests fake). That rebuild runs in the background while questions
are answered from the copy in hand (for its duration the process holds both copies), so no
question waits for it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import routing, routing_changes, units
from storage.routing import NetworkEntry
from storage.routing_changes import Versions

if TYPE_CHECKING:  # the engine brings numpy, which serve loads once it builds an index
    from bot.routing.engine import RoutingIndex

REBUILD_RATIO = 10.0
# The longest a catch-up holds the event loop before letting it run: it applied its people
# in one stretch, an import's 1,000 or a merge's, holding every request the replica answered
# for as long as they took, whatever their number or the workspace's size.
SLICE_SECONDS = 0.005
# How the question flows are handed a workspace's index: `IndexCache.get`.
IndexFor = Callable[[str], Awaitable["RoutingIndex"]]

log = logging.getLogger("askaround")


@dataclass
class _Cached:
    index: RoutingIndex
    loaded_at: float
    took: float
    rebuild_version: int
    skills_version: int
    kudos_version: int


class IndexCache:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        max_age: float = 60.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions = sessions
        self._max_age = max_age
        self._monotonic = monotonic
        self._indexes: dict[str, _Cached] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._catching_up: dict[str, asyncio.Lock] = {}  # see `get`
        self._refreshing: dict[str, asyncio.Task[None]] = {}
        # Per workspace, what syncs changed while a copy is built (`people_changed`), one
        # dict per build: applied to it once built, as its read may have come first.
        self._building: dict[str, list[dict[str, str | None]]] = {}
        self.ready = False  # every workspace's index built once (`warm_all`)
        self.builds = 0  # indexes built, at start, for a question, or in the background

    async def _versions(self, team_id: str) -> Versions:
        async with self._sessions() as s:
            return await routing_changes.routing_versions(s, team_id)

    async def get(self, team_id: str) -> RoutingIndex:
        versions = await self._versions(team_id)
        cached = self._indexes.get(team_id)
        if cached is None or cached.rebuild_version != versions.rebuild:
            cached = await self._load(team_id)
        if cached.skills_version < versions.skills or cached.kudos_version < versions.kudos:
            # One catch-up at a time: it yields to the loop between slices, and a question
            # arriving meanwhile waits for the copy it is bringing up to date.
            async with self._catching_up.setdefault(team_id, asyncio.Lock()):
                if cached.skills_version < versions.skills:
                    await self._catch_up(team_id, cached)
                if cached.kudos_version < versions.kudos:
                    await self._kudos_catch_up(team_id, cached)
        keep = max(self._max_age, REBUILD_RATIO * cached.took)
        if self._monotonic() - cached.loaded_at >= keep:
            self._refresh_later(team_id, cached)
        return cached.index

    async def _load(self, team_id: str) -> _Cached:
        async with self._locks.setdefault(team_id, asyncio.Lock()):
            # Read before the load: a change made while it loads is caught up with (skills,
            # networks, kudos undone) or makes the next get reload (a channel made private).
            versions = await self._versions(team_id)
            cached = self._indexes.get(team_id)
            if cached is not None and cached.rebuild_version == versions.rebuild:
                return cached  # built meanwhile, by the question or the start-up we waited for
            # The stale copy goes first: holding two copies of a large workspace while the
            # new one loads would double the process's memory.
            self._indexes.pop(team_id, None)
            cached = await self._build(team_id, versions)
            self._indexes[team_id] = cached
            return cached

    async def _build(self, team_id: str, versions: Versions) -> _Cached:
        started = self._monotonic()
        changed: dict[str, str | None] = {}
        self._building.setdefault(team_id, []).append(changed)
        try:
            from bot.routing.loading import load_index

            index = await load_index(self._sessions, team_id)
        finally:
            self._building[team_id].remove(changed)
        index.people_changed(changed)
        self.builds += 1
        loaded_at = self._monotonic()
        took = loaded_at - started
        return _Cached(index, loaded_at, took, versions.rebuild, versions.skills, versions.kudos)

    async def _catch_up(self, team_id: str, cached: _Cached) -> None:
        async with self._sessions() as s:
            now, changed = await routing_changes.skills_since(s, team_id, cached.skills_version)
            # Someone stored after this copy's read of people (`/skills add` as their first
            # act, no `team_join` heard) joins its pool, else is not asked until a rebuild.
            unknown = [user_id for user_id in changed if user_id not in cached.index.people]
            people = await routing.routed_people(s, team_id, unknown) if unknown else {}
            network = await routing.load_network(s, team_id, changed) if changed else []
            # A skill declared for the first time was created, one no longer declared by them
            # may have been deleted with it (nobody else held it): the vocabulary follows. An
            # admin's alias or merge changes the aliases, and creates or deletes the skills
            # they name (a merged skill becomes an alias of the other).
            aliases = await routing.skill_aliases(s, team_id)
            renamed = _aliases_changed(cached.index.vocabulary.aliases, aliases)
            touched = _skills_touched(cached.index, changed) | renamed
            named = await routing.skills_named(s, team_id, touched) if touched else {}
        if now <= cached.skills_version:
            return  # another question caught up meanwhile, with a newer read
        index = cached.index
        index.skills_changed(
            {k: v for k, v in named.items() if k not in index.vocabulary.names},
            aliases if renamed else None,
        )
        index.people_changed(people)
        networks: dict[str, list[NetworkEntry]] = {user_id: [] for user_id in changed}
        for entry in network:
            networks[entry.user_id].append(entry)
        sliced = Slices()
        for user_id, skills in changed.items():
            index.redeclare(user_id, skills)
            index.renetwork(user_id, networks[user_id])
            await sliced.turn()
        # Deleted after the skills are taken back, whose words were added by these names.
        gone = {k for k in touched if k not in named and k in index.vocabulary.names}
        index.skills_changed(dict.fromkeys(gone))
        cached.skills_version = now

    async def _kudos_catch_up(self, team_id: str, cached: _Cached) -> None:
        async with self._sessions() as s:
            now, changed = await routing_changes.kudos_since(s, team_id, cached.kudos_version)
        if now <= cached.kudos_version:
            return  # another question caught up meanwhile, with a newer read
        sliced = Slices()
        for change in changed:
            cached.index.kudos_changed(change)
            await sliced.turn()
        cached.kudos_version = now

    def _refresh_later(self, team_id: str, cached: _Cached) -> None:
        """Rebuild an old copy in the background; questions keep using it until then."""
        if team_id in self._refreshing:
            return

        async def refresh() -> None:
            try:
                fresh = await self._build(team_id, await self._versions(team_id))
                if self._indexes.get(team_id) is cached:
                    self._indexes[team_id] = fresh
            except Exception:
                log.exception("rebuilding the routing index of %s failed", team_id)
                cached.loaded_at = self._monotonic()  # try again after another max_age
            finally:
                self._refreshing.pop(team_id, None)

        self._refreshing[team_id] = asyncio.create_task(refresh())

    async def warm(self, team_ids: Iterable[str]) -> None:
        """Build these workspaces' indexes now, one after the other, then say `ready`."""
        started = self._monotonic()
        count = 0
        for team_id in team_ids:
            try:
                await self.get(team_id)
                count += 1
            except Exception:  # that workspace's first question tries again
                log.exception("building the routing index of %s failed", team_id)
        self.ready = True
        log.info(
            "routing ready: %d workspace index(es) built in %.1f s",
            count,
            self._monotonic() - started,
        )

    async def warm_all(self) -> None:
        """`warm` for every workspace with people that has not uninstalled the app."""
        await self.warm(await self.to_warm())

    async def to_warm(self) -> list[str]:
        """The workspaces `warm_all` builds: those with people that have not uninstalled.
        Read at every start, before the bot listens: one statement in a unit on the loop
        (`storage.units`)."""
        async with units.reading(self._sessions) as s:
            return await routing.routed_workspaces(s)

    async def close(self) -> None:
        """Stop background rebuilds (at shutdown)."""
        tasks = list(self._refreshing.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def people_changed(self, team_id: str, user_ids: Collection[str]) -> None:
        """After a directory sync or a `user_change`: the people it changed
        (`SyncReport.changed`), read as routing holds them and applied in place to this
        process's copy, and to any copy being built; nothing is read when nobody changed, or
        no copy is held."""
        if not user_ids or not (team_id in self._indexes or self._building.get(team_id)):
            return
        async with self._sessions() as s:
            people = await routing.routed_people(s, team_id, user_ids)
        cached = self._indexes.get(team_id)
        if cached is not None:
            cached.index.people_changed(people)
        for changed in self._building.get(team_id, ()):
            changed.update(people)

    def invalidate(self, team_id: str) -> None:
        """Drop this process's copy: the next question rebuilds it (tests that seed rows)."""
        self._indexes.pop(team_id, None)


class Slices:
    """Lets the event loop run once a stretch of work has held it SLICE_SECONDS (by the
    process's `perf_counter`: real time, whatever clock the bot's pace is on)."""

    def __init__(self) -> None:
        self._since = time.perf_counter()

    async def turn(self) -> None:
        if time.perf_counter() - self._since >= SLICE_SECONDS:
            await asyncio.sleep(0)
            self._since = time.perf_counter()


def _skills_touched(index: RoutingIndex, changed: Mapping[str, Mapping[str, int]]) -> set[str]:
    """The skills a catch-up may find created or deleted: those the changed people declare
    now that the index does not know, and those they declared before."""
    now = {key for skills in changed.values() for key in skills}
    before = {key for user_id in changed for key in index.declared_keys(user_id)}
    return {key for key in now if key not in index.vocabulary.names} | (before - now)


def _aliases_changed(held: Mapping[str, str], now: Mapping[str, str]) -> set[str]:
    """The aliases added, taken away or pointed elsewhere, and the skills they named before
    and now: the skills an admin's alias or merge may have created or deleted."""
    changed = {alias for alias in held.keys() | now.keys() if held.get(alias) != now.get(alias)}
    return changed | {held[a] for a in changed if a in held} | {now[a] for a in changed if a in now}
