"""A giver's retry of kudos that went through: Slack showed them an error (the replica that
stored the request died before answering, and another replayed it), so they send the same
kudos again, with a new request id the idempotency key cannot match. The same recipients and
reason from the same giver while the first is still undoable is that retry, and is refused
with "already sent" instead of thanking the same people twice."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import KudosRefused
from bot.kudos.rules import UNDO_WINDOW
from storage import kudos as ledger


async def refuse_a_retry(
    s: AsyncSession,
    team_id: str,
    giver: str,
    recipients: Collection[str],
    reason: str,
    now: datetime,
) -> None:
    found = await ledger.same_reason_since(s, team_id, giver, reason, now - UNDO_WINDOW)
    batches: dict[str, set[str]] = defaultdict(set)
    for row in found:
        batches[row.batch_key or str(row.id)].add(row.receiver_user_id)
    if set(recipients) in batches.values():
        who = " ".join(f"<@{user_id}>" for user_id in recipients)
        raise KudosRefused(
            f"Already sent: your kudos to {who} for this went through a few minutes ago, "
            "even if Slack showed you an error. Nothing new was added."
        )
