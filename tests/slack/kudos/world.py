"""Helpers for the kudos tests: read the ledger, find what people saw."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from slack_emulator import Message, View
from storage import workspaces
from storage.models import Kudos
from tests.e2e.harness import Harness


async def ledger(slack: Harness, *, live_only: bool = True) -> list[Kudos]:
    async with slack.services.sessions() as s:
        statement = select(Kudos).order_by(Kudos.id)
        if live_only:
            statement = statement.where(Kudos.undone_at.is_(None))
        return list(await s.scalars(statement))


async def configure(slack: Harness, **settings: Any) -> None:
    async with slack.services.sessions() as s, s.begin():
        await workspaces.configure(s, slack.team_id, **settings)


async def shift_kudos(slack: Harness, **changes: Any) -> None:
    """Rewrite every ledger row (e.g. move created_at) to stage a past."""
    async with slack.services.sessions() as s, s.begin():
        await s.execute(update(Kudos).values(**changes))


def ephemeral_text(slack: Harness, handle: str) -> str:
    return "\n".join(e.text for e in slack.emu.ephemerals(slack.user(handle)))


def kudos_posts(slack: Harness, channel: str) -> list[Message]:
    """The bot's kudos posts (shout-outs and seconds) in a channel; other features' posts,
    such as answers to questions, are not counted."""
    return [
        m
        for m in slack.emu.messages(slack.channel(channel))
        if m.by_bot and ("gave kudos" in m.text or "seconds this" in m.text)
    ]


def dm_text(slack: Harness, handle: str) -> str:
    return "\n".join(m.text for m in slack.emu.dm_messages(slack.user(handle)) if m.by_bot)


async def give(slack: Harness, handle: str, text: str, channel: str = "general") -> Any:
    delivery = await slack.command(handle, "/kudos", text, channel=channel)
    await slack.settle()
    return delivery


async def global_modal(slack: Harness, handle: str) -> View:
    """The Give kudos modal, opened by the global shortcut."""
    await slack.here.global_shortcut(slack.user(handle), "give_kudos_global")
    await slack.settle()
    modal = slack.here.open_modal(slack.user(handle))
    assert modal is not None
    return modal


def prefilled(modal: View) -> list[str] | None:
    """Who the Give kudos modal opened with in its recipients field (`initial_users`)."""
    users = next(b for b in modal.blocks if b.get("block_id") == "recipients")["element"]
    found: list[str] | None = users.get("initial_users")
    return found


async def submit_modal(
    slack: Harness,
    handle: str,
    modal: View,
    *,
    recipients: list[str] | None = None,
    reason: str = "",
    channel: str | None = None,
    values: list[str] | None = None,
) -> Any:
    """Fill in the Give kudos modal (only the inputs given) and press Submit."""
    filled: dict[str, Any] = {"reason": {"text": reason}}
    if recipients is not None:
        filled["recipients"] = {"users": [slack.user(h) for h in recipients]}
    if channel is not None:
        filled["channel"] = {"where": slack.channel(channel)}
    if values:
        filled["values"] = {"chosen": values}
    return await slack.here.submit_view(slack.user(handle), modal.id, filled)


async def give_in_modal(slack: Harness, handle: str, channel: str) -> None:
    """`handle` gives Bob kudos from the shortcut's modal, shown in `channel`."""
    modal = await global_modal(slack, handle)
    await submit_modal(
        slack,
        handle,
        modal,
        recipients=["bob"],
        reason="ran a calm incident review",
        channel=channel,
    )
