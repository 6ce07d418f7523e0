"""A workspace's kudos rules, as its settings say them, read with what is stored of the giver:
every way of giving, and every read of the ledger that shows the rules, starts here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.kudos import rules as r
from bot.kudos.allowance import Giver
from storage import workspaces


def rules_of(workspace: Any, values: Sequence[str]) -> r.KudosRules:
    """The rules from a workspace's settings (a `Workspace`, or a row of its columns)."""
    return r.KudosRules(
        daily_allowance=workspace.daily_allowance,
        role_allowances=dict(workspace.role_allowances or {}),
        min_reason_length=workspace.min_reason_length,
        values_required=workspace.values_required,
        values=tuple(values),
        reactions=r.parse_reactions(workspace.kudos_reactions),
        kudos_channel_id=workspace.kudos_channel_id,
    )


async def rules_and_giver(
    s: AsyncSession, team_id: str, user_id: str = ""
) -> tuple[r.KudosRules, Giver]:
    """The workspace's rules and what is stored of `user_id`, in one read; the
    workspace's first use creates its settings (a write, once)."""
    rows = await workspaces.kudos_settings(s, team_id, user_id)
    if not rows:
        await workspaces.ensure_workspace(s, team_id)
        rows = await workspaces.kudos_settings(s, team_id, user_id)
    first = rows[0]
    rules = rules_of(first, [row.value for row in rows if row.value is not None])
    return rules, Giver(tuple(first.roles or ()), first.tz, bool(first.is_guest))
