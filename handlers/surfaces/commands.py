"""Slash commands: `/askaround`."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot.help import ASKAROUND_SUBCOMMANDS, did_you_mean
from bot.safe_text import QUOTED_CHARS, clip, safe_text
from bot.services import Services
from handlers.blocks.elements import render_error, render_help
from handlers.blocks.greeting import render_empty_command
from handlers.dispatch.router import Router


def register(router: Router, services: Services) -> None:
    @router.command("/askaround")
    async def askaround(ack: AsyncAck, command: dict[str, Any]) -> None:
        typed = command.get("text", "").strip()
        subcommand = typed.lower()
        if subcommand == "":
            await ack(**render_empty_command("/askaround"))
        elif subcommand == "help":
            await ack(**render_help())
        else:
            # as typed, not lowercased, `<@U1>` is markup Slack does not know; 5,000 characters
            # pasted would hide the hint after them
            said = clip(safe_text(typed), QUOTED_CHARS)
            meant = did_you_mean("/askaround", typed, ASKAROUND_SUBCOMMANDS)
            await ack(
                **render_error(meant or f"I don't know `/askaround {said}`. Try `/askaround help`.")
            )
