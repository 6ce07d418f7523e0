"""What people said never reaches the logs at INFO and above (docs/privacy.md, "Logs").

The private sources of the visibility matrix (a kudos in a private channel, one in a DM with
the bot, a declared network, a private question), then two questions asked in a DM with the
bot and agreed to: Slack refuses every message about the first, so that its deliveries are
logged as given up, and the second reaches the colleague. No log line at INFO or above
carries their words.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.slack.digests.conftest import PEOPLE
from tests.slack.harness import bot_in_process
from tests.slack.test_visibility_matrix import DM, NETWORK, PRIVATE, QUESTION, stage

ASKED = "quokkaask"


async def test_no_log_line_at_info_or_above_carries_private_words(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        assert (await slack.command("bob", "/skills", "add vault:4")).ok
        await slack.settle()
        slack.services.indexes.invalidate(slack.team_id)
        await slack.dm_bot("alice", f"how do we rotate the {ASKED} vault token?")
        await slack.settle()
        slack.emu.faults.add("chat.postMessage", error="invalid_blocks", times=None)
        await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
        await slack.drain()
        slack.emu.faults.rules.clear()
        await slack.dm_bot("alice", f"and the {ASKED} vault token for staging?")
        await slack.settle()
        await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
        await slack.drain()
        asked = [m.text for m in slack.emu.dm_messages(slack.user("bob")) if ASKED in m.text]
    logged = [
        f"{record.levelname} {record.getMessage()} {record.exc_text or ''}"
        for record in caplog.records
        if record.levelno >= logging.INFO
    ]
    assert asked and any("(question.offer) not sent: invalid_blocks" in line for line in logged)
    leaked = [
        line for line in logged for word in (PRIVATE, DM, NETWORK, QUESTION, ASKED) if word in line
    ]
    assert not leaked, leaked
