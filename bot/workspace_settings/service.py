"""WorkspaceSettingsService: what admins see and change of a workspace's settings.

A change is one unit of work: the settings, the audit log row of each key that changed, and
a rebuild of the admin's Home tab. Every path (kudos, digests, watching) reads the settings
from the database when it runs, so a change takes effect for the next one on every replica;
except a reaction, which goes by the kudos emoji read within a minute
(`KudosService.reactions`), told of a change made in this process at once (`changed`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import home, visibility
from bot.errors import UserError
from bot.kudos.rules import parse_reactions
from bot.workspace_settings.keys import (
    WEEKDAYS,
    SettingsRefused,
    ValuesChange,
    WorkspaceSettings,
    listed,
    parse,
)
from storage import people as people_queries
from storage import watching, workspaces
from storage import workspace_settings as q
from storage.models import Workspace

CLI = "cli"  # who the audit log says changed a setting from the command line
CLI_SHOWN = "the command line"  # CLI as people read it: in Slack and at the terminal
NOT_AN_ADMIN = (
    "Only askaround admins can change its settings: Slack's workspace admins and owners, "
    "people with the `admin` role, and the people they name."
)
# Why someone may not be named one (`visibility.may_be_named`), after who they are.
NOT_NAMEABLE = (
    "only active members of this workspace can be askaround admins, not a guest (of this "
    "workspace or from another organisation), a deactivated account or a bot."
)
# Keys stored as a workspace column as they are parsed.
COLUMNS = {
    "daily_allowance": "daily_allowance",
    "role_allowances": "role_allowances",
    "min_reason_length": "min_reason_length",
    "values_required": "values_required",
    "kudos_channel": "kudos_channel_id",
    "digest_weekday": "digest_weekday",
    "digest_hour": "digest_hour",
    "digest_scope": "digest_scope",
    "digest_roundup": "digest_roundup",
}


class NotAnAdmin(UserError):
    """Someone who is not an askaround admin tried to see or change the settings."""


@dataclass(frozen=True)
class Change:
    key: str
    old: str
    new: str
    changed_by: str
    at: datetime

    @property
    def retired_values(self) -> list[str]:
        """The company values this change left out or renamed, which new kudos can no longer
        name: said where it is confirmed, as one left out by mistake is otherwise noticed
        only when someone's kudos is refused."""
        if self.key != "values":
            return []
        return [v for v in listed(self.old) if v not in listed(self.new)]


