"""The insights as a service: the workspace's analysis, cached between runs, cut to a
viewer; and the monthly DM to admins, queued once a month through the outbox.

The analysis reads the whole workspace (seconds for 100,000 people), so it is kept for
`CACHE_SECONDS` per (workspace, window) and computed by one caller at a time; every view, the
picture included, is cut from the cached copy. A deletion from a profile (`/skills forget me`,
a network entry removed, the Edit profile modal) or an import that changed anyone (the org
chart a manager's view is cut by: `profiles_version`), any change to declared skills or
networks (`skills_version`: a second person declaring a topic, or its one person removing
it, makes "only Dev" untrue), a channel made private (`rebuild_version`) or a kudos undone
counted since the copy was made has it made again, on every replica: what someone deleted is
not shown for hours after. (Routing's index applies the changes in place; this copy, a whole
analysis, is made again.)
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import visibility
from bot.conversations import MadePrivate, PrivateNow
from bot.drawing import drawn
from bot.errors import AskaroundError, UserError
from bot.insights import outline, tell
from bot.insights.build import analyse
from bot.insights.measures import Analysis
from bot.insights.view import InsightsView, cut, org_of
from storage import digests as digests_q
from storage import insights as q
from storage import kudos as kudos_q
from storage import people as people_queries
from storage import questions as questions_q
from storage import routing_changes
from storage.workspaces import find_workspace

WINDOW = timedelta(days=90)
CACHE_SECONDS = 2 * 3600.0  # the hourly job refreshes it before it runs out
NOT_FOR_YOU = (
    "The insights are for managers (about their org) and Slack's workspace admins "
    "and owners and people with the `admin` role (the whole workspace), and nobody reports "
    "to you in the org chart."
)


@dataclass
class Shown:
    view: InsightsView
    names: dict[str, str]
    _png: bytes | None = field(default=None, repr=False)

    def text(self) -> str:
        return outline.as_text(self.view, self.names)

    async def png(self) -> bytes:
        """Drawn off the event loop (`bot.drawing`). The drawing module (matplotlib,
        networkx) is imported at the first picture, not at every start."""
        if self._png is None:
            from bot.insights.picture import teams_png

            self._png = await drawn(teams_png, self.view)
        return self._png


class InsightsService:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], now: Callable[[], datetime]
    ) -> None:
        self._sessions = sessions
        self._now = now
        self._cache: dict[tuple[str, datetime], tuple[float, tuple[int, ...], Analysis]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._shown: dict[tuple[str, str, datetime], Shown] = {}
        self._queued_month: dict[str, str] = {}

    def since_default(self) -> datetime:
        today = self._now().astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        return today - WINDOW

    async def analysis(
        self, team_id: str, since: datetime | None = None, private_now: PrivateNow | None = None
    ) -> Analysis:
        """The workspace's analysis since `since` (90 days by default), from the cache when
        it is younger than `CACHE_SECONDS` and no change to declared skills or networks, no
        deletion from a profile, nor kudos undone or their quote changed, was counted since.
        `private_now` asks Slack about the channels of its public kudos and questions first
        (`_made_private`); without it (the CLI) what is stored decides."""
        since = since or self.since_default()
        key = (team_id, since)
        async with self._locks.setdefault(team_id, asyncio.Lock()):
            await self._made_private(team_id, since, private_now)
            async with self._sessions() as s:
                counted = await routing_changes.routing_versions(s, team_id)
            changes = (counted.profiles, counted.skills, counted.rebuild, counted.kudos)
            cached = self._cache.get(key)
            clock = asyncio.get_running_loop().time()
            if cached is not None and clock - cached[0] < CACHE_SECONDS and cached[1] == changes:
                return cached[2]
            async with self._sessions() as s:
                found = await analyse(s, team_id, since, self._now())
            self._cache[key] = (clock, changes, found)
            return found

    async def _made_private(
        self, team_id: str, since: datetime, private_now: PrivateNow | None
    ) -> None:
        """The public kudos and questions since `since` in a channel private now are stored
        as private, as when Slack's notice is heard (`channel_made_private`), before the
        analysis names anyone by them: a connector or a topic's one person is named for
        public help alone (`visibility.insights_name_by`), and Slack tells the app nothing
        of a channel made private where it is not in it. One `conversations.info` a channel,
        kept a minute (`bot.conversations.PUBLIC_FOR`); finding one makes the analysis, and
        routing's index, anew (`rebuild_routing`)."""
        if private_now is None:
            return
        async with self._sessions() as s:
            kudos = await digests_q.public_kudos_channels(s, team_id, since, self._now())
            asked = await q.public_question_channels(s, team_id, since)
        made = MadePrivate(private_now)
        for channel_id in dict.fromkeys([*kudos, *asked]):
            await made.is_private(False, channel_id)
        if made.found:
            async with self._sessions() as s, s.begin():
                await kudos_q.mark_channels_private(s, team_id, made.found)
                await questions_q.mark_channels_private(s, team_id, made.found)
                await routing_changes.rebuild_routing(s, team_id)

    def forget(self, team_id: str) -> None:
        self._cache = {k: v for k, v in self._cache.items() if k[0] != team_id}

    async def refresh(self, team_id: str, private_now: PrivateNow | None = None) -> Analysis:
        """Analyse again now (the hourly job), so `/askaround insights` answers from the cache."""
        self.forget(team_id)
        return await self.analysis(team_id, private_now=private_now)

    async def may_see(self, team_id: str, viewer_user_id: str, *, slack_admin: bool) -> bool:
        """Whether `viewer_user_id` may see any of the network, decided before it is analysed
        from their roles and the org chart as stored (`for_viewer` decides again)."""
        async with self._sessions() as s:
            roles = await q.roles(s, team_id, viewer_user_id)
            reports = await q.direct_reports(s, team_id, viewer_user_id)
        admin = visibility.is_admin(slack_admin, roles)
        viewer = visibility.person(viewer_user_id)  # a guest who manages sees their org too
        return visibility.insights_scope(viewer, admin=admin, org=reports) is not None

    async def for_viewer(
        self,
        team_id: str,
        viewer_user_id: str,
        *,
        slack_admin: bool,
        since: datetime | None = None,
        private_now: PrivateNow | None = None,
    ) -> Shown:
        """What `viewer_user_id` may see; a UserError when that is nothing."""
        analysis = await self.analysis(team_id, since, private_now)
        async with self._sessions() as s:
            roles = await q.roles(s, team_id, viewer_user_id)
            guest = await people_queries.is_guest(s, team_id, viewer_user_id)
        admin = visibility.is_admin(slack_admin, roles)
        org = org_of(analysis, viewer_user_id)
        viewer = visibility.person(viewer_user_id, guest=guest)
        view = cut(analysis, viewer, admin=admin, org=org)
        if view is None:
            raise UserError(NOT_FOR_YOU)
        # A guest's view names nobody: never the one kept for admins, or for them as a member.
        scope = f"guest:{viewer_user_id}" if guest else "*" if admin else viewer_user_id
        key = (team_id, scope, analysis.computed_at)
        if key not in self._shown:
            self._shown = {k: v for k, v in self._shown.items() if k[2] == analysis.computed_at}
            self._shown[key] = Shown(view, await self._names(team_id, view, every=False))
        return self._shown[key]

    async def whole(self, team_id: str | None, since: datetime | None) -> Shown:
        """The CLI's way in: the whole workspace as an admin sees it, from the database
        alone; `team_id` may be left out when the database holds one workspace."""
        if team_id is None:
            async with self._sessions() as s:
                teams = await q.workspaces(s)
            if len(teams) != 1:
                raise AskaroundError(
                    f"the database holds {len(teams)} workspaces: choose one with --team"
                )
            team_id = teams[0]
        analysis = await self.analysis(team_id, since)
        view = cut(analysis, visibility.person("cli"), admin=True, org=())
        assert view is not None  # an admin sees the workspace
        return Shown(view, await self._names(team_id, view, every=True))

    async def csv(self, team_id: str, shown: Shown) -> str:
        """Every finding `shown` holds, one a row: the risks its message leaves out too."""
        return outline.as_csv(shown.view, await self._names(team_id, shown.view, every=True))

    async def _names(self, team_id: str, view: InsightsView, *, every: bool) -> dict[str, str]:
        async with self._sessions() as s:
            return await people_queries.display_names(
                s, team_id, outline.named(view, every_risk=every)
            )

    def monthly_done(self, team_id: str) -> bool:
        """Whether this process already queued last month's DMs for the workspace: the hourly
        job then need not ask Slack who its admins are again."""
        return self._queued_month.get(team_id) == tell.last_month(self._now())

    async def monthly_due_at(self, team_id: str, admin_user_id: str, month: str) -> datetime:
        """When the DM about `month` is due for an admin by the zone stored for them now: it
        was queued by the zone they were in then, and one who has moved west since waits for
        their own 1st, 09:00."""
        async with self._sessions() as s:
            found = await people_queries.people_by_id(s, team_id, [admin_user_id])
        admin = found.get(admin_user_id)
        return tell.send_moment(month, admin.tz if admin is not None else None)

    async def monthly_given_up(self, team_id: str, admin_user_id: str, month: str) -> None:
        """The outbox gave the monthly DM up: it may have been posted without its files."""
        async with self._sessions() as s, s.begin():
            await tell.files_elsewhere(s, team_id, admin_user_id, month, self._now())

    async def queue_monthly(self, team_id: str, slack_admins: Collection[str] = ()) -> int:
        """Queue last month's DM to each admin (Slack's admins and owners in `slack_admins`,
        and the `admin` role; not the askaround admins named only to change settings), once
        (the outbox key); how many this queued."""
        now = self._now()
        month = tell.last_month(now)
        queued = 0
        async with self._sessions() as s, s.begin():
            workspace = await find_workspace(s, team_id)
            installed = workspace.created_at if workspace is not None else now
            people = await q.roles_of_active(s, team_id)
            zones = {user: tz for user, _roles, tz in people}
            admins = {user for user, roles, _tz in people if visibility.is_admin(False, roles)}
            admins |= set(slack_admins)  # active admins, Slack says; unknown here: zone UTC
            for admin in sorted(admins):
                # A month over before the install is none askaround saw: its DM, due since the
                # 1st, went out minutes after an install mid-month, not on the next 1st.
                if installed >= tell.send_moment(month, zones.get(admin), hour=0):
                    continue
                at = tell.send_moment(month, zones.get(admin))
                queued += await tell.monthly_due(s, team_id, admin, month, at)
        self._queued_month[team_id] = month
        return queued
