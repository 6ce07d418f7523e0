"""A person's App Home tab is rebuilt from the database by the outbox. A change that the tab
shows asks for a rebuild in the same transaction, so the rebuild can neither be lost after the
change commits nor happen for a change that was rolled back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox

HOME_PUBLISH = "home.publish"


async def changed(s: AsyncSession, team_id: str, user_id: str, at: datetime) -> None:
    """Rebuild this person's Home tab once the transaction commits; a rebuild still waiting
    for them covers this change as well, so a burst of changes is one publish."""
    await outbox.enqueue_refresh(
        s,
        team_id,
        HOME_PUBLISH,
        {"user_id": user_id},
        group=f"{HOME_PUBLISH}:{team_id}:{user_id}",
        at=at,
    )
