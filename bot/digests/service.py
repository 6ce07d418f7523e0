"""Which digests are due, who may read which report, and the runs that make each happen once.

The job only decides: a digest that is due gets its run in `digest_runs` and its delivery in
the outbox, in one transaction, and the outbox's unique key makes it one delivery however
many replicas decide at once. The delivery then renders the summary, posts it, records what
it posted (`posted`) and marks the run `sent`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import mentions, visibility
from bot.conversations import MadePrivate, PrivateNow
from bot.counting import counted_since
from bot.digests import tell
from bot.digests.summary import Shoutout, TeamSummary, build_summary, mentioned
from bot.digests.weeks import IsoWeek, Period, due_week, next_send, send_moment
from bot.errors import AskaroundError, UserError
from bot.timezone import usual
from storage import digests as q
from storage import insights as people_q
from storage import kudos as ledger
from storage import people as people_queries
from storage import team_history as history
from storage import units
from storage import workspace_settings as settings_q
from storage.models import Person, Workspace
from storage.workspaces import DigestSchedule, digest_schedule, ensure_workspace, find_workspace

# A digest is of a week that ended at most 8 days before (a Sunday digest, a day's zone
# away): someone who stopped managing in these days may still have a week to be told of.
MOVED_WITHIN = timedelta(days=15)
ROUNDUP = "#roundup"  # the run key of a workspace's public roundup (no user id starts with #)
# Who reads anyone's report (`visibility.is_admin`): not everyone named to change the settings.
ANYONES = "Slack's workspace admins and owners and people with the `admin` role can see anyone's"
NOT_A_MANAGER = (
    "Team reports are for managers, and nobody reports to you in the org chart. "
    "If that is wrong, ask an admin to import it (`askaround import people`)."
)
# Someone no longer of the workspace (`visibility.may_see_report`): pressing *Full report* on
# a Home tab it published before an Enterprise Grid org removed them from it.
NO_LONGER_HERE = (
    "You're no longer a member of this workspace, so its team reports aren't yours to see."
)
# An admin is one: they read anyone's report, and whoever imports the chart is no one else.
ADMIN_NOT_A_MANAGER = (
    "Nobody reports to you in the org chart, so you have no team report of your own. As an "
    "admin you can see anyone's: `/kudos report @manager`."
)


@dataclass(frozen=True)
class Run:
    """A (workspace, manager or roundup, week) not sent yet; `message_ts` is set once posted."""

    team_id: str
    manager_user_id: str
    week: IsoWeek
    channel_id: str | None
    message_ts: str | None


@dataclass(frozen=True)
class Roundup:
    channel_id: str
    week: IsoWeek
    shoutouts: tuple[Shoutout, ...]


async def unnamed_private(s: AsyncSession, summary: TeamSummary) -> TeamSummary:
    """The summary with each channel its reasons link named only as the database says it
    may be (`mentions.channels_as_may_be_named`)."""
    linked = {c for shoutout in summary.shoutouts for c in mentions.channels(shoutout.message)}
    privacy = await q.channels_privacy(s, summary.team_id, linked)
    shoutouts = tuple(
        replace(shoutout, message=mentions.channels_as_may_be_named(shoutout.message, privacy))
        for shoutout in summary.shoutouts
    )
    return replace(summary, shoutouts=shoutouts)


class DigestService:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], now: Callable[[], datetime]
    ) -> None:
        self._sessions = sessions
        self._now = now

    async def queue_due(self, team_id: str) -> int:
        """Queue every digest (and the roundup) whose send time has come and that nobody has
        queued yet; returns how many digests this call queued."""
        now = self._now()
        if not await self._anything_due(team_id, now):
            return 0
        queued = 0
        async with self._sessions() as s, s.begin():
            digests, roundup = await self._unsent(s, team_id, now)
            for manager_user_id, week, counted in digests:
                await q.open_run(s, team_id, manager_user_id, week.label, now)
                if counted:
                    queued += await tell.digest_due(s, team_id, manager_user_id, week, now)
                else:  # nothing of it is known: a DM would tell the manager only that
                    await q.update_run(
                        s, team_id, manager_user_id, week.label, status="skipped", sent_at=now
                    )
            if roundup:
                await q.open_run(s, team_id, ROUNDUP, roundup.label, now)
                await tell.roundup_due(s, team_id, roundup, now)
        return queued

    async def skip_due(self, team_id: str) -> int:
        """Record every digest (and the roundup) due now and not sent as sent, without
        drawing or sending it (its run `skipped`); returns how many runs this skipped. The
        demo starts so: what is due then is of a week before its company existed, and nobody
        would see it. A delivery of one already queued then finds it sent and does nothing."""
        now = self._now()
        async with self._sessions() as s, s.begin():
            digests, roundup = await self._unsent(s, team_id, now)
            runs = [(m, w) for m, w, _ in digests] + ([(ROUNDUP, roundup)] if roundup else [])
            for key, week in runs:
                await q.open_run(s, team_id, key, week.label, now)
                await q.update_run(s, team_id, key, week.label, status="skipped", sent_at=now)
        return len(runs)

    async def _unsent(
        self, s: AsyncSession, team_id: str, now: datetime
    ) -> tuple[list[tuple[str, IsoWeek, bool]], IsoWeek | None]:
        """The (manager, week, counted) digests due at `now` and not sent, and the roundup's
        week when it is due and not sent. `counted` is false for a week that ended, where the
        manager lives, before askaround counted kudos (`outline.before_counting`): a workspace
        installed mid-week found the week before's digests still due, and each manager was
        sent one saying it had nothing to tell, with a chart of eight empty weeks."""
        workspace = await ensure_workspace(s, team_id)  # first: takes SQLite's lock
        current = {m.user_id for m in await q.managers(s, team_id)}
        chosen = [
            (m, week)
            for m in await q.managers(s, team_id, now - MOVED_WITHIN)
            if (week := due_week(now, m.tz, workspace.digest_weekday, workspace.digest_hour))
        ]
        roundup = await self._roundup_week(s, DigestSchedule.of(workspace), now)
        weeks = {w.label for _, w in chosen} | ({roundup.label} if roundup else set())
        sent = await q.sent_runs(s, team_id, weeks)
        since = await self._counted_since(s, workspace, now)
        unsent = []
        for m, week in chosen:
            if (m.user_id, week.label) in sent:
                continue
            counted = week >= IsoWeek.at(since, m.tz)
            # Someone stopped reporting to them lately: the week's digest is theirs if anyone
            # was in their team in it (`storage.team_history`), else recorded skipped.
            if counted and m.user_id not in current:
                counted = await self._had_team(s, m, week)
            unsent.append((m.user_id, week, counted))
        if roundup and (ROUNDUP, roundup.label) in sent:
            roundup = None
        return unsent, roundup

    @staticmethod
    async def _counted_since(s: AsyncSession, workspace: Workspace, now: datetime) -> datetime:
        """When askaround began counting the workspace (`bot.counting`): no digest tells of a
        week that ended before it."""
        installed = min(workspace.created_at, now)
        return counted_since(installed, await q.first_kudos(s, workspace.team_id))

    async def _anything_due(self, team_id: str, now: datetime) -> bool:
        """Whether `queue_due` may have something to queue: a digest (or the roundup) due and
        not sent. Read-only and a few small queries, so the job's runs all week after the
        digests went out (and before their moment) take no write lock and load nobody; when
        it says yes, `queue_due` decides afresh in its own transaction."""
        async with units.reading(self._sessions) as s:
            workspace = await digest_schedule(s, team_id)
            if workspace is None:
                return True  # `queue_due` creates the settings
            # A zone's week is at most a day from UTC's, so its due week is one of these.
            weeks = [IsoWeek.at(now, "UTC").shifted(n).label for n in (-2, -1, 0)]
            by_zone = await q.sent_by_zone(s, team_id, weeks, now - MOVED_WITHIN)
            for tz, (managers, sent) in by_zone.items():
                week = due_week(now, tz, workspace.digest_weekday, workspace.digest_hour)
                if week and sent.get(week.label, 0) < managers:
                    return True
            roundup = await self._roundup_week(s, workspace, now)
            if roundup is None:
                return False
            run = await q.get_run(s, team_id, ROUNDUP, roundup.label)
            return run is None or run.sent_at is None

    async def pending(self, team_id: str, manager_user_id: str, week: IsoWeek) -> Run | None:
        """The run as an earlier attempt left it, or None when it is sent (or was never due)."""
        async with self._sessions() as s:
            row = await q.get_run(s, team_id, manager_user_id, week.label)
        if row is None or row.sent_at is not None:
            return None
        return Run(team_id, manager_user_id, week, row.channel_id, row.message_ts)

    async def posted(self, run: Run, channel_id: str, ts: str) -> None:
        """Record the posted message before anything else can fail, so it is never re-posted."""
        async with self._sessions() as s, s.begin():
            await q.update_run(
                s, run.team_id, run.manager_user_id, run.week.label,
                status="posted", channel_id=channel_id, message_ts=ts,
            )  # fmt: skip

    async def sent(self, run: Run) -> None:
        async with self._sessions() as s, s.begin():
            await q.update_run(
                s, run.team_id, run.manager_user_id, run.week.label,
                status="sent", sent_at=self._now(),
            )  # fmt: skip

    async def withheld(self, run: Run) -> None:
        """The run is done without its post: the roundup is not for its channel now
        (`visibility.may_post_in_kudos_channel`), or the digest's manager has nobody in
        their team now, or left the workspace (`still_theirs`); a retry posts nothing
        either."""
        async with self._sessions() as s, s.begin():
            await q.update_run(
                s, run.team_id, run.manager_user_id, run.week.label,
                status="skipped", sent_at=self._now(),
            )  # fmt: skip

    async def still_theirs(self, team_id: str, manager_user_id: str) -> bool:
        """Whether a digest queued for this manager may still be sent them: their own report
        (`visibility.may_see_report`), which nobody who left the workspace since reads."""
        async with self._sessions() as s:
            manager = await q.person(s, team_id, manager_user_id)
        left = manager is None or manager.deactivated
        viewer = visibility.person(manager_user_id, left=left)
        return visibility.may_see_report(viewer, manager_user_id, admin=False, org=set())

    async def given_up(self, team_id: str, manager_user_id: str, week: IsoWeek) -> None:
        """The outbox gave the digest up: it may have been posted without its files."""
        async with self._sessions() as s, s.begin():
            await tell.files_elsewhere(s, team_id, manager_user_id, week, self._now())

    async def summary(
        self,
        team_id: str,
        manager_user_id: str,
        week: IsoWeek,
        private_now: PrivateNow | None = None,
    ) -> TeamSummary:
        workspace = await self._settings(team_id)
        async with self._sessions() as s:
            manager = await q.person(s, team_id, manager_user_id)
            if manager is None:
                raise UserError(f"I don't know <@{manager_user_id}> yet.")
        await self._made_private(team_id, week, manager.tz, private_now)
        async with self._sessions() as s:
            return await self._build(s, workspace, manager, week, for_guest=manager.is_guest)

    async def next_digest(self, team_id: str, manager_user_id: str, tz: str | None) -> datetime:
        """When the next digest reaches a manager in `tz`, by the workspace's settings: the
        next send moment whose week will be sent, not one of a week that ended before
        askaround counted (a Monday's install before the digest's hour), nor one sent already
        (sent where they lived before moving west, whose Monday 09:00 is still to come)."""
        workspace = await self._settings(team_id)
        now = self._now()
        moment = next_send(now, tz, workspace.digest_weekday, workspace.digest_hour)
        during = IsoWeek.at(moment, tz)  # the week it is sent in; it tells of the one before
        async with self._sessions() as s:
            first = IsoWeek.at(await self._counted_since(s, workspace, now), tz)
            weeks = {during.shifted(n).label for n in (-1, 0, 1)}
            sent = {w for m, w in await q.sent_runs(s, team_id, weeks) if m == manager_user_id}
        while during.shifted(-1) < first or during.shifted(-1).label in sent:
            during = during.shifted(1)
        return send_moment(during, tz, workspace.digest_weekday, workspace.digest_hour)

    async def report(
        self,
        team_id: str,
        viewer_user_id: str,
        *,
        slack_admin: bool,
        manager_user_id: str | None,
        period: str,
        private_now: PrivateNow | None = None,
    ) -> TeamSummary:
        """`/kudos report`: the summary of a week for a manager the viewer may see. The words
        are read before the team: `next week` is told what weeks it takes, not that nobody
        reports to an admin who has no team."""
        wanted = Period.parse(period)
        target = manager_user_id or viewer_user_id
        async with self._sessions() as s:
            viewer = await q.person(s, team_id, viewer_user_id)
            own = target == viewer_user_id
            manager = viewer if own else await q.person(s, team_id, target)
            admin = visibility.is_admin(slack_admin, viewer.roles if viewer else None)
            # Who left is still in the chart: their team's report stays with those above them.
            below = await q.team_members(s, team_id, viewer_user_id, with_departed=True)
            org = {p.user_id for p in below}
            left = viewer is not None and viewer.deactivated
            week = wanted.at(self._now(), manager.tz) if manager else None
            org_then = org
            if manager is not None and week is not None and not own and not admin:
                # Whose week it is: the org of that week (`storage.team_history`), not of now.
                window = week.window(manager.tz)
                during = await history.team_during(s, team_id, viewer_user_id, *window)
                org_then = {p.user_id for p, _ in during}
            if not visibility.may_see_report(
                visibility.person(viewer_user_id, left=left), target, admin=admin, org=org_then
            ):
                if left:
                    raise UserError(NO_LONGER_HERE)
                if target in org and week is not None:
                    raise UserError(
                        f"<@{target}> was not in your org in {week.label}: you can see a "
                        "report of a manager below you for the weeks they were."
                    )
                if not org:  # no report of their own to speak of
                    raise UserError(f"{NOT_A_MANAGER} {ANYONES}.")
                raise UserError(
                    f"You can see the reports of your own org only: yours and those of managers "
                    f"below you. <@{target}> is not one of them; {ANYONES}."
                )
            nobody = UserError(
                (ADMIN_NOT_A_MANAGER if admin else NOT_A_MANAGER)
                if own
                else f"Nobody reports to <@{target}> in the org chart. Slack knows no managers: "
                "who reports to whom comes from the file an admin imports with `askaround "
                "import people` (its `manager` column)."
            )
            if manager is None or week is None:
                raise nobody
            theirs = await self._had_team(s, manager, week, below if own else None)
            if not theirs and not await self._anyone_then(s, manager, week):
                raise nobody
            guest = viewer is not None and viewer.is_guest
        # Read once the report is known to be theirs to see: most people have none, and the
        # Home tab asks for everyone's.
        workspace = await self._settings(team_id)
        await self._made_private(team_id, week, manager.tz, private_now)
        async with self._sessions() as s:
            summary = await self._build(s, workspace, manager, week, for_guest=guest)
        if not theirs and not summary.team_size:
            raise nobody
        return summary

    async def report_for(
        self,
        manager: str,
        period: Period,
        *,
        team: str | None = None,
        show_private: bool = False,
    ) -> TeamSummary:
        """The CLI's way in: the manager by Slack user id, email or @name, in whichever
        workspace they are known (`team`, when given: an Enterprise Grid org's workspaces
        share one database and may each know the same user id), and the week `period` names
        where they live. Read outside Slack, and perhaps pasted anywhere, it names a private
        channel a reason links as "a private channel" (`unnamed_private`), unless the operator
        asks for every name (`show_private`)."""
        async with self._sessions() as s, s.begin():
            found = await q.people_known_as(s, manager)
            if team is not None:
                found = [p for p in found if p.team_id == team]
            if not found:
                known_by = "has the email" if "@" in manager.strip()[1:] else "is known as"
                there = f" in workspace {team}" if team else ""
                raise AskaroundError(f"no active person {known_by} {manager}{there}")
            teams = sorted({p.team_id for p in found})
            if len(teams) > 1:
                also = "" if len(found) == len(teams) else ", and use their Slack user id"
                raise AskaroundError(
                    f"{manager} names {len(found)} people in {len(teams)} workspaces "
                    f"({', '.join(teams)}): say which with --team{also}"
                )
            if len(found) > 1:
                raise AskaroundError(
                    f"{manager} names {len(found)} people in workspace {teams[0]}: use their "
                    "Slack user id"
                )
            boss = found[0]
            week = period.at(self._now(), boss.tz)
            nobody = AskaroundError(f"nobody reports to {manager} in the org chart")
            theirs = await self._had_team(s, boss, week)
            if not theirs and not await self._anyone_then(s, boss, week):
                raise nobody
            workspace = await ensure_workspace(s, boss.team_id)
            summary = await self._build(s, workspace, boss, week)
            if not theirs and not summary.team_size:
                raise nobody
            return summary if show_private else await unnamed_private(s, summary)

    @staticmethod
    async def _had_team(
        s: AsyncSession, manager: Person, week: IsoWeek, chart: list[Person] | None = None
    ) -> bool:
        """Whether the manager has a team of that week to report on: someone reports to them
        now, or someone active now was in their team in that week (`storage.team_history`).
        `chart` is everyone below them now, departed too, when read already."""
        if chart is None:
            if await q.team_members(s, manager.team_id, manager.user_id):
                return True
        elif any(not person.deactivated for person in chart):
            return True
        return await history.had_team(
            s, manager.team_id, manager.user_id, *week.window(manager.tz), chart=chart
        )

    @staticmethod
    async def _anyone_then(s: AsyncSession, manager: Person, week: IsoWeek) -> bool:
        """Whether anyone, departed since too, was in the manager's team in that week: a team
        that has all left since has a report of the weeks it was thanked or helped in (its
        summary has people), which read "nobody reports to you" once they were gone."""
        window = week.window(manager.tz)
        return bool(await history.team_during(s, manager.team_id, manager.user_id, *window))

    async def _settings(self, team_id: str) -> Workspace:
        """The workspace's settings for a digest or the roundup being drawn: read, as the job's
        run that queued it created them (`queue_due`), so drawing takes no write lock (on
        SQLite digests drawn at once each waited for it); created only when missing."""
        async with self._sessions() as s:
            workspace = await find_workspace(s, team_id)
        if workspace is not None:
            return workspace
        async with self._sessions() as s, s.begin():
            return await ensure_workspace(s, team_id)

    async def _made_private(
        self, team_id: str, week: IsoWeek, tz: str | None, private_now: PrivateNow | None
    ) -> None:
        """The public kudos of `week` (in `tz`) whose shout-out is in a channel private now
        are stored as private, before a digest, a report or the roundup reads them: a channel
        made private after a shout-out was posted there makes its words its members' alone,
        and Slack tells the app nothing of it where it is not in the channel. `private_now`
        asks Slack (`bot.conversations`), outside any transaction; without it (the CLI's
        report) what is stored decides. A week not begun has nothing to look at."""
        if private_now is None or week > IsoWeek.at(self._now(), tz):
            return
        async with self._sessions() as s:
            channels = await q.public_kudos_channels(s, team_id, *week.window(tz))
        made = MadePrivate(private_now)
        for channel_id in channels:
            await made.is_private(False, channel_id)
        if made.found:
            async with self._sessions() as s, s.begin():
                await ledger.mark_channels_private(s, team_id, made.found)

    async def _build(
        self,
        s: AsyncSession,
        workspace: Workspace,
        manager: Person,
        week: IsoWeek,
        *,
        for_guest: bool = False,
    ) -> TeamSummary:
        """The summary for its reader: the manager, or who asked for the report (`for_guest`:
        a guest of the workspace, shown counts alone, `visibility.report_shows`)."""
        current = IsoWeek.at(self._now(), manager.tz)
        if week > current:  # a report of nothing yet, with a trend of -100%
            raise UserError(
                f"{week.label} hasn't started yet: the latest report is this week's, "
                f"{current.label}."
            )
        direct = workspace.digest_scope == "direct"
        summary = await build_summary(
            s,
            workspace.team_id,
            manager,
            week,
            # The database stamps an install by the host's time, the domain reads its own
            # clock: an install is never later than now, even where the two disagree.
            installed=min(workspace.created_at, self._now()),
            direct_only=direct,
            for_guest=for_guest,
        )
        return replace(summary, so_far=week == current)

    async def _roundup_week(
        self, s: AsyncSession, workspace: DigestSchedule, now: datetime
    ) -> IsoWeek | None:
        """The week whose public roundup is due (on the digest weekday and hour, in the time
        zone most of the workspace is in), when the roundup is on and has a channel."""
        if not (workspace.digest_roundup and workspace.kudos_channel_id):
            return None
        tz = usual(await q.zones_of_people(s, workspace.team_id), now)
        weekday, hour = workspace.digest_weekday, workspace.digest_hour
        week = due_week(now, tz, weekday, hour)
        if week is None:
            return None
        # Switched on after this week's moment, its first is next week's, on the day and hour
        # the setting names: the week before's, due since, was posted at once, mid-week.
        on = await settings_q.last_set_to(s, workspace.team_id, "digest_roundup", "yes")
        moment = send_moment(IsoWeek.at(now, tz), tz, weekday, hour)
        return None if on is not None and on > moment else week

    async def roundup_refused(
        self,
        team_id: str,
        channel_id: str,
        cause: str,
        week: IsoWeek,
        slack_admins: Collection[str] = (),
    ) -> int:
        """The kudos channel took no roundup (Slack said `cause`: archived, deleted, the bot
        removed): each askaround admin who can fix it (Slack's admins and owners in
        `slack_admins`, the `admin` role, the people named in the settings) is told once for
        this channel and cause, not each week it fails again (again once it took a roundup
        since); how many this queued."""
        now = self._now()
        queued = 0
        async with self._sessions() as s, s.begin():
            workspace = await ensure_workspace(s, team_id)
            since = await q.last_posted(s, team_id, ROUNDUP, channel_id)
            named = workspace.askaround_admins or ()
            admins = {  # stored, active and no bot: of this workspace, so nameable
                user
                for user, roles, _tz in await people_q.roles_of_active(s, team_id)
                if visibility.may_configure(False, roles, user_id=user, named=named, nameable=True)
            }
            for admin in sorted(admins | set(slack_admins)):
                queued += await tell.roundup_refused(
                    s, team_id, admin, channel_id, cause, week, since, now
                )
        return queued

    async def roundup_channel(self, team_id: str) -> str | None:
        """Where the roundup goes now: the kudos channel, when the roundup is on."""
        workspace = await self._settings(team_id)
        return workspace.kudos_channel_id if workspace.digest_roundup else None

    async def roundup(
        self, team_id: str, week: IsoWeek, private_now: PrivateNow | None = None
    ) -> Roundup | None:
        """The week's public kudos for the kudos channel, as they are now; None when the
        roundup was switched off (or lost its channel) since it was queued.

        A public kudos's shout-out may be in a channel made private since, which Slack tells
        the app nothing of where it is not in it: `private_now` says whether a channel is
        private now, and the kudos posted in one that is are left out of this public post and
        stored as private from now on, as `/kudos @someone` does (`_made_private`)."""
        workspace = await self._settings(team_id)
        channel = workspace.kudos_channel_id
        if not (workspace.digest_roundup and channel):
            return None
        async with self._sessions() as s:
            tz = usual(await q.zones_of_people(s, team_id), self._now())
        await self._made_private(team_id, week, tz, private_now)
        async with self._sessions() as s:
            entries = await q.public_kudos(s, team_id, *week.window(tz))
            names = await people_queries.display_names(
                s,
                team_id,
                {k.giver_user_id for k in entries}
                | {k.receiver_user_id for k in entries}
                | mentioned(entries),
            )
        return Roundup(
            channel,
            week,
            tuple(
                Shoutout.of(k, names, tz) for k in entries if visibility.report_shows(k.is_private)
            ),
        )
