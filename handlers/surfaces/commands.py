"""Slash commands: `/askaround`."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.help import ASKAROUND_SUBCOMMANDS, COMMAND_LINE_ONLY, command_line_only, did_you_mean
from bot.safe_text import QUOTED_CHARS, clip, quoted, safe_text
from bot.services import Services
from handlers.blocks.elements import render_error, render_help
from handlers.blocks.greeting import render_empty_command
from handlers.client.admins import standing
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of


def register(router: Router, services: Services) -> None:
    @router.command("/askaround")
    async def askaround(
        ack: AsyncAck,
        command: dict[str, Any],
        context: Any,
        respond: AsyncRespond,
        client: AsyncWebClient,
    ) -> None:
        typed = command.get("text", "").strip()
        subcommand = typed.lower()
        if subcommand == "":
            await ack(**render_empty_command("/askaround"))
        elif subcommand.split(maxsplit=1)[0] == "help":  # `help me`, as /ask, /skills, /kudos
            await ack()  # the kudos lines name company values only where there are some
            rules = await services.kudos.rules(workspace_of(context))
            shown = render_help(has_values=bool(rules.values))
            await respond(response_type="ephemeral", **shown)
        elif (word := subcommand.split(maxsplit=1)[0]) in COMMAND_LINE_ONLY:  # README's setup
            await ack()
            team, user = workspace_of(context), str(command["user_id"])
            slack_admin, nameable = await standing(client, team, user)
            admin = await services.workspace_settings.is_admin(
                team, user, slack_admin=slack_admin, nameable=nameable
            )
            await respond(response_type="ephemeral", text=command_line_only(word, admin=admin))
        else:
            # as typed, not lowercased, `<@U1>` is markup Slack does not know; 5,000 characters
            # pasted would hide the hint after them
            said = clip(safe_text(typed), QUOTED_CHARS)
            meant = did_you_mean("/askaround", typed, ASKAROUND_SUBCOMMANDS)
            await ack(
                **render_error(
                    meant or f"I don't know {quoted(f'/askaround {said}')}. Try `/askaround help`."
                )
            )
