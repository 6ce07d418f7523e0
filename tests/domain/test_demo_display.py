"""What the demo prints for an effect: as a person reads it in Slack, with how to go on."""

from __future__ import annotations

import pytest

from bot.runtime.demo.display import describe
from slack_emulator import Effect, SlackEmulator

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def _input(label: str, action_id: str) -> dict[str, object]:
    return {
        "type": "input",
        "block_id": action_id,
        "label": {"type": "plain_text", "text": label},
        "element": {"type": "plain_text_input", "action_id": action_id},
    }


def test_a_form_says_how_to_fill_it_in_and_links_here_show_their_label() -> None:
    """A modal with fields ends with the `submit` line for its first two; one without
    (an audit log) gets none. A link into the emulated workspace shows its label only, as
    Slack does (its URL opens nothing from a terminal); a link elsewhere keeps its URL."""
    emu = SlackEmulator("secret")
    ws = emu.workspace
    zoe = ws.add_user("zoe")
    fields = [_input(label, f"f{i}") for i, label in enumerate(["Who?", "Why?", "Values"])]
    form = describe(emu, Effect(1, "modal_opened", (zoe.id,), blocks=fields))
    assert form is not None and form.endswith(
        "\n    (to fill it in and press Submit: @zoe submit Who?=…; Why?=…)"
    )
    log = [{"type": "section", "text": {"type": "mrkdwn", "text": "@zoe changed a value"}}]
    assert "submit" not in str(describe(emu, Effect(2, "modal_opened", (zoe.id,), blocks=log)))
    text = f"<{ws.url}archives/C1/p1|See the question in Slack> or <https://x.example/doc|the doc>"
    posted = Effect(
        3, "message_posted", (zoe.id,), channel=ws.general.id, text=text, actor=ws.bot_user_id
    )
    assert describe(emu, posted) == (
        "  [#general · askaround]\n    See the question in Slack or the doc (https://x.example/doc)"
    )
