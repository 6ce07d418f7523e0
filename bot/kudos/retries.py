"""A giver's retry of kudos that went through: Slack showed them an error (the replica that
stored the request died before answering, and another replayed it), so they send the same
kudos again, with a new request id the idempotency key cannot match. The same recipients and
reason from the same giver while the first is still undoable is that retry, and is refused
with "already sent" instead of thanking the same people twice. The answer names no time: a
request replayed after its replica died can be answered long after the kudos went through,
when Undo has ended too."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from bot.errors import KudosRefused
from bot.words import and_list


def refuse_a_retry(same_reason: Iterable[tuple[str, str]], recipients: Collection[str]) -> None:
    """`same_reason`: the (act, recipient) of each of the giver's live entries with this
    reason within the undo window (`storage.kudos.given_before`), other acts only."""
    batches: dict[str, set[str]] = defaultdict(set)
    for batch, receiver in same_reason:
        batches[batch].add(receiver)
    if set(recipients) in batches.values():
        who = and_list([f"<@{user_id}>" for user_id in recipients])
        raise KudosRefused(
            f"Already sent: your kudos to {who} for this went through (even if Slack showed "
            "you an error), so nothing new was added. To change it, press Undo on that one "
            "while it shows and send it again; after that, an askaround admin can take it back."
        )
