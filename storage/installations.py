"""Which workspaces have the app installed (OAuth mode). slack-sdk's installation store saves
and finds single installations; what it cannot do is list them, which the jobs that run in
every workspace need."""

from __future__ import annotations

from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import SlackBot


async def installed_teams(
    session: AsyncSession, client_id: str, enterprise_id: str | None = None
) -> list[str]:
    """Every workspace with a bot token for this app (with `enterprise_id`, those of that
    Enterprise Grid organisation), in a stable order."""
    query = select(SlackBot.team_id).where(
        SlackBot.client_id == client_id,
        SlackBot.team_id.is_not(None),
        SlackBot.bot_token.is_not(None),
    )
    if enterprise_id is not None:
        query = query.where(SlackBot.enterprise_id == enterprise_id)
    rows = await session.scalars(query.distinct().order_by(SlackBot.team_id))
    return [team_id for team_id in rows if team_id]


async def installed_names(session: AsyncSession, client_id: str | None = None) -> dict[str, str]:
    """Every workspace with a bot token (for this app's `client_id`, or for any), in id
    order, with the name Slack gave it at its latest install ("" for none)."""
    query = select(SlackBot.team_id, SlackBot.team_name).where(
        SlackBot.team_id.is_not(None), SlackBot.bot_token.is_not(None)
    )
    if client_id is not None:
        query = query.where(SlackBot.client_id == client_id)
    latest = {
        team_id: name or ""
        for team_id, name in await session.execute(query.order_by(SlackBot.installed_at))
        if team_id
    }
    return dict(sorted(latest.items()))


async def latest_bot(
    session: AsyncSession, client_id: str, team_id: str
) -> Row[str | None, str | None] | None:
    """The workspace's latest install with a bot token, as its Enterprise Grid organisation
    (`enterprise_id`, None outside one) and that token (`bot_token`); None when it has none."""
    result = await session.execute(
        select(SlackBot.enterprise_id, SlackBot.bot_token)
        .where(
            SlackBot.client_id == client_id,
            SlackBot.team_id == team_id,
            SlackBot.bot_token.is_not(None),
        )
        .order_by(SlackBot.installed_at.desc())
        .limit(1)
    )
    return result.first()


async def enterprise_of(session: AsyncSession, client_id: str, team_id: str) -> str | None:
    """The Enterprise Grid organisation of the workspace's latest install with a bot token
    (None outside one): slack-sdk's store finds a bot by organisation and workspace both."""
    found = await latest_bot(session, client_id, team_id)
    return (found.enterprise_id or None) if found is not None else None
