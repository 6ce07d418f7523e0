"""The people askaround knows about, as Slack describes them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import home
from bot.directory.sync import SyncReport, record_directory
from storage import people as people_queries


@dataclass(frozen=True)
class Profile:
    """What the Slack directory says about one user, already parsed by an adapter."""

    user_id: str
    name: str
    real_name: str = ""
    email: str | None = None
    tz: str = "UTC"
    is_bot: bool = False
    deactivated: bool = False


@dataclass(frozen=True)
class HomeSummary:
    user_id: str
    known_colleagues: int


class PeopleService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def remember(self, team_id: str, profile: Profile) -> None:
        async with self._sessions() as session, session.begin():
            await self._remember(session, team_id, profile)

    async def opened_home(self, team_id: str, profile: Profile, at: datetime) -> None:
        """They opened the App Home tab: remember them as Slack describes them now, and
        rebuild the tab with it."""
        async with self._sessions() as session, session.begin():
            await self._remember(session, team_id, profile)
            await home.changed(session, team_id, profile.user_id, at)

    async def record_directory(
        self, team_id: str, profiles: Iterable[Profile], report: SyncReport
    ) -> SyncReport:
        """Everyone in Slack's `users.list`, recorded in one transaction (the directory sync)."""
        async with self._sessions() as session, session.begin():
            return await record_directory(session, team_id, profiles, report)

    async def _remember(self, session: AsyncSession, team_id: str, profile: Profile) -> None:
        await people_queries.upsert_profile(
            session,
            team_id,
            profile.user_id,
            name=profile.name,
            real_name=profile.real_name,
            email=profile.email,
            tz=profile.tz,
            is_bot=profile.is_bot,
            deactivated=profile.deactivated,
        )

    async def home(self, team_id: str, user_id: str) -> HomeSummary:
        async with self._sessions() as session:
            count = await people_queries.count_people(session, team_id)
        return HomeSummary(user_id=user_id, known_colleagues=count)
