"""All tables, imported in one place so `Base.metadata` is complete for Alembic."""

from storage.models.base import Base, utcnow
from storage.models.delivery import BotDm, DigestRun, OutboxItem
from storage.models.directory import (
    Connection,
    Person,
    PersonSkill,
    ReportingChange,
    Skill,
    SkillAlias,
)
from storage.models.inbox import InboxItem, Replica
from storage.models.installation import SlackBot, SlackInstallation, SlackOAuthState
from storage.models.kudos import Kudos
from storage.models.questions import Offer, Question, QuietUntil, WatchedChannel
from storage.models.workspace import CompanyValue, SettingChange, Workspace

__all__ = [
    "Base",
    "BotDm",
    "CompanyValue",
    "Connection",
    "DigestRun",
    "InboxItem",
    "Kudos",
    "Offer",
    "OutboxItem",
    "Person",
    "PersonSkill",
    "Question",
    "QuietUntil",
    "Replica",
    "ReportingChange",
    "SettingChange",
    "Skill",
    "SkillAlias",
    "SlackBot",
    "SlackInstallation",
    "SlackOAuthState",
    "WatchedChannel",
    "Workspace",
    "utcnow",
]
