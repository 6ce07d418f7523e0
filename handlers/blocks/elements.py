"""Block Kit builders: pure functions from domain values to Slack message and view dicts."""

from __future__ import annotations

from typing import Any

from bot.help import INTRO, help_lines
from bot.people import HomeSummary

Blocks = list[dict[str, Any]]
SECTION_LIMIT = 3000


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": shorten(text, SECTION_LIMIT)}


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": mrkdwn(text)}


def context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [mrkdwn(text)]}


def button(text: str, action_id: str, value: str = "", style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": text},
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def actions(*elements: dict[str, Any], block_id: str | None = None) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "actions", "elements": list(elements)}
    if block_id:
        block["block_id"] = block_id
    return block


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_help(command: str | None = None) -> dict[str, Any]:
    """The reply to `/askaround help` (or one command's help), a mention or a DM."""
    lines = "\n".join(f"• {line}" for line in help_lines(command))
    return {
        "text": f"{INTRO}\n{lines}",
        "blocks": [
            section(f"*Hi, I'm askaround.* {INTRO}"),
            section(lines),
            context("Mention me with a question, or send me a direct message."),
        ],
    }


def render_error(message: str) -> dict[str, Any]:
    return {"text": message, "blocks": [section(f":warning: {message}")]}


def render_home_intro(summary: HomeSummary) -> Blocks:
    lines = "\n".join(f"• {line}" for line in help_lines())
    return [
        {"type": "header", "text": {"type": "plain_text", "text": "askaround"}},
        section(f"Welcome, <@{summary.user_id}>! {INTRO}"),
        section(f"*What you can do*\n{lines}"),
        context(f"askaround knows {summary.known_colleagues} colleagues in this workspace."),
    ]
