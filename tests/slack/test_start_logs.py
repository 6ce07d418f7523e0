"""What an admin reads as the bot starts: no warning about a setting that is right."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.slack.harness import bot_in_process


async def test_an_exported_bot_token_draws_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """SLACK_BOT_TOKEN exported (systemd, a container), as the README says to: Bolt read it
    too and warned "As you gave `client` as well, `token` will be unused" at every start,
    which reads like a misconfiguration. The bot's own client carries the token."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-exported")
    with caplog.at_level(logging.WARNING):
        async with bot_in_process(tmp_path):
            pass
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [m for m in warned if "will be unused" in m], warned


async def test_the_empty_oauth_lines_of_the_example_env_file_start_the_bot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cp .env.example .env` leaves `SLACK_CLIENT_ID=` and `SLACK_CLIENT_SECRET=` empty, and
    systemd's EnvironmentFile and `docker run --env-file` (docs/deploy.md) export them so:
    empty means none, as for every other setting. Bolt took them for OAuth, and the bot
    refused to start ("SLACK_CLIENT_ID is exported but empty")."""
    monkeypatch.setenv("SLACK_CLIENT_ID", "")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "")
    async with bot_in_process(tmp_path) as slack:
        await slack.command("alice", "/kudos", "@bob for the calm incident review")
        await slack.settle()
        assert "Kudos sent to" in slack.emu.ephemerals(slack.user("alice"))[-1].text
