"""Interactions of ids askaround never declares or posts, in Slack's own shapes (bolt-python's
scenario tests: a button in a message, a global and a message shortcut, a form submitted, a
menu's options asked for; `tests/slack/payloads/`), and a slash command renamed in the app's
settings, over the bot's real HTTP server and its Socket Mode connection. Slack sends them for
a button or a form an app no longer has (an old message, a manifest changed since) and a
stand-in for Slack may send any id. Each is answered 200 at once and does nothing: Bolt
answered 404 ("Unhandled request", a WARNING with a suggested listener), which Slack shows the
person as an error, and over Socket Mode it was never acked at all."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.e2e.harness import Harness
from tests.slack.test_real_payloads import request_of

pytestmark = pytest.mark.database_independent

NOT_OURS = [
    "block_actions_of_a_button_askaround_never_posts",
    "global_shortcut_askaround_does_not_declare",
    "message_shortcut_askaround_does_not_declare",
    "view_submission_of_a_form_askaround_never_opens",
    "block_suggestion_of_a_menu_askaround_never_posts",
]


async def test_interactions_askaround_does_not_know_are_acked_and_do_nothing(
    slack_both: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    slack = slack_both
    caplog.set_level(logging.INFO)
    await slack.settle()
    before = len(slack.emu.calls)
    for name in NOT_OURS:
        kind, payload = request_of(slack, name)
        sent = await slack.emu.send_request(kind, payload, accepts_response=True)
        assert sent.ok and len(sent.attempts) == 1, (name, sent.status)
        options = payload["type"] == "block_suggestion"
        expected: dict[str, Any] | None = {"options": []} if options else None
        assert sent.response == expected, name
    kind, form = request_of(slack, "ask_in_the_dm_with_the_bot")
    form["command"] = "/thanks"  # renamed in the app's settings, not in manifest.yml
    renamed = await slack.emu.send_request(kind, form, accepts_response=True)
    assert renamed.ok and len(renamed.attempts) == 1
    assert "no `/thanks` command" in (renamed.response or {})["text"]
    await slack.settle()
    # Nothing posted, opened or looked up (Bolt checks the token on its first request).
    assert [c.method for c in slack.emu.calls[before:] if c.method != "auth.test"] == []
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert problems == [] and not [r for r in caplog.records if r.exc_info]
