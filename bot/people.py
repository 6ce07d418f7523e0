"""The people askaround knows about, as Slack describes them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import groupby

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import home, visibility
from bot.clock import wall_clock
from bot.directory.sync import SyncReport, record_directory
from bot.profile import COLUMNS, Profile
from bot.recent import Recent
from storage import people as people_queries
from storage import units, workspaces

# A profile stored from Slack is trusted this long without asking Slack again: `user_change`
# and `team_join` keep it current meanwhile; this only catches an event that was missed.
STORED_FOR = timedelta(hours=24)
# A profile is kept in this process's memory this long before the database is read again:
# another replica may have stored a change (a `user_change` reaches one replica only).
IN_MEMORY_FOR = timedelta(seconds=60)
IN_MEMORY_PEOPLE = 20_000


def gone(person: Profile) -> bool:
    """Whether someone askaround stored left the workspace since (deactivated, or removed
    from it by their Enterprise Grid organisation): who is stored is its own, but not for
    good (`visibility.reads_workspace`)."""
    return not visibility.reads_workspace(
        visibility.person(person.user_id, left=person.deactivated)
    )


@dataclass(frozen=True)
class HomeSummary:
    user_id: str
    known_colleagues: int | None  # None: not theirs to see (`visibility.sees_workspace_figures`)


@dataclass(frozen=True)
class SyncClaim:
    team_id: str
    at: datetime
    before: datetime | None  # the sync before this one; None: never


class PeopleService:
    """People as Slack describes them. What askaround already knows (`known`) is used
    without asking Slack again; what Slack says (`remember`) is stored once."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        now: Callable[[], datetime] = wall_clock,
    ) -> None:
        self._sessions = sessions
        self._now = now
        self._memory: Recent[tuple[str, str], Profile] = Recent(now, IN_MEMORY_PEOPLE)

    async def known(
        self, team_id: str, user_ids: Collection[str], session: AsyncSession | None = None
    ) -> dict[str, Profile]:
        """The profiles of these people that need no look-up in Slack: kept in memory, or
        stored from Slack within `STORED_FOR`. Anyone missing must be asked about. The table
        is read in `session` when given (a unit of work that goes on to write: the give, so
        that a kudos is one unit, not a read and then a give), else in a read of its own."""
        found: dict[str, Profile] = {}
        for user_id in user_ids:
            profile = self._memory.get((team_id, user_id))
            if profile is not None:
                found[user_id] = profile
        wanted = [u for u in user_ids if u not in found]
        if wanted:
            found.update(await self._stored(team_id, wanted, session=session))
        return found

    async def display_names(self, team_id: str, user_ids: Collection[str]) -> dict[str, str]:
        """The names of these stored people as plain text shows them, told apart from their
        namesakes (`storage.people.display_names`)."""
        async with units.reading(self._sessions) as session:
            return await people_queries.display_names(session, team_id, user_ids)

    async def by_handle(self, team_id: str, handle: str) -> str | None:
        """The user id of the colleague whose Slack handle (or email) `handle` is, typed
        without Slack's @-suggestion; None for anyone else, an app or someone who left."""
        async with self._sessions() as s:
            person = (await people_queries.people_by_handles(s, team_id, [handle])).get(
                handle.lower()
            )
        if person is None or person.is_bot or person.deactivated:
            return None
        return person.user_id

    async def described_before(self, team_id: str, user_id: str) -> Profile | None:
        """This person as Slack described them to askaround once, however long ago: it stores
        only this workspace's people, so one it has is its own even when Slack will not
        describe them now (deactivated, or out of the bot's sight). None if it never did."""
        return (await self._stored(team_id, [user_id], fresh=False)).get(user_id)

    async def present_member(self, team_id: str, user_id: str) -> bool:
        """Whether this person is one of the workspace's, as Slack described them to askaround
        (not an import's row of someone it never described, nor an app), and not gone: one
        Slack now says is not in the workspace has left it."""
        async with self._sessions() as s:
            return bool(await people_queries.described_members(s, team_id, [user_id]))

    async def heard(self, team_id: str, profile: Profile) -> Profile:
        """Slack says this is how someone is now (`user_change`, `team_join`): stored, unless
        the table already has it so (Slack sends `user_change` for a new status or avatar
        too, which changes nothing kept here), or has a newer one (Slack's `updated`: a
        retry of a failed delivery comes after the next change). Compared with the table, not
        this process's memory, which another replica's write may have made out of date. How
        they are as kept now, which is what anything done about the change goes by."""
        stored = (await self._stored(team_id, [profile.user_id])).get(profile.user_id)
        [(whole, kept)] = await self._as_known(team_id, [profile])
        if stored is not None and whole.older_than(stored):
            # Kept as stored. A late delivery (Slack gave its time) is how they were, not are;
            # without a time (users.info's refusal taken as gone) nothing says it is late.
            return stored if whole.updated else whole
        if stored is None or replace(stored, updated=whole.updated) != whole:
            # Made a guest (or a member again): the tab as last published showed the figures
            # of the workspace as their old self may see them (`sees_workspace_figures`).
            regrade = stored is not None and stored.is_guest != whole.is_guest
            await self._write(team_id, [(whole, kept)], tab=regrade)
        return whole

    async def _stored(
        self,
        team_id: str,
        user_ids: Collection[str],
        *,
        fresh: bool = True,
        session: AsyncSession | None = None,
    ) -> dict[str, Profile]:
        since = wall_clock() - STORED_FOR if fresh else datetime.min.replace(tzinfo=UTC)
        if session is not None:
            rows = await people_queries.slack_profiles(session, team_id, user_ids, since)
        else:
            async with units.reading(self._sessions) as reading:
                rows = await people_queries.slack_profiles(reading, team_id, user_ids, since)
        found: dict[str, Profile] = {}
        for row in rows:
            profile = Profile(
                user_id=row.user_id,
                name=row.name,
                real_name=row.real_name,
                email=row.email,
                tz=row.tz,
                is_bot=row.is_bot,
                deactivated=row.deactivated,
                is_guest=row.is_guest,
                updated=row.slack_updated,
            )
            self._keep(team_id, profile)
            found[profile.user_id] = profile
        return found

    async def remember(self, team_id: str, *profiles: Profile) -> list[Profile]:
        """What Slack just said about these people (a look-up, `user_change`, `team_join`),
        stored in one transaction and kept in memory; the people as now known, in order."""
        if not profiles:
            return []
        known = await self._as_known(team_id, profiles)
        await self._write(team_id, known)
        return [whole for whole, _ in known]

    async def _as_known(
        self, team_id: str, profiles: Collection[Profile]
    ) -> list[tuple[Profile, frozenset[str]]]:
        """Each profile whole, and the fields of it to leave as stored
        (`Profile.left_as_stored`), taken from what askaround knows."""
        partial = [p.user_id for p in profiles if p.unsaid]
        before = await self._stored(team_id, partial, fresh=False) if partial else {}
        known: list[tuple[Profile, frozenset[str]]] = []
        for profile in profiles:
            base = before.get(profile.user_id)
            kept = profile.left_as_stored(base.name if base else None)
            said = {f: getattr(profile, f) for f in COLUMNS if f not in kept}
            whole = replace(base, **said) if base is not None else profile
            known.append((replace(whole, unsaid=frozenset()), kept))
        return known

    async def _write(
        self, team_id: str, known: list[tuple[Profile, frozenset[str]]], *, tab: bool = False
    ) -> None:
        """`tab`: each one's Home tab is rebuilt too (one they have opened), in the same unit."""
        # Several people: the workspace's row first (`workspaces.hold_for_profiles`), as every
        # writer of profiles takes it. In user-id order alone they deadlocked on PostgreSQL
        # with an import, which writes people in its file's order: each held one of two rows
        # and waited for the other. One person's row alone closes no such circle.
        ordered = sorted(known, key=lambda k: k[0].user_id)
        async with units.transaction(self._sessions) as session:
            if len({profile.user_id for profile, _ in ordered}) > 1:
                await workspaces.hold_for_profiles(session, team_id)
            await self._remember(session, team_id, ordered)
            if tab:
                for profile, _ in ordered:
                    await home.changed(session, team_id, profile.user_id, self._now())
        for profile, _ in known:
            self._keep(team_id, profile)

    def _keep(self, team_id: str, profile: Profile) -> None:
        kept = self._memory.get((team_id, profile.user_id))
        if kept is None or not profile.older_than(kept):
            self._memory.put((team_id, profile.user_id), profile, IN_MEMORY_FOR)

    async def opened_home(self, team_id: str, profile: Profile, at: datetime) -> None:
        """They opened the App Home tab: remember them as Slack describes them now, and
        rebuild the tab with it."""
        known = await self._as_known(team_id, [profile])
        async with self._sessions() as session, session.begin():
            await self._remember(session, team_id, known)
            await people_queries.home_opened(session, team_id, profile.user_id, at)
            await home.changed(session, team_id, profile.user_id, at)
        self._keep(team_id, known[0][0])

    async def record_directory(
        self,
        team_id: str,
        profiles: Iterable[Profile],
        report: SyncReport,
        *,
        listed: Collection[str] | None,
    ) -> SyncReport:
        """Everyone in Slack's `users.list`, recorded in one transaction (the directory sync).
        `listed`: every user id the list named, read to its end; who it leaves out has left
        (`record_directory`)."""
        everyone = list(profiles)
        async with self._sessions() as session, session.begin():
            # The workspace's row before the people's (`workspaces.hold_for_profiles`): its
            # mark written last, a `/skills add` of someone synced deadlocked with it.
            await workspaces.hold_for_profiles(session, team_id)
            recorded = await record_directory(session, team_id, everyone, report, listed=listed)
            if listed is not None:
                await workspaces.directory_synced(session, team_id, self._now())
        if recorded.added:
            await self.recount()
        for user_id in (*(profile.user_id for profile in everyone), *recorded.left):
            self._memory.drop((team_id, user_id))
        return recorded

    async def claim_sync(self, team_id: str, every: timedelta) -> SyncClaim | None:
        """The workspace's directory sync, when it is due (never synced, or not within
        `every`) and no other replica claimed it first; None otherwise."""
        now = self._now()
        async with self._sessions() as session, session.begin():
            claimed, before = await workspaces.claim_directory_sync(
                session, team_id, now, now - every
            )
        return SyncClaim(team_id, now, before) if claimed else None

    async def sync_failed(self, claim: SyncClaim) -> None:
        """The claimed sync did not read the list to its end: it stays due."""
        async with self._sessions() as session, session.begin():
            await workspaces.release_directory_sync(session, claim.team_id, claim.at, claim.before)

    async def recount(self) -> None:
        """After a bulk write of people (the sync, an import): the planner's counts, now."""
        async with self._sessions() as session, session.begin():
            await people_queries.refresh_statistics(session)

    async def _remember(
        self, session: AsyncSession, team_id: str, known: list[tuple[Profile, frozenset[str]]]
    ) -> None:
        """Only what Slack said is written: a run of profiles with the same fields to write
        is one statement; someone known by their id alone, described before, is not."""
        rows = [profile.columns(kept) for profile, kept in known]
        for _, run in groupby((row for row in rows if len(row) > 1), key=lambda r: r.keys()):
            await people_queries.upsert_profiles(session, team_id, list(run))

    async def home(self, team_id: str, user_id: str) -> HomeSummary:
        async with self._sessions() as session:
            guest = await people_queries.is_guest(session, team_id, user_id)
            if not visibility.sees_workspace_figures(visibility.person(user_id, guest=guest)):
                return HomeSummary(user_id=user_id, known_colleagues=None)
            count = await people_queries.count_people(session, team_id, besides=user_id)
        return HomeSummary(user_id=user_id, known_colleagues=count)
