"""Who the bot is in a client's workspace (its team id and bot user id), asked of Slack
(`auth.test`) once per client: a token names one bot of one workspace, so the answer does
not change, and jobs that run every few minutes asked it on every run."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from slack_sdk.web.async_client import AsyncWebClient

_known: WeakKeyDictionary[AsyncWebClient, dict[str, Any]] = WeakKeyDictionary()


async def _auth(client: AsyncWebClient) -> dict[str, Any]:
    if client not in _known:
        _known[client] = dict((await client.auth_test()).data)  # type: ignore[arg-type]
    return _known[client]


async def team_of(client: AsyncWebClient) -> str:
    """The workspace this client's token acts in."""
    return str((await _auth(client))["team_id"])


async def bot_user_of(client: AsyncWebClient) -> str:
    """The bot's own user id in this client's workspace."""
    return str((await _auth(client))["user_id"])


def known_team(client: AsyncWebClient) -> str | None:
    """The workspace this client acts in if Slack has said already, without asking: for a log
    line written when Slack cannot be reached."""
    known = _known.get(client)
    return str(known["team_id"]) if known else None
