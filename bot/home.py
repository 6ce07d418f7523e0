"""A person's App Home tab is rebuilt from the database by the outbox. A change that the tab
shows asks for a rebuild in the same transaction, so the rebuild can neither be lost after the
change commits nor happen for a change that was rolled back.

Only a tab its person has opened is rebuilt on change: one never opened is built when it is
(`app_home_opened`), from the database as it is then. Rebuilding everyone's was most of the
Slack calls a question or a kudos made (a `users.info`, the tab's reads and a `views.publish`
for each colleague asked, the helper, the asker, the giver), for tabs nobody looked at."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox, people
from storage.models import Person

HOME_PUBLISH = "home.publish"


async def changed(s: AsyncSession, team_id: str, user_id: str, at: datetime) -> None:
    """Rebuild this person's Home tab once the transaction commits; a rebuild still waiting
    for them covers this change as well, so a burst of changes is one publish. Nothing for
    someone who never opened the tab."""
    if await people.has_opened_home(s, team_id, user_id):
        await _rebuild(s, team_id, user_id, at)


async def changed_for(s: AsyncSession, person: Person, at: datetime) -> None:
    """`changed`, for someone whose row this unit of work read already: not read again."""
    if person.home_opened_at is not None:
        await _rebuild(s, person.team_id, person.user_id, at)


async def changed_among(
    s: AsyncSession,
    team_id: str,
    user_ids: Collection[str],
    at: datetime,
    *,
    managers_of: Collection[str] = (),
) -> None:
    """`changed`, for each of these people and for every manager above `managers_of`, whose
    tab sums up their team's week: who of them opened it found in one read."""
    for user_id in await people.opened_home_among(s, team_id, user_ids, managers_of=managers_of):
        await _rebuild(s, team_id, user_id, at)


def group(team_id: str, user_id: str) -> str:
    """What the keys of a person's rebuilds start with (`outbox.enqueue_refresh`)."""
    return f"{HOME_PUBLISH}:{team_id}:{user_id}"


async def _rebuild(s: AsyncSession, team_id: str, user_id: str, at: datetime) -> None:
    await outbox.enqueue_refresh(
        s, team_id, HOME_PUBLISH, {"user_id": user_id}, group=group(team_id, user_id), at=at
    )