class WorkspaceSettingsService:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Callable[[], datetime],
        changed: Callable[[str], None] = lambda _team_id: None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._changed = changed  # told of each change once it is committed

    async def current(self, team_id: str) -> WorkspaceSettings:
        async with self._sessions() as s, s.begin():
            return await self._current(s, team_id)

    @staticmethod
    def defaults() -> WorkspaceSettings:
        """The settings of a workspace nobody has changed anything in."""
        workspace, values = workspaces.defaults()
        return _settings(workspace, sorted(values), (), ())

    async def is_admin(
        self, team_id: str, user_id: str, *, slack_admin: bool, nameable: bool
    ) -> bool:
        """Whether `user_id` may change the settings (`visibility.may_configure` decides);
        `slack_admin` and `nameable` are what Slack says of them now (`visibility.may_be_named`)."""
        async with self._sessions() as s, s.begin():
            return await self._is_admin(s, team_id, user_id, slack_admin, nameable, read=True)

    async def change(
        self,
        team_id: str,
        raw: Mapping[str, str],
        *,
        by: str,
        slack_admin: bool = False,
        nameable: bool = False,
        refusals: Mapping[str, str] | None = None,
        installing: bool = False,
    ) -> tuple[Change, ...]:
        """Apply the settings given as text (key → text), all or none; only the keys whose
        value differs are changed and logged. `by` is a Slack user, who must be an admin
        (or be `installing` the app: `installed_by`), or `CLI`; `refusals` are what Slack
        said no to (a channel the bot cannot watch). Refuses with `NotAnAdmin`, else with
        `SettingsRefused`, every key's reason at once."""
        made = await self._change(team_id, raw, by, slack_admin, nameable, refusals, installing)
        if made:
            self._changed(team_id)
        return made

    async def _change(
        self,
        team_id: str,
        raw: Mapping[str, str],
        by: str,
        slack_admin: bool,
        nameable: bool,
        refusals: Mapping[str, str] | None,
        installing: bool,
    ) -> tuple[Change, ...]:
        async with self._sessions() as s, s.begin():
            if by != CLI and not installing:
                if not await self._is_admin(s, team_id, by, slack_admin, nameable):
                    raise NotAnAdmin(NOT_AN_ADMIN)
            parsed = parse(raw, refusals or {})
            await workspaces.ensure_workspace(s, team_id)
            await workspaces.hold(s, team_id)  # a second Save reads what the first left
            before = await self._current(s, team_id)
            old_text = before.as_text()
            if "values" in parsed:
                parsed["values"] = renames_keep_the_rest(parsed["values"], before)
                check_renames(parsed["values"], before)
            check_kudos_possible(parsed, before)
            check_roundup_has_a_channel(parsed, before)
            now = self._clock()
            changed = [k for k in parsed if k in old_text and _differs(k, parsed[k], before)]
            for key in changed:
                await self._apply(s, team_id, key, parsed[key], before, by, now)
            current = await self._current(s, team_id)
            after = current.as_text()
            made = tuple(Change(k, old_text[k], after[k], by, now) for k in changed)
            for c in made:
                await q.record_change(s, team_id, c.changed_by, c.key, c.old, c.new, now)
            if made:
                await _on_admins_tabs(s, team_id, by, before, current, now)
            return made

    async def installed_by(self, team_id: str, user_id: str) -> None:
        """Whoever installs askaround in a workspace nobody has configured yet may configure
        it: they are named its first askaround admin (in the audit, as their change). Slack
        lets members who are not its admins install apps, and such an installer was told only
        admins may change the settings they had just installed. A workspace with askaround
        admins, or settings changed before, keeps what it has."""
        async with self._sessions() as s:
            workspace = await workspaces.find_workspace(s, team_id)
            configured = workspace is not None and (
                bool(workspace.askaround_admins) or await q.change_count(s, team_id) > 0
            )
        if not configured:
            await self.change(team_id, {"askaround_admins": user_id}, by=user_id, installing=True)

    async def audit(
        self, team_id: str, viewer: str, *, slack_admin: bool, nameable: bool, limit: int = 20
    ) -> tuple[tuple[Change, ...], int]:
        """The newest `limit` changes, for an admin to read, and how many older ones are
        left out (the log is kept whole)."""
        async with self._sessions() as s, s.begin():
            if viewer != CLI and not await self._is_admin(
                s, team_id, viewer, slack_admin, nameable
            ):
                raise NotAnAdmin(NOT_AN_ADMIN)
            rows = await q.changes(s, team_id, limit)
            total = await q.change_count(s, team_id)
        changes = tuple(
            Change(r.key, r.old_value, r.new_value, r.changed_by, r.changed_at) for r in rows
        )
        return changes, total - len(changes)

    async def _is_admin(
        self,
        s: AsyncSession,
        team_id: str,
        user_id: str,
        slack_admin: bool,
        nameable: bool,
        *,
        read: bool = False,
    ) -> bool:
        """`read`: nothing else is done in the unit of work, which need not take SQLite's write
        lock (`ensure_workspace`'s insert) where the settings exist, as they nearly always do:
        one read of what decides (the Home tab asks on every build)."""
        found = await workspaces.admin_facts(s, team_id, user_id) if read else None
        if found is not None:
            named, roles = found.askaround_admins, found.roles
        else:
            workspace = await workspaces.ensure_workspace(s, team_id)
            person = await people_queries.get_person(s, team_id, user_id)
            named, roles = workspace.askaround_admins, person.roles if person else None
        return visibility.may_configure(
            slack_admin, roles, user_id=user_id, named=named or (), nameable=nameable
        )

    async def _current(self, s: AsyncSession, team_id: str) -> WorkspaceSettings:
        w = await workspaces.ensure_workspace(s, team_id)
        values = await q.company_values(s, team_id)
        return _settings(
            w,
            [v.name for v in values if v.retired_at is None],
            [v.name for v in values if v.retired_at is not None],
            await q.watched_channels(s, team_id),
        )

    async def _apply(
        self,
        s: AsyncSession,
        team_id: str,
        key: str,
        value: Any,
        before: WorkspaceSettings,
        by: str,
        now: datetime,
    ) -> None:
        if key in COLUMNS:
            await workspaces.configure(s, team_id, **{COLUMNS[key]: value})
        elif key == "kudos_reactions":
            await workspaces.configure(s, team_id, kudos_reactions=", ".join(value))
        elif key == "askaround_admins":
            await workspaces.configure(s, team_id, askaround_admins=list(value))
        elif key == "watched_channels":
            for channel in set(before.watched_channels) - set(value):
                await watching.unwatch(s, team_id, channel)
            for channel in value:
                await watching.watch(s, team_id, channel, by)
        elif key == "values":
            await _apply_values(s, team_id, value, before, now)


