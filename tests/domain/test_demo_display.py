"""What the demo prints for an effect: as a person reads it in Slack, with how to go on."""

from __future__ import annotations

from typing import Any

import pytest

from bot.runtime.demo.display import describe
from slack_emulator import Effect, SlackEmulator

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def _input(label: str, action_id: str) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": action_id,
        "label": {"type": "plain_text", "text": label},
        "element": {"type": "plain_text_input", "action_id": action_id},
    }


def test_a_form_says_how_to_fill_it_in_and_links_here_show_their_label() -> None:
    """A modal with fields ends with the `submit` line for those it needs (required and
    empty), else for its first; one without (an audit log) gets none. A link into the
    emulated workspace shows its label only, as Slack does (its URL opens nothing from a
    terminal); a link elsewhere keeps its URL."""
    emu = SlackEmulator("secret")
    ws = emu.workspace
    zoe = ws.add_user("zoe")
    who, why, values, channel = (_input(label, label) for label in ["Who?", "Why?", "Values", "In"])
    who["element"]["initial_users"] = [zoe.id]
    values["optional"] = True
    form = describe(emu, Effect(1, "modal_opened", (zoe.id,), blocks=[who, why, values, channel]))
    assert form is not None and form.endswith(
        "\n    (to fill it in and press Submit: @zoe submit Why?=…; In=…)"
    )
    settings = describe(emu, Effect(2, "modal_opened", (zoe.id,), blocks=[who, values]))
    assert str(settings).endswith("(to fill it in and press Submit: @zoe submit Who?=…)")
    log = [{"type": "section", "text": {"type": "mrkdwn", "text": "@zoe changed a value"}}]
    assert "submit" not in str(describe(emu, Effect(3, "modal_opened", (zoe.id,), blocks=log)))
    text = f"<{ws.url}archives/C1/p1|See the question in Slack> or <https://x.example/doc|the doc>"
    posted = Effect(
        4, "message_posted", (zoe.id,), channel=ws.general.id, text=text, actor=ws.bot_user_id
    )
    assert describe(emu, posted) == (
        "  [#general · askaround]\n    See the question in Slack or the doc (https://x.example/doc)"
    )
