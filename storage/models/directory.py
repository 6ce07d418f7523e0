"""Who works here and what they know: people, the skill vocabulary, profiles and networks."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, TeamScoped, utcnow


class Person(TeamScoped, Base):
    __tablename__ = "people"
    __table_args__ = (
        UniqueConstraint("team_id", "user_id"),
        Index("ix_people_team_skills_version", "team_id", "skills_version"),
        # Namesakes (`people.display_names`): a name is told apart from anyone's of the workspace.
        Index("ix_people_team_real_name", "team_id", "real_name"),
        Index("ix_people_team_name", "team_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), default="")
    real_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    tz: Mapped[str] = mapped_column(String(64), default="UTC")
    title: Mapped[str] = mapped_column(String(200), default="")
    team_name: Mapped[str] = mapped_column(String(200), default="")
    manager_user_id: Mapped[str | None] = mapped_column(String(32), index=True)
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_bot: Mapped[bool] = mapped_column(default=False)
    deactivated: Mapped[bool] = mapped_column(default=False)
    # A guest of this workspace (Slack's `is_restricted`: multi- and single-channel guests),
    # who reads only the channels they were invited to (`bot.visibility`).
    is_guest: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Slack's `updated` of the profile stored (seconds), so a late event cannot undo a newer one.
    slack_updated: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    routing_status: Mapped[str] = mapped_column(String(16), default="available")
    away_until: Mapped[date | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The workspace's skills_version when this person's declared skills last changed.
    skills_version: Mapped[int] = mapped_column(default=0, server_default="0")
    # When they last opened askaround's Home tab: only a tab someone has seen is rebuilt as
    # what it shows changes (`bot.home.changed`); one never opened is built when it is.
    home_opened_at: Mapped[datetime | None]
    # Not indexed alone (`TeamScoped` would): the unique (team_id, user_id) and the indexes
    # above lead with it, and a query by the workspace alone is planned as well on them, on
    # SQLite and PostgreSQL (migration 0033).
    team_id: Mapped[str] = mapped_column(String(32))


class Skill(TeamScoped, Base):
    __tablename__ = "skills"
    __table_args__ = (UniqueConstraint("team_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(100))


class SkillAlias(TeamScoped, Base):
    __tablename__ = "skill_aliases"
    __table_args__ = (UniqueConstraint("team_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    alias: Mapped[str] = mapped_column(String(100))
    skill_id: Mapped[int] = mapped_column(ForeignKey("skills.id", ondelete="CASCADE"), index=True)


class PersonSkill(TeamScoped, Base):
    __tablename__ = "person_skills"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    level: Mapped[int] = mapped_column(default=3)
    source: Mapped[str] = mapped_column(String(16), default="declared")
    evidence: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Connection(TeamScoped, Base):
    """One entry of a person's network: a colleague, or an outside contact or community."""

    __tablename__ = "connections"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    colleague_user_id: Mapped[str | None] = mapped_column(String(32))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    relationship: Mapped[str] = mapped_column(String(16), default="functional")


class ReportingChange(Base):
    """A change of whom someone reports to, from `changed_at` on (`old_manager_user_id` until
    then): the org chart's history, so a week's digest counts each kudos and help by the team
    its person was in when it happened. Someone with no row has reported to their `people`
    row's manager since ever, as the chart read before there was history (migration 0036)."""

    __tablename__ = "reporting_changes"
    __table_args__ = (
        # Whether the chart changed since a window began, and its moments (`team_history`).
        Index("ix_reporting_changes_team_changed_at", "team_id", "changed_at"),
        Index("ix_reporting_changes_team_user", "team_id", "user_id", "changed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    old_manager_user_id: Mapped[str | None] = mapped_column(String(32))
    new_manager_user_id: Mapped[str | None] = mapped_column(String(32))
    changed_at: Mapped[datetime]