def _settings(
    w: Workspace, values: Sequence[str], retired: Sequence[str], watched: Sequence[str]
) -> WorkspaceSettings:
    return WorkspaceSettings(
        values=tuple(values),
        retired_values=tuple(retired),
        daily_allowance=w.daily_allowance,
        role_allowances=dict(w.role_allowances or {}),
        min_reason_length=w.min_reason_length,
        values_required=w.values_required,
        kudos_channel=w.kudos_channel_id,
        kudos_reactions=parse_reactions(w.kudos_reactions),
        digest_weekday=w.digest_weekday % len(WEEKDAYS),
        digest_hour=w.digest_hour,
        digest_scope=w.digest_scope,
        digest_roundup=w.digest_roundup,
        watched_channels=tuple(watched),
        askaround_admins=tuple(w.askaround_admins or ()),
    )


async def _apply_values(
    s: AsyncSession, team_id: str, change: ValuesChange, before: WorkspaceSettings, now: datetime
) -> None:
    descriptions = {v.name: v.description for v in await q.company_values(s, team_id)}
    renamed = dict(change.renames)
    for name in change.active:
        old = next((o for o, n in change.renames if n == name), None)
        await q.add_value(s, team_id, name, descriptions.get(old or name, ""))
    for name in before.values:
        if name not in change.active or name in renamed:
            await q.retire_value(s, team_id, name, now)


def renames_keep_the_rest(change: ValuesChange, before: WorkspaceSettings) -> ValuesChange:
    """Renames alone (`craft -> quality`) rename those values and keep the others: an admin
    renaming one at a shell does not mean to retire the rest. A list with anything but
    renames is the whole list, as ever."""
    if not change.renames or len(change.renames) != len(change.active):
        return change
    renamed = dict(change.renames)
    kept = [renamed.get(name, name) for name in before.values]
    return ValuesChange(tuple(dict.fromkeys([*kept, *change.active])), change.renames)


def check_renames(change: ValuesChange, before: WorkspaceSettings) -> None:
    for old, _new in change.renames:
        if old not in before.values:
            raise SettingsRefused(
                {"values": f"#{old} is not one of the current values, so it can't be renamed."}
            )


def check_roundup_has_a_channel(parsed: Mapping[str, Any], before: WorkspaceSettings) -> None:
    """The weekly roundup is posted in the kudos channel: without one it would never go."""
    roundup = parsed.get("digest_roundup", before.digest_roundup)
    channel = parsed.get("kudos_channel", before.kudos_channel)
    touched = "digest_roundup" in parsed or "kudos_channel" in parsed
    if touched and roundup and not channel:
        if "kudos_channel" in parsed and before.kudos_channel:
            raise SettingsRefused(
                {"kudos_channel": "The public roundup is posted here: turn it off first."}
            )
        raise SettingsRefused(
            {"digest_roundup": "The public roundup is posted in the kudos channel: set one."}
        )


def check_kudos_possible(parsed: Mapping[str, Any], before: WorkspaceSettings) -> None:
    """Values required with no values left would refuse every kudos, so neither half of that
    is saved: say so next to the setting being changed."""
    if "values" not in parsed and "values_required" not in parsed:
        return
    values = parsed["values"].active if "values" in parsed else before.values
    required = parsed.get("values_required", before.values_required)
    if values or not required:
        return
    if "values" in parsed and before.values:
        raise SettingsRefused(
            {
                "values": "Kudos must name a company value (Values required), so keep at least "
                "one, or turn Values required off first."
            }
        )
    raise SettingsRefused(
        {"values_required": "There are no company values to require: add some first."}
    )


def _differs(key: str, value: Any, before: WorkspaceSettings) -> bool:
    if key == "values":  # a set: stored by name, their order is not kept
        return bool(value.renames) or set(value.active) != set(before.values)
    if key in ("watched_channels", "askaround_admins"):
        return set(value) != set(getattr(before, key))
    return bool(value != getattr(before, key))


async def _on_admins_tabs(
    s: AsyncSession,
    team_id: str,
    by: str,
    before: WorkspaceSettings,
    after: WorkspaceSettings,
    at: datetime,
) -> None:
    """The tabs showing the settings in brief rebuilt: the changer's and every askaround
    admin's, named before or after (one named gains the section, one taken off loses
    it), a handful. Those who see them as Slack's admins alone are known only to Slack,
    and everyone's kudos section (its allowance) catches up when opened: a change to the
    whole workspace rebuilds no tab of each colleague's."""
    named = {*before.askaround_admins, *after.askaround_admins}
    for user_id in sorted(named | ({by} - {CLI})):
        await home.changed(s, team_id, user_id, at)
