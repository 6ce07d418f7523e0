"""Per-workspace configuration: what admins set, with the product's defaults."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class Workspace(Base):
    __tablename__ = "workspaces"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    kudos_channel_id: Mapped[str | None] = mapped_column(String(32))
    daily_allowance: Mapped[int] = mapped_column(default=5)
    # Role name → kudos a day for people with that role (the largest of a person's roles wins).
    role_allowances: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    min_reason_length: Mapped[int] = mapped_column(default=10)
    values_required: Mapped[bool] = mapped_column(default=False)
    # Up to ten reaction names of up to 100 characters, comma-separated.
    kudos_reactions: Mapped[str] = mapped_column(Text, default="kudos")
    digest_weekday: Mapped[int] = mapped_column(default=0)
    digest_hour: Mapped[int] = mapped_column(default=9)
    # Who a manager's weekly digest covers: "all" reports down the org chart, or "direct" ones.
    digest_scope: Mapped[str] = mapped_column(String(16), default="all", server_default="all")
    digest_roundup: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When Slack said the app was uninstalled here; the data is purged once the retention
    # (ASKAROUND_UNINSTALLED_RETENTION_DAYS) has passed, unless the workspace installs again.
    uninstalled_at: Mapped[datetime | None] = mapped_column(default=None)
    # When Slack said the bot token was revoked here (`tokens_revoked`), which may come before
    # `app_uninstalled`: the app is as removed, but the retention starts with the uninstall.
    bot_revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    # Counts deletions from people's profiles (forget me, the Edit profile modal, a network
    # entry removed): the insights' copy made at an older count is made again. Routing
    # applies them in place, through `skills_version`.
    profiles_version: Mapped[int] = mapped_column(default=0, server_default="0")
    # Counts changes routing's index cannot apply in place (a channel made private): a replica
    # whose index was built at an older count rebuilds it before the next question.
    rebuild_version: Mapped[int] = mapped_column(default=0, server_default="0")
    # Counts changes to people's declared skills and networks, and profiles forgotten: a
    # replica's routing index catches up with the people changed since its count
    # (`storage.routing_changes.skills_since`), in place.
    skills_version: Mapped[int] = mapped_column(default=0, server_default="0")
    # Counts kudos undone: a replica's routing index takes back the entries undone since its
    # count (`storage.routing_changes.kudos_since`), in place.
    kudos_version: Mapped[int] = mapped_column(default=0, server_default="0")
    # People an admin named askaround admins (besides Slack's admins and the "admin" role).
    askaround_admins: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    # When a replica last claimed the directory sync (users.list read to its end) here; None:
    # never, so the next start syncs it (`storage.workspaces.claim_directory_sync`).
    directory_synced_at: Mapped[datetime | None] = mapped_column(default=None)


class CompanyValue(Base):
    __tablename__ = "company_values"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    description: Mapped[str] = mapped_column(String(500), default="")
    # A retired value is kept so old kudos tagged with it still read as a value; new kudos
    # cannot use it.
    retired_at: Mapped[datetime | None] = mapped_column(default=None)


class SettingChange(Base):
    """The audit log: who changed which workspace setting, when, from what to what."""

    __tablename__ = "setting_changes"
    __table_args__ = (Index("ix_setting_changes_team_id_changed_at", "team_id", "changed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    # A Slack user id, or "cli" for the command line.
    changed_by: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
